"""The assessments API: create (once per Idempotency-Key), read and erase an assessment; list one's own when
signed in."""

import re

from django.http import Http404
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, ErrorDetail, NotFound, ValidationError
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from assessments.api.examples import EXAMPLE_ASSESSMENT
from assessments.api.reading import plain_assessment, validated_request
from assessments.api.serializers import (
    AssessmentRequestSerializer,
    AssessmentResultSerializer,
    AssessmentSummarySerializer,
    assessment_representation,
)
from assessments.fhir import Lookups, assessment_bundle
from assessments.models import Assessment
from assessments.pictures import assessment_picture, found_root_code
from assessments.selectors import found_root, knowledge_named_by
from assessments.services import IdempotencyKeyReused, assessment_create, assessment_create_once
from assessments.snapshot import published_knowledge
from conditions.api.pictures import SVG_RESPONSES, SVGRenderer, body_map, errors_as_json, svg_response
from conditions.pictures import draw_map
from refpain.http.language import ENGLISH, active_language
from refpain.http.openapi import ERROR_RESPONSES, SIGNED_IN_RESPONSES, ErrorSerializer
from refpain.http.parameters import QueryParametersMixin
from refpain.http.throttling import ScopedThrottle

UUID_PATTERN = "[0-9a-fA-F-]{36}"
FHIR_JSON = "application/fhir+json"


class FHIRRenderer(JSONRenderer):
    """FHIR's own JSON media type, which clinical systems ask for."""

    media_type = FHIR_JSON


# The lists whose codes the FHIR Bundle uses, by kind: each is the code system of its codes.
CODE_SYSTEMS = {
    "body_regions": "v1:body-region-list",
    "muscle_actions": "v1:muscle-action-list",
    "reflexes": "v1:reflex-list",
    "symptoms": "v1:symptom-list",
    "clinical_tests": "v1:clinical-test-list",
    "conditions": "v1:condition-list",
}
# An Idempotency-Key: a random string the client makes for each new assessment (a UUID, say), sent bare or
# quoted (the IETF draft's structured-field string). Long enough that no one guesses another's.
IDEMPOTENCY_KEY = re.compile(r'"?([A-Za-z0-9._:~+/=-]{16,255})"?')


def idempotency_key(request) -> str | None:
    """The request's Idempotency-Key, None without one; a 400 naming the header when it is not one."""
    raw = request.headers.get("Idempotency-Key")
    if raw is None:
        return None
    if match := IDEMPOTENCY_KEY.fullmatch(raw.strip()):
        return match.group(1)
    message = "Send 16 to 255 letters, digits or . _ : ~ + / = - (a random UUID, say)."
    raise ValidationError({"Idempotency-Key": [ErrorDetail(message, code="invalid")]})


class IdempotencyKeyConflict(APIException):
    """The Idempotency-Key already names an assessment of other findings."""

    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_code = "idempotency_key_reused"
    default_detail = "This Idempotency-Key was sent with other findings: send a new key with a new assessment."


