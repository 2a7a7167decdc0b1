"""An assessment's body map (SVG) and its FHIR R4 Bundle: both read from what was stored, both health data
that no cache keeps; the Bundle validates against the FHIR R4 models and codes conditions in ICD-10-CM."""

from xml.etree import ElementTree

import pytest
from fhir.resources import __fhir_version__
from fhir.resources.bundle import Bundle

from assessments.models import Assessment
from conditions import models as m

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
REQUEST = {
    "age": 41,
    "sex": "male",
    "duration_days": 10,
    "pain_regions": [{"region": "thigh-lateral", "side": "left"}, {"region": "lower-back", "side": "both"}],
    "sensory_changes": [
        {"region": "foot-dorsum", "side": "left", "kind": "numbness"},
        {"region": "leg-lateral", "side": "left", "kind": "tingling"},
    ],
    "weakness": [{"action": "great-toe-extension", "side": "left"}],
    "reflexes": [{"reflex": "achilles", "side": "left", "status": "reduced"}],
    "symptoms": {"pain-worse-cough-sneeze": True, "bladder-dysfunction": False},
    "tests": {"straight-leg-raise": "positive"},
}


@pytest.fixture
def assessment(api) -> Assessment:
    response = api.post("/api/v1/assessments/", REQUEST, format="json")
    assert response.status_code == 201, response.content
    return Assessment.objects.get(pk=response.json()["id"])


def fills(body: bytes) -> dict[str | None, set[str | None]]:
    drawn: dict[str | None, set[str | None]] = {}
    for path in ElementTree.fromstring(body).iter(f"{SVG}path"):
        drawn.setdefault(path.get("d"), set()).add(path.get("fill"))
    return drawn


def patterns(fills: set[str | None]) -> set[str]:
    return {fill for fill in fills if fill and fill.startswith("url(#")}


def shape(region: str, side: str, view: str) -> str:
    return m.RegionShape.objects.get(region__code=region, side=side, view__code=view).path


