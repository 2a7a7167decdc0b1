"""Token sign-in: hashed tokens that expire, revoked by their owner, and bad sign-ins answered in the error shape."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from knox.models import AuthToken
from rest_framework.test import APIClient

from refpain.http.throttling import SignInRateThrottle

pytestmark = pytest.mark.django_db

TOKEN_URL = "/api/v1/auth/token/"
PASSWORD = "not-a-real-password"


@pytest.fixture
def app_user(django_user_model):
    return django_user_model.objects.create_user("app-user", password=PASSWORD)


def sign_in(client: APIClient, username: str = "app-user", password: str = PASSWORD):
    return client.post(TOKEN_URL, {"username": username, "password": password}, format="json")


def signed_in(token: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def test_signing_in_gives_a_token_and_its_expiry_and_stores_only_a_hash(app_user):
    response = sign_in(APIClient())
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"token", "expiry"}
    stored = AuthToken.objects.get(user=app_user)
    assert body["token"] not in (stored.digest, stored.token_key)
    assert stored.expiry == parse_datetime(body["expiry"])


def test_a_token_expires_after_token_ttl_hours(app_user, settings):
    settings.REST_KNOX = {**settings.REST_KNOX, "TOKEN_TTL": timedelta(hours=2)}
    expiry = parse_datetime(sign_in(APIClient()).json()["expiry"])
    assert abs(expiry - (timezone.now() + timedelta(hours=2))) < timedelta(minutes=1)


def test_the_token_response_may_not_be_kept_by_any_cache(app_user):
    assert "no-store" in sign_in(APIClient())["Cache-Control"]


def test_a_token_signs_requests_in_the_authorization_header(app_user):
    token = sign_in(APIClient()).json()["token"]
    assert signed_in(token).get("/api/v1/assessments/").status_code == 200


def test_an_expired_token_is_refused(app_user):
    token = sign_in(APIClient()).json()["token"]
    AuthToken.objects.filter(user=app_user).update(expiry=timezone.now() - timedelta(seconds=1))
    response = signed_in(token).get("/api/v1/assessments/")
    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"


def test_deleting_with_a_token_revokes_that_token_only(app_user):
    first, second = (sign_in(APIClient()).json()["token"] for _ in range(2))
    assert signed_in(first).delete(TOKEN_URL).status_code == 204
    assert signed_in(first).get("/api/v1/assessments/").status_code == 401
    assert signed_in(second).get("/api/v1/assessments/").status_code == 200


def test_deleting_without_a_token_is_a_401_in_the_error_shape():
    response = APIClient().delete(TOKEN_URL)
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_a_stale_token_sent_along_does_not_stop_a_client_signing_in_again(app_user):
    assert sign_in(signed_in("0" * 64)).status_code == 200


def test_a_token_that_is_not_utf8_text_is_a_401_not_a_crash():
    response = APIClient().get("/api/v1/assessments/", HTTP_AUTHORIZATION="Token \xff\xfe")
    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"


@pytest.mark.parametrize(("field", "length"), [("username", 151), ("password", 4097)])
def test_a_username_or_password_longer_than_allowed_is_a_400_naming_the_field(app_user, field, length):
    credentials = {"username": "app-user", "password": PASSWORD, field: "x" * length}
    response = sign_in(APIClient(), **credentials)
    assert response.status_code == 400
    assert [(error["field"], error["code"]) for error in response.json()["errors"]] == [(field, "max_length")]
    assert not AccessAttempt.objects.exists()


def test_deeply_nested_json_on_the_token_endpoint_is_a_400():
    body = "[" * 100_000 + "]" * 100_000
    response = APIClient().post(TOKEN_URL, body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"


def test_wrong_credentials_are_a_400_in_the_error_shape(app_user):
    response = sign_in(APIClient(), password="wrong")
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "authorization"
    assert not AuthToken.objects.exists()


def test_repeated_failed_sign_ins_lock_the_user_out_of_the_token_endpoint(app_user, settings, monkeypatch):
    # The lock-out, not the sign-in rate limit (which would answer the sixth attempt first), is under test.
    monkeypatch.setattr(SignInRateThrottle, "THROTTLE_RATES", {"sign_in": "100/minute"})
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(APIClient(), password="wrong")
    locked = sign_in(APIClient())
    assert locked.status_code == 400
    assert locked.json()["errors"][0]["code"] == "authorization"
    assert not AuthToken.objects.exists()


def test_a_token_with_a_nul_byte_is_a_401_not_a_crash():
    # PostgreSQL refuses text with NUL in it, so this must never reach the token lookup.
    response = APIClient().get("/api/v1/assessments/", HTTP_AUTHORIZATION="Token abc\x00def")
    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"
