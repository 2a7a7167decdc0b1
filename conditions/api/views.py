"""Read-only API views over the knowledge: list and detail by code, filters, search, export."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import filters as drf_filters
from rest_framework import serializers as drf_serializers
from rest_framework import viewsets
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from conditions import selectors
from conditions.api import filters, serializers
from conditions.api.caching import KnowledgeCacheMixin
from conditions.kinds import EXPORTED_KINDS
from conditions.versioning import consistent_read, knowledge_version
from refpain.openapi import ERROR_RESPONSES
from refpain.search import BoundedSearchFilter


class KnowledgeViewSet(KnowledgeCacheMixin, viewsets.ReadOnlyModelViewSet):
    """List and detail of one kind of knowledge record, looked up by its code."""

    # Read-only for everyone: unsafe methods answer 405, whoever asks.
    permission_classes = [AllowAny]
    lookup_field = "code"
    lookup_value_regex = "[A-Za-z0-9_-]+"
    filter_backends = [
        *viewsets.ReadOnlyModelViewSet.filter_backends,
        BoundedSearchFilter,
        drf_filters.OrderingFilter,
    ]
    search_fields = ["code", "name"]
    ordering_fields = ["code", "name"]
    list_selector = detail_selector = None
    list_serializer = detail_serializer = None

    def get_queryset(self):
        selector = self.detail_selector if self.action == "retrieve" else self.list_selector
        return selector()

    def get_serializer_class(self):
        return self.detail_serializer if self.action == "retrieve" else self.list_serializer

    def list(self, request, *args, **kwargs):
        if self.not_modified:
            if not self.is_cached(request):
                self.filter_queryset(self.get_queryset())  # bad filters are still a 400, not a 304
            return self.not_modified
        return self.cached_response(request, lambda: super(KnowledgeViewSet, self).list(request, *args, **kwargs))

    def retrieve(self, request, *args, **kwargs):
        if self.not_modified:
            # A cached answer proves the record exists; otherwise ask, so a 304 never hides a 404.
            if not self.is_cached(request) and not self.get_queryset().filter(code=kwargs["code"]).exists():
                raise NotFound()
            return self.not_modified
        return self.cached_response(request, lambda: super(KnowledgeViewSet, self).retrieve(request, *args, **kwargs))


def knowledge_viewset(name, *, selector, serializer, filterset=None, search=(), ordering=(), schema_tag):
    """Build the read-only viewset of one entity from its selectors, serializers and filters."""
    documented = extend_schema_view(
        list=extend_schema(tags=[schema_tag], responses={200: serializer["list"](many=True), **ERROR_RESPONSES}),
        retrieve=extend_schema(tags=[schema_tag], responses={200: serializer["detail"], **ERROR_RESPONSES}),
    )
    attributes = {
        "__doc__": f"{name}: list and detail by code.",
        "__module__": __name__,
        "list_selector": staticmethod(selector["list"]),
        "detail_selector": staticmethod(selector["detail"]),
        "list_serializer": serializer["list"],
        "detail_serializer": serializer["detail"],
        "filterset_class": filterset,
        "search_fields": ["code", "name", *search],
        "ordering_fields": ["code", "name", *ordering],
    }
    return documented(type(f"{name.replace(' ', '')}ViewSet", (KnowledgeViewSet,), attributes))


def list_and_detail(list_item, detail_item):
    return {"list": list_item, "detail": detail_item}


NerveRootViewSet = knowledge_viewset(
    "Nerve roots",
    selector=list_and_detail(selectors.nerve_root_list, selectors.nerve_root_detail),
    serializer=list_and_detail(serializers.NerveRootListSerializer, serializers.NerveRootDetailSerializer),
    filterset=filters.NerveRootFilter,
    ordering=("position",),
    schema_tag="nerve roots",
)
BodyRegionViewSet = knowledge_viewset(
    "Body regions",
    selector=list_and_detail(selectors.body_region_list, selectors.body_region_detail),
    serializer=list_and_detail(serializers.BodyRegionListSerializer, serializers.BodyRegionDetailSerializer),
    filterset=filters.BodyRegionFilter,
    ordering=("position",),
    schema_tag="body regions",
)
MuscleActionViewSet = knowledge_viewset(
    "Muscle actions",
    selector=list_and_detail(selectors.muscle_action_list, selectors.muscle_action_detail),
    serializer=list_and_detail(serializers.MuscleActionListSerializer, serializers.MuscleActionDetailSerializer),
    filterset=filters.MuscleActionFilter,
    search=("muscles",),
    schema_tag="muscle actions",
)
ReflexViewSet = knowledge_viewset(
    "Reflexes",
    selector=list_and_detail(selectors.reflex_list, selectors.reflex_detail),
    serializer=list_and_detail(serializers.ReflexListSerializer, serializers.ReflexDetailSerializer),
    filterset=filters.ReflexFilter,
    schema_tag="reflexes",
)
NerveViewSet = knowledge_viewset(
    "Nerves",
    selector=list_and_detail(selectors.nerve_list, selectors.nerve_detail),
    serializer=list_and_detail(serializers.NerveListSerializer, serializers.NerveDetailSerializer),
    filterset=filters.NerveFilter,
    schema_tag="nerves",
)
SymptomViewSet = knowledge_viewset(
    "Symptoms",
    selector=list_and_detail(selectors.symptom_list, selectors.symptom_detail),
    serializer=list_and_detail(serializers.SymptomListSerializer, serializers.SymptomDetailSerializer),
    filterset=filters.SymptomFilter,
    search=("question",),
    schema_tag="symptoms",
)
ClinicalTestViewSet = knowledge_viewset(
    "Clinical tests",
    selector=list_and_detail(selectors.clinical_test_list, selectors.clinical_test_detail),
    serializer=list_and_detail(serializers.ClinicalTestListSerializer, serializers.ClinicalTestDetailSerializer),
    filterset=filters.ClinicalTestFilter,
    schema_tag="clinical tests",
)
ConditionViewSet = knowledge_viewset(
    "Conditions",
    selector=list_and_detail(selectors.condition_list, selectors.condition_detail),
    serializer=list_and_detail(serializers.ConditionListSerializer, serializers.ConditionDetailSerializer),
    filterset=filters.ConditionFilter,
    search=("synonyms", "icd10_codes"),
    ordering=("category", "prior"),
    schema_tag="conditions",
)
RedFlagViewSet = knowledge_viewset(
    "Red flags",
    selector=list_and_detail(selectors.red_flag_list, selectors.red_flag_detail),
    serializer=list_and_detail(serializers.RedFlagListSerializer, serializers.RedFlagDetailSerializer),
    filterset=filters.RedFlagFilter,
    ordering=("urgency",),
    schema_tag="red flags",
)
TreatmentViewSet = knowledge_viewset(
    "Treatments",
    selector=list_and_detail(selectors.treatment_list, selectors.treatment_detail),
    serializer=list_and_detail(serializers.TreatmentListSerializer, serializers.TreatmentDetailSerializer),
    filterset=filters.TreatmentFilter,
    ordering=("kind",),
    schema_tag="treatments",
)
ExerciseViewSet = knowledge_viewset(
    "Exercises",
    selector=list_and_detail(selectors.exercise_list, selectors.exercise_detail),
    serializer=list_and_detail(serializers.ExerciseListSerializer, serializers.ExerciseDetailSerializer),
    filterset=filters.ExerciseFilter,
    ordering=("kind", "difficulty"),
    schema_tag="exercises",
)
SourceViewSet = knowledge_viewset(
    "Sources",
    selector=list_and_detail(selectors.source_list, selectors.source_detail),
    serializer=list_and_detail(serializers.SourceSerializer, serializers.SourceSerializer),
    filterset=filters.SourceFilter,
    search=("title", "authors"),
    ordering=("year", "kind"),
    schema_tag="sources",
)

# Each exported kind's records in full, by the export section its registry entry names.
EXPORT_CONTENT = {
    "sources": (selectors.source_list, serializers.SourceSerializer),
    "body_regions": (selectors.body_region_detail, serializers.BodyRegionDetailSerializer),
    "nerve_roots": (selectors.nerve_root_detail, serializers.NerveRootDetailSerializer),
    "muscle_actions": (selectors.muscle_action_detail, serializers.MuscleActionDetailSerializer),
    "reflexes": (selectors.reflex_detail, serializers.ReflexDetailSerializer),
    "nerves": (selectors.nerve_detail, serializers.NerveDetailSerializer),
    "symptoms": (selectors.symptom_detail, serializers.SymptomDetailSerializer),
    "clinical_tests": (selectors.clinical_test_detail, serializers.ClinicalTestDetailSerializer),
    "conditions": (selectors.condition_detail, serializers.ConditionDetailSerializer),
    "red_flags": (selectors.red_flag_detail, serializers.RedFlagDetailSerializer),
    "treatments": (selectors.treatment_detail, serializers.TreatmentDetailSerializer),
    "exercises": (selectors.exercise_detail, serializers.ExerciseDetailSerializer),
}
EXPORT_SECTIONS = {kind.export.name: EXPORT_CONTENT[kind.export.name] for kind in EXPORTED_KINDS if kind.export}


ExportSerializer = type(
    "ExportSerializer",
    (drf_serializers.Serializer,),
    {
        "__doc__": "The whole published knowledge graph with its sources, stamped with the knowledge version.",
        "knowledge_version": drf_serializers.CharField(),
        "generated_at": drf_serializers.DateTimeField(),
        **{name: serializer(many=True) for name, (_, serializer) in EXPORT_SECTIONS.items()},
    },
)


class ExportView(KnowledgeCacheMixin, APIView):
    """Bulk export of the whole knowledge graph, for researchers."""

    permission_classes = [AllowAny]

    @extend_schema(tags=["export"], responses={200: ExportSerializer, **ERROR_RESPONSES})
    def get(self, request):
        if self.not_modified:
            return self.not_modified
        return self.cached_response(request, self.build_export)

    def build_export(self) -> Response:
        with consistent_read():  # every section, and the stamp, from the same committed state
            document = {"knowledge_version": knowledge_version(), "generated_at": timezone.now()}
            for name, (selector, serializer) in EXPORT_SECTIONS.items():
                document[name] = serializer(selector(), many=True).data
        return Response(document)
