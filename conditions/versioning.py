"""Reading, bumping and fingerprinting the knowledge version."""

import hashlib
import json
import math
import secrets
import threading
import time
from contextlib import contextmanager

from django.core import serializers
from django.db import transaction

from .kinds import KNOWLEDGE_MODELS
from .models import KnowledgeVersion
from .translation import mirrors_of


def curated_models() -> list:
    """Every model whose rows are curated knowledge, with the tables of their cited sources."""
    models = list(KNOWLEDGE_MODELS)
    models += [model.sources.through for model in KNOWLEDGE_MODELS if hasattr(model, "sources")]
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


_recent = threading.local()


def knowledge_version_recent(max_age: float) -> str:
    """The knowledge version as read at most `max_age` seconds ago by this thread.

    Knowledge reads may lag a publication by that long (their Cache-Control already lets clients
    keep an answer for minutes); this process's own bumps are seen at once.
    """
    now = time.monotonic()
    if max_age > 0 and getattr(_recent, "read_at", -math.inf) > now - max_age:
        return _recent.version
    _recent.version, _recent.read_at = knowledge_version(), now
    return _recent.version


def knowledge_version_read() -> str | None:
    """The knowledge version this thread read last (for a knowledge read: the one its ETag names), if any."""
    return getattr(_recent, "version", None)


def knowledge_version() -> str:
    """The current knowledge version: its number and a random token, e.g. '12.9f3a61c2'."""
    row = KnowledgeVersion.objects.filter(pk=1).values_list("number", "token").first()
    if row is None:
        return "0"
    number, token = row
    return f"{number}.{token}" if token else str(number)


def bump_knowledge_version() -> None:
    """Move the version on now: a new number and a new random token, kept in the version's history."""
    with transaction.atomic():
        version = KnowledgeVersion.objects.select_for_update().filter(pk=1).first() or KnowledgeVersion(pk=1)
        version.number += 1
        version.token = secrets.token_hex(4)
        version.save()
    _recent.read_at = -math.inf


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
        rows = natural_rows(model)
        # Sorted by content, not primary key: the same knowledge loaded into another database matches.
        lines = sorted(json.dumps(row["fields"], sort_keys=True, default=str) for row in rows)
        digest.update(model._meta.label.encode())
        digest.update("\n".join(lines).encode())
    return digest.hexdigest()


def natural_rows(model, *, with_pk: bool = False) -> list[dict]:
    """Every record of a model as the serialiser writes it with natural keys, in a few queries (not one a row)."""
    related = [f.name for f in model._meta.concrete_fields if f.is_relation]
    m2m = [f.name for f in model._meta.many_to_many if f.remote_field.through._meta.auto_created]
    queryset = model._default_manager.select_related(*related).prefetch_related(*m2m)
    rows = serializers.serialize("python", queryset, use_natural_foreign_keys=True, use_natural_primary_keys=True)
    for row in rows:
        for mirror in mirrors_of(model):  # the English columns hold the original fields' texts again
            del row["fields"][mirror]
    if with_pk:
        for instance, row in zip(queryset, rows, strict=True):
            row["pk"] = instance.pk
    return rows
