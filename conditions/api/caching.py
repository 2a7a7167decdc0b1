"""HTTP caching of knowledge reads: an ETag from the knowledge version, 304s, and Cache-Control."""

from django.conf import settings
from django.http import HttpResponseNotModified
from django.utils.cache import patch_cache_control
from django.utils.http import parse_etags

from conditions.versioning import knowledge_version


def knowledge_etag() -> str:
    return f'W/"knowledge-{knowledge_version()}"'


class KnowledgeCacheMixin:
    """Answers a matching conditional GET with 304 before any serialising, and tags fresh answers."""

    def dispatch(self, request, *args, **kwargs):
        self.etag = knowledge_etag()
        return super().dispatch(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.not_modified = None
        if request.method in ("GET", "HEAD") and self.matches(request.headers.get("If-None-Match", "")):
            self.not_modified = HttpResponseNotModified()

    def matches(self, if_none_match: str) -> bool:
        # Only If-None-Match is honoured: reads never answer 412 to If-Match or If-Unmodified-Since.
        tags = parse_etags(if_none_match)
        return "*" in tags or any(tag.removeprefix("W/") == self.etag.removeprefix("W/") for tag in tags)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code in (200, 304):
            response["ETag"] = self.etag
            patch_cache_control(response, public=True, max_age=settings.KNOWLEDGE_CACHE_MAX_AGE)
        return response
