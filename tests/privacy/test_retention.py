"""Retention: purge_expired deletes stored assessments and lock-out records past their retention, and no more."""

import os
import subprocess
import sys
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.management import call_command
from django.utils import timezone

from assessments.models import Assessment
from tests.assessments.examples import SPEC_EXAMPLE

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def retention(settings):
    settings.ASSESSMENT_RETENTION_DAYS = 365
    settings.LOCKOUT_RETENTION_DAYS = 30
    settings.AXES_COOLOFF_TIME = 1


def assessment_aged(days: float) -> Assessment:
    assessment = Assessment.objects.create(
        input=SPEC_EXAMPLE, result={"triage": {"level": "routine"}}, engine_version="x", knowledge_version="x"
    )
    Assessment.objects.filter(pk=assessment.pk).update(created_at=timezone.now() - timedelta(days=days))
    return assessment


def lockout_records_aged(days: float, username: str) -> None:
    common = {"user_agent": "test", "ip_address": "192.0.2.1", "username": username, "http_accept": "*/*"}
    attempt = AccessAttempt.objects.create(**common, get_data="", post_data="", failures_since_start=5)
    sign_in = AccessLog.objects.create(**common)
    failure = AccessFailureLog.objects.create(**common, locked_out=True)
    for model, record in ((AccessAttempt, attempt), (AccessLog, sign_in), (AccessFailureLog, failure)):
        model.objects.filter(pk=record.pk).update(attempt_time=timezone.now() - timedelta(days=days))


def purge(*args) -> str:
    out = StringIO()
    call_command("purge_expired", *args, stdout=out)
    return out.getvalue()


def usernames(model) -> set[str]:
    return set(model.objects.values_list("username", flat=True))


def test_it_deletes_assessments_older_than_their_retention_and_keeps_the_rest():
    old, recent = assessment_aged(366), assessment_aged(364)
    output = purge()
    assert "Deleted 1 assessment(s) older than 365 days." in output
    assert not Assessment.objects.filter(pk=old.pk).exists()
    assert Assessment.objects.filter(pk=recent.pk).exists()


def test_it_deletes_lockout_records_older_than_theirs_and_keeps_the_rest():
    lockout_records_aged(31, "old-guesser")
    lockout_records_aged(29, "recent-guesser")
    output = purge()
    assert "Deleted 1 lock-out attempts, 1 sign-in records, 1 failed sign-in records older than 30 days." in output
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        assert usernames(model) == {"recent-guesser"}


def test_a_dry_run_counts_and_deletes_nothing():
    assessment_aged(400)
    lockout_records_aged(40, "old-guesser")
    output = purge("--dry-run")
    assert "Would delete 1 assessment(s)" in output and "Would delete 1 lock-out attempts" in output
    assert Assessment.objects.count() == 1
    assert all(model.objects.count() == 1 for model in (AccessAttempt, AccessLog, AccessFailureLog))


def test_a_lockout_still_in_force_is_not_lifted_by_the_purge(settings):
    settings.AXES_COOLOFF_TIME = 24 * 60  # a 60-day lock-out, longer than the records' retention
    lockout_records_aged(40, "locked-out")
    purge()
    assert usernames(AccessAttempt) == {"locked-out"}
    assert not AccessLog.objects.exists()


@pytest.mark.parametrize("name", ["ASSESSMENT_RETENTION_DAYS", "LOCKOUT_RETENTION_DAYS"])
def test_a_retention_under_one_day_is_refused_at_start_up(name):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env | {"SECRET_KEY": "x", name: "0"},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert f"{name} must be a whole number of days" in result.stderr
