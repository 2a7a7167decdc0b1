"""Reads of the knowledge store shared by the API views and the export, with their prefetching."""

from collections.abc import Callable
from functools import wraps

from django.db.models import Prefetch, QuerySet

from . import models as m
from .changes import with_updated_version
from .models.base import Link

SOURCES = Prefetch("sources", queryset=m.Source.objects.order_by("code"))


def versioned(selector: Callable[[], QuerySet]) -> Callable[[], QuerySet]:
    """A selector whose records carry the version that last changed them (`updated_version`)."""

    @wraps(selector)
    def annotated() -> QuerySet:
        return with_updated_version(selector())

    return annotated


def with_ends(relation: str, link: type[Link], *ends: str) -> Prefetch:
    """Prefetch a record's link rows together with the records at their other ends."""
    return Prefetch(relation, queryset=link.objects.select_related(*ends))


@versioned
def nerve_root_list() -> QuerySet[m.NerveRoot]:
    return m.NerveRoot.objects.all()


@versioned
def nerve_root_detail() -> QuerySet[m.NerveRoot]:
    return m.NerveRoot.objects.prefetch_related(
        SOURCES,
        with_ends("dermatome_links", m.Dermatome, "region"),
        with_ends("myotome_links", m.Myotome, "action"),
        with_ends("reflex_links", m.ReflexRoot, "reflex"),
        with_ends("nerve_links", m.NerveRootOrigin, "nerve"),
        with_ends("condition_links", m.ConditionNerveRoot, "condition"),
    )


@versioned
def body_region_list() -> QuerySet[m.BodyRegion]:
    return m.BodyRegion.objects.all()


@versioned
def body_region_detail() -> QuerySet[m.BodyRegion]:
    return m.BodyRegion.objects.prefetch_related(
        SOURCES,
        with_ends("dermatome_links", m.Dermatome, "root"),
        with_ends("nerve_links", m.NerveSensoryRegion, "nerve"),
        with_ends("condition_links", m.ConditionPainRegion, "condition"),
    )


@versioned
def muscle_action_list() -> QuerySet[m.MuscleAction]:
    return m.MuscleAction.objects.all()


@versioned
def muscle_action_detail() -> QuerySet[m.MuscleAction]:
    return m.MuscleAction.objects.prefetch_related(
        SOURCES,
        with_ends("myotome_links", m.Myotome, "root"),
        with_ends("nerve_links", m.NerveMotorAction, "nerve"),
    )


@versioned
def reflex_list() -> QuerySet[m.Reflex]:
    return m.Reflex.objects.all()


@versioned
def reflex_detail() -> QuerySet[m.Reflex]:
    return m.Reflex.objects.prefetch_related(SOURCES, with_ends("root_links", m.ReflexRoot, "root"))


@versioned
def nerve_list() -> QuerySet[m.Nerve]:
    return m.Nerve.objects.select_related("parent")


@versioned
def nerve_detail() -> QuerySet[m.Nerve]:
    return m.Nerve.objects.select_related("parent").prefetch_related(
        SOURCES,
        "branches",
        with_ends("root_links", m.NerveRootOrigin, "root"),
        with_ends("sensory_links", m.NerveSensoryRegion, "region"),
        with_ends("motor_links", m.NerveMotorAction, "action"),
        with_ends("condition_links", m.ConditionNerve, "condition"),
    )


@versioned
def symptom_list() -> QuerySet[m.Symptom]:
    return m.Symptom.objects.all()


@versioned
def symptom_detail() -> QuerySet[m.Symptom]:
    return m.Symptom.objects.prefetch_related(
        SOURCES,
        with_ends("condition_links", m.ConditionSymptom, "condition", "source"),
    )


@versioned
def clinical_test_list() -> QuerySet[m.ClinicalTest]:
    return m.ClinicalTest.objects.all()


@versioned
def clinical_test_detail() -> QuerySet[m.ClinicalTest]:
    return m.ClinicalTest.objects.prefetch_related(
        SOURCES,
        with_ends("condition_links", m.ConditionTest, "condition", "source"),
    )


@versioned
def condition_list() -> QuerySet[m.Condition]:
    return m.Condition.objects.all()


@versioned
def condition_detail() -> QuerySet[m.Condition]:
    return m.Condition.objects.select_related("prior_source", "escalate_at_source").prefetch_related(
        SOURCES,
        with_ends("root_links", m.ConditionNerveRoot, "root"),
        with_ends("nerve_links", m.ConditionNerve, "nerve"),
        with_ends("region_links", m.ConditionPainRegion, "region"),
        with_ends("symptom_links", m.ConditionSymptom, "symptom", "source"),
        with_ends("test_links", m.ConditionTest, "test", "source"),
        with_ends("modifiers", m.ConditionModifier, "source"),
        Prefetch("red_flags", queryset=m.RedFlag.objects.order_by("code")),
        with_ends("treatment_links", m.ConditionTreatment, "treatment", "source"),
        with_ends("exercise_links", m.ConditionExercise, "exercise"),
        with_ends("relations_out", m.ConditionRelation, "to_condition"),
        with_ends("relations_in", m.ConditionRelation, "from_condition"),
    )


@versioned
def red_flag_list() -> QuerySet[m.RedFlag]:
    return m.RedFlag.objects.prefetch_related(Prefetch("conditions", queryset=m.Condition.objects.order_by("code")))


@versioned
def red_flag_detail() -> QuerySet[m.RedFlag]:
    criteria = m.TriggerCriterion.objects.select_related("symptom", "test", "region", "action", "reflex")
    return red_flag_list().prefetch_related(SOURCES, Prefetch("triggers__criteria", queryset=criteria))


@versioned
def treatment_list() -> QuerySet[m.Treatment]:
    return m.Treatment.objects.all()


@versioned
def treatment_detail() -> QuerySet[m.Treatment]:
    return m.Treatment.objects.prefetch_related(
        SOURCES,
        with_ends("condition_links", m.ConditionTreatment, "condition", "source"),
    )


@versioned
def exercise_list() -> QuerySet[m.Exercise]:
    return m.Exercise.objects.all()


@versioned
def exercise_detail() -> QuerySet[m.Exercise]:
    return m.Exercise.objects.prefetch_related(
        SOURCES,
        with_ends("condition_links", m.ConditionExercise, "condition"),
    )


@versioned
def source_list() -> QuerySet[m.Source]:
    return m.Source.objects.all()


source_detail = source_list


def body_map_views() -> QuerySet[m.BodyMapView]:
    return m.BodyMapView.objects.prefetch_related(with_ends("shapes", m.RegionShape, "region"))


def nerve_root_picture() -> QuerySet[m.NerveRoot]:
    return m.NerveRoot.objects.select_related("key_point_view").prefetch_related(
        with_ends("dermatome_links", m.Dermatome, "region")
    )


def nerve_picture() -> QuerySet[m.Nerve]:
    return m.Nerve.objects.prefetch_related(with_ends("sensory_links", m.NerveSensoryRegion, "region"))
