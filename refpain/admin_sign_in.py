"""The admin's sign-in page, under the same per-address limit of password attempts as the token endpoint."""

from django.contrib import admin
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from refpain.http.errors import RETRY_AFTER_SECONDS
from refpain.http.throttling import RateLimiterUnavailable, SignInRateThrottle


@never_cache
@csrf_protect
def admin_sign_in(request, extra_context=None):
    """admin.site.login, once the address has sign-in attempts left (SIGN_IN_RATE, shared with the token endpoint).

    Per-username lock-outs (django-axes) never fire for a guesser who tries a new username each time:
    each guess still costs a password hash, so guesses are counted per address before any is checked.
    """
    if request.method == "POST":
        throttle = SignInRateThrottle()
        try:
            allowed = throttle.allow_request(request, None)
        except RateLimiterUnavailable:
            return refused(request, 503, "Signing in is unavailable for a moment.", RETRY_AFTER_SECONDS)
        if not allowed:
            return refused(request, 429, "Too many sign-in attempts from your address.", int(throttle.wait()))
    return admin.site.login(request, extra_context)


def refused(request, status: int, title: str, retry_after: int) -> TemplateResponse:
    context = {
        **admin.site.each_context(request),
        "title": title,
        "retry_after": retry_after,
        "is_nav_sidebar_enabled": False,  # as on the sign-in page: nothing to navigate to yet
    }
    response = TemplateResponse(request, "admin/sign_in_refused.html", context, status=status)
    response["Retry-After"] = str(retry_after)
    return response
