"""Conditions: the full detail screen, and researcher filters by root, nerve, region and finding."""

import pytest

from conditions import models as m

pytestmark = pytest.mark.django_db


def result_codes(api, url):
    response = api.get(url)
    assert response.status_code == 200, response.content
    return {item["code"] for item in response.json()["results"]}


def conditions_of_roots(*roots):
    return set(m.Condition.objects.filter(nerve_roots__code__in=roots).values_list("code", flat=True))


def test_detail_carries_anatomy_evidence_care_and_sources(api):
    body = api.get("/api/v1/conditions/lumbar-disc-herniation/").json()
    assert body["category"] == "radicular"
    assert "M51.16" in body["icd10_codes"]
    slr = next(test for test in body["tests"] if test["code"] == "straight-leg-raise")
    assert (slr["sensitivity"], slr["specificity"], slr["provenance"]) == (0.91, 0.26, "study")
    assert slr["source"]["code"] == "deville-2000-lasegue"
    estimates = [s for s in body["symptoms"] if s["provenance"] == "curator_estimate"]
    assert estimates and all(s["rationale"] for s in estimates)
    assert {"L4", "L5", "S1"} <= {root["code"] for root in body["nerve_roots"]}
    assert body["treatments"] and {t["recommendation"] for t in body["treatments"]} <= {
        "recommended",
        "consider",
        "not_recommended",
    }
    assert body["exercises"] and body["exercises_to_avoid"]
    assert {e["code"] for e in body["exercises"]}.isdisjoint({e["code"] for e in body["exercises_to_avoid"]})
    relations = {(r["code"], r["relation"]) for r in body["related_conditions"]}
    assert ("lumbar-radiculopathy", "causes") in relations
    assert {"seed-liv-hospital-2025", "seed-heler-2016"} <= {s["code"] for s in body["sources"]}


def test_cauda_equina_lists_its_red_flag(api):
    body = api.get("/api/v1/conditions/cauda-equina-syndrome/").json()
    assert {"code": "cauda-equina", "name": "Suspected cauda equina syndrome", "urgency": "emergency"} in body[
        "red_flags"
    ]


def test_filter_by_one_root(api):
    assert result_codes(api, "/api/v1/conditions/?nerve_root=L4") == conditions_of_roots("L4")


def test_filter_by_a_list_of_roots(api):
    assert result_codes(api, "/api/v1/conditions/?nerve_root=L3,L4") == conditions_of_roots("L3", "L4")


def test_filter_by_a_range_of_roots(api):
    expected = conditions_of_roots("L3", "L4", "L5", "S1")
    assert result_codes(api, "/api/v1/conditions/?nerve_root=L3-S1") == expected
    assert result_codes(api, "/api/v1/conditions/?nerve_root=S1-L3") == expected


def test_filter_by_roots_where_they_are_a_typical_level(api):
    typical = result_codes(api, "/api/v1/conditions/?nerve_root=L3-L4&typical_root=true")
    expected = set(
        m.ConditionNerveRoot.objects.filter(root__code__in=["L3", "L4"], typicality="typical").values_list(
            "condition__code", flat=True
        )
    )
    assert typical == expected
    assert "femoral-nerve-impingement" in typical
    assert "spinal-infection" not in typical
    assert typical < result_codes(api, "/api/v1/conditions/?nerve_root=L3-L4")


def test_filter_by_range_excludes_roots_outside_it(api):
    found = result_codes(api, "/api/v1/conditions/?nerve_root=S2-S5")
    assert "femoral-nerve-impingement" not in found
    assert "cauda-equina-syndrome" in found


@pytest.mark.parametrize(
    ("query", "present", "absent"),
    [
        ("nerve=femoral", "femoral-nerve-impingement", "piriformis-syndrome"),
        ("nerve=lateral-femoral-cutaneous", "meralgia-paresthetica", "sciatica"),
        ("region=thigh-anterior", "femoral-nerve-impingement", "common-fibular-neuropathy"),
        ("symptom=saddle-anaesthesia", "cauda-equina-syndrome", "meralgia-paresthetica"),
        ("test=fair-test", "piriformis-syndrome", "knee-osteoarthritis"),
        ("category=serious_pathology", "spinal-infection", "sciatica"),
        ("category=joint,muscle", "hip-osteoarthritis", "sciatica"),
        ("red_flag=suspected-fracture", "vertebral-fracture", "spinal-infection"),
        ("search=slipped", "lumbar-disc-herniation", "sciatica"),
        ("search=M16", "hip-osteoarthritis", "knee-osteoarthritis"),
        ("search=meralgia", "meralgia-paresthetica", "sciatica"),
    ],
)
def test_filters_and_search(api, query, present, absent):
    found = result_codes(api, f"/api/v1/conditions/?{query}")
    assert present in found
    assert absent not in found


