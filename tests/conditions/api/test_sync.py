"""Syncing apps: every knowledge record carries its updated_version, and ?changed_since=<version> on every list
gives only what changed after that version, with the codes of the records removed since."""

import pytest

from conditions import models as m
from conditions.kinds import API_KINDS
from conditions.versioning import bump_knowledge_version, knowledge_version
from tests.factories import make_symptom

pytestmark = pytest.mark.django_db

LISTS = [f"/api/v1/{kind.api.path}/" for kind in API_KINDS if kind.api]


def published() -> str:
    """Publish what the test changed as a new version, as the commit of a curated change does."""
    # Within a test's transaction the on-commit bump is registered once; each step here is a version of its own.
    bump_knowledge_version()
    return knowledge_version()


def codes(body: dict) -> list[str]:
    return [record["code"] for record in body["results"]]


@pytest.mark.parametrize("url", LISTS)
def test_every_record_in_every_list_carries_its_updated_version(api, url):
    version = knowledge_version()
    body = api.get(url).json()
    assert body["results"] and all(record["updated_version"] == version for record in body["results"])


def test_a_detail_carries_its_updated_version(api):
    assert api.get("/api/v1/conditions/sciatica/").json()["updated_version"] == knowledge_version()


@pytest.mark.parametrize("url", LISTS)
def test_nothing_changed_since_the_current_version(api, url):
    body = api.get(f"{url}?changed_since={knowledge_version()}").json()
    assert body["count"] == 0 and body["results"] == [] and body["removed"] == []


def test_an_app_syncs_only_what_changed_and_learns_what_was_removed(api):
    synced = knowledge_version()
    fever = m.Symptom.objects.get(code="fever")
    fever.question = "Have you felt hot and shivery?"
    fever.save()
    fever_changed = published()
    # Removing a symptom removes its evidence rows, which the conditions list: they change too.
    with_evidence = set(
        m.Condition.objects.filter(symptom_links__symptom__code="pain-dull-ache").values_list("code", flat=True)
    )
    assert with_evidence
    m.Symptom.objects.get(code="pain-dull-ache").delete()
    published()
    added = make_symptom()
    published()
    # a link row: the evidence lists it on the condition and on the test, so both have changed
    link = m.ConditionTest.objects.get(condition__code="piriformis-syndrome", test__code="fair-test")
    link.sensitivity = 0.8
    link.save()
    now = published()

    symptoms = api.get(f"/api/v1/symptoms/?changed_since={synced}").json()
    assert sorted(codes(symptoms)) == sorted(["fever", added.code])
    assert {record["code"]: record["updated_version"] for record in symptoms["results"]}["fever"] == fever_changed
    assert symptoms["removed"] == ["pain-dull-ache"]
    changed = codes(api.get(f"/api/v1/conditions/?changed_since={synced}&page_size=200").json())
    assert sorted(changed) == sorted(with_evidence | {"piriformis-syndrome"})
    assert codes(api.get(f"/api/v1/clinical-tests/?changed_since={synced}").json()) == ["fair-test"]
    assert api.get(f"/api/v1/nerve-roots/?changed_since={synced}").json()["count"] == 0
    assert api.get("/api/v1/conditions/piriformis-syndrome/").json()["updated_version"] == now
    assert api.get("/api/v1/symptoms/fever/").json()["updated_version"] == fever_changed != now


def test_syncing_from_the_version_a_change_published_misses_nothing_after_it(api):
    m.Symptom.objects.filter(code="fever").first().save()
    published()
    middle = api.get("/api/v1/symptoms/fever/").json()["updated_version"]
    m.Symptom.objects.filter(code="pain-dull-ache").first().save()
    published()
    assert codes(api.get(f"/api/v1/symptoms/?changed_since={middle}").json()) == ["pain-dull-ache"]


def test_a_change_to_a_cited_source_list_changes_the_record(api):
    synced = knowledge_version()
    m.Condition.objects.get(code="sciatica").sources.clear()
    published()
    assert codes(api.get(f"/api/v1/conditions/?changed_since={synced}").json()) == ["sciatica"]


def test_a_criterion_changes_its_red_flag(api):
    synced = knowledge_version()
    criterion = m.TriggerCriterion.objects.filter(trigger__red_flag__code="cauda-equina").first()
    criterion.save()
    published()
    assert codes(api.get(f"/api/v1/red-flags/?changed_since={synced}").json()) == ["cauda-equina"]


def test_changed_since_combines_with_the_other_filters(api):
    synced = knowledge_version()
    for code in ("sciatica", "hip-osteoarthritis"):
        m.Condition.objects.get(code=code).save()
    published()
    body = api.get(f"/api/v1/conditions/?changed_since={synced}&nerve_root=L5").json()
    assert codes(body) == ["sciatica"]


@pytest.mark.parametrize(
    ("value", "code"), [("999.0badc0de", "unknown_version"), ("yesterday", "unknown_version"), ("", "invalid")]
)
def test_a_version_never_published_is_a_400_naming_changed_since(api, value, code):
    response = api.get(f"/api/v1/conditions/?changed_since={value}")
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {"field": "changed_since", "code": code, "message": response.json()["errors"][0]["message"]}
    ]


def test_a_syncing_list_answers_304_to_its_etag_and_keeps_changed_since_in_its_links(api):
    synced = knowledge_version()
    for code in ("fever", "pain-dull-ache"):
        m.Symptom.objects.get(code=code).save()
    published()
    url = f"/api/v1/symptoms/?changed_since={synced}&page_size=1"
    first = api.get(url)
    assert first.json()["count"] == 2
    assert f"changed_since={synced}" in first.json()["next"]
    assert api.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_a_syncing_list_costs_the_same_queries_however_many_records_changed(api, django_assert_num_queries):
    synced = knowledge_version()
    m.Symptom.objects.get(code="fever").save()
    published()
    url = f"/api/v1/symptoms/?changed_since={synced}"
    # version, the version's time (filter), count, page, versions, the version's time (removed), the removed codes
    with django_assert_num_queries(7):
        assert api.get(url).json()["count"] == 1
    for symptom in m.Symptom.objects.all()[:30]:
        symptom.save()
    m.Symptom.objects.get(code="pain-dull-ache").delete()
    published()
    with django_assert_num_queries(7):
        body = api.get(url).json()
    assert body["count"] > 20 and body["removed"] == ["pain-dull-ache"]
