"""App accounts: an app registers a user, who signs in, assesses, lists, downloads and erases; never staff."""

import json

import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from assessments.models import Assessment
from refpain.registration import RegistrationSerializer
from tests.assessments.examples import SPEC_EXAMPLE

pytestmark = pytest.mark.django_db

REGISTER_URL = "/api/v1/auth/register/"
PASSWORD = "correct horse battery"


def register(client: APIClient, **fields):
    return client.post(REGISTER_URL, {"username": "app-user", "password": PASSWORD, **fields}, format="json")


def errors(response) -> list[tuple[str, str]]:
    return [(error["field"], error["code"]) for error in response.json()["errors"]]


def test_a_registered_user_signs_in_assesses_lists_downloads_and_erases_their_account():
    api = APIClient()
    created = register(api)
    assert created.status_code == 201
    assert created.json() == {"username": "app-user"}

    token = api.post("/api/v1/auth/token/", {"username": "app-user", "password": PASSWORD}, format="json")
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.json()['token']}")
    assessment = api.post("/api/v1/assessments/", SPEC_EXAMPLE, format="json").json()["id"]
    assert [item["id"] for item in api.get("/api/v1/assessments/").json()["results"]] == [assessment]
    download = json.loads(b"".join(api.get("/api/v1/account/data/").streaming_content))
    assert [item["id"] for item in download["assessments"]] == [assessment]

    assert api.delete("/api/v1/account/").status_code == 204
    assert not get_user_model().objects.filter(username="app-user").exists()
    assert not Assessment.objects.filter(pk=assessment).exists()


def test_a_registered_account_has_no_staff_rights_role_or_permission():
    register(APIClient())
    user = get_user_model().objects.get(username="app-user")
    assert not (user.is_staff or user.is_superuser)
    assert not user.groups.exists() and not user.get_all_permissions()
    assert user.check_password(PASSWORD)


@pytest.mark.parametrize("field", ["is_staff", "is_superuser", "groups", "email"])
def test_a_field_beyond_username_and_password_is_refused_and_nothing_is_stored(field):
    response = register(APIClient(), **{field: True})
    assert response.status_code == 400
    assert errors(response) == [(field, "unexpected_field")]
    assert not get_user_model().objects.exists()


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("short1!", "password_too_short"),
        ("password123", "password_too_common"),
        ("4815162342108", "password_entirely_numeric"),
        ("app-user-1", "password_too_similar"),
    ],
)
def test_a_weak_password_is_refused_with_the_validators_reason_and_nothing_is_stored(password, code):
    response = register(APIClient(), password=password)
    assert response.status_code == 400
    assert ("password", code) in errors(response)
    assert not get_user_model().objects.exists()


@pytest.mark.parametrize("taken", ["app-user", "App-User"])
def test_a_username_already_taken_in_any_case_is_a_400_naming_it(django_user_model, taken):
    django_user_model.objects.create_user(taken, password="another password entirely")
    response = register(APIClient())
    assert response.status_code == 400
    assert errors(response) == [("username", "unique")]
    assert django_user_model.objects.count() == 1


def test_a_username_registered_a_moment_earlier_is_a_400_not_a_500(django_user_model, monkeypatch):
    # Two sign-ups of one name at once: both pass the check, and the database refuses the second.
    monkeypatch.setattr(RegistrationSerializer, "validate_username", lambda self, username: username)
    django_user_model.objects.create_user("app-user", password="another password entirely")
    response = register(APIClient())
    assert response.status_code == 400
    assert errors(response) == [("username", "unique")]


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"username": "app user!"}, ("username", "invalid")),
        ({"username": "x" * 151}, ("username", "max_length")),
        ({"password": "x" * 4097}, ("password", "max_length")),
        ({"username": ""}, ("username", "blank")),
    ],
    ids=["characters", "long username", "long password", "blank"],
)
def test_a_bad_username_or_password_is_a_400_naming_the_field(fields, error):
    response = register(APIClient(), **fields)
    assert response.status_code == 400
    assert error in errors(response)
    assert not get_user_model().objects.exists()


def test_registering_counts_against_the_sign_in_limit_of_the_client_address():
    api = APIClient()
    for attempt in range(3):
        api.post("/api/v1/auth/token/", {"username": "nobody", "password": f"guess {attempt}"}, format="json")
    assert register(api, username="first-user").status_code == 201
    assert register(api, username="second-user").status_code == 201
    refused = register(api, username="third-user")
    assert refused.status_code == 429
    assert refused.json()["code"] == "throttled"
    assert not get_user_model().objects.filter(username="third-user").exists()


def test_a_stale_token_sent_along_does_not_stop_an_app_registering():
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION="Token " + "0" * 64)
    assert register(api).status_code == 201


@pytest.mark.parametrize("url", [REGISTER_URL, "/api/v1/auth/token/"])
@pytest.mark.parametrize("field", ["username", "password"])
def test_a_username_or_password_sent_as_a_number_is_a_400_not_taken_as_text(url, field):
    response = APIClient().post(url, {"username": "app-user", "password": PASSWORD, field: 12345678}, format="json")
    assert response.status_code == 400
    assert errors(response) == [(field, "invalid")]
    assert not get_user_model().objects.exists()
