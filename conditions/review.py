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
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.serializers.base import DeserializationError
from django.db import IntegrityError, transaction
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save
from django.utils import timezone

from .knowledge import natural_key_of
from .models import KNOWLEDGE_MODELS, ChangeRequest, ChangeRequestStatus, KnowledgeVersion
from .versioning import knowledge_version

_active = threading.local()


class ConflictError(Exception):
    """The published record changed after the proposal was made, so applying it would lose that change."""


class AlreadyReviewed(Exception):
    """Someone else approved or rejected the change first: a decision is taken once."""


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


def record_keys(changes: list[dict]) -> set[tuple[str, str]]:
    """The records a list of changes touches, by model and natural key (new records included)."""
    keys = set()
    for change in changes:
        model = apps.get_model(change["model"])
        for state in (change["before"], change["after"]):  # both: a renamed record is the same record
            if state:
                keys.add((change["model"], natural_key_of(model, state["fields"])))
    return keys


def pending_requests_touching(keys: set[tuple[str, str]]) -> list[ChangeRequest]:
    """The change requests awaiting review that touch any of these records."""
    pending = ChangeRequest.objects.filter(status=ChangeRequestStatus.PENDING).order_by("pk")
    return [request for request in pending if record_keys(request.changes) & keys]


class OverlappingChange(Exception):
    """A record in the proposal already has a change awaiting review: one decision at a time per record."""

    def __init__(self, pending: ChangeRequest):
        self.pending = pending
        super().__init__(
            f"A change to the same record is already awaiting review (change request #{pending.pk}). "
            "Ask a reviewer to approve or reject it first, then make your change on the published record."
        )


def change_request_submit(*, author, changes: list[dict]) -> ChangeRequest:
    """Hold a proposal for review; refused while another pending request touches one of its records."""
    with transaction.atomic():
        # One submission at a time: two editors submitting the same record at once must not both pass the check.
        KnowledgeVersion.objects.select_for_update().filter(pk=1).first()
        overlapping = pending_requests_touching(record_keys(changes))
        if overlapping:
            raise OverlappingChange(overlapping[0])
        return ChangeRequest.objects.create(author=author, changes=changes, summary=summarise(changes))


def claim(change_request: ChangeRequest, reviewer, status: str, note: str = "") -> None:
    """Move a pending request to its decision, or fail if another decision got there first.

    A conditional update is the guard: of two reviewers deciding at the same moment, the second one's
    update waits for the first to commit (PostgreSQL locks the row) and then finds nothing pending.
    """
    decided = ChangeRequest.objects.filter(pk=change_request.pk, status=ChangeRequestStatus.PENDING).update(
        status=status, reviewer=reviewer, reviewed_at=timezone.now(), review_note=note
    )
    if not decided:
        current = ChangeRequest.objects.filter(pk=change_request.pk).values_list("status", flat=True).first()
        label = ChangeRequestStatus(current).label.lower() if current else "withdrawn"
        raise AlreadyReviewed(f"Change request #{change_request.pk} has already been decided: {label}.")


def change_request_approve(*, change_request: ChangeRequest, reviewer) -> ChangeRequest:
    """Apply a pending proposal and publish it, once; the reviewer must not be its author."""
    if change_request.author_id == reviewer.pk:
        raise PermissionDenied("A change must be approved by someone other than its author.")
    reason = f"Change request #{change_request.pk}, approved by {reviewer.get_username()}"
    with transaction.atomic():
        claim(change_request, reviewer, ChangeRequestStatus.APPROVED)  # first, so a second approval waits here
        for change in change_request.changes:
            apply_change(change, author=change_request.author, reason=reason)
        # Runs after the commit, and after the version bump the saves above asked for.
        transaction.on_commit(lambda: stamp_published_version(change_request.pk))
    change_request.refresh_from_db()
    return change_request


def stamp_published_version(pk: int) -> None:
    ChangeRequest.objects.filter(pk=pk).update(published_version=knowledge_version())


def change_request_reject(*, change_request: ChangeRequest, reviewer, note: str = "") -> ChangeRequest:
    if change_request.author_id == reviewer.pk:
        raise PermissionDenied("A change must be reviewed by someone other than its author.")
    with transaction.atomic():
        claim(change_request, reviewer, ChangeRequestStatus.REJECTED, note)
    change_request.refresh_from_db()
    return change_request


def apply_change(change: dict, *, author, reason: str) -> None:
    model = apps.get_model(change["model"])
    # The row stays locked while the change applies: no other writer can slip in between check and save.
    if change["action"] != "create" and stored_state(model, change["pk"], lock=True) != change["before"]:
        raise ConflictError(
            f"The {model._meta.verbose_name} changed after this proposal was made; ask its author to make it again."
        )
    if change["action"] == "delete":
        instance = model._default_manager.filter(pk=change["pk"]).first()
        if instance is not None:
            instance._history_user, instance._change_reason = author, reason
            instance.delete()
        return
    try:
        deserialized = next(serializers.deserialize("json", json.dumps([change["after"]])))
    except (DeserializationError, ObjectDoesNotExist) as error:
        raise ConflictError(
            f"This {model._meta.verbose_name} refers to a record that no longer exists; ask for the change again."
        ) from error
    instance = deserialized.object
    if change["action"] == "create" and instance.pk is not None:
        raise ConflictError(f"A {model._meta.verbose_name} with the same code was published meanwhile.")
    # simple_history reads who and why from the instance; the Model stubs do not know these attributes.
    instance._history_user, instance._change_reason = author, reason  # type: ignore[attr-defined]
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError as error:
        raise ConflictError(
            f"This {model._meta.verbose_name} clashes with one published meanwhile (the same code or link)."
        ) from error
    for field, values in (deserialized.m2m_data or {}).items():
        getattr(instance, field).set(values)
