"""Nerve roots: everything about one root in one response, and filters on related entities."""

import pytest

from tests.helpers import codes

pytestmark = pytest.mark.django_db


def test_l5_detail_carries_dermatome_myotome_reflexes_nerves_and_conditions(api):
    body = api.get("/api/v1/nerve-roots/L5/").json()
    assert {"foot-dorsum", "big-toe", "leg-lateral"} <= codes(body["dermatome"])
    key = [action for action in body["myotome"] if action["is_key_muscle"]]
    assert [action["code"] for action in key] == ["great-toe-extension"]
    assert "hip-abduction" in codes(body["myotome"])
    assert "medial-hamstring" in codes(body["reflexes"])
    assert {"sciatic", "common-fibular", "superior-gluteal"} <= codes(body["nerves"])
    assert {"lumbar-disc-herniation", "lumbar-radiculopathy", "sciatica"} <= codes(body["conditions"])
    assert body["sources"]


def test_dermatome_regions_say_how_typical_they_are(api):
    body = api.get("/api/v1/nerve-roots/L4/").json()
    typicality = {region["code"]: region["typicality"] for region in body["dermatome"]}
    assert typicality["leg-medial"] == "typical"
    assert typicality["thigh-lateral"] == "variable"


def test_roots_are_listed_down_the_spine(api):
    body = api.get("/api/v1/nerve-roots/").json()
    assert [root["code"] for root in body["results"]] == [
        "T12",
        "L1",
        "L2",
        "L3",
        "L4",
        "L5",
        "S1",
        "S2",
        "S3",
        "S4",
        "S5",
    ]


def test_unknown_root_is_a_404_in_the_error_shape(api):
    response = api.get("/api/v1/nerve-roots/L9/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/api/v1/nerves/?nerve_root=L3", {"femoral", "obturator", "saphenous", "lateral-femoral-cutaneous"}),
        ("/api/v1/body-regions/?nerve_root=S1", {"foot-lateral", "sole", "calf"}),
        ("/api/v1/muscle-actions/?nerve_root=L5", {"great-toe-extension", "hip-abduction"}),
        ("/api/v1/reflexes/?nerve_root=S1", {"achilles"}),
    ],
)
def test_related_entities_filter_by_nerve_root(api, url, expected):
    found = codes(api.get(url).json()["results"])
    assert expected <= found


def test_nerves_by_root_exclude_nerves_from_other_roots(api):
    found = codes(api.get("/api/v1/nerves/?nerve_root=S3").json()["results"])
    assert "femoral" not in found
    assert "pudendal" in found
