"""One JSON error shape for every 4xx and 5xx: status, code, message and, for bad input, the fields."""

from http import HTTPStatus

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import InterfaceError, OperationalError
from django.http import JsonResponse
from django.views import csrf
from rest_framework import exceptions, status
from rest_framework.views import exception_handler

# A body of thousands of unknown codes must not come back as an error many times its size.
MAX_LISTED_ERRORS = 50


def error_body(status_code: int, code: str, message: str, errors: list[dict] | None = None) -> dict:
    body = {"status": status_code, "code": code, "message": message}
    if errors is not None:
        body["errors"] = errors[:MAX_LISTED_ERRORS]
        if len(errors) > MAX_LISTED_ERRORS:
            body["errors_not_listed"] = len(errors) - MAX_LISTED_ERRORS
    return body


def error_code_for_status(status_code: int) -> str:
    """The code of an error a server answers by itself, from its status: 400 bad_request, 414 uri_too_long."""
    if status_code == HTTPStatus.INTERNAL_SERVER_ERROR:
        return "server_error"
    if status_code == HTTPStatus.REQUEST_URI_TOO_LONG:
        return "uri_too_long"  # RFC 9110's name; Python's phrase is still "Request-URI Too Long"
    try:
        phrase = HTTPStatus(status_code).phrase
    except ValueError:
        return "error"
    return phrase.lower().replace(" ", "_").replace("-", "_")


def flatten_errors(detail, path: str = "") -> list[dict]:
    """Turn DRF's nested error details into a flat list naming each field by its dotted path."""
    if isinstance(detail, dict):
        return [item for key, value in detail.items() for item in flatten_errors(value, join(path, key))]
    if isinstance(detail, list):
        if all(isinstance(item, exceptions.ErrorDetail) for item in detail):
            return [{"field": path or "non_field_errors", "code": item.code, "message": str(item)} for item in detail]
        return [item for index, value in enumerate(detail) for item in flatten_errors(value, join(path, index))]
    return [{"field": path or "non_field_errors", "code": getattr(detail, "code", "invalid"), "message": str(detail)}]


def join(path: str, key) -> str:
    # An error about a nested object as a whole is named by the object's own path.
    if key in ("__all__", "non_field_errors"):
        return path or "non_field_errors"
    return f"{path}.{key}" if path else str(key)


RETRY_AFTER_SECONDS = 5


def database_unavailable() -> JsonResponse:
    response = JsonResponse(
        error_body(503, "database_unavailable", "The service cannot reach its database; retry shortly."),
        status=status.HTTP_503_SERVICE_UNAVAILABLE,
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def api_exception_handler(exc, context):
    """DRF's handler, reshaped into the project's error body."""
    if isinstance(exc, OperationalError | InterfaceError):
        return database_unavailable()
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        errors = flatten_errors(exc.detail)
        response.data = error_body(response.status_code, "invalid", "The request has invalid fields.", errors)
    else:
        # DRF has already turned Django's Http404 and PermissionDenied into its own details.
        detail = response.data.get("detail", "") if isinstance(response.data, dict) else ""
        code = getattr(detail, "code", None) or getattr(exc, "default_code", "error")
        response.data = error_body(response.status_code, code, str(detail) or str(exc))
    return response


def not_found(request, exception=None):
    return JsonResponse(error_body(404, "not_found", "Not found."), status=status.HTTP_404_NOT_FOUND)


def server_error(request):
    return JsonResponse(
        error_body(500, "server_error", "Something went wrong on our side."),
        status=status.HTTP_500_INTERNAL_SERVER_ERROR,
    )


def bad_request(request, exception=None):
    if isinstance(exception, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        message = f"The request body is larger than {limit} bytes."
        body = error_body(
            413, "request_too_large", message, [{"field": "body", "code": "max_size", "message": message}]
        )
        return JsonResponse(body, status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
    return JsonResponse(error_body(400, "bad_request", "Bad request."), status=status.HTTP_400_BAD_REQUEST)


def permission_denied(request, exception=None):
    return JsonResponse(error_body(403, "permission_denied", "Forbidden."), status=status.HTTP_403_FORBIDDEN)


def method_not_allowed(request, allowed: list[str]) -> JsonResponse:
    response = JsonResponse(
        error_body(405, "method_not_allowed", f'Method "{request.method}" not allowed.'),
        status=status.HTTP_405_METHOD_NOT_ALLOWED,
    )
    response["Allow"] = ", ".join(allowed)
    return response


def csrf_failure(request, reason=""):
    """A refused CSRF check in the error shape; the admin keeps Django's page, which tells a clinician what to do."""
    if request.path.startswith("/admin/"):
        return csrf.csrf_failure(request, reason)
    return JsonResponse(
        error_body(403, "csrf_failed", f"CSRF verification failed: {reason}"), status=status.HTTP_403_FORBIDDEN
    )
