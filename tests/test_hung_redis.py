"""A Redis that hangs (takes connections, never answers, as a frozen server does) costs one timeout, not
one per request: the process leaves it alone for a while, serving reads and refusing writes at once."""

import socket

import pytest
from django.core.cache.backends.redis import RedisCache
from django.test import override_settings

from assessments.models import Assessment
from refpain.http import throttling
from tests.assessments.examples import SPEC_EXAMPLE

pytestmark = pytest.mark.django_db


@pytest.fixture
def hung_redis(settings):
    """The rate limits in a 'Redis' that accepts connections and never answers."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(128)  # never accepted: the kernel completes the connections, nobody reads them
        redis = {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{server.getsockname()[1]}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
        with override_settings(CACHES={**settings.CACHES, "default": redis}):
            yield


@pytest.fixture
def redis_calls(monkeypatch):
    calls = []
    add = RedisCache.add

    def counted_add(cache, *args, **kwargs):
        calls.append(1)
        return add(cache, *args, **kwargs)

    monkeypatch.setattr(RedisCache, "add", counted_add)
    return calls


def test_reads_ask_a_hung_redis_once_then_are_served_without_waiting(api, hung_redis, redis_calls, caplog):
    statuses = [api.get("/api/v1/reflexes/").status_code for _ in range(10)]
    assert statuses == [200] * 10
    assert len(redis_calls) == 1
    assert caplog.text.count("Rate limiter unavailable") == 1  # once per lapse, not once per read


def test_a_write_while_redis_rests_is_refused_at_once_with_a_503(api, hung_redis, redis_calls):
    api.get("/api/v1/reflexes/")
    response = api.post("/api/v1/assessments/", SPEC_EXAMPLE, format="json")
    assert response.status_code == 503
    assert response.json()["code"] == "rate_limiter_unavailable" and int(response["Retry-After"]) > 0
    assert len(redis_calls) == 1  # the write did not wait for Redis again
    assert not Assessment.objects.exists()


def test_redis_is_asked_again_once_its_rest_is_over(api, hung_redis, redis_calls, monkeypatch):
    api.get("/api/v1/reflexes/")
    now = throttling.time.monotonic()
    monkeypatch.setattr(throttling.time, "monotonic", lambda: now + throttling.STORE_REST_SECONDS + 0.1)
    api.get("/api/v1/reflexes/")
    assert len(redis_calls) == 2


def test_healthz_names_a_hung_redis(api, hung_redis):
    response = api.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "redis": "unavailable"}
