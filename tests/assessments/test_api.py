"""The assessments API: the contract end to end, strict validation, storage and access."""

import json
import uuid

import pytest
from rest_framework.throttling import ScopedRateThrottle

from assessments.models import Assessment
from assessments.snapshot import published_knowledge
from conditions import models as m
from conditions.versioning import knowledge_version
from tests.assessments.examples import SPEC_EXAMPLE

pytestmark = pytest.mark.django_db
URL = "/api/v1/assessments/"


def post(api, body):
    return api.post(URL, body, format="json")


def test_post_answers_201_with_the_contract(api):
    response = post(api, SPEC_EXAMPLE)
    assert response.status_code == 201, response.content
    body = response.json()
    assert uuid.UUID(body["id"]).version == 4
    assert body["knowledge_version"] == knowledge_version()
    assert body["triage"]["level"] in {"emergency", "urgent", "routine", "self_care"}
    assert body["conditions"] and body["nerve_roots"][0]["code"] == "L5"
    assert set(body["recommendations"]) == {"treatments", "exercises", "exercises_to_avoid"}
    assert body["disclaimer"]
    assert response["Location"].endswith(f"/api/v1/assessments/{body['id']}/")
    assert "no-store" in response["Cache-Control"]


def test_get_returns_the_stored_result_and_delete_erases_it(api):
    created = post(api, SPEC_EXAMPLE).json()
    assert api.get(f"{URL}{created['id']}/").json() == created
    assert api.delete(f"{URL}{created['id']}/").status_code == 204
    assert api.get(f"{URL}{created['id']}/").status_code == 404
    assert not Assessment.objects.filter(pk=created["id"]).exists()


def test_the_stored_input_holds_only_what_was_observed(api):
    created = post(api, SPEC_EXAMPLE).json()
    stored = Assessment.objects.get(pk=created["id"])
    assert stored.input == SPEC_EXAMPLE
    assert stored.owner is None


def test_a_stored_result_is_served_as_stored_after_the_knowledge_changes(api, django_capture_on_commit_callbacks):
    created = post(api, SPEC_EXAMPLE).json()
    condition = m.Condition.objects.get(code="lumbar-disc-herniation")
    condition.prior = 0.5
    with django_capture_on_commit_callbacks(execute=True):
        condition.save()
    assert api.get(f"{URL}{created['id']}/").json() == created
    fresh = post(api, SPEC_EXAMPLE).json()
    assert fresh["knowledge_version"] != created["knowledge_version"]


def test_the_engine_reads_red_flag_triggers_from_the_database(api, django_capture_on_commit_callbacks):
    request = {"age": 39, "symptoms": {"bowel-dysfunction": True}}
    assert post(api, request).json()["triage"]["level"] == "emergency"
    with django_capture_on_commit_callbacks(execute=True):
        m.RedFlagTrigger.objects.filter(red_flag__code="cauda-equina", code="bowel-dysfunction").delete()
    assert post(api, request).json()["triage"]["level"] != "emergency"


