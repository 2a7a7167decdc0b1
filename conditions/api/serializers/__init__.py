"""Read-only representations of the knowledge, by area: compact ones for lists, full ones for detail screens."""

from conditions.api.serializers.anatomy import (  # noqa: F401
    BodyRegionDetailSerializer,
    BodyRegionListSerializer,
    DermatomeRegionSerializer,
    MuscleActionDetailSerializer,
    MuscleActionListSerializer,
    MyotomeActionSerializer,
    NerveDetailSerializer,
    NerveListSerializer,
    NerveMotorActionSerializer,
    NerveRootDetailSerializer,
    NerveRootListSerializer,
    NerveSensoryRegionSerializer,
    ReflexDetailSerializer,
    ReflexListSerializer,
    RootReflexSerializer,
)
from conditions.api.serializers.body_map import (  # noqa: F401
    BodyMapSerializer,
    BodyMapViewSerializer,
    RegionShapeSerializer,
)
from conditions.api.serializers.care import (  # noqa: F401
    ExerciseConditionSerializer,
    ExerciseDetailSerializer,
    ExerciseListSerializer,
    TreatmentConditionSerializer,
    TreatmentDetailSerializer,
    TreatmentListSerializer,
)
from conditions.api.serializers.conditions import (  # noqa: F401
    ConditionDetailSerializer,
    ConditionExerciseSerializer,
    ConditionListSerializer,
    ConditionModifierSerializer,
    ConditionTreatmentSerializer,
    RelatedConditionSerializer,
    SymptomEvidenceSerializer,
    TestEvidenceSerializer,
)
from conditions.api.serializers.findings import (  # noqa: F401
    AccuracySerializer,
    ClinicalTestDetailSerializer,
    ClinicalTestListSerializer,
    ConditionEvidenceSerializer,
    SymptomDetailSerializer,
    SymptomListSerializer,
)
from conditions.api.serializers.red_flags import (  # noqa: F401
    RedFlagDetailSerializer,
    RedFlagListSerializer,
    RedFlagRefSerializer,
    RedFlagTriggerSerializer,
    TriggerCriterionSerializer,
)
from conditions.api.serializers.sources import (  # noqa: F401
    SourceRefSerializer,
    SourceSerializer,
)
