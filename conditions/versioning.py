"""Reading, bumping and fingerprinting the knowledge version."""

import hashlib
import secrets
import threading
from contextlib import contextmanager

from django.apps import apps
from django.core import serializers
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import KnowledgeVersion


def curated_models() -> list:
    """Every model of the knowledge store whose rows are curated content, including M2M tables."""
    config = apps.get_app_config("conditions")
    models = [model for model in config.get_models(include_auto_created=True) if model is not KnowledgeVersion]
    return sorted(models, key=lambda model: model._meta.label)


_state = threading.local()


@contextmanager
def version_bumps_suspended():
    """Within this block, changes do not move the version (a bulk load versions itself once)."""
    _state.suspended = getattr(_state, "suspended", 0) + 1
    try:
        yield
    finally:
        _state.suspended -= 1


def version_bumps_are_suspended() -> bool:
    return getattr(_state, "suspended", 0) > 0


def knowledge_version() -> str:
    """The current knowledge version: its number and a random token, e.g. '12.9f3a61c2'."""
    row = KnowledgeVersion.objects.filter(pk=1).values_list("number", "token").first()
    if row is None:
        return "0"
    number, token = row
    return f"{number}.{token}" if token else str(number)


def bump_knowledge_version() -> None:
    """Move the version on now: a new number and a new random token."""
    token = secrets.token_hex(4)
    updated = KnowledgeVersion.objects.filter(pk=1).update(
        number=F("number") + 1, token=token, changed_at=timezone.now()
    )
    if not updated:
        KnowledgeVersion.objects.get_or_create(pk=1, defaults={"number": 1, "token": token})


def bump_knowledge_version_on_commit() -> None:
    """Move the version on once, when the current transaction commits.

    Bumping after the commit keeps the version row out of curators' transactions (no lock-order
    deadlocks between two admins), and one save of a page with inlines moves the version once.
    """
    if version_bumps_are_suspended():
        return
    pending = transaction.get_connection().run_on_commit
    if any(callback is bump_knowledge_version for _, callback, _ in pending):
        return
    transaction.on_commit(bump_knowledge_version)


@contextmanager
def consistent_read():
    """A read-only transaction in which every query sees the same committed state of the knowledge."""
    connection = transaction.get_connection()
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            # PostgreSQL's default (read committed) lets each query see a different commit.
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


def knowledge_fingerprint() -> str:
    """A digest of all curated content, independent of primary keys."""
    digest = hashlib.sha256()
    for model in curated_models():
        if model._meta.auto_created:
            # M2M rows are covered by their owner's serialised field.
            continue
        rows = serializers.serialize(
            "json",
            model._default_manager.order_by("pk"),
            use_natural_foreign_keys=True,
            use_natural_primary_keys=True,
        )
        digest.update(model._meta.label.encode())
        digest.update(rows.encode())
    return digest.hexdigest()
