"""The security headers Django's middleware puts on every answer, for the answers written below Django."""

from csp.utils import build_policy
from django.conf import settings
from django_permissions_policy import PermissionsPolicyMiddleware


def security_headers() -> list[tuple[str, str]]:
    """Content-Security-Policy, Permissions-Policy and the rest, as the middleware sets them from the settings.

    For gunicorn's own error answers and the charset guard's 415, which never reach the middleware.
    Strict-Transport-Security is left out: Django sends it only on HTTPS, which those answers cannot tell.
    """
    permissions: dict[str, str | list[str] | tuple[str]] = {**settings.PERMISSIONS_POLICY}
    headers = [
        ("Content-Security-Policy", build_policy()),
        ("Permissions-Policy", PermissionsPolicyMiddleware.compute_header_value(permissions, "")),
        ("X-Frame-Options", settings.X_FRAME_OPTIONS),
        ("Cross-Origin-Opener-Policy", settings.SECURE_CROSS_ORIGIN_OPENER_POLICY),
        ("Referrer-Policy", ",".join(as_list(settings.SECURE_REFERRER_POLICY))),
    ]
    if settings.SECURE_CONTENT_TYPE_NOSNIFF:
        headers.append(("X-Content-Type-Options", "nosniff"))
    return [(name, value) for name, value in headers if value]


def as_list(value) -> list[str]:
    # Django takes the referrer policy as a comma-separated string or as a list.
    return [part.strip() for part in value.split(",")] if isinstance(value, str) else list(value or [])
