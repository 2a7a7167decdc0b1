"""GET body-map/ for apps to draw and tap, and the pictures: a root's dermatome and a nerve's territory as
SVG, for screen readers too, cached with the knowledge's ETag like every knowledge read."""

from xml.etree import ElementTree

import pytest

from conditions import models as m

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def picture(response) -> ElementTree.Element:
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    return ElementTree.fromstring(response.content)


def fills(root: ElementTree.Element) -> dict[str | None, set[str | None]]:
    """Each path's data, with the fills drawn over it."""
    drawn: dict[str | None, set[str | None]] = {}
    for path in root.iter(f"{SVG}path"):
        drawn.setdefault(path.get("d"), set()).add(path.get("fill"))
    return drawn


def shape_path(region: str, side: str, view: str) -> str:
    return m.RegionShape.objects.get(region__code=region, side=side, view__code=view).path


def test_the_body_map_gives_each_view_its_outline_and_every_regions_shape_on_each_side(api):
    body = api.get("/api/v1/body-map/").json()
    assert [view["code"] for view in body["views"]] == ["front", "back"]
    front = body["views"][0]
    assert front["width"] > 0 and front["height"] > 0 and front["outline"].startswith("M")
    groin = [shape for shape in front["regions"] if shape["code"] == "groin"]
    assert {shape["side"] for shape in groin} == {"left", "right"}
    assert groin[0]["name"] == "Groin" and groin[0]["path"].endswith("Z")


def test_the_body_map_is_cached_with_the_knowledge_etag(api):
    first = api.get("/api/v1/body-map/")
    assert first["ETag"].startswith('W/"knowledge-')
    assert "max-age=300" in first["Cache-Control"]
    assert api.get("/api/v1/body-map/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_a_dermatome_is_drawn_solid_where_typical_and_hatched_where_variable(api):
    root = picture(api.get("/api/v1/nerve-roots/L5/dermatome.svg"))
    drawn = fills(root)
    for side in ("left", "right"):
        assert "#2b6cb0" in drawn[shape_path("foot-dorsum", side, "front")]  # typical: solid
        hatched = drawn[shape_path("thigh-lateral", side, "front")]  # variable: a pattern
        assert any(fill and fill.startswith("url(#") for fill in hatched)
        assert drawn[shape_path("calf", side, "back")] == {"none"}  # S1's, not L5's: a border only


def test_a_picture_has_a_title_and_a_description_for_screen_readers(api):
    root = picture(api.get("/api/v1/nerve-roots/L5/dermatome.svg"))
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and "L5 dermatome" in title.text
    assert desc is not None and "Outer shin" in desc.text and "Outer thigh" in desc.text
    assert "third metatarsophalangeal joint" in desc.text  # the key sensory point, in words


def test_the_key_sensory_point_is_marked_on_both_sides_with_a_legend(api):
    root = picture(api.get("/api/v1/nerve-roots/S1/dermatome.svg"))
    rings = [c for c in root.iter(f"{SVG}circle") if c.get("r") == "5.5"]
    assert len(rings) == 3  # the heel on each side, and the legend's
    texts = " ".join(text.text or "" for text in root.iter(f"{SVG}text"))
    assert "Key sensory point: Lateral heel" in texts
    assert "Typically in the S1 dermatome" in texts and "Front" in texts and "Back" in texts


def test_a_nerves_territory_is_drawn_on_the_map(api):
    root = picture(api.get("/api/v1/nerves/lateral-femoral-cutaneous/territory.svg"))
    drawn = fills(root)
    assert "#2f855a" in drawn[shape_path("thigh-lateral", "left", "front")]
    assert "#2f855a" not in drawn[shape_path("thigh-anterior", "left", "front")]
    assert "lateral femoral cutaneous" in root.find(f"{SVG}title").text.lower()


def test_a_picture_is_cached_with_the_knowledge_etag(api):
    first = api.get("/api/v1/nerves/sciatic/territory.svg")
    assert first["ETag"].startswith('W/"knowledge-')
    again = api.get("/api/v1/nerves/sciatic/territory.svg")
    assert again.content == first.content and again["Content-Type"] == first["Content-Type"]
    assert api.get("/api/v1/nerves/sciatic/territory.svg", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_a_picture_follows_the_knowledge_when_it_changes(api, django_capture_on_commit_callbacks):
    before = api.get("/api/v1/nerve-roots/L4/dermatome.svg")
    link = m.Dermatome.objects.get(root__code="L4", region__code="big-toe")
    with django_capture_on_commit_callbacks(execute=True):
        link.typicality = "typical"
        link.save()
    after = api.get("/api/v1/nerve-roots/L4/dermatome.svg")
    assert after["ETag"] != before["ETag"]
    assert "#2b6cb0" in fills(picture(after))[shape_path("big-toe", "left", "front")]


@pytest.mark.parametrize("url", ["/api/v1/nerve-roots/L9/dermatome.svg", "/api/v1/nerves/nowhere/territory.svg"])
def test_an_unknown_code_is_a_json_404_even_to_a_client_asking_for_svg(api, url):
    response = api.get(url, HTTP_ACCEPT="image/svg+xml")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == "not_found"


def test_an_unknown_code_is_a_404_even_with_a_matching_etag(api):
    etag = api.get("/api/v1/nerve-roots/L5/dermatome.svg")["ETag"]
    assert api.get("/api/v1/nerve-roots/L9/dermatome.svg", HTTP_IF_NONE_MATCH=etag).status_code == 404


def test_knowledge_text_in_a_picture_is_escaped(api):
    m.NerveRoot.objects.filter(code="L3").update(key_sensory_point='Knee <script>alert("x")</script> & more')
    body = api.get("/api/v1/nerve-roots/L3/dermatome.svg").content.decode()
    assert "<script>" not in body
    assert "&lt;script&gt;" in body
    ElementTree.fromstring(body)  # still well-formed
