"""The knowledge store's models, one module per area."""

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
from .choices import Contribution, Provenance, TriageLevel, Typicality
from .conditions import (
    Condition,
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
from .version import KnowledgeVersion

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
