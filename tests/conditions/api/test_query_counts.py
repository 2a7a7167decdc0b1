"""Every list and detail endpoint runs a fixed number of queries, whatever the amount of data."""

import pytest
from django.db import transaction

from conditions import models as m
from tests import factories as f

pytestmark = pytest.mark.django_db

# Query count per request: the knowledge version, then the endpoint's own reads, and for records the times of
# the published versions (for their updated_version: read once per knowledge version and kept).
LIST_QUERIES = 4  # version, count, page, versions
ENDPOINT_QUERIES = {
    "/api/v1/nerve-roots/": LIST_QUERIES,
    "/api/v1/nerve-roots/L5/": 9,  # version, root, sources, dermatome, myotome, reflexes, nerves, conditions, versions
    "/api/v1/body-regions/": LIST_QUERIES,
    "/api/v1/body-regions/thigh-lateral/": 7,  # version, region, sources, roots, nerves, conditions, versions
    "/api/v1/muscle-actions/": LIST_QUERIES,
    "/api/v1/muscle-actions/hip-abduction/": 6,  # version, action, sources, roots, nerves, versions
    "/api/v1/reflexes/": LIST_QUERIES,
    "/api/v1/reflexes/achilles/": 5,  # version, reflex, sources, roots, versions
    "/api/v1/nerves/": LIST_QUERIES,
    # version, nerve+parent, sources, branches, roots, regions, actions, conditions, versions
    "/api/v1/nerves/sciatic/": 9,
    "/api/v1/symptoms/": LIST_QUERIES,
    "/api/v1/symptoms/fever/": 5,  # version, symptom, sources, evidence, versions
    "/api/v1/clinical-tests/": LIST_QUERIES,
    "/api/v1/clinical-tests/faber/": 5,  # version, test, sources, evidence, versions
    "/api/v1/conditions/": LIST_QUERIES,
    "/api/v1/conditions/lumbar-disc-herniation/": 15,  # version, condition, sources and eleven link kinds, versions
    "/api/v1/red-flags/": LIST_QUERIES + 1,  # + the conditions they point to
    "/api/v1/red-flags/cauda-equina/": 7,  # version, flag, conditions, sources, triggers, criteria, versions
    "/api/v1/treatments/": LIST_QUERIES,
    "/api/v1/treatments/nsaids/": 5,  # version, treatment, sources, condition links, versions
    "/api/v1/exercises/": LIST_QUERIES,
    "/api/v1/exercises/plank/": 5,  # version, exercise, sources, condition links, versions
    "/api/v1/sources/": LIST_QUERIES,
    "/api/v1/sources/nice-ng59/": 3,  # version, source, versions
    "/api/v1/conditions/?nerve_root=L3-S1": LIST_QUERIES + 2,  # + root order for the range, + code check
    "/api/v1/conditions/?nerve=femoral&region=groin": LIST_QUERIES + 2,  # + one code check per filter
    "/api/v1/exercises/?suitable_for=sciatica": LIST_QUERIES + 1,
    "/api/v1/exercises/?condition=sciatica": LIST_QUERIES + 1,
    "/api/v1/body-map/": 3,  # version, views, shapes with their regions
    "/api/v1/nerve-roots/L5/dermatome.svg": 5,  # version, root and key point, dermatome, views, shapes
    "/api/v1/nerves/sciatic/territory.svg": 5,  # version, nerve, territory, views, shapes
    # version, count, page, the version before the page, each versioned kind's history in the page's time
    # (32), the keys of the records they name (12), the change requests published
    "/api/v1/versions/": 50,
    # version, a savepoint, the version read for the zip, each kind's rows (32) and cited sources (12), versions
    "/api/v1/export/csv/": 49,
    "/api/v1/export/": 64,  # version, a savepoint, each kind's rows and prefetches, the body map, the release, versions
}


