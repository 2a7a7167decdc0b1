"""Caching of knowledge reads: an ETag from the knowledge version and the release, 304s,
Cache-Control, and the rendered responses themselves, kept per version and release, so a repeated
read does no work but look them up."""

import gzip
import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError
from django.http import HttpResponse, HttpResponseNotModified, QueryDict
from django.http.response import HttpResponseBase
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags
from rest_framework.exceptions import APIException, NotAcceptable
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from conditions.versioning import knowledge_version_recent
from refpain.http.answer_files import AnswerFile, file_answer, keep_answer, kept_answer
from refpain.http.errors import database_unavailable
from refpain.http.language import active_language
from refpain.http.pagination import PLACEHOLDER_ORIGIN, with_request_origin
from refpain.http.parameters import QueryParametersMixin
from refpain.http.release import release_id


def knowledge_etag() -> str:
    # The release is part of the tag: after a deploy that changes how an answer is rendered,
    # clients holding an old body must not be told it is still current. So is the language: the same URL
    # answers in each (and the response cache keys on the tag).
    version = knowledge_version_recent(settings.KNOWLEDGE_VERSION_TTL)
    return f'W/"knowledge-{version}-{release_id()}-{active_language()}"'


def etag_matches(if_none_match: str, etag: str) -> bool:
    # Only If-None-Match is honoured: reads never answer 412 to If-Match or If-Unmodified-Since.
    tags = parse_etags(if_none_match)
    return "*" in tags or any(tag.removeprefix("W/") == etag.removeprefix("W/") for tag in tags)


PRECOMPRESS_FROM = 1024  # bytes: a smaller answer gains little from gzip


def precompressed(body: bytes, content_type: str) -> bytes | None:
    """The gzip form of a body, made once when it is cached instead of by GZipMiddleware on every request; none
    for a small body, one compressed already (a zip), or one whose links are completed per request (a list's
    pagination)."""
    if len(body) < PRECOMPRESS_FROM or content_type == "application/zip" or PLACEHOLDER_ORIGIN.encode() in body:
        return None
    return gzip.compress(body, compresslevel=6, mtime=0)


