"""API tokens end with the password they were issued under; signing out has a budget of its own, so it never
fails for want of sign-in attempts."""

import pytest
from knox.models import AuthToken
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db
TOKEN_URL = "/api/v1/auth/token/"
PASSWORD = "not-a-real-password"


@pytest.fixture
def app_user(django_user_model):
    return django_user_model.objects.create_user("app-user", password=PASSWORD)


def signed_in(token: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def still_valid(token: str) -> bool:
    return signed_in(token).get("/api/v1/assessments/").status_code == 200


def test_a_new_password_revokes_every_token_of_the_account(app_user, django_user_model):
    tokens = [AuthToken.objects.create(user=app_user)[1] for _ in range(2)]
    other = AuthToken.objects.create(user=django_user_model.objects.create_user("other", password=PASSWORD))[1]
    app_user.set_password("a-new-password-entirely")
    app_user.save()
    assert not any(still_valid(token) for token in tokens)
    assert still_valid(other)


def test_a_password_changed_in_the_admin_revokes_the_accounts_tokens(app_user, client, django_user_model):
    token = AuthToken.objects.create(user=app_user)[1]
    client.force_login(django_user_model.objects.create_superuser("admin", password=PASSWORD))
    new = "a-new-password-entirely"
    response = client.post(f"/admin/auth/user/{app_user.pk}/password/", {"password1": new, "password2": new})
    assert response.status_code == 302
    assert not still_valid(token)


def test_saving_the_account_without_a_new_password_keeps_its_tokens(app_user):
    token = AuthToken.objects.create(user=app_user)[1]
    app_user.email = "app-user@example.org"
    app_user.save()
    assert still_valid(token)


def test_django_rehashing_an_unchanged_password_at_sign_in_keeps_the_other_tokens(app_user, settings):
    token = AuthToken.objects.create(user=app_user)[1]
    # Stored with the tests' quick hasher: with it last (still read, no longer preferred), signing in upgrades it.
    quick, *production = settings.PASSWORD_HASHERS
    settings.PASSWORD_HASHERS = [*production, quick]
    response = APIClient().post(TOKEN_URL, {"username": "app-user", "password": PASSWORD}, format="json")
    assert response.status_code == 200
    app_user.refresh_from_db()
    assert app_user.password.startswith("pbkdf2_sha256$")
    assert still_valid(token)


def test_signing_out_six_times_in_a_minute_revokes_all_six_tokens(app_user):
    tokens = [AuthToken.objects.create(user=app_user)[1] for _ in range(6)]
    statuses = [signed_in(token).delete(TOKEN_URL).status_code for token in tokens]
    assert statuses == [204] * 6
    assert not AuthToken.objects.filter(user=app_user).exists()


def test_signing_out_leaves_the_addresss_sign_in_budget_untouched(app_user):
    for _ in range(6):
        signed_in(AuthToken.objects.create(user=app_user)[1]).delete(TOKEN_URL)
    response = APIClient().post(TOKEN_URL, {"username": "app-user", "password": PASSWORD}, format="json")
    assert response.status_code == 200
