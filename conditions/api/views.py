"""Read-only API views over the knowledge: list and detail by code, filters, search, export."""

import re
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers as drf_serializers
from rest_framework import viewsets
from rest_framework.exceptions import ErrorDetail, NotFound, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from conditions import selectors
from conditions.api import filters, serializers
from conditions.api.caching import KnowledgeCacheMixin
from conditions.api.changed_since import KNOWLEDGE_VERSION
from conditions.changes import removed_since
from conditions.history import UnknownVersion, published_at, published_state
from conditions.kinds import EXPORTED_KINDS
from conditions.tables import knowledge_zip
from conditions.versioning import consistent_read, knowledge_version, knowledge_version_recent
from refpain.http.openapi import ERROR_RESPONSES
from refpain.http.ordering import StrictOrderingFilter
from refpain.http.pagination import CachedPagePagination
from refpain.http.search import BoundedSearchFilter


class SyncPagination(CachedPagePagination):
    """Knowledge lists: with ?changed_since=, the page also lists the codes of the records removed since."""

    def get_paginated_response_schema(self, schema):
        paginated = super().get_paginated_response_schema(schema)
        paginated["properties"]["removed"] = {
            "type": "array",
            "items": {"type": "string"},
            "description": "Only with ?changed_since=: the codes of the records removed since that version.",
        }
        return paginated


class KnowledgeViewSet(KnowledgeCacheMixin, viewsets.ReadOnlyModelViewSet):
    """List and detail of one kind of knowledge record, looked up by its code."""

    # Read-only for everyone: unsafe methods answer 405, whoever asks.
    permission_classes = [AllowAny]
    pagination_class = SyncPagination  # cached pages: the cache completes their links for each request's host
    lookup_field = "code"
    lookup_value_regex = "[A-Za-z0-9_-]+"
    filter_backends = [
        *viewsets.ReadOnlyModelViewSet.filter_backends,  # type: ignore[misc]  # a class attribute; stubs: per instance
        BoundedSearchFilter,
        StrictOrderingFilter,
    ]
    search_fields = ["code", "name"]
    ordering_fields = ["code", "name"]
    # Set by each subclass: the selectors (staticmethods) and serializers of its list and detail.
    list_selector: Callable[[], QuerySet[Any]]
    detail_selector: Callable[[], QuerySet[Any]]
    list_serializer: type[drf_serializers.BaseSerializer[Any]]
    detail_serializer: type[drf_serializers.BaseSerializer[Any]]

    def get_queryset(self):
        selector = self.detail_selector if self.action == "retrieve" else self.list_selector
        return selector()

    def get_serializer_class(self):
        return self.detail_serializer if self.action == "retrieve" else self.list_serializer

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        # The filter has already refused a version that was never published.
        if since := self.request.query_params.get("changed_since"):
            response.data["removed"] = removed_since(self.get_queryset().model, published_at(since))
        return response

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


def documented(tag, list_serializer, detail_serializer, list_parameters=()):
    """The schema of a knowledge viewset: its tag, its list and detail bodies, and the error responses."""
    return extend_schema_view(
        list=extend_schema(
            tags=[tag], parameters=list(list_parameters), responses={200: list_serializer(many=True), **ERROR_RESPONSES}
        ),
        retrieve=extend_schema(tags=[tag], responses={200: detail_serializer, **ERROR_RESPONSES}),
    )


@documented("nerve roots", serializers.NerveRootListSerializer, serializers.NerveRootDetailSerializer)
class NerveRootViewSet(KnowledgeViewSet):
    """Nerve roots: list and detail by code."""

    list_selector = staticmethod(selectors.nerve_root_list)
    detail_selector = staticmethod(selectors.nerve_root_detail)
    list_serializer = serializers.NerveRootListSerializer
    detail_serializer = serializers.NerveRootDetailSerializer
    filterset_class = filters.NerveRootFilter
    ordering_fields = ["code", "name", "position"]


@documented("body regions", serializers.BodyRegionListSerializer, serializers.BodyRegionDetailSerializer)
class BodyRegionViewSet(KnowledgeViewSet):
    """Body regions: list and detail by code."""

    list_selector = staticmethod(selectors.body_region_list)
    detail_selector = staticmethod(selectors.body_region_detail)
    list_serializer = serializers.BodyRegionListSerializer
    detail_serializer = serializers.BodyRegionDetailSerializer
    filterset_class = filters.BodyRegionFilter
    ordering_fields = ["code", "name", "position"]


@documented("muscle actions", serializers.MuscleActionListSerializer, serializers.MuscleActionDetailSerializer)
class MuscleActionViewSet(KnowledgeViewSet):
    """Muscle actions: list and detail by code."""

    list_selector = staticmethod(selectors.muscle_action_list)
    detail_selector = staticmethod(selectors.muscle_action_detail)
    list_serializer = serializers.MuscleActionListSerializer
    detail_serializer = serializers.MuscleActionDetailSerializer
    filterset_class = filters.MuscleActionFilter
    search_fields = ["code", "name", "muscles"]


