"""Reads of the knowledge store shared by the API views and the export, with their prefetching."""

from django.db.models import Prefetch, QuerySet

from . import models as m

SOURCES = Prefetch("sources", queryset=m.Source.objects.order_by("code"))


def nerve_root_list() -> QuerySet[m.NerveRoot]:
    return m.NerveRoot.objects.all()


def nerve_root_detail() -> QuerySet[m.NerveRoot]:
    return m.NerveRoot.objects.prefetch_related(
        SOURCES,
        Prefetch("dermatome_links", queryset=m.Dermatome.objects.select_related("region")),
        Prefetch("myotome_links", queryset=m.Myotome.objects.select_related("action")),
        Prefetch("reflex_links", queryset=m.ReflexRoot.objects.select_related("reflex")),
        Prefetch("nerve_links", queryset=m.NerveRootOrigin.objects.select_related("nerve")),
        Prefetch("condition_links", queryset=m.ConditionNerveRoot.objects.select_related("condition")),
    )


def body_region_list() -> QuerySet[m.BodyRegion]:
    return m.BodyRegion.objects.all()


def body_region_detail() -> QuerySet[m.BodyRegion]:
    return m.BodyRegion.objects.prefetch_related(
        SOURCES,
        Prefetch("dermatome_links", queryset=m.Dermatome.objects.select_related("root")),
        Prefetch("nerve_links", queryset=m.NerveSensoryRegion.objects.select_related("nerve")),
        Prefetch("condition_links", queryset=m.ConditionPainRegion.objects.select_related("condition")),
    )


def muscle_action_list() -> QuerySet[m.MuscleAction]:
    return m.MuscleAction.objects.all()


def muscle_action_detail() -> QuerySet[m.MuscleAction]:
    return m.MuscleAction.objects.prefetch_related(
        SOURCES,
        Prefetch("myotome_links", queryset=m.Myotome.objects.select_related("root")),
        Prefetch("nerve_links", queryset=m.NerveMotorAction.objects.select_related("nerve")),
    )


def reflex_list() -> QuerySet[m.Reflex]:
    return m.Reflex.objects.all()


def reflex_detail() -> QuerySet[m.Reflex]:
    return m.Reflex.objects.prefetch_related(
        SOURCES, Prefetch("root_links", queryset=m.ReflexRoot.objects.select_related("root"))
    )


def nerve_list() -> QuerySet[m.Nerve]:
    return m.Nerve.objects.select_related("parent")


def nerve_detail() -> QuerySet[m.Nerve]:
    return m.Nerve.objects.select_related("parent").prefetch_related(
        SOURCES,
        "branches",
        Prefetch("root_links", queryset=m.NerveRootOrigin.objects.select_related("root")),
        Prefetch("sensory_links", queryset=m.NerveSensoryRegion.objects.select_related("region")),
        Prefetch("motor_links", queryset=m.NerveMotorAction.objects.select_related("action")),
        Prefetch("condition_links", queryset=m.ConditionNerve.objects.select_related("condition")),
    )


def symptom_list() -> QuerySet[m.Symptom]:
    return m.Symptom.objects.all()


def symptom_detail() -> QuerySet[m.Symptom]:
    return m.Symptom.objects.prefetch_related(
        SOURCES,
        Prefetch("condition_links", queryset=m.ConditionSymptom.objects.select_related("condition", "source")),
    )


def clinical_test_list() -> QuerySet[m.ClinicalTest]:
    return m.ClinicalTest.objects.all()


def clinical_test_detail() -> QuerySet[m.ClinicalTest]:
    return m.ClinicalTest.objects.prefetch_related(
        SOURCES,
        Prefetch("condition_links", queryset=m.ConditionTest.objects.select_related("condition", "source")),
    )


def condition_list() -> QuerySet[m.Condition]:
    return m.Condition.objects.all()


def condition_detail() -> QuerySet[m.Condition]:
    return m.Condition.objects.select_related("prior_source").prefetch_related(
        SOURCES,
        Prefetch("root_links", queryset=m.ConditionNerveRoot.objects.select_related("root")),
        Prefetch("nerve_links", queryset=m.ConditionNerve.objects.select_related("nerve")),
        Prefetch("region_links", queryset=m.ConditionPainRegion.objects.select_related("region")),
        Prefetch("symptom_links", queryset=m.ConditionSymptom.objects.select_related("symptom", "source")),
        Prefetch("test_links", queryset=m.ConditionTest.objects.select_related("test", "source")),
        Prefetch("modifiers", queryset=m.ConditionModifier.objects.select_related("source")),
        Prefetch("red_flags", queryset=m.RedFlag.objects.order_by("code")),
        Prefetch("treatment_links", queryset=m.ConditionTreatment.objects.select_related("treatment", "source")),
        Prefetch("exercise_links", queryset=m.ConditionExercise.objects.select_related("exercise")),
        Prefetch("relations_out", queryset=m.ConditionRelation.objects.select_related("to_condition")),
        Prefetch("relations_in", queryset=m.ConditionRelation.objects.select_related("from_condition")),
    )


def red_flag_list() -> QuerySet[m.RedFlag]:
    return m.RedFlag.objects.select_related("condition")


def red_flag_detail() -> QuerySet[m.RedFlag]:
    criteria = m.TriggerCriterion.objects.select_related("symptom", "test", "region", "action", "reflex")
    return m.RedFlag.objects.select_related("condition").prefetch_related(
        SOURCES, Prefetch("triggers__criteria", queryset=criteria)
    )


def treatment_list() -> QuerySet[m.Treatment]:
    return m.Treatment.objects.all()


def treatment_detail() -> QuerySet[m.Treatment]:
    return m.Treatment.objects.prefetch_related(
        SOURCES,
        Prefetch("condition_links", queryset=m.ConditionTreatment.objects.select_related("condition", "source")),
    )


def exercise_list() -> QuerySet[m.Exercise]:
    return m.Exercise.objects.all()


def exercise_detail() -> QuerySet[m.Exercise]:
    return m.Exercise.objects.prefetch_related(
        SOURCES,
        Prefetch("condition_links", queryset=m.ConditionExercise.objects.select_related("condition")),
    )


def source_list() -> QuerySet[m.Source]:
    return m.Source.objects.all()


source_detail = source_list
