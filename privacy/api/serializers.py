"""The shapes of an account's data download and of its erasure request, documented for the OpenAPI schema."""

from rest_framework import serializers

from assessments.api.serializers import AssessmentRequestSerializer, StoredStampSerializer
from refpain.auth import PASSWORD_MAX_LENGTH


class AccountSerializer(serializers.Serializer):
    """The account's own fields."""

    username = serializers.CharField()
    email = serializers.CharField(help_text="Blank when none was given.")
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    date_joined = serializers.DateTimeField()
    last_login = serializers.DateTimeField(allow_null=True)


class TokenRecordSerializer(serializers.Serializer):
    """One API token of the account: when it was issued and when it ends (never the token itself)."""

    created = serializers.DateTimeField()
    expiry = serializers.DateTimeField(allow_null=True)


class SignInRecordSerializer(serializers.Serializer):
    """One sign-in record kept under the account's username, by whoever made the attempt."""

    attempt_time = serializers.DateTimeField()
    ip_address = serializers.IPAddressField(allow_null=True, help_text="The address the attempt came from.")
    user_agent = serializers.CharField()
    http_accept = serializers.CharField()
    path_info = serializers.CharField(help_text="Where: /api/v1/auth/token/ or /admin/login/.")


class SucceededSignInSerializer(SignInRecordSerializer):
    """A successful sign-in."""

    logout_time = serializers.DateTimeField(allow_null=True)


class FailedSignInSerializer(SignInRecordSerializer):
    """A failed sign-in."""

    locked_out = serializers.BooleanField()


class FailureCountSerializer(SignInRecordSerializer):
    """The failed sign-ins counted from one address towards a lock-out (attempt_time is the latest)."""

    failures_since_start = serializers.IntegerField()


class SignInsSerializer(serializers.Serializer):
    """The sign-in and lock-out records kept under the account's username, newest first."""

    succeeded = SucceededSignInSerializer(many=True)
    failed = FailedSignInSerializer(many=True)
    failure_counts = FailureCountSerializer(many=True)


class StoredAssessmentSerializer(StoredStampSerializer):
    """A stored assessment as kept: the request as the engine read it, and its result."""

    input = AssessmentRequestSerializer()
    result = serializers.JSONField(
        help_text="The result as served by GET /api/v1/assessments/{id}/, without its id and created_at."
    )


class AccountDataSerializer(serializers.Serializer):
    """Everything stored about the signed-in user, in one document."""

    account = AccountSerializer()
    tokens = TokenRecordSerializer(many=True, help_text="The account's API tokens, newest first.")
    sign_ins = SignInsSerializer()
    assessments = StoredAssessmentSerializer(many=True, help_text="Every stored assessment, newest first.")


class AccountEraseSerializer(serializers.Serializer):
    """What erasing the account asks for: its password, unless the token was issued a few minutes ago."""

    password = serializers.CharField(
        required=False,
        max_length=PASSWORD_MAX_LENGTH,
        trim_whitespace=False,
        write_only=True,
        style={"input_type": "password"},
    )
