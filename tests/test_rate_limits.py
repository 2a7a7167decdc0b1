"""Rate limits: counted atomically in the shared store, for anonymous clients, signed-in users and sign-ins,
told to clients in headers, keyed by the client behind a proxy (for lock-outs too)."""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.test import RequestFactory, override_settings
from knox.models import AuthToken
from rest_framework.test import APIClient
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle
from rest_framework.views import APIView

from assessments.models import Assessment
from bench.servers import free_port
from refpain.http.throttling import AnonThrottle, SignInRateThrottle, client_address
from tests.assessments.examples import SPEC_EXAMPLE
from tests.helpers import gunicorn_start_up_log

pytestmark = pytest.mark.django_db
TOKEN_URL = "/api/v1/auth/token/"
ROOT = Path(__file__).resolve().parents[1]


def with_redis(url: str) -> dict:
    """The caches, with the rate limits in Redis at this URL."""
    redis = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    return {**settings.CACHES, "default": {**redis, "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}}}


@pytest.fixture(autouse=True)
def fresh_counters():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api():
    return APIClient()


def test_concurrent_requests_in_a_shared_store_are_accepted_up_to_the_limit_exactly(redis_server, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "100/minute"})
    request = RequestFactory().get("/api/v1/reflexes/", REMOTE_ADDR="192.0.2.1")
    request.user = AnonymousUser()
    with override_settings(CACHES=with_redis(redis_server.url)), ThreadPoolExecutor(8) as pool:
        allowed = list(pool.map(lambda _: AnonThrottle().allow_request(request, APIView()), range(400)))
    assert allowed.count(True) == 100


def test_anonymous_responses_carry_the_rate_limit_headers_on_the_cached_path_too(api, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    first, cached, third, refused = (api.get("/api/v1/reflexes/") for _ in range(4))
    assert [r["RateLimit-Remaining"] for r in (first, cached, third)] == ["2", "1", "0"]
    assert first["RateLimit-Limit"] == "3" and 1 <= int(first["RateLimit-Reset"]) <= 60
    assert refused.status_code == 429 and refused["RateLimit-Remaining"] == "0"
    assert refused.json()["code"] == "throttled" and 1 <= int(refused["Retry-After"]) <= 60


def test_signed_in_users_have_a_read_limit_of_their_own(api, django_user_model, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "100/minute"})
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "2/minute"})
    _, token = AuthToken.objects.create(user=django_user_model.objects.create_user("reader", password="not-a-real-one"))
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    statuses = [api.get("/api/v1/reflexes/").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    api.credentials()
    assert api.get("/api/v1/reflexes/").status_code == 200  # anonymous clients are counted apart


def test_a_bad_token_on_a_cached_read_is_refused_as_unauthenticated(api):
    api.get("/api/v1/reflexes/")
    api.credentials(HTTP_AUTHORIZATION="Token not-a-token")
    response = api.get("/api/v1/reflexes/")
    assert response.status_code == 401 and response.json()["code"] == "authentication_failed"


def test_the_sixth_sign_in_attempt_in_a_minute_is_refused(api):
    statuses = [
        api.post(TOKEN_URL, {"username": f"guess-{n}", "password": "wrong"}, format="json").status_code
        for n in range(6)
    ]
    assert statuses == [400] * 5 + [429]


@pytest.mark.parametrize(
    ("num_proxies", "forwarded", "address"),
    [
        (0, "198.51.100.9", "10.0.0.1"),
        (1, "6.6.6.6, 198.51.100.9", "198.51.100.9"),
        (2, "198.51.100.9", "198.51.100.9"),
    ],
)
def test_the_client_address_is_the_one_the_trusted_proxies_saw(settings, num_proxies, forwarded, address):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": num_proxies}
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == address


def test_a_lock_out_behind_a_proxy_locks_out_the_guessing_client_only(api, settings, django_user_model, monkeypatch):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    monkeypatch.setattr(SignInRateThrottle, "THROTTLE_RATES", {"sign_in": "100/minute"})
    django_user_model.objects.create_user("shared-name", password="not-a-real-password")
    proxy = {"REMOTE_ADDR": "10.0.0.1"}

    def sign_in(client_ip: str, password: str):
        body = {"username": "shared-name", "password": password}
        return api.post(TOKEN_URL, body, format="json", HTTP_X_FORWARDED_FOR=client_ip, **proxy)

    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in("203.0.113.7", "wrong")
    assert "token" not in (sign_in("203.0.113.7", "not-a-real-password").json() or {})
    assert "token" in sign_in("198.51.100.9", "not-a-real-password").json()


CLOSED_REDIS = with_redis(f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there


@override_settings(CACHES=CLOSED_REDIS)
def test_with_redis_down_reads_are_served_without_a_limit_and_the_lapse_is_logged(api, caplog):
    for _ in range(2):  # the second from the cached path
        assert api.get("/api/v1/reflexes/").status_code == 200
    assert "Rate limiter unavailable" in caplog.text


@override_settings(CACHES=CLOSED_REDIS)
def test_with_redis_down_an_assessment_is_refused_with_a_json_503_and_nothing_stored(api):
    response = api.post("/api/v1/assessments/", SPEC_EXAMPLE, format="json")
    assert response.status_code == 503 and int(response["Retry-After"]) > 0
    assert response.json() == {
        "status": 503,
        "code": "rate_limiter_unavailable",
        "message": "The service cannot check its rate limits just now; retry shortly.",
    }
    assert not Assessment.objects.exists()


@override_settings(CACHES=CLOSED_REDIS)
def test_with_redis_down_the_interview_which_stores_nothing_is_still_served(api):
    response = api.post(
        "/api/v1/interview/", {"age": 70, "pain_regions": [{"region": "groin", "side": "right"}]}, format="json"
    )
    assert response.status_code == 200 and response.json()["question"] is not None


@override_settings(CACHES=CLOSED_REDIS)
def test_with_redis_down_sign_in_is_refused_with_a_json_503(api):
    response = api.post(TOKEN_URL, {"username": "someone", "password": "anything"}, format="json")
    assert response.status_code == 503 and response.json()["code"] == "rate_limiter_unavailable"


@override_settings(CACHES=CLOSED_REDIS)
def test_healthz_reports_redis_down_as_degraded_while_the_database_answers(api):
    response = api.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "redis": "unavailable"}


def test_healthz_reports_redis_up(api, redis_server):
    with override_settings(CACHES=with_redis(redis_server.url)):
        assert api.get("/healthz").json() == {"status": "ok", "database": "ok", "redis": "ok"}


def test_gunicorn_warns_at_start_up_when_several_workers_have_no_redis():
    assert "no REDIS_URL" in gunicorn_start_up_log(WEB_CONCURRENCY="2")
    assert "no REDIS_URL" not in gunicorn_start_up_log(WEB_CONCURRENCY="1")
    assert "no REDIS_URL" not in gunicorn_start_up_log(WEB_CONCURRENCY="2", REDIS_URL="redis://127.0.0.1:1/0")