BAD_REQUESTS = [
    ({k: v for k, v in SPEC_EXAMPLE.items() if k != "age"}, "age", "required"),
    ({**SPEC_EXAMPLE, "age": 15}, "age", "min_value"),
    ({**SPEC_EXAMPLE, "age": 121}, "age", "max_value"),
    ({**SPEC_EXAMPLE, "age": "41"}, "age", "invalid"),
    ({**SPEC_EXAMPLE, "age": True}, "age", "invalid"),
    ({**SPEC_EXAMPLE, "duration_days": -1}, "duration_days", "min_value"),
    ({**SPEC_EXAMPLE, "sex": "robot"}, "sex", "invalid_choice"),
    ({**SPEC_EXAMPLE, "pain_regions": [{"region": "elbow", "side": "left"}]}, "pain_regions.0.region", "unknown_code"),
    ({**SPEC_EXAMPLE, "pain_regions": [{"region": "groin", "side": "up"}]}, "pain_regions.0.side", "invalid_choice"),
    ({**SPEC_EXAMPLE, "pain_regions": [{"region": "groin"}]}, "pain_regions.0.side", "required"),
    ({**SPEC_EXAMPLE, "pain_regions": {"region": "groin"}}, "pain_regions", "not_a_list"),
    (
        {**SPEC_EXAMPLE, "sensory_changes": [{"region": "sole", "side": "left", "kind": "itchy"}]},
        "sensory_changes.0.kind",
        "invalid_choice",
    ),
    ({**SPEC_EXAMPLE, "weakness": [{"action": "wiggling", "side": "left"}]}, "weakness.0.action", "unknown_code"),
    (
        {**SPEC_EXAMPLE, "reflexes": [{"reflex": "knee", "side": "left", "status": "reduced"}]},
        "reflexes.0.reflex",
        "unknown_code",
    ),
    (
        {**SPEC_EXAMPLE, "reflexes": [{"reflex": "patellar", "side": "left", "status": "wobbly"}]},
        "reflexes.0.status",
        "invalid_choice",
    ),
    ({**SPEC_EXAMPLE, "symptoms": {"hiccups": True}}, "symptoms.hiccups", "unknown_code"),
    ({**SPEC_EXAMPLE, "symptoms": {"fever": "yes"}}, "symptoms.fever", "invalid"),
    ({**SPEC_EXAMPLE, "tests": {"tickle-test": "positive"}}, "tests.tickle-test", "unknown_code"),
    ({**SPEC_EXAMPLE, "tests": {"faber": "maybe"}}, "tests.faber", "invalid_choice"),
    ({**SPEC_EXAMPLE, "name": "Jo Bloggs"}, "name", "unexpected_field"),
    (
        {**SPEC_EXAMPLE, "pain_regions": [{"region": "groin", "side": "left", "email": "x@y"}]},
        "pain_regions.0.email",
        "unexpected_field",
    ),
    ({**SPEC_EXAMPLE, "symptoms": {"pregnancy": True}}, "symptoms.pregnancy", "invalid_for_sex"),
    (
        {"age": 30, "sex": "male", "symptoms": {"pregnancy-20-weeks-or-more": True}},
        "symptoms.pregnancy-20-weeks-or-more",
        "invalid_for_sex",
    ),
    ({"age": 40}, "non_field_errors", "empty_assessment"),
    ({"age": 40, "symptoms": {}, "pain_regions": []}, "non_field_errors", "empty_assessment"),
    ([SPEC_EXAMPLE], "non_field_errors", "invalid"),
]


@pytest.mark.parametrize(("body", "field", "code"), BAD_REQUESTS)
def test_a_bad_request_is_a_400_naming_field_and_code_and_stores_nothing(api, body, field, code):
    response = post(api, body)
    assert response.status_code == 400, response.content
    errors = response.json()["errors"]
    assert {"field": field, "code": code} in [{"field": e["field"], "code": e["code"]} for e in errors], errors
    assert Assessment.objects.count() == 0


def test_every_bad_field_is_named_at_once(api):
    body = {
        **SPEC_EXAMPLE,
        "age": 200,
        "symptoms": {"hiccups": True, "fever": True},
        "tests": {"tickle-test": "positive"},
    }
    fields = {e["field"] for e in post(api, body).json()["errors"]}
    assert fields == {"age", "symptoms.hiccups", "tests.tickle-test"}


def test_a_2_mb_body_of_unknown_codes_gets_a_small_error_listing_the_first_50(api):
    unknown = {f"no-such-symptom-{number:06d}": True for number in range(70_000)}
    body = json.dumps({**SPEC_EXAMPLE, "symptoms": unknown}).encode()
    assert len(body) > 2_000_000
    response = api.generic("POST", URL, body, content_type="application/json")
    assert response.status_code == 400
    assert len(response.content) < 20_000
    answer = response.json()
    assert len(answer["errors"]) == 50
    assert answer["errors"][0] == {
        "field": "symptoms.no-such-symptom-000000",
        "code": "unknown_code",
        "message": "Unknown symptom code: no-such-symptom-000000.",
    }
    assert answer["errors_not_listed"] == 70_000 - 50
    assert Assessment.objects.count() == 0


def test_a_short_error_list_is_listed_in_full(api):
    answer = post(api, {**SPEC_EXAMPLE, "symptoms": {"hiccups": True}}).json()
    assert len(answer["errors"]) == 1
    assert "errors_not_listed" not in answer


