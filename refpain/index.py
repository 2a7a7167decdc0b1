"""The site's front door: where the API, its docs, the admin and the health check live."""

from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.html import format_html, format_html_join
from django.views.decorators.csrf import csrf_exempt

from refpain.http.errors import method_not_allowed

# The links change only with a new release, so clients and proxies may keep the page a while.
INDEX_MAX_AGE = 3600

LABELS = {
    "api": "The API, version 1",
    "docs": "Interactive API docs",
    "schema": "OpenAPI schema",
    "admin": "Admin, for clinicians",
    "health": "Health check",
}


def links() -> dict:
    return {
        "api": reverse("v1:api-root"),
        "docs": reverse("docs"),
        "schema": reverse("schema"),
        "admin": reverse("admin:index"),
        "health": reverse("healthz"),
    }


# It changes nothing, so a POST needs no CSRF token to be told so with a 405 rather than a 403.
@csrf_exempt
def index(request):
    """JSON naming the service's entry points, or a page of links for a client that prefers HTML."""
    if request.method not in ("GET", "HEAD"):
        return method_not_allowed(request, ["GET", "HEAD"])
    # JSON unless HTML is explicitly preferred: curl's */* and an absent Accept header get JSON.
    if request.get_preferred_type(["application/json", "text/html"]) == "text/html":
        items = format_html_join(
            "\n", '<li><a href="{}">{}</a></li>', ((url, LABELS[name]) for name, url in links().items())
        )
        response = HttpResponse(
            format_html(
                '<!doctype html>\n<html lang="en-GB">\n<head><meta charset="utf-8"><title>refpain</title></head>\n'
                "<body>\n<h1>refpain</h1>\n<p>A clinical knowledge API about pain referred into the hip, groin and "
                "thigh.</p>\n<ul>\n{}\n</ul>\n</body>\n</html>\n",
                items,
            )
        )
    else:
        response = JsonResponse({"name": "refpain", **links()})
    patch_vary_headers(response, ["Accept"])
    patch_cache_control(response, public=True, max_age=INDEX_MAX_AGE)
    return response
