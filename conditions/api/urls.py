"""Routes of the knowledge API, registered on the project's v1 router."""

from conditions.api import views

KNOWLEDGE_ROUTES = [
    ("nerve-roots", views.NerveRootViewSet, "nerve-root"),
    ("body-regions", views.BodyRegionViewSet, "body-region"),
    ("muscle-actions", views.MuscleActionViewSet, "muscle-action"),
    ("reflexes", views.ReflexViewSet, "reflex"),
    ("nerves", views.NerveViewSet, "nerve"),
    ("symptoms", views.SymptomViewSet, "symptom"),
    ("clinical-tests", views.ClinicalTestViewSet, "clinical-test"),
    ("conditions", views.ConditionViewSet, "condition"),
    ("red-flags", views.RedFlagViewSet, "red-flag"),
    ("treatments", views.TreatmentViewSet, "treatment"),
    ("exercises", views.ExerciseViewSet, "exercise"),
    ("sources", views.SourceViewSet, "source"),
]
