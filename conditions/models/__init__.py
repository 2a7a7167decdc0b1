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
from .care import ConditionExercise, ConditionTreatment, Exercise, Treatment
from .conditions import (
    Condition,
    ConditionModifier,
    ConditionNerve,
    ConditionNerveRoot,
    ConditionPainRegion,
    ConditionRelation,
    ConditionSymptom,
    ConditionTest,
)
from .findings import ClinicalTest, Symptom
from .red_flags import RedFlag, RedFlagTrigger, TriggerCriterion
from .review import ChangeRequest, ChangeRequestStatus, PendingChangeRequest
from .version import KnowledgeVersion, LoadedFixtureRecord

# The curated knowledge, every record of which goes through review and is versioned.
KNOWLEDGE_MODELS = (
    Source,
    BodyRegion,
    MuscleAction,
    Reflex,
    NerveRoot,
    Dermatome,
    Myotome,
    ReflexRoot,
    Nerve,
    NerveRootOrigin,
    NerveSensoryRegion,
    NerveMotorAction,
    Symptom,
    ClinicalTest,
    Condition,
    ConditionNerveRoot,
    ConditionNerve,
    ConditionPainRegion,
    ConditionRelation,
    ConditionSymptom,
    ConditionTest,
    ConditionModifier,
    Treatment,
    ConditionTreatment,
    Exercise,
    ConditionExercise,
    RedFlag,
    RedFlagTrigger,
    TriggerCriterion,
)

__all__ = [
    "KNOWLEDGE_MODELS",
    "BodyRegion",
    "ChangeRequest",
    "ChangeRequestStatus",
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
    "PendingChangeRequest",
    "Provenance",
    "RedFlag",
    "RedFlagTrigger",
    "Reflex",
    "ReflexRoot",
    "Source",
    "Symptom",
    "Treatment",
    "TriageLevel",
    "TriggerCriterion",
    "Typicality",
]
