"""Body regions, exercises, treatments, red flags, findings and sources through the API."""

import pytest

from conditions import models as m
from tests.helpers import codes

pytestmark = pytest.mark.django_db


def test_region_detail_names_roots_nerves_and_conditions(api):
    body = api.get("/api/v1/body-regions/thigh-lateral/").json()
    assert "lateral-femoral-cutaneous" in codes(body["nerves"])
    assert {"L2"} <= codes(body["nerve_roots"])
    assert {"meralgia-paresthetica", "greater-trochanteric-pain-syndrome"} <= codes(body["conditions"])


def test_exercises_for_a_condition_and_to_avoid(api):
    suitable = codes(api.get("/api/v1/exercises/?suitable_for=piriformis-syndrome").json()["results"])
    avoid = codes(api.get("/api/v1/exercises/?avoid_for=piriformis-syndrome").json()["results"])
    assert {"piriformis-stretch", "pigeon-pose"} <= suitable
    assert avoid and suitable.isdisjoint(avoid)


def test_exercise_detail_has_steps_dosage_and_cautions(api):
    body = api.get("/api/v1/exercises/glute-bridge/").json()
    assert len(body["steps"]) >= 3
    assert body["repetitions"] or body["hold_seconds"]
    assert body["cautions"] and body["frequency"]
    assert body["suitable_for"]


def test_treatments_by_condition_and_recommendation(api):
    url = "/api/v1/treatments/?condition=sciatica&recommendation=not_recommended"
    found = codes(api.get(url).json()["results"])
    assert {"idd-therapy", "gabapentinoids"} <= found
    assert "exercise-programme" not in found
    recommended = codes(api.get("/api/v1/treatments/?condition=sciatica&recommendation=recommended").json()["results"])
    assert "stay-active-advice" in recommended and "idd-therapy" not in recommended
    # NICE NG59 makes group exercise programmes "consider" (v2 audit; v1 had them "recommended").
    consider = codes(api.get("/api/v1/treatments/?condition=sciatica&recommendation=consider").json()["results"])
    assert "exercise-programme" in consider


def test_treatment_detail_states_its_evidence(api):
    body = api.get("/api/v1/treatments/idd-therapy/").json()
    assert "schimmel-2009-idd" in codes(body["sources"])
    assert {c["recommendation"] for c in body["conditions"]} == {"not_recommended"}


def test_red_flag_detail_lists_its_curated_triggers(api):
    body = api.get("/api/v1/red-flags/cauda-equina/").json()
    assert body["urgency"] == "emergency"
    assert [c["code"] for c in body["conditions"]] == ["cauda-equina-syndrome"]
    assert all(trigger["action"] for trigger in body["triggers"])
    targets = {c["target"]["code"] for trigger in body["triggers"] for c in trigger["criteria"] if c["target"]}
    assert {"saddle-anaesthesia", "bladder-dysfunction", "bowel-dysfunction"} <= targets


def test_red_flags_filter_by_urgency(api):
    found = codes(api.get("/api/v1/red-flags/?urgency=emergency").json()["results"])
    assert found == set(m.RedFlag.objects.filter(urgency="emergency").values_list("code", flat=True))
    assert {"cauda-equina", "suspected-hip-fracture", "suspected-aortic-aneurysm"} <= found
    assert "suspected-dvt" not in found


def test_symptom_detail_gives_its_accuracy_per_condition(api):
    body = api.get("/api/v1/symptoms/pain-worse-standing-walking/").json()
    stenosis = next(c for c in body["conditions"] if c["code"] == "lumbar-spinal-stenosis")
    assert (stenosis["lr_positive"], stenosis["lr_negative"], stenosis["source"]["code"]) == (
        3.7,
        0.23,
        "suri-2010-stenosis",
    )


def test_clinical_test_detail_and_filter_by_condition(api):
    body = api.get("/api/v1/clinical-tests/femoral-nerve-stretch/").json()
    assert body["how_to_perform"]
    found = codes(api.get("/api/v1/clinical-tests/?condition=sacroiliac-joint-pain").json()["results"])
    assert "si-provocation-cluster" in found


def test_nerve_detail_has_branches_and_roots(api):
    body = api.get("/api/v1/nerves/sciatic/").json()
    assert {"tibial", "common-fibular"} <= codes(body["branches"])
    assert {"L4", "L5", "S1", "S2", "S3"} == codes(body["nerve_roots"])
    assert api.get("/api/v1/nerves/saphenous/").json()["parent"] == {"code": "femoral", "name": "Femoral nerve"}


def test_sources_filter_by_kind(api):
    found = codes(api.get("/api/v1/sources/?kind=seed_article").json()["results"])
    assert found == {"seed-heler-2016", "seed-liv-hospital-2025"}
