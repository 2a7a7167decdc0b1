"""The admin's sign-in page has the token endpoint's per-address limit: a guesser who tries a new username
each time is stopped after SIGN_IN_RATE attempts, before any password is checked."""

import pytest
from axes.models import AccessAttempt
from django.test import Client, override_settings
from rest_framework.test import APIClient

from bench.servers import free_port

pytestmark = pytest.mark.django_db
LOGIN_URL = "/admin/login/"


def guess(client: Client, n: int, address: str = "203.0.113.7"):
    return client.post(LOGIN_URL, {"username": f"guess-{n}", "password": "wrong"}, REMOTE_ADDR=address)


def test_the_sixth_admin_password_guess_from_one_address_in_a_minute_is_refused_unchecked(client):
    answers = [guess(client, n) for n in range(6)]
    assert [answer.status_code for answer in answers] == [200] * 5 + [429]
    refused = answers[-1]
    assert int(refused["Retry-After"]) > 0
    assert "Too many sign-in attempts" in refused.content.decode()
    assert AccessAttempt.objects.count() == 5  # the sixth password was never checked


def test_another_address_may_still_sign_in_to_the_admin(client, django_user_model):
    django_user_model.objects.create_superuser("admin", password="not-a-real-password")
    for n in range(6):
        guess(client, n)
    response = client.post(
        LOGIN_URL, {"username": "admin", "password": "not-a-real-password"}, REMOTE_ADDR="198.51.100.9"
    )
    assert response.status_code == 302


def test_the_admin_and_the_token_endpoint_share_one_budget_per_address(client):
    for n in range(3):
        APIClient().post(
            "/api/v1/auth/token/", {"username": f"t-{n}", "password": "x"}, format="json", REMOTE_ADDR="203.0.113.7"
        )
    assert [guess(client, n).status_code for n in range(3)] == [200, 200, 429]


def test_opening_the_sign_in_page_is_not_an_attempt(client):
    for _ in range(10):
        assert client.get(LOGIN_URL, REMOTE_ADDR="203.0.113.7").status_code == 200
    assert guess(client, 1).status_code == 200


REDIS_DOWN = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": f"redis://127.0.0.1:{free_port()}/0",  # nothing listens there
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
}


def test_with_redis_down_an_admin_sign_in_is_refused_with_a_503_not_a_crash(client, settings):
    with override_settings(CACHES={**settings.CACHES, **REDIS_DOWN}):
        response = guess(client, 1)
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert not AccessAttempt.objects.exists()
