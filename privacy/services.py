"""Writes that keep what is stored about people within its purpose: retention and erasure."""

from datetime import datetime, timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone

from assessments.models import Assessment


def expired_records(*, now: datetime) -> dict:
    """The stored records past their retention, by kind: querysets, so a dry run can count them."""
    assessments_before = now - timedelta(days=settings.ASSESSMENT_RETENTION_DAYS)
    lockouts_before = now - timedelta(days=settings.LOCKOUT_RETENTION_DAYS)
    # An attempt still inside its cool-off holds a lock-out in force: purging it must not lift the lock.
    attempts_before = min(lockouts_before, now - timedelta(hours=settings.AXES_COOLOFF_TIME))
    return {
        "assessments": Assessment.objects.filter(created_at__lt=assessments_before),
        "lock-out attempts": AccessAttempt.objects.filter(attempt_time__lt=attempts_before),
        "sign-in records": AccessLog.objects.filter(attempt_time__lt=lockouts_before),
        "failed sign-in records": AccessFailureLog.objects.filter(attempt_time__lt=lockouts_before),
    }


def expired_records_purge(*, now: datetime | None = None, dry_run: bool = False) -> dict[str, int]:
    """Delete the records past their retention (or, on a dry run, only count them); the counts by kind."""
    expired = expired_records(now=now or timezone.now())
    if dry_run:
        return {kind: records.count() for kind, records in expired.items()}
    counts = {}
    with transaction.atomic():
        for kind, records in expired.items():
            counts[kind] = records.count()
            records.delete()
    return counts


class AccountInCuration(Exception):
    """The account curates the knowledge, whose history names it: its owner cannot erase it."""


def account_erase(*, user) -> dict[str, int]:
    """Delete a user's account with its stored assessments and API tokens; the counts deleted, by model."""
    if user.is_staff or user.is_superuser or user.groups.exists():
        raise AccountInCuration
    try:
        with transaction.atomic():
            # Assessments and tokens belong to the account (on_delete=CASCADE): they go with it.
            _, counts = user.delete()
    except ProtectedError as error:  # a former curator whose change requests the review history keeps
        raise AccountInCuration from error
    return counts
