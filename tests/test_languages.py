"""Languages and countries: every lay-facing text in Turkish, negotiation and fallback, the emergency number of
the person's country, and an assessment and an interview answered in Turkish."""

import json
import re
import string

import pytest

from assessments.engine.messages import TEMPLATES, TEMPLATES_DIR, templates_in
from assessments.engine.places import EU_MEMBERS, PLACES
from assessments.models import Assessment
from conditions import models as m
from conditions.kinds import fixture_files
from conditions.loading import FIXTURES_DIR
from conditions.translation import TRANSLATED, texts_of
from tests.assessments.vignettes import VIGNETTES

pytestmark = pytest.mark.django_db

SECOND_LANGUAGES = ("tr",)
CAUDA_EQUINA = next(case for case in VIGNETTES if case.name.startswith("Cauda equina syndrome: saddle numbness"))


def shipped_records():
    for name in fixture_files():
        for record in json.loads((FIXTURES_DIR / f"{name}.json").read_text()):
            yield record["model"], record["fields"]


@pytest.mark.parametrize("language", SECOND_LANGUAGES)
def test_every_translated_text_of_every_shipped_record_has_its_translation_and_a_status(language):
    translated = {model._meta.label_lower: model for model in TRANSLATED}
    missing, seen = [], 0
    for label, fields in shipped_records():
        if label not in translated:
            continue
        seen += 1
        name = fields.get("code") or fields.get("red_flag") or fields.get("condition")
        for field in texts_of(translated[label]):
            if fields[field] and not fields.get(f"{field}_{language}"):
                missing.append(f"{label} {name}: {field}_{language}")
        if "translation_status" in fields and fields["translation_status"].get(language) not in ("draft", "approved"):
            missing.append(f"{label} {name}: translation_status[{language}]")
    assert seen > 300 and missing == []


SAME_WORD = {"answer.reflex_normal"}  # "Normal" in Turkish too


def placeholders(template: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(template) if name)


@pytest.mark.parametrize("language", SECOND_LANGUAGES)
def test_every_message_template_has_a_translation_with_the_same_placeholders(language):
    translated = templates_in(language)
    own = json.loads((TEMPLATES_DIR / f"{language}.json").read_text())
    assert set(own) == set(TEMPLATES), "the language's file has a template for every key, and no other"
    for key, english in TEMPLATES.items():
        assert translated[key] != english or key in SAME_WORD, f"{key} is not translated"
        assert placeholders(translated[key]) == placeholders(english), key


def test_a_knowledge_read_answers_in_the_language_asked_for_and_says_so(api):
    sciatica = m.Condition.objects.get(code="sciatica")
    english = api.get("/api/v1/conditions/sciatica/")
    turkish = api.get("/api/v1/conditions/sciatica/", HTTP_ACCEPT_LANGUAGE="tr-TR,tr;q=0.9,en;q=0.5")
    assert english["Content-Language"] == "en" and turkish["Content-Language"] == "tr"
    assert english.json()["name"] == sciatica.name_en and turkish.json()["name"] == sciatica.name_tr
    assert turkish.json()["summary"] == sciatica.summary_tr
    assert turkish.json()["translation"] == {"language": "tr", "status": "draft", "fallback": []}
    assert english.json()["translation"] == {"language": "en", "status": "source", "fallback": []}
    assert "Accept-Language" in turkish["Vary"] and english["ETag"] != turkish["ETag"]
    # ?lang= wins over the header, and an unknown language falls back to English.
    assert api.get("/api/v1/conditions/sciatica/?lang=tr", HTTP_ACCEPT_LANGUAGE="en").json()["name"] == sciatica.name_tr
    assert api.get("/api/v1/conditions/sciatica/", HTTP_ACCEPT_LANGUAGE="fr").json()["name"] == sciatica.name_en


def test_the_cache_keeps_each_language_apart(api):
    english = api.get("/api/v1/symptoms/").json()
    turkish = api.get("/api/v1/symptoms/", HTTP_ACCEPT_LANGUAGE="tr").json()
    assert english["results"][0]["name"] != turkish["results"][0]["name"]
    etag = api.get("/api/v1/symptoms/", HTTP_ACCEPT_LANGUAGE="tr")["ETag"]
    assert api.get("/api/v1/symptoms/", HTTP_ACCEPT_LANGUAGE="tr", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert api.get("/api/v1/symptoms/", HTTP_IF_NONE_MATCH=etag).status_code == 200  # English is another body


def test_a_text_without_a_translation_is_served_in_english_and_named_as_fallen_back(api):
    m.Condition.objects.filter(code="sciatica").update(summary_tr="")
    body = api.get("/api/v1/conditions/sciatica/?lang=tr").json()
    assert body["summary"] == m.Condition.objects.get(code="sciatica").summary_en
    assert (
        body["translation"]["fallback"] == ["summary"]
        and body["name"] == m.Condition.objects.get(code="sciatica").name_tr
    )


def test_an_unknown_lang_parameter_is_a_400_naming_it(api):
    response = api.get("/api/v1/conditions/sciatica/?lang=xx")
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {"field": "lang", "code": "invalid_choice", "message": "Give one of the languages: en, tr."}
    ]


