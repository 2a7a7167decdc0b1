"""Researchers count stored assessments without seeing any one person: weekly counts by triage level, leading
condition and nerve root, every cell below k suppressed; only for staff or the research permission."""

from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import caches
from knox.models import AuthToken

from assessments.models import Assessment

pytestmark = pytest.mark.django_db

URL = "/api/v1/statistics/assessments/"
MONDAY = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def stored(n: int, *, level="routine", lead="lumbar-disc-herniation", roots=("L5",), at=MONDAY) -> None:
    result = {
        "triage": {"level": level},
        "conditions": [{"code": lead}] if lead else [],
        "nerve_roots": [{"code": root} for root in roots],
    }
    created = Assessment.objects.bulk_create(
        Assessment(input={"age": 40}, result=result, engine_version="2.0.0", knowledge_version="1") for _ in range(n)
    )
    Assessment.objects.filter(pk__in=[a.pk for a in created]).update(created_at=at)


@pytest.fixture
def researcher(api, django_user_model):
    user = django_user_model.objects.create_user("rosa-researcher")
    user.user_permissions.add(Permission.objects.get(codename="view_statistics"))
    api.credentials(HTTP_AUTHORIZATION=f"Token {AuthToken.objects.create(user)[1]}")
    return api


def week(body: dict, monday: str) -> dict:
    return next(entry for entry in body["weeks"] if entry["week"] == monday)


def test_anonymous_clients_are_refused(api):
    assert api.get(URL).status_code == 401


def test_a_signed_in_user_without_the_research_permission_is_refused(api, django_user_model):
    api.force_authenticate(django_user_model.objects.create_user("app-user"))
    response = api.get(URL)
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


def test_staff_may_read_them(api, django_user_model):
    api.force_authenticate(django_user_model.objects.create_user("stan-staff", is_staff=True))
    assert api.get(URL).status_code == 200


def test_counts_come_by_week_triage_leading_condition_and_nerve_root(researcher):
    stored(12)
    stored(11, level="urgent", lead="cauda-equina-syndrome", roots=("S1", "S2"))
    body = researcher.get(URL).json()
    assert body["k"] == 10
    entry = week(body, "2026-03-02")
    assert entry["assessments"] == 23
    assert entry["triage"] == [{"level": "routine", "count": 12}, {"level": "urgent", "count": 11}]
    assert entry["conditions"] == [
        {"code": "cauda-equina-syndrome", "count": 11},
        {"code": "lumbar-disc-herniation", "count": 12},
    ]
    assert entry["nerve_roots"] == [
        {"code": "L5", "count": 12},
        {"code": "S1", "count": 11},
        {"code": "S2", "count": 11},
    ]


def test_a_cell_below_k_is_suppressed_and_so_is_the_one_that_would_give_it_away(researcher):
    stored(20)
    stored(12, level="urgent", roots=())
    stored(3, level="emergency", lead="cauda-equina-syndrome", roots=("S2",))
    entry = week(researcher.get(URL).json(), "2026-03-02")
    assert entry["assessments"] == 35
    # emergency alone (3) is below k; subtracting urgent from the total would reveal it, so urgent goes too
    assert entry["triage"] == [
        {"level": "emergency", "count": None},
        {"level": "routine", "count": 20},
        {"level": "urgent", "count": None},
    ]
    assert {"code": "cauda-equina-syndrome", "count": None} in entry["conditions"]
    assert {"code": "S2", "count": None} in entry["nerve_roots"]
    assert 3 not in [cell["count"] for cells in ("triage", "conditions", "nerve_roots") for cell in entry[cells]]


def test_a_small_week_shows_nothing_but_that_it_was_small(researcher):
    stored(4, at=datetime(2026, 3, 10, tzinfo=UTC))
    entry = week(researcher.get(URL).json(), "2026-03-09")
    assert entry["assessments"] is None
    assert all(cell["count"] is None for cells in ("triage", "conditions", "nerve_roots") for cell in entry[cells])


def test_k_is_a_setting(researcher, settings):
    settings.STATISTICS_MIN_COUNT = 3
    stored(4, at=datetime(2026, 3, 10, tzinfo=UTC))
    body = researcher.get(URL).json()
    assert body["k"] == 3 and week(body, "2026-03-09")["assessments"] == 4


def test_filters_by_nerve_root_and_counts_from_the_monday_of_since(researcher):
    stored(12, at=datetime(2026, 2, 20, tzinfo=UTC))
    stored(12)
    stored(11, roots=("L4", "L5"))
    stored(10, roots=("S1",))
    body = researcher.get(f"{URL}?nerve_root=L5&since=2026-03-04").json()
    assert body["since"] == "2026-03-02" and body["nerve_root"] == "L5"
    assert [entry["week"] for entry in body["weeks"]] == ["2026-03-02"]
    assert body["weeks"][0]["assessments"] == 23


@pytest.mark.parametrize(
    ("query", "field", "code"),
    [("nerve_root=L9", "nerve_root", "unknown_code"), ("since=last-week", "since", "invalid")],
)
def test_a_bad_parameter_is_a_400_naming_it(researcher, query, field, code):
    response = researcher.get(f"{URL}?{query}")
    assert response.status_code == 400
    assert [(e["field"], e["code"]) for e in response.json()["errors"]] == [(field, code)]


def test_statistics_are_never_cached(researcher):
    assert "no-store" in researcher.get(URL)["Cache-Control"]


def test_the_query_count_is_fixed_whatever_the_number_of_assessments(researcher, django_assert_num_queries):
    stored(5)
    # the token and its user, the user's tokens (knox drops expired ones), the user's and their groups'
    # permissions, the counts (the nerve roots are the published snapshot's)
    with django_assert_num_queries(5):
        researcher.get(URL)
    stored(200, roots=("L4", "L5", "S1"), at=datetime(2026, 4, 6, tzinfo=UTC))
    stored(50, level="urgent", lead="sciatica", roots=("L3",), at=datetime(2026, 5, 4, tzinfo=UTC))
    caches["default"].clear()  # counted afresh, as after STATISTICS_CACHE_SECONDS
    with django_assert_num_queries(5):
        researcher.get(URL)


def test_counts_made_a_moment_ago_are_read_from_the_shared_cache_not_counted_again(
    researcher, django_assert_num_queries
):
    stored(20, roots=("L5",))
    first = researcher.get(URL).json()
    with django_assert_num_queries(4):  # no count: the rest as before
        assert researcher.get(URL).json() == first
    assert researcher.get(URL, {"nerve_root": "L5"}).json()["nerve_root"] == "L5"  # each question its own entry


def test_a_stored_assessment_carries_the_summary_the_counts_read(api):
    # The counts read three columns copied from the result on save, not the stored result itself.
    request = {"age": 38, "weakness": [{"action": "great-toe-extension", "side": "left"}]}
    stored_id = api.post("/api/v1/assessments/", request, format="json").json()["id"]
    assessment = Assessment.objects.get(pk=stored_id)
    result = assessment.result
    assert assessment.triage_level == result["triage"]["level"]
    assert assessment.leading_condition == result["conditions"][0]["code"]
    roots = [root["code"] for root in result["nerve_roots"]]
    assert roots and assessment.nerve_root_codes == "," + ",".join(roots) + ","