def test_the_body_map_marks_pain_numbness_and_tingling_each_its_own_way_by_side(api, assessment):
    response = api.get(f"/api/v1/assessments/{assessment.id}/body-map.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    drawn = fills(response.content)
    assert "#d03b3b" in drawn[shape("thigh-lateral", "left", "front")]  # pain, solid
    assert "#d03b3b" not in drawn[shape("thigh-lateral", "right", "front")]
    assert "#d03b3b" in drawn[shape("lower-back", "left", "back")] & drawn[shape("lower-back", "right", "back")]
    numbness = patterns(drawn[shape("foot-dorsum", "left", "front")])
    tingling = patterns(drawn[shape("leg-lateral", "left", "front")])
    assert numbness and tingling and numbness != tingling  # each its own pattern
    assert not patterns(drawn[shape("foot-dorsum", "right", "front")])
    desc = ElementTree.fromstring(response.content).find(f"{SVG}desc").text
    assert "Outer thigh (left)" in desc and "Lower back (both sides)" in desc and "Top of the foot (left)" in desc


def test_the_body_map_tints_the_dermatome_of_the_root_the_stored_result_names(api, assessment):
    assert assessment.result["nerve_roots"][0]["code"] == "L5"
    drawn = fills(api.get(f"/api/v1/assessments/{assessment.id}/body-map.svg").content)
    assert "#e8a33d" in drawn[shape("foot-dorsum", "right", "front")]  # L5's, on both sides
    # The picture reads the stored result, whatever the engine would say today.
    assessment.result["nerve_roots"] = [{"code": "S1", "name": "S1 nerve root"}]
    assessment.save()
    body = api.get(f"/api/v1/assessments/{assessment.id}/body-map.svg").content
    drawn = fills(body)
    assert "#e8a33d" in drawn[shape("sole", "right", "back")]
    assert "#e8a33d" not in drawn[shape("foot-dorsum", "right", "front")]
    assert b"Usual S1 dermatome" in body


def test_with_no_root_found_the_body_map_says_so(api, assessment):
    assessment.result["nerve_roots"] = []
    assessment.save()
    body = api.get(f"/api/v1/assessments/{assessment.id}/body-map.svg").content
    assert b"#e8a33d" not in body
    assert b"The findings point to no nerve root." in body


@pytest.mark.parametrize("suffix", ["body-map.svg", "fhir/"])
def test_an_assessments_picture_and_bundle_are_never_cached(api, assessment, suffix):
    response = api.get(f"/api/v1/assessments/{assessment.id}/{suffix}")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "ETag" not in response


@pytest.mark.parametrize("suffix", ["body-map.svg", "fhir/"])
def test_someone_elses_assessment_is_not_there(api, assessment, django_user_model, suffix):
    owner = django_user_model.objects.create_user("owner")
    assessment.owner = owner
    assessment.save()
    accept = "image/svg+xml" if suffix.endswith(".svg") else "application/fhir+json"
    response = api.get(f"/api/v1/assessments/{assessment.id}/{suffix}", HTTP_ACCEPT=accept)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    api.force_authenticate(owner)
    assert api.get(f"/api/v1/assessments/{assessment.id}/{suffix}").status_code == 200


def bundle_of(api, assessment) -> dict:
    response = api.get(f"/api/v1/assessments/{assessment.id}/fhir/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/fhir+json"
    return response.json()


def resources(bundle: dict, kind: str) -> list[dict]:
    return [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == kind]


def test_the_bundle_is_valid_fhir_r4(api, assessment):
    assert __fhir_version__ == "4.0.1"
    bundle = Bundle.parse_obj(bundle_of(api, assessment))
    kinds = {entry.resource.resource_type for entry in bundle.entry}
    assert kinds == {"Patient", "Observation", "Condition", "ClinicalImpression", "RiskAssessment"}
    assert len({entry.fullUrl for entry in bundle.entry}) == len(bundle.entry)


def test_the_bundle_holds_each_finding_the_differential_and_the_triage(api, assessment):
    bundle = bundle_of(api, assessment)
    observations = resources(bundle, "Observation")
    # age, duration, two pains, two sensory changes, a weakness, a reflex, two symptoms, a test
    assert len(observations) == 11
    coded = {o["code"]["coding"][0]["code"]: o for o in observations if "coding" in o["code"]}
    assert coded["pain-worse-cough-sneeze"]["valueBoolean"] is True
    assert coded["bladder-dysfunction"]["valueBoolean"] is False
    assert coded["straight-leg-raise"]["valueString"] == "positive"
    assert coded["great-toe-extension"]["valueString"] == "weak on the left"
    conditions = resources(bundle, "Condition")
    assert [c["code"]["coding"][-1]["code"] for c in conditions] == [c["code"] for c in assessment.result["conditions"]]
    assert all(c["verificationStatus"]["coding"][0]["code"] == "differential" for c in conditions)
    impression = resources(bundle, "ClinicalImpression")[0]
    assert len(impression["finding"]) == len(conditions)
    assert impression["finding"][0]["basis"].startswith(f"{assessment.result['conditions'][0]['probability']:.0%}")
    triage = resources(bundle, "RiskAssessment")[0]
    assert triage["prediction"][0]["outcome"]["text"] == f"Triage: {assessment.result['triage']['level']}"
    assert triage["mitigation"] == assessment.result["triage"]["advice"]["text"]


def test_conditions_carry_exactly_their_icd10_cm_codes_and_no_invented_code(api, assessment):
    bundle = bundle_of(api, assessment)
    outside = set()
    for condition in resources(bundle, "Condition"):
        ours = condition["code"]["coding"][-1]
        icd = [c["code"] for c in condition["code"]["coding"] if c["system"] == "http://hl7.org/fhir/sid/icd-10-cm"]
        assert icd == m.Condition.objects.get(code=ours["code"]).icd10_codes
        assert ours["system"].endswith("/api/v1/conditions/")
    for entry in bundle["entry"]:
        outside |= systems(entry["resource"])
    allowed = {
        "http://hl7.org/fhir/sid/icd-10-cm",
        "http://unitsofmeasure.org",
        "http://terminology.hl7.org/CodeSystem/condition-ver-status",
    }
    assert {system for system in outside if "/api/v1/" not in system} <= allowed


def systems(value) -> set[str]:
    """Every code system named anywhere in a resource."""
    if isinstance(value, dict):
        found = {value["system"]} if isinstance(value.get("system"), str) else set()
        return found.union(*(systems(item) for item in value.values()))
    if isinstance(value, list):
        return set().union(*(systems(item) for item in value))
    return set()


def test_the_patient_is_anonymous(api, assessment):
    patient = resources(bundle_of(api, assessment), "Patient")[0]
    assert patient == {"resourceType": "Patient", "gender": "male"}


@pytest.mark.parametrize(("suffix", "queries"), [("body-map.svg", 5), ("fhir/", 7)])
def test_the_query_count_is_fixed_however_many_findings(api, suffix, queries, django_assert_num_queries):
    # body map: the assessment, the views, their shapes, the root and its dermatome;
    # FHIR: the assessment, then the names of regions, actions, reflexes, symptoms, tests and conditions
    # (a kind of finding the assessment does not have costs no query)
    few = api.post("/api/v1/assessments/", REQUEST, format="json").json()["id"]
    many = dict(REQUEST, pain_regions=[{"region": r, "side": "both"} for r in ("calf", "sole", "buttock", "groin")])
    many["symptoms"] = dict(REQUEST["symptoms"], fever=True, **{"pain-burning": True, "diabetes": False})
    many = api.post("/api/v1/assessments/", many, format="json").json()["id"]
    for assessment in (few, many):
        with django_assert_num_queries(queries):
            assert api.get(f"/api/v1/assessments/{assessment}/{suffix}").status_code == 200
