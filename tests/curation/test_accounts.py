"""Clinicians' accounts: created in a role from the command line, locked out after repeated failed sign-ins."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_create_clinician_makes_an_account_in_a_role(monkeypatch, django_user_model):
    monkeypatch.setenv("NEW_CLINICIAN_PASSWORD", "a-long-enough-password")
    call_command(
        "create_clinician", "dr-who", role="reviewer", password_env="NEW_CLINICIAN_PASSWORD", stdout=io.StringIO()
    )
    user = django_user_model.objects.get(username="dr-who")
    assert user.is_staff and not user.is_superuser
    assert user.has_perm("curation.review_changerequest")
    assert user.has_perm("conditions.change_conditiontest")
    assert user.check_password("a-long-enough-password")


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short1", "too short"),
        ("password123", "too common"),
        ("4815162342108", "entirely numeric"),
        ("dr-who-the-doctor", "too similar to the username"),
    ],
)
def test_create_clinician_refuses_a_weak_password_and_creates_nothing(
    monkeypatch, django_user_model, password, message
):
    monkeypatch.setenv("NEW_CLINICIAN_PASSWORD", password)
    with pytest.raises(CommandError, match=message):
        call_command(
            "create_clinician",
            "dr-who-the-doctor",
            role="editor",
            password_env="NEW_CLINICIAN_PASSWORD",
            stdout=io.StringIO(),
        )
    assert not django_user_model.objects.filter(username="dr-who-the-doctor").exists()


def test_create_clinician_lists_every_validator_message(monkeypatch):
    monkeypatch.setenv("NEW_CLINICIAN_PASSWORD", "1234")
    with pytest.raises(CommandError) as refused:
        call_command("create_clinician", "dr-who", role="editor", password_env="NEW_CLINICIAN_PASSWORD")
    assert "too short" in str(refused.value)
    assert "too common" in str(refused.value)
    assert "entirely numeric" in str(refused.value)


def test_create_clinician_keeps_an_existing_account_when_the_new_password_is_weak(monkeypatch, editor):
    monkeypatch.setenv("NEW_CLINICIAN_PASSWORD", "password")
    with pytest.raises(CommandError):
        call_command(
            "create_clinician",
            editor.username,
            role="reviewer",
            email="new@example.org",
            password_env="NEW_CLINICIAN_PASSWORD",
        )
    editor.refresh_from_db()
    assert editor.email != "new@example.org"
    assert not editor.check_password("password")
    assert not editor.groups.filter(name="Reviewers").exists()


def test_editors_can_edit_but_not_review(editor):
    assert editor.has_perm("conditions.change_condition")
    assert not editor.has_perm("curation.review_changerequest")


def test_admin_login_locks_out_after_repeated_failures(client, reviewer, settings):
    login = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(login, {"username": "rita-reviewer", "password": "wrong"})
    locked = client.post(login, {"username": "rita-reviewer", "password": "not-a-real-password"})
    assert locked.status_code in (403, 429)
    assert "_auth_user_id" not in client.session