@pytest.mark.parametrize(
    ("query", "field", "unknown"),
    [
        ("nerve_root=L9", "nerve_root", "L9"),
        ("nerve_root=L4,X1", "nerve_root", "X1"),
        ("nerve_root=L3-Q7", "nerve_root", "Q7"),
        ("nerve=vagus", "nerve", "vagus"),
        ("region=elbow", "region", "elbow"),
        ("symptom=hiccups", "symptom", "hiccups"),
        ("test=tickle-test", "test", "tickle-test"),
        ("red_flag=purple", "red_flag", "purple"),
    ],
)
def test_unknown_codes_are_a_400_naming_field_and_code(api, query, field, unknown):
    response = api.get(f"/api/v1/conditions/?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["status"] == 400
    errors = [error for error in body["errors"] if error["field"] == field]
    assert errors and errors[0]["code"] == "unknown_code"
    assert unknown in errors[0]["message"]


@pytest.mark.parametrize("value", ["%", "100%", "%s", "L3-%", "%%"])
def test_percent_signs_in_codes_are_a_400_quoting_them(api, value):
    response = api.get("/api/v1/conditions/", {"nerve_root": value})
    assert response.status_code == 400
    assert value.split("-")[-1] in response.json()["errors"][0]["message"]


def test_search_has_a_bounded_number_of_words(api):
    response = api.get("/api/v1/conditions/", {"search": " ".join(["a"] * 1000)})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "search"


def test_a_missing_trailing_slash_is_answered_not_redirected(api):
    assert api.get("/api/v1/nerve-roots/L5").json()["code"] == "L5"


def test_unknown_category_is_a_400(api):
    response = api.get("/api/v1/conditions/?category=astrology")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "category"


def test_ordering_by_prior(api):
    priors = [c["prior"] for c in api.get("/api/v1/conditions/?ordering=-prior").json()["results"]]
    assert priors == sorted(priors, reverse=True)


def test_pagination_has_a_default_and_a_maximum(api):
    assert len(api.get("/api/v1/conditions/?page_size=3").json()["results"]) == 3
    body = api.get("/api/v1/symptoms/?page_size=200").json()
    assert len(body["results"]) == min(body["count"], 200)
    assert api.get("/api/v1/symptoms/?page=999").status_code == 404


@pytest.mark.parametrize(
    "page_size", ["0", "201", "1000", "-1", "1.5", "²", "\u0661", pytest.param("9" * 5000, id="5000-digits")]
)
def test_a_page_size_outside_1_to_200_is_refused(api, page_size):
    response = api.get("/api/v1/symptoms/", {"page_size": page_size})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "page_size"


def test_a_condition_says_whether_it_is_a_cause_or_a_syndrome_in_lists_and_detail(api):
    listed = {c["code"]: c["role"] for c in api.get("/api/v1/conditions/?page_size=200").json()["results"]}
    assert listed["sciatica"] == listed["lumbar-radiculopathy"] == "syndrome"
    assert listed["lumbar-disc-herniation"] == "cause"
    assert api.get("/api/v1/conditions/sciatica/").json()["role"] == "syndrome"


def test_conditions_filter_by_role(api):
    assert result_codes(api, "/api/v1/conditions/?role=syndrome") == {"sciatica", "lumbar-radiculopathy"}
    assert "sciatica" not in result_codes(api, "/api/v1/conditions/?role=cause&page_size=200")


def test_a_condition_detail_gives_its_care_level_and_whether_it_is_an_upper_motor_neurone_condition(api):
    cord = api.get("/api/v1/conditions/spinal-cord-compression/").json()
    disc = api.get("/api/v1/conditions/lumbar-disc-herniation/").json()
    assert (cord["upper_motor_neurone"], disc["upper_motor_neurone"]) == (True, False)
    assert cord["care_level"] == m.Condition.objects.get(code="spinal-cord-compression").care_level


def test_ordering_by_a_field_a_list_does_not_order_by_is_a_400_naming_ordering(api):
    response = api.get("/api/v1/conditions/?ordering=colour")
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["field"] == "ordering" and "prior" in error["message"]
    ordered = api.get("/api/v1/conditions/?ordering=-prior,name&page_size=200").json()["results"]
    assert [c["prior"] for c in ordered] == sorted((c["prior"] for c in ordered), reverse=True)
