"""Routes of the knowledge API, registered on the project's v1 router: one for each kind the registry serves."""

from conditions.api import views
from conditions.kinds import API_KINDS

# Each kind's viewset, by the API path its registry entry names.
VIEWSETS = {
    "nerve-roots": views.NerveRootViewSet,
    "body-regions": views.BodyRegionViewSet,
    "muscle-actions": views.MuscleActionViewSet,
    "reflexes": views.ReflexViewSet,
    "nerves": views.NerveViewSet,
    "symptoms": views.SymptomViewSet,
    "clinical-tests": views.ClinicalTestViewSet,
    "conditions": views.ConditionViewSet,
    "red-flags": views.RedFlagViewSet,
    "treatments": views.TreatmentViewSet,
    "exercises": views.ExerciseViewSet,
    "sources": views.SourceViewSet,
}

KNOWLEDGE_ROUTES = [(kind.api.path, VIEWSETS[kind.api.path], kind.api.basename) for kind in API_KINDS if kind.api]