@pytest.mark.parametrize(
    ("country", "number"),
    [("GB", "999"), ("TR", "112"), ("US", "911"), ("AU", "000"), ("DE", "112"), ("fr", "112")],
)
def test_an_emergency_names_the_emergency_number_of_the_persons_country(api, country, number):
    response = api.post("/api/v1/assessments/", {**CAUDA_EQUINA.request, "country": country}, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["triage"]["level"] == "emergency"
    assert f"({number})" in body["triage"]["advice"]["text"] and f"call {number}" in body["disclaimer"]


def test_the_country_table_has_the_cited_numbers():
    assert {code: PLACES[code].emergency_number for code in ("GB", "TR", "US", "AU")} == {
        "GB": "999",
        "TR": "112",
        "US": "911",
        "AU": "000",
    }
    assert len(EU_MEMBERS) == 27 and {PLACES[code].emergency_number for code in EU_MEMBERS} == {"112"}


def test_a_country_without_a_number_is_told_its_local_one_and_a_bad_code_is_a_400(api):
    body = api.post("/api/v1/assessments/", {**CAUDA_EQUINA.request, "country": "JP"}, format="json").json()
    assert "the local emergency number" in body["triage"]["advice"]["text"]
    response = api.post("/api/v1/assessments/", {**CAUDA_EQUINA.request, "country": "T1"}, format="json")
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "country"


def test_an_assessment_in_turkish_for_turkey_says_112_in_turkish_and_is_kept_so(api):
    response = api.post(
        "/api/v1/assessments/", {**CAUDA_EQUINA.request, "country": "TR"}, format="json", HTTP_ACCEPT_LANGUAGE="tr"
    )
    assert response.status_code == 201 and response["Content-Language"] == "tr"
    body = response.json()
    cauda = m.Condition.objects.get(code="cauda-equina-syndrome")
    assert body["language"] == "tr" and body["conditions"][0]["name"] == cauda.name_tr
    advice = templates_in("tr")["advice.emergency"].format(emergency_number="112")
    assert body["triage"]["advice"] == {"text": advice, "message": "advice.emergency", "params": {"level": "emergency"}}
    assert "112" in body["disclaimer"] and "999" not in json.dumps(body)
    flag = body["triage"]["red_flags"][0]
    trigger = m.RedFlagTrigger.objects.get(red_flag__code=flag["code"], code=flag["trigger"])
    assert flag["action"] == trigger.action_tr
    assert not re.search(r"\b(the|and|with|your)\b", body["triage"]["advice"]["text"] + body["disclaimer"])
    # Read back in English, it is still the Turkish answer it was, and says so.
    again = api.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en")
    assert again["Content-Language"] == "tr" and again.json()["triage"] == body["triage"]
    assert Assessment.objects.get().input["country"] == "TR"


def test_an_interview_in_turkish_asks_the_curated_turkish_questions(api):
    start = {"age": 70, "sex": "female", "pain_regions": [{"region": "groin", "side": "right"}], "country": "TR"}
    body = api.post("/api/v1/interview/", start, format="json", HTTP_ACCEPT_LANGUAGE="tr").json()
    first = body["question"]["items"][0]
    symptom = m.Symptom.objects.get(code=first["code"])
    assert (
        first["text"] == symptom.question_tr
        and body["question"]["text"] == templates_in("tr")["question.warning_signs"]
    )
    assert [answer["text"] for answer in first["answers"]] == [
        templates_in("tr")[k] for k in ("answer.yes", "answer.no", "answer.not_sure")
    ]


def test_an_app_can_read_the_templates_in_each_language(api):
    english = api.get("/api/v1/messages/").json()
    turkish = api.get("/api/v1/messages/", HTTP_ACCEPT_LANGUAGE="tr")
    assert english == {"language": "en", "templates": dict(TEMPLATES)}
    assert turkish["Content-Language"] == "tr" and turkish.json()["templates"] == dict(templates_in("tr"))
