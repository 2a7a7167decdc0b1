"""The body map's geometry: on each view the region shapes tile the outline of the lower body, with no gap
and no overlap; every body region is drawn on both sides; the pictures' key points fall in their dermatomes."""

import itertools

import pytest
from django.core.exceptions import ValidationError
from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.ops import unary_union

from conditions import models as m
from conditions.geometry import parse_path, validate_path

pytestmark = pytest.mark.django_db

# Path data is written to a tenth of a unit; a sliver thinner than that over a whole edge is rounding.
TOLERANCE = 2.0  # square units, in views some 300 by 600 units large


def polygon(path: str) -> Polygon | MultiPolygon:
    shapes = [Polygon(ring) for ring in parse_path(path)]
    assert all(shape.is_valid for shape in shapes), path[:80]
    return shapes[0] if len(shapes) == 1 else MultiPolygon(shapes)


def shapes_of(view: m.BodyMapView) -> dict[tuple[str, str], Polygon | MultiPolygon]:
    return {(s.region.code, s.side): polygon(s.path) for s in view.shapes.select_related("region")}


@pytest.fixture(params=["front", "back"])
def view(request) -> m.BodyMapView:
    return m.BodyMapView.objects.get(code=request.param)


def test_the_regions_leave_no_gap_in_the_outline_of_the_lower_body(view):
    outline = polygon(view.outline)
    covered = unary_union(list(shapes_of(view).values()))
    assert outline.difference(covered).area < TOLERANCE
    assert covered.difference(outline).area < TOLERANCE
    assert outline.area > 50_000  # a body, not a speck


def test_no_two_regions_overlap(view):
    shapes = shapes_of(view)
    overlaps = {
        (first, second): round(shapes[first].intersection(shapes[second]).area, 2)
        for first, second in itertools.combinations(shapes, 2)
        if shapes[first].intersection(shapes[second]).area >= 0.5
    }
    assert overlaps == {}


def test_a_shape_lies_inside_its_view(view):
    for key, shape in shapes_of(view).items():
        minx, miny, maxx, maxy = shape.bounds
        assert minx >= 0 and maxx <= view.width and miny >= 0 and maxy <= view.height, key


def test_every_body_region_is_drawn_on_both_sides_of_at_least_one_view(vocabulary):
    drawn = set(m.RegionShape.objects.values_list("region__code", "side"))
    wanted = {(region["code"], side) for region in vocabulary["body_regions"] for side in ("left", "right")}
    assert wanted <= drawn


def test_the_regions_sit_where_anatomy_puts_them():
    front = {code for code, _ in shapes_of(m.BodyMapView.objects.get(code="front"))}
    back = {code for code, _ in shapes_of(m.BodyMapView.objects.get(code="back"))}
    assert {"groin", "lower-abdomen", "thigh-anterior", "knee-anterior", "foot-dorsum"} <= front - back
    assert {"lower-back", "sacroiliac-area", "buttock", "thigh-posterior", "knee-posterior", "calf", "sole"} <= (
        back - front
    )
    assert {"flank", "hip-lateral", "thigh-lateral", "thigh-medial", "perineum"} <= front & back


def test_the_person_faces_us_on_the_front_and_turns_away_on_the_back():
    for code, right_is_on_the_left in (("front", True), ("back", False)):
        view = m.BodyMapView.objects.get(code=code)
        for (region, side), shape in shapes_of(view).items():
            on_the_left = shape.centroid.x < view.width / 2
            assert on_the_left == ((side == "right") == right_is_on_the_left), (code, region, side)


def test_a_regions_sides_are_mirror_images(view):
    shapes = shapes_of(view)
    for (region, side), shape in shapes.items():
        if side == "right":
            mirrored = shapes[(region, "left")]
            assert shape.centroid.y == pytest.approx(mirrored.centroid.y, abs=0.5)
            assert shape.centroid.x == pytest.approx(view.mirror_x(mirrored.centroid.x), abs=0.5)


def test_each_key_sensory_point_lies_in_its_roots_dermatome_on_both_sides():
    roots = m.NerveRoot.objects.exclude(key_point_view=None).select_related("key_point_view")
    assert roots.count() >= 10
    for root in roots:
        view = root.key_point_view
        shapes = shapes_of(view)
        dermatome = set(root.dermatome.values_list("code", flat=True))
        for side, x in (("right", root.key_point_x), ("left", view.mirror_x(root.key_point_x))):
            point = Point(x, root.key_point_y)
            inside = [
                region for (region, on), shape in shapes.items() if on == side and shape.buffer(1).contains(point)
            ]
            assert set(inside) & dermatome, (root.code, side, inside)


@pytest.mark.parametrize(
    "path",
    ["M0 0 L10 0 L10 10", "M0 0 L10 0 Z", "M0 0 C 1 1 2 2 3 3 Z", "M0 0 L10 0 L10 10 Z<script>", "L1 1 L2 2 Z", ""],
)
def test_a_path_outside_the_maps_syntax_is_refused(path):
    with pytest.raises(ValidationError):
        validate_path(path)


def test_a_path_of_straight_edges_reads_as_rings():
    assert parse_path("M0 0 L10 0 V10 H0 Z M20 20 L30 20 L30 30 Z") == [
        [(0, 0), (10, 0), (10, 10), (0, 10)],
        [(20, 20), (30, 20), (30, 30)],
    ]


def test_a_shape_with_a_bad_path_does_not_validate():
    shape = m.RegionShape(
        region=m.BodyRegion.objects.get(code="calf"),
        view=m.BodyMapView.objects.get(code="back"),
        side="left",
        path="M0 0 Q 1 1 2 2 Z",
    )
    with pytest.raises(ValidationError) as error:
        shape.full_clean(exclude=["region", "view", "side"])
    assert "path" in error.value.message_dict
