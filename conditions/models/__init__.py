"""The knowledge store's models, one module per area."""

from conditions.vocabulary import Contribution, Provenance, TriageLevel, Typicality

from .anatomy import (
    BodyRegion,
    Dermatome,
    MuscleAction,
    Myotome,
    Nerve,
    NerveMotorAction,
    NerveRoot,
    NerveRootOrigin,
    NerveSensoryRegion,
    Reflex,
    ReflexRoot,
)
from .base import Source
from .body_map import BodyMapView, RegionShape
from .care import ConditionExercise, ConditionTreatment, Exercise, Treatment
from .conditions import Condition, ConditionNerve, ConditionNerveRoot, ConditionPainRegion, ConditionRelation
from .evidence import ConditionModifier, ConditionSymptom, ConditionTest
from .findings import ClinicalTest, Symptom
from .red_flags import RedFlag, RedFlagCondition, RedFlagTrigger, TriggerCriterion
from .version import KnowledgeVersion, LoadedFixtureRecord

__all__ = [
    "BodyMapView",
    "BodyRegion",
    "ClinicalTest",
    "Condition",
    "ConditionExercise",
    "ConditionModifier",
    "ConditionNerve",
    "ConditionNerveRoot",
    "ConditionPainRegion",
    "ConditionRelation",
    "ConditionSymptom",
    "ConditionTest",
    "ConditionTreatment",
    "Contribution",
    "Dermatome",
    "Exercise",
    "KnowledgeVersion",
    "LoadedFixtureRecord",
    "MuscleAction",
    "Myotome",
    "Nerve",
    "NerveMotorAction",
    "NerveRoot",
    "NerveRootOrigin",
    "NerveSensoryRegion",
    "Provenance",
    "RedFlag",
    "RedFlagCondition",
    "RedFlagTrigger",
    "Reflex",
    "ReflexRoot",
    "RegionShape",
    "Source",
    "Symptom",
    "Treatment",
    "TriageLevel",
    "TriggerCriterion",
    "Typicality",
]
