"""The shape of an account's data download, documented for the OpenAPI schema."""

from rest_framework import serializers

from assessments.api.serializers import AssessmentRequestSerializer, StoredStampSerializer


class AccountSerializer(serializers.Serializer):
    """The account's own fields."""

    username = serializers.CharField()
    email = serializers.CharField(help_text="Blank when none was given.")
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    date_joined = serializers.DateTimeField()
    last_login = serializers.DateTimeField(allow_null=True)


class StoredAssessmentSerializer(StoredStampSerializer):
    """A stored assessment as kept: the request as the engine read it, and its result."""

    input = AssessmentRequestSerializer()
    result = serializers.JSONField(
        help_text="The result as served by GET /api/v1/assessments/{id}/, without its id and created_at."
    )


class AccountDataSerializer(serializers.Serializer):
    """Everything stored about the signed-in user, in one document."""

    account = AccountSerializer()
    assessments = StoredAssessmentSerializer(many=True, help_text="Every stored assessment, newest first.")
