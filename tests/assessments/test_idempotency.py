"""An Idempotency-Key on POST /api/v1/assessments/: a client's retry after a dropped connection gets the
assessment its first try made, never a second one."""

import uuid

import pytest
from django.db.models import QuerySet

from assessments.models import Assessment
from tests.assessments.examples import SPEC_EXAMPLE

pytestmark = pytest.mark.django_db
URL = "/api/v1/assessments/"


def post(api, body=SPEC_EXAMPLE, key: str | None = None):
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key is not None else {}
    return api.post(URL, body, format="json", **headers)


def test_a_retry_with_the_same_key_answers_the_first_assessment_and_stores_no_second(api):
    key = str(uuid.uuid4())
    first, retry = post(api, key=key), post(api, key=key)
    assert first.status_code == retry.status_code == 201
    assert retry.json() == first.json()
    assert retry["Location"] == first["Location"]
    assert retry["Idempotent-Replayed"] == "true" and "Idempotent-Replayed" not in first
    assert Assessment.objects.count() == 1


def test_without_a_key_every_post_is_a_new_assessment(api):
    assert post(api).json()["id"] != post(api).json()["id"]
    assert Assessment.objects.count() == 2


def test_the_same_key_with_other_findings_is_a_422_and_stores_nothing_more(api):
    key = str(uuid.uuid4())
    post(api, key=key)
    response = post(api, {**SPEC_EXAMPLE, "age": SPEC_EXAMPLE["age"] + 1}, key=key)
    assert response.status_code == 422
    assert response.json()["code"] == "idempotency_key_reused"
    assert Assessment.objects.count() == 1


def test_a_key_names_one_assessment_per_account_and_among_anonymous_clients(api, django_user_model):
    key = str(uuid.uuid4())
    ids = set()
    for username in ("alice", "bob", None):
        api.force_authenticate(username and django_user_model.objects.create_user(username, password="x" * 20))
        ids.add(post(api, key=key).json()["id"])
    assert len(ids) == Assessment.objects.count() == 3


def test_a_quoted_key_is_the_same_key(api):
    key = str(uuid.uuid4())
    assert post(api, key=key).json()["id"] == post(api, key=f'"{key}"').json()["id"]


def test_only_a_digest_of_the_key_is_stored(api):
    key = str(uuid.uuid4())
    post(api, key=key)
    stored = Assessment.objects.get().idempotency_key
    assert stored and key not in stored and len(stored) == 64


@pytest.mark.parametrize("key", ["short", "x" * 256, "has spaces in it, 1234", "ключ-ключ-ключ-ключ", ""])
def test_a_key_that_is_not_one_is_a_400_naming_the_header(api, key):
    response = post(api, key=key)
    assert response.status_code == 400
    assert [(e["field"], e["code"]) for e in response.json()["errors"]] == [("Idempotency-Key", "invalid")]
    assert not Assessment.objects.exists()


def test_two_posts_with_one_key_at_the_same_moment_store_one_assessment(api, monkeypatch):
    key = str(uuid.uuid4())
    first = post(api, key=key).json()
    # The second post looked before the first was stored: its insert meets the first one's key.
    first_lookup = QuerySet.first
    missed = []

    def not_yet_stored(queryset):
        if not missed and queryset.model is Assessment:
            missed.append(True)
            return None
        return first_lookup(queryset)

    monkeypatch.setattr(QuerySet, "first", not_yet_stored)
    second = post(api, key=key)
    assert missed and second.status_code == 201
    assert second.json()["id"] == first["id"] and second["Idempotent-Replayed"] == "true"
    assert Assessment.objects.count() == 1


def test_a_browser_app_may_send_the_key_across_origins(api, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.example.org"]
    response = api.options(
        URL,
        HTTP_ORIGIN="https://app.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type, idempotency-key",
    )
    assert "idempotency-key" in response["Access-Control-Allow-Headers"]
