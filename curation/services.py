"""Review before publishing: a captured proposal is held as a ChangeRequest, and applied once someone else approves.

Editors and reviewers use the ordinary admin forms; curation.capture turns each save into a list of
changes, which is submitted with the author's reason. Approving the request applies those changes for real,
in one transaction, with the author, the reason and the reviewer's note recorded in each record's history,
and so moves the knowledge version. A change that lowers a reference case's triage below its safe minimum
(curation.impact) is published only on a second reviewer's approval, or an administrator's.
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
from curation.impact import change_impact
from curation.models import ChangeRequest, ChangeRequestStatus
from curation.provenance import silent_changes_in
from curation.selectors import pending_requests_touching, record_keys


class ConflictError(Exception):
    """The published record changed after the proposal was made, so applying it would lose that change."""


class AlreadyReviewed(Exception):
    """Someone else approved or rejected the change first: a decision is taken once."""


class MissingReason(Exception):
    """A change is submitted with why it is made, and rejected with why it is rejected."""


class SilentFigureChange(Exception):
    """A figure cited to a study was changed without a new source or becoming a curator estimate."""

    def __init__(self, refusals: list[str]):
        self.refusals = refusals
        super().__init__(" ".join(refusals))


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


def change_request_submit(*, author, changes: list[dict], reason: str) -> ChangeRequest:
    """Hold a proposal for review, with why it is made; refused while another pending request touches its records."""
    reason = reason.strip()
    if not reason:
        raise MissingReason("Say why you make this change: the reviewer reads it first, and the history keeps it.")
    refusals = silent_changes_in(changes)
    if refusals:
        raise SilentFigureChange(refusals)
    with transaction.atomic():
        # One submission at a time: two editors submitting the same record at once must not both pass the check.
        KnowledgeVersion.objects.select_for_update().filter(pk=1).first()
        overlapping = pending_requests_touching(record_keys(changes))
        if overlapping:
            raise OverlappingChange(overlapping[0])
        return ChangeRequest.objects.create(author=author, changes=changes, summary=summarise(changes), reason=reason)


def claim(change_request: ChangeRequest, reviewer, status: str, note: str = "") -> None:
    """Move a pending request to its decision, or fail if another decision got there first.

    A conditional update is the guard: of two reviewers deciding at the same moment, the second one's
    update waits for the first to commit (PostgreSQL locks the row) and then finds nothing pending.
    """
    decided = ChangeRequest.objects.filter(pk=change_request.pk, status=ChangeRequestStatus.PENDING).update(
        status=status, reviewer=reviewer, reviewed_at=timezone.now(), review_note=note
    )
    if not decided:
        raise already_decided(change_request.pk)


def already_decided(pk: int) -> AlreadyReviewed:
    current = ChangeRequest.objects.filter(pk=pk).values_list("status", flat=True).first()
    label = ChangeRequestStatus(current).label.lower() if current else "withdrawn"
    return AlreadyReviewed(f"Change request #{pk} has already been decided: {label}.")


def change_request_approve(*, change_request: ChangeRequest, reviewer, note: str = "") -> ChangeRequest:
    """Apply a pending proposal and publish it, once; the reviewer must not be its author.

    When the change lowers a reference case below its safe triage (or its effect cannot be worked out), a
    reviewer's approval is recorded as the first of two and the change stays pending; a second reviewer's
    approval, or an administrator's, publishes it.
    """
    if change_request.author_id == reviewer.pk:
        raise PermissionDenied("A change must be approved by someone other than its author.")
    note = note.strip()
    if change_request.first_reviewer_id == reviewer.pk:
        raise PermissionDenied("You have approved this change already: a second reviewer decides it now.")
    for language in translations_approved(change_request.changes):
        readers = READERS.get(language, f"Reads {language}")
        if not reviewer.groups.filter(name=readers).exists():
            raise PermissionDenied(
                f"This change approves the texts in {language}: a reviewer in the group '{readers}', who reads "
                "the language, approves it."
            )
    needs_two = not reviewer.is_superuser and change_impact(change_request.changes).needs_second_approval
    if needs_two and first_approval(change_request, reviewer, note):
        change_request.refresh_from_db()
        return change_request
    change_request.refresh_from_db(fields=["first_reviewer", "first_review_note"])
    reason = history_reason(change_request, reviewer, note)
    with transaction.atomic():
        claim(change_request, reviewer, ChangeRequestStatus.APPROVED, note)  # first, so a second approval waits here
        for change in change_request.changes:
            apply_change(change, author=change_request.author, reason=reason)
        # Runs after the commit, and after the version bump the saves above asked for.
        transaction.on_commit(lambda: stamp_published_version(change_request.pk))
    change_request.refresh_from_db()
    return change_request


# Per language the knowledge is translated into, the group of the clinicians who read it (a migration makes it).
READERS = {"tr": "Reads Turkish"}


def translations_approved(changes: list[dict]) -> set[str]:
    """The languages whose texts a change marks approved (a record's translation_status moves to approved)."""
    languages = set()
    for change in changes:
        after = ((change.get("after") or {}).get("fields") or {}).get("translation_status") or {}
        before = ((change.get("before") or {}).get("fields") or {}).get("translation_status") or {}
        languages |= {lang for lang, status in after.items() if status == "approved" and before.get(lang) != status}
    return languages


def first_approval(change_request: ChangeRequest, reviewer, note: str) -> bool:
    """Record the first of the two approvals a change needs; False when another reviewer's is already there."""
    recorded = ChangeRequest.objects.filter(
        pk=change_request.pk, status=ChangeRequestStatus.PENDING, first_reviewer__isnull=True
    ).update(first_reviewer=reviewer, first_reviewed_at=timezone.now(), first_review_note=note)
    if recorded:
        return True
    current = ChangeRequest.objects.filter(pk=change_request.pk).values("status", "first_reviewer").first()
    if current is None or current["status"] != ChangeRequestStatus.PENDING:
        raise already_decided(change_request.pk)
    if current["first_reviewer"] == reviewer.pk:
        raise PermissionDenied("You have approved this change already: a second reviewer decides it now.")
    return False


def history_reason(change_request: ChangeRequest, reviewer, note: str) -> str:
    """What each changed record's history says: the request, who approved it, the author's reason, the notes."""
    approvers = reviewer.get_username()
    if change_request.first_reviewer is not None:
        approvers = f"{change_request.first_reviewer.get_username()} and {approvers}"
    parts = [f"Change request #{change_request.pk}, approved by {approvers}.", f"Why: {change_request.reason}"]
    notes = [change_request.first_review_note, note]
    parts += [f"Reviewer's note: {text}" for text in notes if text]
    return " ".join(parts)


def stamp_published_version(pk: int) -> None:
    ChangeRequest.objects.filter(pk=pk).update(published_version=knowledge_version())


def change_request_reject(*, change_request: ChangeRequest, reviewer, note: str) -> ChangeRequest:
    """Turn a pending proposal down, telling its author why; the published knowledge is unchanged."""
    if change_request.author_id == reviewer.pk:
        raise PermissionDenied("A change must be reviewed by someone other than its author.")
    note = note.strip()
    if not note:
        raise MissingReason("Say why you reject the change: its author reads your note.")
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
