"""Review before publishing: a captured proposal is held as a ChangeRequest, and applied once someone else approves.

Editors and reviewers use the ordinary admin forms; curation.capture turns each save into a list of
changes. Approving the request applies those changes for real, in one transaction, with the author
recorded in each record's history, and so moves the knowledge version.
"""

import json

from django.apps import apps
from django.core import serializers
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.serializers.base import DeserializationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from conditions.models import KnowledgeVersion
from conditions.versioning import knowledge_version
from curation.capture import stored_state
from curation.models import ChangeRequest, ChangeRequestStatus
from curation.selectors import pending_requests_touching, record_keys


class ConflictError(Exception):
    """The published record changed after the proposal was made, so applying it would lose that change."""


class AlreadyReviewed(Exception):
    """Someone else approved or rejected the change first: a decision is taken once."""


def summarise(changes: list[dict]) -> str:
    first = changes[0]
    model = apps.get_model(first["model"])
    others = len(changes) - 1
    more = f" and {others} linked record{'s' if others != 1 else ''}" if others else ""
    return f"{first['action'].capitalize()} {model._meta.verbose_name}: {first['label']}{more}"[:300]


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