@extend_schema_view(
    create=extend_schema(
        tags=["assessments"],
        request=AssessmentRequestSerializer,
        parameters=[
            OpenApiParameter(
                "Idempotency-Key",
                str,
                OpenApiParameter.HEADER,
                description="Optional: a random string (16 to 255 characters; a UUID, say), new for each "
                "assessment. Posting again with the same key and the same findings, after a dropped connection, "
                "answers the assessment the first post made (with `Idempotent-Replayed: true`) instead of "
                "making another; with other findings it is a 422.",
            )
        ],
        responses={
            201: AssessmentResultSerializer,
            **ERROR_RESPONSES,
            422: OpenApiResponse(
                ErrorSerializer, description="The Idempotency-Key was sent before with other findings."
            ),
        },
        description="Assess what a person reports and an examiner finds: triage, likely causes with their "
        "evidence, the nerve roots and nerves involved, and what helps. Stores the result.",
        examples=[OpenApiExample("An L5 picture on the left", value=EXAMPLE_ASSESSMENT, request_only=True)],
    ),
    retrieve=extend_schema(tags=["assessments"], responses={200: AssessmentResultSerializer, **ERROR_RESPONSES}),
    destroy=extend_schema(tags=["assessments"], responses={204: None, **ERROR_RESPONSES}),
    list=extend_schema(
        tags=["assessments"],
        responses={200: AssessmentSummarySerializer(many=True), **SIGNED_IN_RESPONSES},
        description="The signed-in user's own assessments, newest first.",
    ),
    body_map=extend_schema(
        tags=["assessments"],
        responses=SVG_RESPONSES,
        description="The person's pain, numbness and tingling on the body map, by side, with the dermatome of "
        "the nerve root the findings point to: SVG with a legend. Not cached, like the assessment.",
    ),
    fhir=extend_schema(
        tags=["assessments"],
        responses={(200, FHIR_JSON): OpenApiTypes.OBJECT, **ERROR_RESPONSES},
        description="The assessment as a FHIR R4 Bundle (collection): Patient, an Observation per finding, "
        "Conditions (differential, with ICD-10-CM codes), a ClinicalImpression and a RiskAssessment (triage).",
    ),
)
class AssessmentViewSet(
    QueryParametersMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    mixins.ListModelMixin,
    viewsets.GenericViewSet,
):
    """Assessments are health data: reached by their unguessable id, listed only to their owner."""

    lookup_value_regex = UUID_PATTERN
    throttle_scope = "assessments"
    serializer_class = AssessmentRequestSerializer

    def get_permissions(self):
        return [IsAuthenticated()] if self.action == "list" else [AllowAny()]

    def get_throttles(self):
        throttles = super().get_throttles()
        return [*throttles, ScopedThrottle()] if self.action == "create" else throttles

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return Assessment.objects.none()
        if self.action == "list":
            return Assessment.objects.filter(owner=self.request.user)
        return Assessment.objects.all()

    def get_object(self):
        # Someone else's assessment is not there at all, as far as this client can tell: the same 404 body.
        try:
            assessment = super().get_object()
        except Http404:
            raise NotFound() from None
        if assessment.owner_id is not None and assessment.owner_id != self.request.user.pk:
            raise NotFound()
        return assessment

    def create(self, request, *args, **kwargs):
        key = idempotency_key(request)
        knowledge = published_knowledge(active_language())
        data = validated_request(request.data, knowledge, plain_assessment, AssessmentRequestSerializer)
        owner = request.user if request.user.is_authenticated else None
        headers: dict[str, str] = {}
        if key is None:
            assessment = assessment_create(data=data, knowledge=knowledge, owner=owner)
        else:
            # A retry after a dropped connection gets the assessment its first try made, not a second one.
            try:
                assessment, created = assessment_create_once(data=data, knowledge=knowledge, owner=owner, key=key)
            except IdempotencyKeyReused:
                raise IdempotencyKeyConflict() from None
            if not created:
                headers["Idempotent-Replayed"] = "true"
        # The route's trailing slash is optional, so reverse() leaves it off; the canonical URL has it.
        headers["Location"] = reverse("v1:assessment-detail", args=[assessment.id]).rstrip("/") + "/"
        return Response(assessment_representation(assessment), status=status.HTTP_201_CREATED, headers=headers)

    def retrieve(self, request, *args, **kwargs):
        assessment = self.get_object()
        # Stored as it was answered: in the language it was asked in, whatever this request asks for.
        headers = {"Content-Language": assessment.result.get("language", ENGLISH)}
        return Response(assessment_representation(assessment), headers=headers)

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(AssessmentSummarySerializer(page, many=True).data)

    @action(detail=True, methods=["get"], url_path="body-map.svg", renderer_classes=[JSONRenderer, SVGRenderer])
    def body_map(self, request, pk=None):
        assessment = self.get_object()
        views = body_map()
        region_names = {shape.region.code: shape.region.name for view in views for shape in view.shapes.all()}
        root = found_root(found_root_code(assessment.result))
        return svg_response(draw_map(views, assessment_picture(assessment, root, region_names)))

    @action(detail=True, methods=["get"], renderer_classes=[FHIRRenderer, JSONRenderer])
    def fhir(self, request, pk=None):
        assessment = self.get_object()
        names, icd10 = knowledge_named_by(assessment)
        systems = {
            kind: request.build_absolute_uri(reverse(name)).rstrip("/") + "/" for kind, name in CODE_SYSTEMS.items()
        }
        bundle = assessment_bundle(assessment, Lookups(names=names, icd10=icd10, systems=systems))
        return Response(bundle, content_type=FHIR_JSON)

    def finalize_response(self, request, response, *args, **kwargs):
        errors_as_json(request, response)
        response = super().finalize_response(request, response, *args, **kwargs)
        add_never_cache_headers(response)  # health data: no shared or browser caching
        return response
