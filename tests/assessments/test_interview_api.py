"""POST /api/v1/interview/: the next question over HTTP, one query, nothing stored, strict about what it takes."""

import json
import shlex

import pytest

from assessments.api.examples import INTERVIEW_START
from assessments.api.interview import InterviewResultSerializer
from assessments.models import Assessment
from assessments.snapshot import published_knowledge
from tests.helpers import README, shell_blocks

pytestmark = pytest.mark.django_db
URL = "/api/v1/interview/"


def post(api, body):
    return api.post(URL, body, format="json")


def parts(question: dict) -> list[dict]:
    return question["items"] or [question]


def test_the_start_answers_the_warning_signs_first_with_what_each_answer_adds(api):
    response = post(api, INTERVIEW_START)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["should_stop"] is False and body["question"]["kind"] == "checklist"
    asked = [part["item"] for part in parts(body["question"])]
    assert set(asked) <= set(body["asked_for_safety"])
    assert "symptoms.unable-to-weight-bear" in asked
    answers = {answer["value"]: answer for answer in parts(body["question"])[0]["answers"]}
    assert answers[True]["then"] == "asked" and answers[None]["then"] == "skipped"
    assert len(body["conditions"]) == 5 and body["triage"]["level"]
    assert "no-store" in response["Cache-Control"]


def test_an_emergency_stops_at_once(api):
    body = post(api, {**INTERVIEW_START, "age": 82, "symptoms": {"unable-to-weight-bear": True}}).json()
    assert body["should_stop"] is True and body["question"] is None
    assert body["triage"]["level"] == "emergency"


# The answer that finds nothing, by kind: no symptom, no numbness, a self-check done well, a test negative.
NOTHING_FOUND = {"symptom": (False,), "sensory": (False,), "self_check": (True,), "test": ("negative", "normal")}


def answer_no(request: dict, question: dict) -> dict:
    """The request after answering every item of the question with nothing found, as the answers say."""
    request = {**request, "asked": list(request.get("asked", []))}
    for part in parts(question):
        answer = next(a for a in part["answers"] if a["value"] in NOTHING_FOUND[part["kind"]])
        for key, value in (answer["record"] or {}).items():
            request[key] = (
                {**request.get(key, {}), **value} if isinstance(value, dict) else request.get(key, []) + value
            )
        request[answer["then"]] = [*request.get(answer["then"], []), part["item"]]
    return request


def test_a_whole_interview_answered_no_stops_and_its_findings_post_as_an_assessment(api):
    request, questions = dict(INTERVIEW_START), 0
    while True:
        body = post(api, request).json()
        if body["question"] is None:
            break
        questions += 1
        request = answer_no(request, body["question"])
        assert questions < 20, "the interview did not stop"
    assert body["should_stop"] and not body["asked_for_safety"]
    findings = {key: value for key, value in request.items() if key not in ("asked", "skipped", "examiner")}
    assessed = api.post("/api/v1/assessments/", findings, format="json")
    assert assessed.status_code == 201
    assert assessed.json()["triage"]["level"] == body["triage"]["level"]
    assert Assessment.objects.count() == 1  # the interview itself stored nothing


def test_a_request_costs_one_query_once_the_knowledge_is_read(api, django_assert_num_queries):
    published_knowledge()
    with django_assert_num_queries(1):  # the knowledge version, to see the snapshot is current
        assert post(api, {**INTERVIEW_START, "asked": ["symptoms.fever"], "examiner": True}).status_code == 200


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        ({"asked": ["symptoms.no-such-symptom"]}, "asked.0", "unknown_code"),
        ({"skipped": ["weakness"]}, "skipped.0", "not_an_item"),
        ({"skipped": ["pain_regions.groin"]}, "skipped.0", "not_an_item"),
        ({"asked": "symptoms.fever"}, "asked", "not_a_list"),
        ({"asked": [7]}, "asked.0", "invalid"),
        ({"examiner": "yes"}, "examiner", "invalid"),
        ({"question": "why?"}, "question", "unexpected_field"),
        ({"age": 12}, "age", "min_value"),
        ({"pain_regions": []}, "non_field_errors", "empty_assessment"),
        ({"asked": ["symptoms.fever"] * 501}, "asked", "max_length"),
    ],
)
def test_bad_input_is_a_400_naming_the_field_and_the_code(api, change, field, code):
    response = post(api, {**INTERVIEW_START, **change})
    assert response.status_code == 400, response.content
    assert (field, code) in [(error["field"], error["code"]) for error in response.json()["errors"]]
    assert Assessment.objects.count() == 0


def test_an_examiner_is_asked_examination_tests_and_a_lay_person_is_not(api):
    def kinds(examiner: bool) -> set[str]:
        request, seen = {**INTERVIEW_START, "age": 45, "examiner": examiner}, set[str]()
        for _ in range(20):
            body = post(api, request).json()
            if body["question"] is None:
                return seen
            seen |= {part["kind"] for part in parts(body["question"])}
            request = {**answer_no(request, body["question"]), "examiner": examiner}
        raise AssertionError("the interview did not stop")

    assert "test" in kinds(True) and "test" not in kinds(False)


def readme_interview_bodies() -> list[dict]:
    blocks = [block for block in shell_blocks(README.read_text()) if "/api/v1/interview/" in block]
    return [json.loads(shlex.split(block)[shlex.split(block).index("-d") + 1]) for block in blocks]


def test_the_readmes_interview_runs_as_written(api):
    start, answered = readme_interview_bodies()
    first = post(api, start).json()
    offered = {part["item"]: part for part in parts(first["question"])}
    assert answered["asked"] == list(offered)  # every item of the first checklist, in its order
    for code, value in answered["symptoms"].items():
        chosen = next(a for a in offered[f"symptoms.{code}"]["answers"] if a["value"] is value)
        assert chosen["record"] == {"symptoms": {code: value}} and chosen["then"] == "asked"
    second = post(api, answered).json()
    assert second["triage"]["level"] == "urgent"  # as the README says
    assert second["conditions"][0]["code"] == "proximal-femoral-fracture"
    assert second["question"] is not None


@pytest.mark.parametrize(
    "body",
    [
        INTERVIEW_START,
        {**INTERVIEW_START, "examiner": True},
        {"age": 40, "sex": "male", "symptoms": {"back-pain": True}, "asked": ["symptoms.fever"]},
        {**INTERVIEW_START, "age": 82, "symptoms": {"unable-to-weight-bear": True}},
    ],
)
def test_the_answer_has_exactly_the_shape_its_documented_serializer_gives(api, body):
    # The view sends the engine's plain JSON without running it through the serializer: the two must agree.
    answer = post(api, body).json()
    assert answer == json.loads(json.dumps(InterviewResultSerializer(answer).data))
