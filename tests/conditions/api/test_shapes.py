"""One shape per reference: another record is always an object with its code and name, in lists and details."""

import pytest

from conditions import models as m

pytestmark = pytest.mark.django_db


def codes(items):
    return {item["code"] for item in items}


def test_a_red_flag_names_its_conditions_the_same_way_in_the_list_and_the_detail(api):
    listed = next(
        f for f in api.get("/api/v1/red-flags/?page_size=200").json()["results"] if f["code"] == "cauda-equina"
    )
    detail = api.get("/api/v1/red-flags/cauda-equina/").json()
    expected = {"code": "cauda-equina-syndrome", "name": m.Condition.objects.get(code="cauda-equina-syndrome").name}
    assert listed["conditions"] == detail["conditions"] == [expected]


def test_a_nerve_names_its_parent_as_it_names_its_branches(api):
    femoral = api.get("/api/v1/nerves/femoral/").json()
    saphenous = next(b for b in femoral["branches"] if b["code"] == "saphenous")
    assert api.get("/api/v1/nerves/saphenous/").json()["parent"] == {"code": "femoral", "name": femoral["name"]}
    listed = {n["code"]: n for n in api.get("/api/v1/nerves/?page_size=200").json()["results"]}
    assert listed["saphenous"]["parent"] == {"code": "femoral", "name": femoral["name"]}
    assert set(listed["saphenous"]["parent"]) == set(saphenous)
    assert listed["femoral"]["parent"] is None


def test_exercises_filter_by_suitable_for_as_their_detail_names_it(api):
    suitable = codes(api.get("/api/v1/exercises/?suitable_for=piriformis-syndrome").json()["results"])
    expected = set(
        m.ConditionExercise.objects.filter(condition__code="piriformis-syndrome", suitability="suitable").values_list(
            "exercise__code", flat=True
        )
    )
    assert suitable == expected
    detail = api.get("/api/v1/exercises/piriformis-stretch/").json()
    assert "piriformis-syndrome" in codes(detail["suitable_for"])


def test_the_old_condition_filter_on_exercises_still_means_suitable_for(api):
    old = codes(api.get("/api/v1/exercises/?condition=piriformis-syndrome").json()["results"])
    avoid = codes(api.get("/api/v1/exercises/?avoid_for=piriformis-syndrome").json()["results"])
    assert old == codes(api.get("/api/v1/exercises/?suitable_for=piriformis-syndrome").json()["results"])
    assert avoid and old.isdisjoint(avoid)


def test_an_unknown_condition_in_suitable_for_is_a_400_naming_the_field(api):
    response = api.get("/api/v1/exercises/?suitable_for=astrology")
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert (error["field"], error["code"]) == ("suitable_for", "unknown_code")
    assert "astrology" in error["message"]


def test_a_cited_source_carries_its_code_and_name(api):
    cited = api.get("/api/v1/conditions/lumbar-disc-herniation/").json()["sources"]
    names = dict(m.Source.objects.values_list("code", "name"))
    assert cited and all(source["name"] == names[source["code"]] for source in cited)


def test_every_figure_names_its_source_by_code_and_name(api):
    body = api.get("/api/v1/conditions/lumbar-disc-herniation/").json()
    names = dict(m.Source.objects.values_list("code", "name"))
    rows = [*body["symptoms"], *body["tests"], *body["treatments"], *body["modifiers"]]
    cited = [row["source"] for row in rows if row["source"] is not None]
    assert cited and all(source == {"code": source["code"], "name": names[source["code"]]} for source in cited)
    assert body["prior_source"] is None or body["prior_source"]["name"] == names[body["prior_source"]["code"]]
    uncited = m.ConditionSymptom.objects.filter(condition__code="lumbar-disc-herniation", source=None)
    assert all(s["source"] is None for s in body["symptoms"] if s["code"] in {u.symptom.code for u in uncited})


def test_a_trigger_criterion_names_its_finding_by_code_and_name(api):
    criteria = [c for t in api.get("/api/v1/red-flags/cauda-equina/").json()["triggers"] for c in t["criteria"]]
    saddle = next(c for c in criteria if c["target"] and c["target"]["code"] == "saddle-anaesthesia")
    assert saddle["target"] == {
        "code": "saddle-anaesthesia",
        "name": m.Symptom.objects.get(code="saddle-anaesthesia").name,
    }
