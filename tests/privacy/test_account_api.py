"""The owner's rights: download everything stored about you, and erase your account with it."""

import json

import pytest
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.core.cache import cache
from knox.models import AuthToken
from rest_framework.test import APIClient

from assessments.models import Assessment
from curation.models import ChangeRequest
from tests.assessments.examples import SPEC_EXAMPLE

pytestmark = pytest.mark.django_db
DATA_URL = "/api/v1/account/data/"
ACCOUNT_URL = "/api/v1/account/"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()  # throttle counters


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def alice(django_user_model):
    return django_user_model.objects.create_user("alice", email="alice@example.org", password="not-a-real-password")


@pytest.fixture
def bob(django_user_model):
    return django_user_model.objects.create_user("bob", password="not-a-real-password")


def download(api) -> dict:
    """The account download, read to its end (it is streamed)."""
    response = api.get(DATA_URL)
    assert response.status_code == 200 and response.streaming
    return json.loads(b"".join(response.streaming_content))


def assess(api, user=None) -> str:
    api.force_authenticate(user)
    response = api.post("/api/v1/assessments/", SPEC_EXAMPLE, format="json")
    assert response.status_code == 201, response.content
    return response.json()["id"]


@pytest.mark.parametrize(("method", "url"), [("get", DATA_URL), ("delete", ACCOUNT_URL)])
def test_anonymous_clients_get_a_401_in_the_error_shape(api, method, url):
    assess(api)
    response = getattr(api, method)(url)
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
    assert Assessment.objects.count() == 1


def test_the_download_holds_the_account_and_all_its_assessments_with_input_and_result(api, alice, bob):
    first, second = assess(api, alice), assess(api, alice)
    assess(api, bob)
    api.force_authenticate(alice)
    stored = api.get(f"/api/v1/assessments/{second}/").json()

    response = api.get(DATA_URL)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    data = json.loads(b"".join(response.streaming_content))
    assert data["account"]["username"] == "alice" and data["account"]["email"] == "alice@example.org"
    assert "password" not in data["account"]
    assert [item["id"] for item in data["assessments"]] == [second, first]  # newest first, not bob's
    newest = data["assessments"][0]
    assert newest["input"] == SPEC_EXAMPLE
    assert {"id": newest["id"], "created_at": newest["created_at"], **newest["result"]} == stored


@pytest.mark.parametrize("count", [3, 6])
def test_the_download_costs_five_queries_however_many_assessments(api, alice, django_assert_num_queries, count):
    for _ in range(count):
        assess(api, alice)
    api.force_authenticate(alice)
    # The tokens, the three kinds of sign-in record and the assessments; the user is already authenticated.
    with django_assert_num_queries(5):
        assert len(download(api)["assessments"]) == count


def test_erasing_an_account_deletes_it_with_its_assessments_and_tokens(api, alice, bob, django_user_model):
    assess(api, alice)
    kept = {assess(api, bob), assess(api, None)}
    _, token = AuthToken.objects.create(user=alice)
    api.force_authenticate(None)
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")

    response = api.delete(ACCOUNT_URL)

    assert response.status_code == 204
    assert not django_user_model.objects.filter(username="alice").exists()
    assert not AuthToken.objects.filter(user_id=alice.pk).exists()
    assert {str(pk) for pk in Assessment.objects.values_list("id", flat=True)} == kept
    assert api.get(DATA_URL).status_code == 401  # the token went with the account


def test_a_browser_session_ends_with_the_erased_account(alice):
    browser = APIClient()
    browser.force_login(alice)
    session_key = browser.session.session_key
    assert browser.get(DATA_URL).status_code == 200
    assert browser.delete(ACCOUNT_URL, {"password": "not-a-real-password"}, format="json").status_code == 204
    assert not Session.objects.filter(session_key=session_key).exists()  # nothing left naming the account
    assert browser.get(DATA_URL).status_code == 401


@pytest.mark.parametrize("kind", ["staff", "clinician"])
def test_a_staff_or_clinician_account_is_refused_with_a_403_and_kept(api, alice, kind, django_user_model):
    if kind == "staff":
        alice.is_staff = True
        alice.save()
    else:
        alice.groups.add(Group.objects.get(name="Editors"))
    mine = assess(api, alice)

    response = api.delete(ACCOUNT_URL, {"password": "not-a-real-password"}, format="json")

    assert response.status_code == 403
    body = response.json()
    assert body["status"] == 403 and body["code"] == "curator_account" and "administrator" in body["message"]
    assert django_user_model.objects.filter(pk=alice.pk).exists()
    assert Assessment.objects.filter(pk=mine).exists()


def test_the_schema_documents_the_account_endpoints(api):
    schema = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    download = schema["paths"]["/api/v1/account/data/"]["get"]
    assert {"200", "401"} <= set(download["responses"])
    erase = schema["paths"]["/api/v1/account/"]["delete"]
    assert {"204", "401", "403"} <= set(erase["responses"])


def test_a_former_clinicians_account_named_by_the_review_history_is_refused_and_kept(api, alice, django_user_model):
    ChangeRequest.objects.create(author=alice, summary="An old proposal.", reason="Why.", changes=[])  # left the role
    api.force_authenticate(alice)
    response = api.delete(ACCOUNT_URL, {"password": "not-a-real-password"}, format="json")
    assert response.status_code == 403 and response.json()["code"] == "curator_account"
    assert django_user_model.objects.filter(pk=alice.pk).exists()
