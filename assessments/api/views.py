"""The assessments API: create, read and erase an assessment; list one's own when signed in."""

from django.http import Http404
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from assessments.api.serializers import (
    AssessmentRequestSerializer,
    AssessmentResultSerializer,
    AssessmentSummarySerializer,
    assessment_representation,
)
from assessments.models import Assessment
from assessments.services import assessment_create
from assessments.snapshot import published_knowledge
from refpain.http.openapi import ERROR_RESPONSES, SIGNED_IN_RESPONSES
from refpain.http.throttling import ScopedThrottle

UUID_PATTERN = "[0-9a-fA-F-]{36}"


@extend_schema_view(
    create=extend_schema(
        tags=["assessments"],
        request=AssessmentRequestSerializer,
        responses={201: AssessmentResultSerializer, **ERROR_RESPONSES},
        description="Assess what a person reports and an examiner finds: triage, likely causes with their "
        "evidence, the nerve roots and nerves involved, and what helps. Stores the result.",
    ),
    retrieve=extend_schema(tags=["assessments"], responses={200: AssessmentResultSerializer, **ERROR_RESPONSES}),
    destroy=extend_schema(tags=["assessments"], responses={204: None, **ERROR_RESPONSES}),
    list=extend_schema(
        tags=["assessments"],
        responses={200: AssessmentSummarySerializer(many=True), **SIGNED_IN_RESPONSES},
        description="The signed-in user's own assessments, newest first.",
    ),
)
class AssessmentViewSet(
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
        knowledge = published_knowledge()
        serializer = AssessmentRequestSerializer(data=request.data, context={"knowledge": knowledge})
        serializer.is_valid(raise_exception=True)
        owner = request.user if request.user.is_authenticated else None
        assessment = assessment_create(data=serializer.validated_data, knowledge=knowledge, owner=owner)
        # The route's trailing slash is optional, so reverse() leaves it off; the canonical URL has it.
        location = reverse("v1:assessment-detail", args=[assessment.id]).rstrip("/") + "/"
        return Response(
            assessment_representation(assessment), status=status.HTTP_201_CREATED, headers={"Location": location}
        )

    def retrieve(self, request, *args, **kwargs):
        return Response(assessment_representation(self.get_object()))

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(AssessmentSummarySerializer(page, many=True).data)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        add_never_cache_headers(response)  # health data: no shared or browser caching
        return response
