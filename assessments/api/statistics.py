"""GET /api/v1/statistics/assessments/: weekly counts of stored assessments, small cells suppressed."""

import contextlib

from django.conf import settings
from django.core.cache import caches
from django.utils.cache import add_never_cache_headers
from drf_spectacular.utils import OpenApiResponse, extend_schema
from redis.exceptions import RedisError
from rest_framework import serializers
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView

from assessments.selectors import weekly_groups
from assessments.snapshot import published_knowledge
from assessments.statistics import week_start, weekly_statistics
from refpain.http.openapi import SIGNED_IN_RESPONSES, ErrorSerializer
from refpain.http.parameters import QueryParametersMixin

STATISTICS_PERMISSION = "assessments.view_statistics"


class CanReadStatistics(BasePermission):
    """Staff, or a user (a token's owner) granted the research permission to read aggregate statistics."""

    def has_permission(self, request, view):
        user = request.user
        return bool(user and user.is_authenticated and (user.is_staff or user.has_perm(STATISTICS_PERMISSION)))


def shared_cache_get(key: str):
    try:
        return caches["default"].get(key)
    except (RedisError, OSError):  # the cache is an optimisation: without it, the counts are made afresh
        return None


def shared_cache_set(key: str, value, seconds: int) -> None:
    with contextlib.suppress(RedisError, OSError):
        caches["default"].set(key, value, seconds)


class StatisticsQuerySerializer(serializers.Serializer):
    """The statistics' parameters."""

    since = serializers.DateField(
        required=False, help_text="Count assessments from the Monday of this date's week (YYYY-MM-DD) on."
    )
    nerve_root = serializers.RegexField(
        r"^[A-Z][0-9]{1,2}$",
        required=False,
        help_text="Only assessments whose result names this nerve root (T12 to S5).",
    )


COUNT_HELP = "Null when suppressed (fewer than k assessments, or to protect such a cell); never zero."


class TriageCountSerializer(serializers.Serializer):
    """Assessments of a week by triage level."""

    level = serializers.CharField()
    count = serializers.IntegerField(allow_null=True, help_text=COUNT_HELP)


class CodeCountSerializer(serializers.Serializer):
    """Assessments of a week by the code of a condition or nerve root."""

    code = serializers.CharField()
    count = serializers.IntegerField(allow_null=True, help_text=COUNT_HELP)


class WeekSerializer(serializers.Serializer):
    """One week's counts."""

    week = serializers.DateField(help_text="The Monday the week starts on (UTC).")
    assessments = serializers.IntegerField(allow_null=True)
    triage = TriageCountSerializer(many=True)
    conditions = CodeCountSerializer(many=True, help_text="By leading condition (the first the result lists).")
    nerve_roots = CodeCountSerializer(many=True, help_text="By each nerve root the result names.")


class AssessmentStatisticsSerializer(serializers.Serializer):
    """Weekly counts of stored assessments, with every cell below k suppressed."""

    k = serializers.IntegerField(help_text="The smallest count shown; smaller ones are null.")
    since = serializers.DateField(allow_null=True)
    nerve_root = serializers.CharField(allow_null=True)
    weeks = WeekSerializer(many=True)


class AssessmentStatisticsView(QueryParametersMixin, APIView):
    """Aggregate counts of stored assessments for researchers: never one person, never a cell below k."""

    permission_classes = [CanReadStatistics]
    query_parameters = tuple(StatisticsQuerySerializer().fields)

    @extend_schema(
        tags=["statistics"],
        parameters=[StatisticsQuerySerializer],
        responses={
            200: AssessmentStatisticsSerializer,
            403: OpenApiResponse(ErrorSerializer, description="Signed in without the research permission."),
            **SIGNED_IN_RESPONSES,
        },
        description="Counts of stored assessments per week by triage level, leading condition and nerve root. "
        "A count below k (STATISTICS_MIN_COUNT, 10 by default) is null, as is a second cell where one alone "
        "could be worked out from the week's total. Staff, or a user with the research permission.",
    )
    def get(self, request):
        query = StatisticsQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        nerve_root = query.validated_data.get("nerve_root")
        # Checked against the published snapshot each worker keeps, not with a query per request.
        if nerve_root is not None and nerve_root not in published_knowledge().roots:
            raise serializers.ValidationError(
                {
                    "nerve_root": [
                        serializers.ErrorDetail(f"Unknown nerve root code: {nerve_root[:20]}.", "unknown_code")
                    ]
                }
            )
        since = query.validated_data.get("since")
        start = week_start(since) if since else None
        k = settings.STATISTICS_MIN_COUNT
        # Counting reads every stored assessment's result: kept for STATISTICS_CACHE_SECONDS in the shared cache
        # (Redis when configured), so a researcher's dashboard does not scan them all on every refresh. The
        # counts are aggregates with small cells suppressed, so holding them there keeps no one's data.
        key = f"statistics:{start.date() if start else ''}:{nerve_root or ''}:{k}"
        body = shared_cache_get(key)
        if body is None:
            groups = weekly_groups(since=start, nerve_root=nerve_root)
            counts = {
                "k": k,
                "since": start.date() if start else None,
                "nerve_root": nerve_root,
                "weeks": weekly_statistics(groups, k=k),
            }
            body = AssessmentStatisticsSerializer(counts).data
            shared_cache_set(key, body, settings.STATISTICS_CACHE_SECONDS)
        return Response(body)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        add_never_cache_headers(response)
        return response
