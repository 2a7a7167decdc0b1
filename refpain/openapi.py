"""Shared OpenAPI pieces: the error body every 4xx and 5xx response uses."""

from drf_spectacular.contrib.knox_auth_token import KnoxTokenScheme
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers


class FieldErrorSerializer(serializers.Serializer):
    """One problem with one field of a request."""

    field = serializers.CharField(help_text="Dotted path of the field, e.g. 'nerve_root' or 'pain_regions.0.region'.")
    code = serializers.CharField(help_text="Machine-readable reason, e.g. 'unknown_code', 'required'.")
    message = serializers.CharField()


class ErrorSerializer(serializers.Serializer):
    """The body of every error response."""

    status = serializers.IntegerField()
    code = serializers.CharField()
    message = serializers.CharField()
    # A declared field, not Serializer.errors: the stubs cannot tell the two apart.
    errors = FieldErrorSerializer(many=True, required=False)  # type: ignore[assignment]


ERROR_RESPONSES = {
    400: OpenApiResponse(ErrorSerializer, description="Invalid input; `errors` names each bad field and code."),
    404: OpenApiResponse(ErrorSerializer, description="No record with that code."),
    429: OpenApiResponse(ErrorSerializer, description="Too many requests; retry later."),
}

SIGNED_IN_RESPONSES = {
    **ERROR_RESPONSES,
    401: OpenApiResponse(ErrorSerializer, description="Not signed in: send a token or a session."),
}


class TokenScheme(KnoxTokenScheme):
    """Documents refpain's knox token check as knox's own: 'Authorization: Token <token>'."""

    target_class = "refpain.authentication.TokenAuthentication"
