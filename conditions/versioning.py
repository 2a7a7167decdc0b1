"""Reading, bumping and fingerprinting the knowledge version."""

import hashlib
import threading
from contextlib import contextmanager

from django.apps import apps
from django.core import serializers
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
    _state.suspended = True
    try:
        yield
    finally:
        _state.suspended = False


def version_bumps_are_suspended() -> bool:
    return getattr(_state, "suspended", False)


def knowledge_version() -> str:
    """The current knowledge version, as a short string."""
    number = KnowledgeVersion.objects.filter(pk=1).values_list("number", flat=True).first()
    return str(number or 0)


def bump_knowledge_version() -> None:
    """Move the version on after a change to curated content."""
    if version_bumps_are_suspended():
        return
    updated = KnowledgeVersion.objects.filter(pk=1).update(number=F("number") + 1, changed_at=timezone.now())
    if not updated:
        KnowledgeVersion.objects.get_or_create(pk=1, defaults={"number": 1})


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
