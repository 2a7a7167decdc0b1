"""Shared OpenAPI pieces: the error body every 4xx and 5xx response uses, and the schema's view."""

from django.http import JsonResponse
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.contrib.knox_auth_token import KnoxTokenScheme
from drf_spectacular.utils import OpenApiResponse, extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework import serializers, status

from refpain.http.errors import error_body
from refpain.http.parameters import QueryParametersMixin


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
    errors = FieldErrorSerializer(many=True, required=False, help_text="The first 50 problems with the request.")  # type: ignore[assignment]
    errors_not_listed = serializers.IntegerField(
        required=False, help_text="How many more problems there are than `errors` lists (only when there are more)."
    )


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

    target_class = "refpain.http.authentication.TokenAuthentication"


class DescribedFilterExtension(DjangoFilterExtension):
    """django-filter's parameters, keeping a filter's help_text as its description when its type is declared."""

    priority = 1  # over drf-spectacular's own extension for django-filter

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        parameters = super().resolve_filter_field(auto_schema, model, filterset_class, field_name, filter_field)
        # A filter whose schema is declared (@extend_schema_field) loses its help_text in drf-spectacular.
        help_text = filter_field.extra.get("help_text")
        for parameter in parameters:
            if help_text and not parameter.get("description"):
                parameter["description"] = help_text
        return parameters


class SchemaView(QueryParametersMixin, SpectacularAPIView):
    """The OpenAPI schema, refusing any `version` (echoed into a header); `lang` is the API's (LanguageMiddleware)."""

    query_parameters = ("lang", "version")  # and `format` (json or yaml), which every view takes

    @extend_schema(exclude=True)  # as SERVE_INCLUDE_SCHEMA=False does for drf-spectacular's own view
    def get(self, request, *args, **kwargs):
        # The API is versioned in its path (/api/v1/), so the schema has one version: drf-spectacular
        # would write any ?version= into the schema and the Content-Disposition file name unescaped.
        errors = []
        if request.GET.get("version"):
            errors.append(field_error("version", "unsupported", "The schema has one version; leave out version."))
        if errors:
            body = error_body(400, "invalid", "The request has invalid fields.", errors)
            return JsonResponse(body, status=status.HTTP_400_BAD_REQUEST)
        return super().get(request, *args, **kwargs)


def field_error(field: str, code: str, message: str) -> dict:
    return {"field": field, "code": code, "message": message}
