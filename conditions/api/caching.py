"""Caching of knowledge reads: an ETag from the knowledge version, 304s, Cache-Control, and the
rendered responses themselves, kept per version so a repeated read costs one query."""

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control
from django.utils.http import parse_etags
from rest_framework.renderers import JSONRenderer

from conditions.versioning import knowledge_version


def knowledge_etag() -> str:
    return f'W/"knowledge-{knowledge_version()}"'


class KnowledgeCacheMixin:
    """Answers a matching conditional GET with 304 before any serialising, and tags fresh answers."""

    etag = None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # Read here, inside DRF's error handling, so a database outage is a 503 like any other.
        self.etag = knowledge_etag()
        self.not_modified = None
        if request.method in ("GET", "HEAD") and self.matches(request.headers.get("If-None-Match", "")):
            self.not_modified = HttpResponseNotModified()

    def matches(self, if_none_match: str) -> bool:
        # Only If-None-Match is honoured: reads never answer 412 to If-Match or If-Unmodified-Since.
        tags = parse_etags(if_none_match)
        return "*" in tags or any(tag.removeprefix("W/") == self.etag.removeprefix("W/") for tag in tags)

    def cache_key(self, request) -> str:
        return f"{self.etag}:{request.build_absolute_uri()}"

    def is_cached(self, request) -> bool:
        return caches["knowledge"].get(self.cache_key(request)) is not None

    def cached_response(self, request, build) -> HttpResponse:
        """The rendered answer from the cache, or built (and kept, when it is a 200) on a miss."""
        key = self.cache_key(request)
        body = caches["knowledge"].get(key)
        if body is None:
            response = build()
            if response.status_code != 200:
                return response
            body = JSONRenderer().render(response.data)
            caches["knowledge"].set(key, body)
        return HttpResponse(body, content_type="application/json")

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code in (200, 304) and self.etag:
            response["ETag"] = self.etag
            patch_cache_control(response, public=True, max_age=settings.KNOWLEDGE_CACHE_MAX_AGE)
        return response
