"""Review before publishing: an admin edit is captured as a proposal, and applied once someone else approves.

Editors and reviewers use the ordinary admin forms. When one is saved, the edit runs inside a
transaction that is always rolled back: what it would have changed is read off on the way and kept
as a ChangeRequest. Approving the request applies those changes for real, in one transaction, with
the author recorded in each record's history, and so moves the knowledge version.
"""

import json
import threading
from contextlib import contextmanager

from django.apps import apps
from django.core import serializers
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save
from django.utils import timezone

from .models import KNOWLEDGE_MODELS, ChangeRequest, ChangeRequestStatus
from .versioning import knowledge_version

_active = threading.local()


class ConflictError(Exception):
    """The published record changed after the proposal was made, so applying it would lose that change."""


def serialized(instance, *, with_pk: bool) -> dict:
    """A record as Django's serialiser writes it, with natural keys for everything it refers to."""
    text = serializers.serialize(
        "json", [instance], use_natural_foreign_keys=True, use_natural_primary_keys=not with_pk
    )
    row = json.loads(text)[0]
    if with_pk:
        row["pk"] = instance.pk
    return row


def stored_state(model, pk) -> dict | None:
    instance = model._default_manager.filter(pk=pk).first()
    return serialized(instance, with_pk=True) if instance is not None else None


class ChangeCapture:
    """What one admin request saved or deleted, in order, with each record's state before it."""

    def __init__(self):
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


def summarise(changes: list[dict]) -> str:
    first = changes[0]
    model = apps.get_model(first["model"])
    others = len(changes) - 1
    more = f" and {others} linked record{'s' if others != 1 else ''}" if others else ""
    return f"{first['action'].capitalize()} {model._meta.verbose_name}: {first['label']}{more}"[:300]


def change_request_submit(*, author, changes: list[dict]) -> ChangeRequest:
    return ChangeRequest.objects.create(author=author, changes=changes, summary=summarise(changes))


def change_request_approve(*, change_request: ChangeRequest, reviewer) -> ChangeRequest:
    """Apply a pending proposal and publish it; the reviewer must not be its author."""
    if change_request.author_id == reviewer.pk:
        raise PermissionDenied("A change must be approved by someone other than its author.")
    if change_request.status != ChangeRequestStatus.PENDING:
        raise PermissionDenied("Only a change awaiting review can be approved.")
    reason = f"Change request #{change_request.pk}, approved by {reviewer.get_username()}"
    with transaction.atomic():
        for change in change_request.changes:
            apply_change(change, author=change_request.author, reason=reason)
        ChangeRequest.objects.filter(pk=change_request.pk).update(
            status=ChangeRequestStatus.APPROVED, reviewer=reviewer, reviewed_at=timezone.now()
        )
        # Runs after the commit, and after the version bump the saves above asked for.
        transaction.on_commit(lambda: stamp_published_version(change_request.pk))
    change_request.refresh_from_db()
    return change_request


def stamp_published_version(pk: int) -> None:
    ChangeRequest.objects.filter(pk=pk).update(published_version=knowledge_version())


def change_request_reject(*, change_request: ChangeRequest, reviewer, note: str = "") -> ChangeRequest:
    if change_request.author_id == reviewer.pk:
        raise PermissionDenied("A change must be reviewed by someone other than its author.")
    if change_request.status != ChangeRequestStatus.PENDING:
        raise PermissionDenied("Only a change awaiting review can be rejected.")
    change_request.status = ChangeRequestStatus.REJECTED
    change_request.reviewer = reviewer
    change_request.reviewed_at = timezone.now()
    change_request.review_note = note
    change_request.save()
    return change_request


def apply_change(change: dict, *, author, reason: str) -> None:
    model = apps.get_model(change["model"])
    if change["action"] != "create" and stored_state(model, change["pk"]) != change["before"]:
        raise ConflictError(
            f"The {model._meta.verbose_name} changed after this proposal was made; ask its author to make it again."
        )
    if change["action"] == "delete":
        instance = model._default_manager.filter(pk=change["pk"]).first()
        if instance is not None:
            instance._history_user, instance._change_reason = author, reason
            instance.delete()
        return
    deserialized = next(serializers.deserialize("json", json.dumps([change["after"]])))
    instance = deserialized.object
    if change["action"] == "create" and instance.pk is not None:
        raise ConflictError(f"A {model._meta.verbose_name} with the same code was published meanwhile.")
    instance._history_user, instance._change_reason = author, reason
    instance.save()
    for field, values in (deserialized.m2m_data or {}).items():
        getattr(instance, field).set(values)
