"""Capture: an admin edit runs for real inside a transaction that is always rolled back, and what it
would have changed is read off on the way, record by record, as a proposal."""

import json
import threading
from contextlib import contextmanager

from django.apps import apps
from django.core import serializers
from django.db import transaction
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save

from conditions.kinds import KNOWLEDGE_MODELS

_active = threading.local()


def serialized(instance, *, with_pk: bool) -> dict:
    """A record as Django's serialiser writes it, with natural keys for everything it refers to."""
    text = serializers.serialize(
        "json", [instance], use_natural_foreign_keys=True, use_natural_primary_keys=not with_pk
    )
    row = json.loads(text)[0]
    if with_pk:
        row["pk"] = instance.pk
    return row


def stored_state(model, pk, *, lock: bool = False) -> dict | None:
    """A record's stored state; with `lock`, its row stays locked until the transaction ends."""
    records = model._default_manager.filter(pk=pk)
    instance = (records.select_for_update() if lock else records).first()
    return serialized(instance, with_pk=True) if instance is not None else None


class ChangeCapture:
    """What one admin request saved or deleted, in order, with each record's state before it."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, object], dict] = {}

    def before_change(self, instance, action: str) -> None:
        key = (instance._meta.label, instance.pk)
        if instance.pk is None:
            return  # a new record: registered once it has been saved
        if key not in self.entries:
            before = stored_state(type(instance), instance.pk)
            self.entries[key] = {
                "model": instance._meta.label,
                "label": str(instance),
                "pk": instance.pk,
                "action": action if before else "create",
                "before": before,
            }
        elif action == "delete":
            self.entries[key]["action"] = "delete"

    def created(self, instance) -> None:
        key = (instance._meta.label, instance.pk)
        self.entries.setdefault(
            key, {"model": instance._meta.label, "label": str(instance), "pk": None, "action": "create", "before": None}
        )

    def finish(self) -> list[dict]:
        """Each touched record's state after the edit; unchanged records are left out."""
        changes = []
        for (label, pk), entry in self.entries.items():
            model = apps.get_model(label)
            if entry["action"] == "delete" or not model._default_manager.filter(pk=pk).exists():
                if entry["before"] is None:
                    continue  # created and deleted within the same edit
                changes.append({**entry, "action": "delete", "after": None})
                continue
            instance = model._default_manager.get(pk=pk)
            if entry["action"] == "create":
                changes.append({**entry, "pk": None, "after": serialized(instance, with_pk=False)})
            else:
                after = serialized(instance, with_pk=True)
                if after != entry["before"]:
                    changes.append({**entry, "after": after})
        return changes


def capture_for(sender):
    capture = getattr(_active, "capture", None)
    return capture if capture is not None and sender in CAPTURED else None


def on_pre_save(sender, instance, raw=False, **kwargs):
    if (capture := capture_for(sender)) and not raw:
        capture.before_change(instance, "update")


def on_post_save(sender, instance, created=False, raw=False, **kwargs):
    if (capture := capture_for(sender)) and created and not raw:
        capture.created(instance)


def on_pre_delete(sender, instance, **kwargs):
    if capture := capture_for(sender):
        capture.before_change(instance, "delete")


def on_m2m_changed(sender, instance, action, **kwargs):
    capture = getattr(_active, "capture", None)
    if capture is not None and action.startswith("pre_") and type(instance) in CAPTURED:
        capture.before_change(instance, "update")


CAPTURED = frozenset(KNOWLEDGE_MODELS)


def connect_capture_signals() -> None:
    for model in KNOWLEDGE_MODELS:
        uid = model._meta.label
        pre_save.connect(on_pre_save, sender=model, dispatch_uid=f"review-pre-save-{uid}")
        post_save.connect(on_post_save, sender=model, dispatch_uid=f"review-post-save-{uid}")
        pre_delete.connect(on_pre_delete, sender=model, dispatch_uid=f"review-pre-delete-{uid}")
        if hasattr(model, "sources"):
            m2m_changed.connect(on_m2m_changed, sender=model.sources.through, dispatch_uid=f"review-m2m-{uid}")


@contextmanager
def proposed_changes():
    """Run an edit for real, read off what it changed, then undo it: the edit becomes a proposal."""
    capture = ChangeCapture()
    result = {"changes": []}
    with transaction.atomic():
        _active.capture = capture
        try:
            yield result
            result["changes"] = capture.finish()
        finally:
            _active.capture = None
            transaction.set_rollback(True)