def test_malformed_json_is_a_400(api):
    response = api.generic("POST", URL, "{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"
    assert Assessment.objects.count() == 0


def test_a_post_costs_two_queries(api, django_assert_num_queries):
    published_knowledge()  # the snapshot is built once per knowledge version
    with django_assert_num_queries(2):  # the knowledge version, the insert
        assert post(api, SPEC_EXAMPLE).status_code == 201


def test_the_snapshot_is_rebuilt_when_the_version_changes(
    django_assert_num_queries, django_capture_on_commit_callbacks
):
    first = published_knowledge()
    with django_capture_on_commit_callbacks(execute=True):
        m.Symptom.objects.get(code="fever").save()
    second = published_knowledge()
    assert second.version != first.version
    with django_assert_num_queries(1):  # only the version, to see the snapshot is current
        assert published_knowledge() is second


def test_posting_is_rate_limited_per_client(api, monkeypatch):
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", {"assessments": "2/minute", "anon": "100/minute"})
    statuses = [post(api, SPEC_EXAMPLE).status_code for _ in range(3)]
    assert statuses == [201, 201, 429]
    assert Assessment.objects.count() == 2


def test_unknown_or_malformed_ids_are_404(api):
    assert api.get(f"{URL}{uuid.uuid4()}/").status_code == 404
    assert api.get(f"{URL}not-a-uuid/").status_code == 404
    assert api.delete(f"{URL}{uuid.uuid4()}/").status_code == 404


@pytest.fixture
def alice(django_user_model):
    return django_user_model.objects.create_user("alice", password="not-a-real-password")


@pytest.fixture
def bob(django_user_model):
    return django_user_model.objects.create_user("bob", password="not-a-real-password")


def test_signed_in_users_list_their_own_assessments_only(api, alice, bob):
    api.force_authenticate(alice)
    mine = post(api, SPEC_EXAMPLE).json()["id"]
    api.force_authenticate(bob)
    post(api, SPEC_EXAMPLE)
    listed = api.get(URL).json()["results"]
    assert mine not in [item["id"] for item in listed] and len(listed) == 1
    assert api.get(f"{URL}{mine}/").status_code == 404
    assert api.delete(f"{URL}{mine}/").status_code == 404
    api.force_authenticate(alice)
    assert [item["id"] for item in api.get(URL).json()["results"]] == [mine]


def test_someone_elses_assessment_and_a_missing_one_answer_the_same_404_body(api, alice, bob):
    api.force_authenticate(alice)
    mine = post(api, SPEC_EXAMPLE).json()["id"]
    api.force_authenticate(bob)
    for method in ("get", "delete"):
        someone_elses = getattr(api, method)(f"{URL}{mine}/")
        missing = getattr(api, method)(f"{URL}{uuid.uuid4()}/")
        assert someone_elses.status_code == missing.status_code == 404
        assert someone_elses.content == missing.content


def test_anonymous_clients_cannot_list(api):
    post(api, SPEC_EXAMPLE)
    response = api.get(URL)
    assert response.status_code in (401, 403)
    assert "results" not in response.json()


@pytest.mark.parametrize("sex", ["female", "other", None, "absent"])
def test_pregnancy_is_accepted_with_any_sex_but_male(api, sex):
    request = {"age": 30, "symptoms": {"pregnancy": True, "back-pain": True}}
    if sex != "absent":
        request["sex"] = sex
    response = post(api, request)
    assert response.status_code == 201, response.content


def test_the_result_says_what_its_numbers_mean(api):
    body = post(api, SPEC_EXAMPLE).json()
    causes = [c for c in body["conditions"] if c["role"] == "cause" and c["probability"] is not None]
    assert sum(c["probability"] for c in causes) + body["other_causes"] == pytest.approx(1, abs=1e-6)
    treatment = body["recommendations"]["treatments"][0]
    assert treatment["name"] and treatment["reason"] and treatment["condition"]
    evidence = body["conditions"][0]["evidence"][0]
    assert evidence["name"] and evidence["text"] and evidence["provenance"]