class KnowledgeCacheMixin(QueryParametersMixin):
    """Knowledge reads: a cached answer, or a 304, without running the view; tagged and cacheable."""

    etag: str | None = None
    # An answer too big for every worker's memory (an export) is kept once per node as a file instead.
    kept_as_file = False

    def dispatch(self, request, *args, **kwargs):
        # A request with a parameter the view does not take goes the normal way, to its 400: it is never cached.
        known = not self.unknown_parameters(request.GET)
        if known:
            self.drop_ignored_parameters(request)
        # The fast path: a read already answered at this version skips authentication and the view
        # itself, but not the rate limit nor content negotiation (the cached body is JSON). A client
        # over its limit or one that does not take JSON (its 406) goes the normal way; a database
        # outage is a 503 at once.
        drf_request = self.initialize_request(request) if known and request.method in ("GET", "HEAD") else None
        if drf_request is not None and self.takes_json(drf_request) and self.within_rate_limit(drf_request):
            try:
                etag = knowledge_etag()
            except DatabaseError:
                # The normal way would only try the database again, and a hung one costs a timeout each time.
                return database_unavailable()
            if response := self.from_cache(request, etag):
                return self.tagged(response, etag)
            self.etag = etag
        return super().dispatch(request, *args, **kwargs)

    def drop_ignored_parameters(self, request) -> None:
        # A parameter every view takes but this one ignores (format; page on a detail) cannot change the
        # answer, so it must not make a new cache entry (each would hold a whole rendered body) nor appear
        # in the pagination links. Dropping it from the request keeps the answer, its links and its cache
        # key in step.
        answering = self.answering_parameters()
        kept = sorted((name, value) for name, values in request.GET.lists() if name in answering for value in values)
        if len(kept) != sum(len(values) for values in request.GET.lists()):
            query = urlencode(kept)
            request.META["QUERY_STRING"] = query
            request.GET = QueryDict(query)

    def takes_json(self, drf_request) -> bool:
        try:
            self.get_content_negotiator().select_renderer(drf_request, self.get_renderers())
        except NotAcceptable:
            return False
        return True

    def within_rate_limit(self, drf_request) -> bool:
        # The throttles see the client as DRF authenticates it: a token user has a limit of their own.
        try:
            allowed = all(throttle.allow_request(drf_request, self) for throttle in self.get_throttles())
        except APIException:  # a bad token: the normal path answers it
            allowed = False
        drf_request._request.rate_limit_counted = allowed  # counted once: the normal path must not count it again
        return allowed

    def check_throttles(self, request):
        if not getattr(request._request, "rate_limit_counted", False):
            super().check_throttles(request)

    def from_cache(self, request, etag):
        key = self.cache_key(request, etag)
        if self.kept_as_file:
            kept = kept_answer(key)
            if kept is not None and etag_matches(request.headers.get("If-None-Match", ""), etag):
                return HttpResponseNotModified()
            response = self.from_file(kept, request) if kept is not None else None
            return self.finished(response, request) if response is not None else None
        if etag_matches(request.headers.get("If-None-Match", ""), etag) and caches["knowledge"].has_key(key):
            return HttpResponseNotModified()
        entry = caches["knowledge"].get(key)
        return self.finished(self.rendered(entry, request), request) if entry is not None else None

    def finished(self, response, request):
        """An answer from the cache as the view would give it (a download's file name, say)."""
        return response

    @staticmethod
    def from_file(kept: AnswerFile, request) -> HttpResponseBase | None:
        """The kept answer (in Brotli or gzip for a client that takes it); None if another worker has just removed
        it as a day old, for it to be built again."""
        path, encoding = kept.encoded_for(request.headers.get("Accept-Encoding", ""))
        try:
            response = file_answer(path, kept.content_type)
        except FileNotFoundError:
            return None
        if encoding is not None:
            response["Content-Encoding"] = encoding  # GZipMiddleware leaves an encoded answer alone
        if kept.gzipped is not None or kept.brotli is not None:
            patch_vary_headers(response, ["Accept-Encoding"])
        return response

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # Read here if not yet, inside DRF's error handling, so a database outage is a 503.
        self.etag = self.etag or knowledge_etag()
        self.not_modified = None
        if request.method in ("GET", "HEAD") and etag_matches(request.headers.get("If-None-Match", ""), self.etag):
            self.not_modified = HttpResponseNotModified()

    @staticmethod
    def cache_key(request, etag: str | None) -> str:
        # No host in the key: a client must not force a miss (and a full render) by naming the server
        # another way (Host: 127.0.0.1:<any port>). Pagination links, the only part of an answer that
        # depends on the host, are kept with a placeholder origin and completed per request.
        query = urlencode(sorted((name, value) for name, values in request.GET.lists() for value in values))
        url = hashlib.sha256(f"{request.path}?{query}".encode()).hexdigest()
        return f"knowledge:{etag}:{url}"

    @staticmethod
    def rendered(entry: tuple, request) -> HttpResponse:
        """A cached entry (a body, its content type and its gzip form, if kept) as an answer: gzipped as it was
        kept when the client takes gzip; else JSON gets the request's own origin back in its links."""
        body, content_type, gzipped = entry if len(entry) == 3 else (*entry, None)
        if gzipped is not None and re_accepts_gzip.search(request.headers.get("Accept-Encoding", "")):
            response = HttpResponse(gzipped, content_type=content_type)
            response["Content-Encoding"] = "gzip"  # GZipMiddleware leaves an encoded answer alone
            patch_vary_headers(response, ["Accept-Encoding"])
            return response
        if content_type == "application/json":
            body = with_request_origin(body, request)
        return HttpResponse(body, content_type=content_type)

    def is_cached(self, request) -> bool:
        return caches["knowledge"].has_key(self.cache_key(request, self.etag))

    def cached_response(self, request, build) -> HttpResponse:
        if self.kept_as_file:
            return self.file_response(request, build)
        return self.memory_response(request, build)

    def file_response(self, request, build) -> HttpResponse:
        """The answer kept as a file for this node (built once, by one worker); see answer_files."""
        refused: list = []

        def made() -> tuple[bytes, str] | None:
            response = build()
            if response.status_code != 200:
                refused.append(response)
                return None
            if isinstance(response, Response):
                return JSONRenderer().render(response.data), "application/json"
            return response.content, response["Content-Type"]

        for _ in range(2):  # a second time if the file was removed (as a day old) between keeping and reading it
            kept = keep_answer(self.cache_key(request, self.etag), made)
            if kept is None:
                return refused[0]
            if (response := self.from_file(kept, request)) is not None:
                return self.finished(response, request)
        raise FileNotFoundError("The kept answer was removed twice while it was read.")

    def memory_response(self, request, build) -> HttpResponse:
        """The rendered answer from the cache, or built (and kept, when it is a 200) on a miss.

        `build` returns a DRF Response, rendered here as JSON, or an HttpResponse already rendered (a picture).
        """
        key = self.cache_key(request, self.etag)
        entry = caches["knowledge"].get(key)
        if entry is None:
            response = build()
            if response.status_code != 200:
                return response
            if isinstance(response, Response):
                body, content_type = JSONRenderer().render(response.data), "application/json"
            else:
                body, content_type = response.content, response["Content-Type"]
            entry = (body, content_type, precompressed(body, content_type))
            caches["knowledge"].set(key, entry)
        return self.rendered(entry, request)

    @staticmethod
    def tagged(response, etag: str):
        response["ETag"] = etag
        patch_cache_control(response, public=True, max_age=settings.KNOWLEDGE_CACHE_MAX_AGE)
        return response

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code in (200, 304) and self.etag:
            self.tagged(response, self.etag)
        return response
