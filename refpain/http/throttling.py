"""Rate limits that hold across workers: fixed windows counted atomically in the shared cache.

DRF's own throttles read a list of timestamps and write it back, so concurrent requests in several
workers overwrite each other's counts. Here each client has one counter per window, created with
cache.add() and raised with cache.incr(), which Redis does atomically (the in-memory cache only
within one process: a deployment with several workers needs REDIS_URL).
"""

import ipaddress
import logging
import re
import time
import weakref
from dataclasses import dataclass

from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from redis.exceptions import RedisError
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle, SimpleRateThrottle, UserRateThrottle

logger = logging.getLogger(__name__)

READS = frozenset({"GET", "HEAD", "OPTIONS"})
PORT = re.compile(r":[0-9]{1,5}")


def client_address(request) -> str:
    """The client's address: the Nth from the right of X-Forwarded-For behind NUM_PROXIES proxies.

    The same rule as DRF's, for rate limits and sign-in lock-outs alike; addresses further left were
    written by the client and cannot be trusted. An entry that is not an address (with or without a
    port) counts as no header at all: the limits then fall on the proxy's own address.
    """
    meta = getattr(request, "META", {})
    remote_addr = meta.get("REMOTE_ADDR", "")
    forwarded = meta.get("HTTP_X_FORWARDED_FOR")
    num_proxies = api_settings.NUM_PROXIES or 0
    if num_proxies == 0 or not forwarded:
        return remote_addr
    addresses = forwarded.split(",")
    return bare_address(addresses[-min(num_proxies, len(addresses))]) or remote_addr


def bare_address(entry: str) -> str | None:
    """The IP address in one X-Forwarded-For entry ('203.0.113.5', '203.0.113.5:51234', '[2001:db8::1]:443'),
    or None for anything else ('unknown', an obfuscated name, garbage)."""
    entry = entry.strip()
    if entry.startswith("["):  # an IPv6 address in brackets, perhaps with a port
        entry, bracket, port = entry[1:].partition("]")
        if not bracket or (port and not PORT.fullmatch(port)):
            return None
    elif entry.count(":") == 1:  # IPv4 with a port (a bare IPv6 address has several colons)
        entry, _, port = entry.partition(":")
        if not PORT.fullmatch(":" + port):
            return None
    if "%" in entry:  # a zone index ('fe80::1%eth0') means nothing beyond the proxy, and the database refuses it
        return None
    try:
        return str(ipaddress.ip_address(entry))
    except ValueError:
        return None


class RateLimiterUnavailable(APIException):
    """The shared store of rate limits cannot be reached, so a write that needs it is refused."""

    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_code = "rate_limiter_unavailable"
    default_detail = "The service cannot check its rate limits just now; retry shortly."

    @property
    def wait(self) -> int:  # DRF's handler turns it into Retry-After
        # Imported here: refpain.http.errors imports DRF's views, which import this module for their throttles.
        from refpain.http.errors import RETRY_AFTER_SECONDS

        return RETRY_AFTER_SECONDS


# How long a process leaves the shared store alone after it failed to answer (5 s, as the Retry-After of
# the 503s meanwhile).
STORE_REST_SECONDS = 5
# Per cache backend (one per thread of a process; new ones when the settings change): when to try it again.
resting_until: "weakref.WeakKeyDictionary[object, float]" = weakref.WeakKeyDictionary()


class StoreResting(Exception):
    """The shared store failed to answer a moment ago: it is not asked again until resting_until."""


@dataclass(frozen=True)
class RateLimit:
    """Where one client stands against one limit, for the RateLimit-* response headers."""

    limit: int
    remaining: int
    reset: int  # seconds until the window ends


class AtomicRateThrottle(SimpleRateThrottle):
    """Counts requests per client in fixed windows: one atomic increment per request."""

    num_requests: int
    duration: int

    def allow_request(self, request, view) -> bool:
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        now = self.timer()
        window = int(now // self.duration)
        self.reset = max(1, int((window + 1) * self.duration - now))
        try:
            count = self.count(f"{self.key}:{window}")
        except (RedisError, OSError, StoreResting) as error:
            if request.method in READS or getattr(view, "served_without_limiter", False):
                return True
            raise RateLimiterUnavailable() from error
        record(request, RateLimit(self.num_requests, max(0, self.num_requests - count), self.reset))
        return count <= self.num_requests

    def count(self, key: str) -> int:
        # A Redis that hangs (frozen, or its host gone) rather than refuses costs REDIS_TIMEOUT per call:
        # after one failure this process leaves it alone for a while, so requests do not queue behind it.
        store = caches[DEFAULT_CACHE_ALIAS]  # the backend itself: self.cache is a proxy that outlives it
        if time.monotonic() < resting_until.get(store, 0.0):
            raise StoreResting()
        try:
            return self.increment(key)
        except (RedisError, OSError) as error:
            resting_until[store] = time.monotonic() + STORE_REST_SECONDS
            logger.warning(
                "Rate limiter unavailable for the next %d s: reads are served without a limit, writes "
                "that need it answer 503: %s",
                STORE_REST_SECONDS,
                error,
            )
            raise

    def increment(self, key: str) -> int:
        # A request over the limit still counts: a client that keeps hammering stays refused
        # until the window ends, and the counter never needs to be read and written back. It lives a
        # second past its window, so it cannot expire (and be recreated without an expiry) while current.
        self.cache.add(key, 0, self.duration + 1)
        try:
            return self.cache.incr(key)
        except ValueError:  # the counter expired between add and incr: a new window
            self.cache.add(key, 0, self.duration + 1)
            return self.cache.incr(key)

    def wait(self) -> float:
        return self.reset

    def get_ident(self, request) -> str:
        return client_address(request)


def record(request, limit: RateLimit) -> None:
    """Keep the tightest limit on the request, for the headers the middleware adds."""
    request = getattr(request, "_request", request)
    current = getattr(request, "rate_limit", None)
    if current is None or limit.remaining < current.remaining:
        request.rate_limit = limit


class AnonThrottle(AtomicRateThrottle, AnonRateThrottle):
    """Requests per anonymous client address (API_ANON_RATE)."""


class UserThrottle(AtomicRateThrottle, UserRateThrottle):
    """Requests per signed-in user (API_USER_RATE); anonymous clients have their own limit."""

    def get_cache_key(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}


class ScopedThrottle(AtomicRateThrottle, ScopedRateThrottle):
    """Requests per client to views of one throttle_scope, e.g. assessments posted (ASSESSMENT_RATE)."""

    def allow_request(self, request, view) -> bool:
        self.scope = getattr(view, self.scope_attr, None)
        if not self.scope:
            return True
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)  # type: ignore[assignment]  # None only without a rate
        return super().allow_request(request, view)


class SignInRateThrottle(AtomicRateThrottle):
    """Sign-in attempts per client address (SIGN_IN_RATE), whoever they claim to be."""

    scope = "sign_in"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class SignOutRateThrottle(AtomicRateThrottle):
    """Token revocations per signed-in user (SIGN_OUT_RATE), apart from the sign-in attempts of their address."""

    scope = "sign_out"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}


class RateLimitHeadersMiddleware:
    """Tells API clients where they stand, so they can back off: the IETF draft's RateLimit-* headers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        limit = getattr(request, "rate_limit", None)
        if limit is not None:
            response["RateLimit-Limit"] = str(limit.limit)
            response["RateLimit-Remaining"] = str(limit.remaining)
            response["RateLimit-Reset"] = str(limit.reset)
        return response