def grow_knowledge(n: int) -> None:
    """Add n of every related record to the records the endpoints above show, and n more of each kind."""
    l5 = m.NerveRoot.objects.get(code="L5")
    sciatic = m.Nerve.objects.get(code="sciatic")
    herniation = m.Condition.objects.get(code="lumbar-disc-herniation")
    thigh = m.BodyRegion.objects.get(code="thigh-lateral")
    abduction = m.MuscleAction.objects.get(code="hip-abduction")
    achilles = m.Reflex.objects.get(code="achilles")
    fever = m.Symptom.objects.get(code="fever")
    faber = m.ClinicalTest.objects.get(code="faber")
    nsaids = m.Treatment.objects.get(code="nsaids")
    plank = m.Exercise.objects.get(code="plank")
    cauda = m.RedFlag.objects.get(code="cauda-equina")
    estimate = {"sensitivity": 0.5, "specificity": 0.5, "provenance": "curator_estimate", "rationale": "Fake."}
    for i in range(n):
        source = f.make_source()
        for record in (l5, sciatic, herniation, thigh, abduction, achilles, fever, faber, nsaids, plank, cauda):
            record.sources.add(source)
        region = f.make_region()
        root = f.make_root()
        action = f.make_action()
        condition = f.make_condition()
        nerve = f.make_nerve(parent=sciatic)
        m.Dermatome.objects.create(root=l5, region=region, typicality="typical")
        m.Dermatome.objects.create(root=root, region=thigh, typicality="variable")
        m.Myotome.objects.create(root=l5, action=action, contribution="contributing")
        m.Myotome.objects.create(root=root, action=abduction, contribution="contributing")
        m.ReflexRoot.objects.create(root=root, reflex=achilles, contribution="contributing")
        m.ReflexRoot.objects.create(root=l5, reflex=f.make_reflex(), contribution="contributing")
        m.NerveRootOrigin.objects.create(nerve=nerve, root=l5)
        m.NerveRootOrigin.objects.create(nerve=sciatic, root=root)
        m.NerveSensoryRegion.objects.create(nerve=sciatic, region=region)
        m.NerveSensoryRegion.objects.create(nerve=nerve, region=thigh)
        m.NerveMotorAction.objects.create(nerve=sciatic, action=action)
        m.NerveMotorAction.objects.create(nerve=nerve, action=abduction)
        m.ConditionNerveRoot.objects.create(condition=condition, root=l5)
        m.ConditionNerveRoot.objects.create(condition=herniation, root=root)
        m.ConditionNerve.objects.create(condition=condition, nerve=sciatic)
        m.ConditionNerve.objects.create(condition=herniation, nerve=nerve)
        m.ConditionPainRegion.objects.create(condition=condition, region=thigh)
        m.ConditionPainRegion.objects.create(condition=herniation, region=region)
        m.ConditionRelation.objects.create(from_condition=herniation, to_condition=condition, kind="differential_of")
        m.ConditionSymptom.objects.create(condition=condition, symptom=fever, **estimate)
        m.ConditionSymptom.objects.create(condition=herniation, symptom=f.make_symptom(), **estimate)
        m.ConditionTest.objects.create(condition=condition, test=faber, **estimate)
        m.ConditionTest.objects.create(condition=herniation, test=f.make_test(), **estimate)
        m.ConditionModifier.objects.create(
            condition=herniation, code=f"age-{i}", kind="age", minimum=200 + i, maximum=200 + i, likelihood_ratio=1.0,
            provenance="curator_estimate", source=source, rationale="Fake.",
        )  # fmt: skip
        m.ConditionTreatment.objects.create(
            condition=condition, treatment=nsaids, recommendation="consider", evidence_note="Fake."
        )
        m.ConditionTreatment.objects.create(
            condition=herniation, treatment=f.make_treatment(), recommendation="consider", evidence_note="Fake."
        )
        m.ConditionExercise.objects.create(condition=condition, exercise=plank, suitability="avoid", reason="Fake.")
        m.ConditionExercise.objects.create(
            condition=herniation, exercise=f.make_exercise(), suitability="suitable", reason="Fake."
        )
        f.make_red_flag(condition=herniation)
        trigger = f.make_trigger(red_flag=cauda)
        m.TriggerCriterion.objects.create(trigger=trigger, kind="symptom_present", symptom=fever)


@pytest.fixture(scope="class")
def grown(request, django_db_setup, django_db_blocker):
    """The knowledge grown by request.param of everything, once for a class's tests, rolled back after them."""
    # Growing takes a second or more: once for the endpoints' read-only tests, not once per endpoint. Each
    # test still runs in its own transaction, nested in this one.
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        grow_knowledge(request.param)
    yield request.param
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


# A class, so that the grown knowledge is rolled back before the module's other tests run.
class TestQueryCount:
    """Each endpoint's query count, on the shipped knowledge and on grown knowledge."""

    @pytest.mark.parametrize("grown", [0, 12], ids=["shipped", "grown"], indirect=True)
    @pytest.mark.parametrize("url", sorted(ENDPOINT_QUERIES))
    def test_query_count_is_fixed(self, api, django_assert_num_queries, url, grown):
        with django_assert_num_queries(ENDPOINT_QUERIES[url]):
            response = api.get(url)
        assert response.status_code == 200


def test_a_304_costs_one_query_when_the_answer_is_cached_and_two_when_not(api, django_assert_num_queries):
    url = "/api/v1/conditions/lumbar-disc-herniation/"
    etag = api.get(url)["ETag"]
    with django_assert_num_queries(1):  # the version: the cached answer shows the record exists
        assert api.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    with django_assert_num_queries(2):  # the version, and that the record exists
        assert api.get("/api/v1/conditions/sciatica/", HTTP_IF_NONE_MATCH=etag).status_code == 304


@pytest.mark.parametrize("url", ["/api/v1/nerve-roots/L5/", "/api/v1/conditions/?nerve_root=L3-S1", "/api/v1/export/"])
def test_a_repeated_read_is_served_from_the_cache_for_one_query(api, django_assert_num_queries, url):
    first = api.get(url)
    with django_assert_num_queries(1):  # the knowledge version
        again = api.get(url)
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]


def test_a_new_version_is_never_served_from_the_old_cache(api, django_capture_on_commit_callbacks):
    before = api.get("/api/v1/symptoms/fever/").json()
    symptom = m.Symptom.objects.get(code="fever")
    symptom.question = "Have you felt hot and shivery?"
    with django_capture_on_commit_callbacks(execute=True):
        symptom.save()
    after = api.get("/api/v1/symptoms/fever/").json()
    assert before["question"] != after["question"] == "Have you felt hot and shivery?"


def test_within_the_version_ttl_a_cached_read_costs_no_query(api, settings, django_assert_num_queries):
    settings.KNOWLEDGE_VERSION_TTL = 60
    url = "/api/v1/nerve-roots/L5/"
    etag = api.get(url)["ETag"]
    with django_assert_num_queries(0):
        assert api.get(url).status_code == 200
        assert api.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_this_process_sees_its_own_publication_at_once(api, settings, django_capture_on_commit_callbacks):
    settings.KNOWLEDGE_VERSION_TTL = 60
    before = api.get("/api/v1/nerve-roots/L5/")["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        m.Symptom.objects.get(code="fever").save()
    assert api.get("/api/v1/nerve-roots/L5/")["ETag"] != before
