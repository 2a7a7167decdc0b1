"""Erasing an account asks for its password (or a fresh sign-in); the download includes the sign-in records
and tokens kept about the user and streams the assessments with bounded memory."""

import json
import tracemalloc
from collections.abc import Iterator
from datetime import timedelta
from typing import cast

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.http import StreamingHttpResponse
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

from assessments.models import Assessment
from tests.assessments.examples import SPEC_EXAMPLE

pytestmark = pytest.mark.django_db
DATA_URL = "/api/v1/account/data/"
ACCOUNT_URL = "/api/v1/account/"
PASSWORD = "not-a-real-password"


@pytest.fixture
def alice(django_user_model):
    return django_user_model.objects.create_user("alice", password=PASSWORD)


def with_token(user, age: timedelta = timedelta(0)) -> APIClient:
    """A client signed in with a token issued `age` ago."""
    instance, token = AuthToken.objects.create(user=user)
    AuthToken.objects.filter(pk=instance.pk).update(created=timezone.now() - age)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def erase(client: APIClient, body: dict | None = None):
    return client.delete(ACCOUNT_URL, body or {}, format="json", REMOTE_ADDR="203.0.113.7")


def test_erasing_with_an_hour_old_token_and_no_password_is_a_400_naming_the_password(alice, django_user_model):
    response = erase(with_token(alice, timedelta(hours=1)))
    assert response.status_code == 400
    assert [(e["field"], e["code"]) for e in response.json()["errors"]] == [("password", "required")]
    assert django_user_model.objects.filter(pk=alice.pk).exists()


def test_erasing_with_the_wrong_password_is_a_400_and_counts_as_a_failed_sign_in(alice, django_user_model):
    response = erase(with_token(alice, timedelta(hours=1)), {"password": "wrong"})
    assert response.status_code == 400
    assert [(e["field"], e["code"]) for e in response.json()["errors"]] == [("password", "incorrect")]
    assert django_user_model.objects.filter(pk=alice.pk).exists()
    assert AccessAttempt.objects.get().username == "alice"


def test_erasing_with_the_password_works_whatever_the_tokens_age(alice, django_user_model):
    assert erase(with_token(alice, timedelta(days=20)), {"password": PASSWORD}).status_code == 204
    assert not django_user_model.objects.filter(pk=alice.pk).exists()


def test_a_token_from_a_sign_in_minutes_ago_is_enough_to_erase(alice, django_user_model, settings):
    fresh = timedelta(minutes=settings.ERASURE_SIGN_IN_MINUTES) - timedelta(seconds=30)
    assert erase(with_token(alice, fresh)).status_code == 204
    assert not django_user_model.objects.filter(pk=alice.pk).exists()


def test_password_guesses_through_erasure_spend_the_sign_in_budget(alice, django_user_model):
    client = with_token(alice, timedelta(hours=1))
    statuses = [erase(client, {"password": f"guess-{n}"}).status_code for n in range(5)]
    assert statuses == [400] * 5
    assert erase(client, {"password": PASSWORD}).status_code == 429
    assert django_user_model.objects.filter(pk=alice.pk).exists()


def download(client: APIClient) -> dict:
    response = cast(StreamingHttpResponse, client.get(DATA_URL))
    assert response.status_code == 200
    return json.loads(b"".join(cast(Iterator[bytes], response.streaming_content)))


def test_the_download_holds_the_sign_in_records_kept_under_the_username(alice, settings):
    settings.AXES_ENABLE_ACCESS_FAILURE_LOG = True
    sign_in = APIClient()
    for password in ("wrong", PASSWORD):
        sign_in.post("/api/v1/auth/token/", {"username": "alice", "password": password}, format="json")
    sign_in.post("/api/v1/auth/token/", {"username": "bob", "password": "wrong"}, format="json")

    records = download(with_token(alice))["sign_ins"]

    succeeded = AccessLog.objects.get(username="alice")
    assert records["succeeded"][0]["ip_address"] == succeeded.ip_address == "127.0.0.1"
    assert records["succeeded"][0]["path_info"] == "/api/v1/auth/token/"
    assert set(records["succeeded"][0]) == {
        "attempt_time", "ip_address", "user_agent", "http_accept", "path_info", "logout_time",
    }  # fmt: skip
    assert [r["locked_out"] for r in records["failed"]] == [False]
    assert AccessFailureLog.objects.filter(username="bob").exists()  # kept, but not under alice's name
    assert records["failure_counts"] == []  # alice's failure count ended with her successful sign-in


def test_the_download_lists_the_tokens_without_the_tokens_themselves(alice):
    client = with_token(alice)
    with_token(alice, timedelta(days=2))
    tokens = download(client)["tokens"]
    assert len(tokens) == 2
    assert all(set(token) == {"created", "expiry"} for token in tokens)
    assert tokens[0]["created"] > tokens[1]["created"]  # newest first


def test_a_download_of_a_thousand_assessments_streams_in_bounded_memory(alice):
    stored = Assessment.objects.create(owner=alice, input=SPEC_EXAMPLE, result={"padding": "x" * 16_000},
                                       engine_version="2.0.0", knowledge_version="1.x")  # fmt: skip
    Assessment.objects.bulk_create(
        Assessment(owner=alice, input=stored.input, result=stored.result, engine_version="2.0.0",
                   knowledge_version="1.x") for _ in range(999)
    )  # fmt: skip
    client = with_token(alice)
    tracemalloc.start()
    try:
        response = client.get(DATA_URL)
        size = sum(len(chunk) for chunk in response.streaming_content) if response.streaming else len(response.content)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert size > 16_000_000
    assert peak < 8_000_000, f"{peak / 1e6:.1f} MB held to send {size / 1e6:.1f} MB"