@documented("reflexes", serializers.ReflexListSerializer, serializers.ReflexDetailSerializer)
class ReflexViewSet(KnowledgeViewSet):
    """Reflexes: list and detail by code."""

    list_selector = staticmethod(selectors.reflex_list)
    detail_selector = staticmethod(selectors.reflex_detail)
    list_serializer = serializers.ReflexListSerializer
    detail_serializer = serializers.ReflexDetailSerializer
    filterset_class = filters.ReflexFilter


@documented("nerves", serializers.NerveListSerializer, serializers.NerveDetailSerializer)
class NerveViewSet(KnowledgeViewSet):
    """Nerves: list and detail by code."""

    list_selector = staticmethod(selectors.nerve_list)
    detail_selector = staticmethod(selectors.nerve_detail)
    list_serializer = serializers.NerveListSerializer
    detail_serializer = serializers.NerveDetailSerializer
    filterset_class = filters.NerveFilter


@documented("symptoms", serializers.SymptomListSerializer, serializers.SymptomDetailSerializer)
class SymptomViewSet(KnowledgeViewSet):
    """Symptoms: list and detail by code."""

    list_selector = staticmethod(selectors.symptom_list)
    detail_selector = staticmethod(selectors.symptom_detail)
    list_serializer = serializers.SymptomListSerializer
    detail_serializer = serializers.SymptomDetailSerializer
    filterset_class = filters.SymptomFilter
    search_fields = ["code", "name", "question"]


@documented("clinical tests", serializers.ClinicalTestListSerializer, serializers.ClinicalTestDetailSerializer)
class ClinicalTestViewSet(KnowledgeViewSet):
    """Clinical tests: list and detail by code."""

    list_selector = staticmethod(selectors.clinical_test_list)
    detail_selector = staticmethod(selectors.clinical_test_detail)
    list_serializer = serializers.ClinicalTestListSerializer
    detail_serializer = serializers.ClinicalTestDetailSerializer
    filterset_class = filters.ClinicalTestFilter


@documented("conditions", serializers.ConditionListSerializer, serializers.ConditionDetailSerializer)
class ConditionViewSet(KnowledgeViewSet):
    """Conditions: list and detail by code."""

    list_selector = staticmethod(selectors.condition_list)
    detail_selector = staticmethod(selectors.condition_detail)
    list_serializer = serializers.ConditionListSerializer
    detail_serializer = serializers.ConditionDetailSerializer
    filterset_class = filters.ConditionFilter
    search_fields = ["code", "name", "synonyms", "icd10_codes"]
    ordering_fields = ["code", "name", "category", "prior"]


@documented("red flags", serializers.RedFlagListSerializer, serializers.RedFlagDetailSerializer)
class RedFlagViewSet(KnowledgeViewSet):
    """Red flags: list and detail by code."""

    list_selector = staticmethod(selectors.red_flag_list)
    detail_selector = staticmethod(selectors.red_flag_detail)
    list_serializer = serializers.RedFlagListSerializer
    detail_serializer = serializers.RedFlagDetailSerializer
    filterset_class = filters.RedFlagFilter
    ordering_fields = ["code", "name", "urgency"]


@documented("treatments", serializers.TreatmentListSerializer, serializers.TreatmentDetailSerializer)
class TreatmentViewSet(KnowledgeViewSet):
    """Treatments: list and detail by code."""

    list_selector = staticmethod(selectors.treatment_list)
    detail_selector = staticmethod(selectors.treatment_detail)
    list_serializer = serializers.TreatmentListSerializer
    detail_serializer = serializers.TreatmentDetailSerializer
    filterset_class = filters.TreatmentFilter
    ordering_fields = ["code", "name", "kind"]


@documented(
    "exercises",
    serializers.ExerciseListSerializer,
    serializers.ExerciseDetailSerializer,
    list_parameters=[
        OpenApiParameter(
            "condition",
            str,
            deprecated=True,
            pattern=filters.CODE_LIST["pattern"],
            description=filters.ExerciseFilter.base_filters["condition"].extra["help_text"],
        )
    ],
)
class ExerciseViewSet(KnowledgeViewSet):
    """Exercises: list and detail by code."""

    list_selector = staticmethod(selectors.exercise_list)
    detail_selector = staticmethod(selectors.exercise_detail)
    list_serializer = serializers.ExerciseListSerializer
    detail_serializer = serializers.ExerciseDetailSerializer
    filterset_class = filters.ExerciseFilter
    ordering_fields = ["code", "name", "kind", "difficulty"]


@documented("sources", serializers.SourceSerializer, serializers.SourceSerializer)
class SourceViewSet(KnowledgeViewSet):
    """Sources: list and detail by code."""

    list_selector = staticmethod(selectors.source_list)
    detail_selector = staticmethod(selectors.source_detail)
    list_serializer = detail_serializer = serializers.SourceSerializer
    filterset_class = filters.SourceFilter
    search_fields = ["code", "name", "title", "authors"]
    ordering_fields = ["code", "name", "year", "kind"]


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
    "body_map": (selectors.body_map_views, serializers.BodyMapViewSerializer),
}
EXPORT_SECTIONS = {kind.export.name: EXPORT_CONTENT[kind.export.name] for kind in EXPORTED_KINDS if kind.export}


class ExportSerializer(drf_serializers.Serializer):
    """The whole published knowledge graph with its sources, stamped with the knowledge version."""

    knowledge_version = drf_serializers.CharField()
    generated_at = drf_serializers.DateTimeField()
    sources = serializers.SourceSerializer(many=True)
    body_regions = serializers.BodyRegionDetailSerializer(many=True)
    nerve_roots = serializers.NerveRootDetailSerializer(many=True)
    muscle_actions = serializers.MuscleActionDetailSerializer(many=True)
    reflexes = serializers.ReflexDetailSerializer(many=True)
    nerves = serializers.NerveDetailSerializer(many=True)
    symptoms = serializers.SymptomDetailSerializer(many=True)
    clinical_tests = serializers.ClinicalTestDetailSerializer(many=True)
    conditions = serializers.ConditionDetailSerializer(many=True)
    red_flags = serializers.RedFlagDetailSerializer(many=True)
    treatments = serializers.TreatmentDetailSerializer(many=True)
    exercises = serializers.ExerciseDetailSerializer(many=True)
    body_map = serializers.BodyMapViewSerializer(many=True, help_text="The body map's views, as GET /body-map/.")


VERSION_PARAMETER = OpenApiParameter(
    "version",
    KNOWLEDGE_VERSION,
    description="A knowledge version (GET /api/v1/versions/ lists them; an assessment's knowledge_version names "
    "one): the knowledge as it was published then, rebuilt from the history. A version never published is a 404.",
)


class ExportView(KnowledgeCacheMixin, APIView):
    """Bulk export of the whole knowledge graph, for researchers; at any published version."""

    permission_classes = [AllowAny]
    query_parameters = ("version",)
    kept_as_file = True

    @extend_schema(
        tags=["export"], parameters=[VERSION_PARAMETER], responses={200: ExportSerializer, **ERROR_RESPONSES}
    )
    def get(self, request):
        if self.not_modified:
            return self.not_modified
        return self.cached_response(request, lambda: at_version(request, self.build_export))

    def build_export(self) -> Response:
        with consistent_read():  # every section, and the stamp, from the same committed state
            document = {"knowledge_version": knowledge_version(), "generated_at": timezone.now()}
            for name, (selector, serializer) in EXPORT_SECTIONS.items():
                document[name] = serializer(selector(), many=True).data
        return Response(document)


class CsvExportView(KnowledgeCacheMixin, APIView):
    """The knowledge as a zip of CSV tables with a data dictionary, for pandas or R; at any published version."""

    permission_classes = [AllowAny]
    query_parameters = ("version",)
    kept_as_file = True

    @extend_schema(
        tags=["export"],
        parameters=[VERSION_PARAMETER],
        responses={(200, "application/zip"): OpenApiTypes.BINARY, **ERROR_RESPONSES},
        description="A zip of one CSV per kind of record and link (codes, not database ids), data_dictionary.csv "
        "(every column's type and meaning) and about.csv (the knowledge version).",
    )
    def get(self, request):
        if self.not_modified:
            return self.not_modified
        return self.cached_response(request, lambda: at_version(request, self.build_zip))

    def finished(self, response, request):
        if response.status_code == 200:
            version = request.GET.get("version") or knowledge_version_recent(settings.KNOWLEDGE_VERSION_TTL)
            response["Content-Disposition"] = f'attachment; filename="refpain-knowledge-{safe_name(version)}.zip"'
        return response

    def build_zip(self) -> HttpResponse:
        with consistent_read():
            return HttpResponse(knowledge_zip(), content_type="application/zip")


def safe_name(version: str) -> str:
    return re.sub(r"[^A-Za-z0-9.]", "", version)[:40]


def at_version(request, build):
    """What `build` answers on the live knowledge, or, with ?version=, on the knowledge published then."""
    version = request.query_params.get("version")
    if version is None:
        return build()
    if not version:  # ?version= with nothing: not the live knowledge, a mistake
        message = "Give a knowledge version as GET /api/v1/versions/ lists them, or leave out version."
        raise ValidationError({"version": [ErrorDetail(message, code="blank")]})
    try:
        with published_state(version):
            return build()
    except UnknownVersion:
        raise NotFound(f"No knowledge version {version[:40]} was ever published.") from None
