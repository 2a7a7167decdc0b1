"""Reads of the curation workflow: which records a proposal touches, and what awaits review."""

from django.apps import apps

from conditions.loading import natural_key_of
from curation.models import ChangeRequest, ChangeRequestStatus


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


def codes_with_pending_changes(model) -> set[str]:
    """Codes of the records of `model` that a pending change request touches, directly or by a link."""
    codes = set()
    for changes in ChangeRequest.objects.filter(status=ChangeRequestStatus.PENDING).values_list("changes", flat=True):
        for change in changes:
            fields = (change["after"] or change["before"])["fields"]
            if change["model"] == model._meta.label:
                codes.add(fields.get("code"))
                continue
            entry_model = apps.get_model(change["model"])
            for field in entry_model._meta.concrete_fields:
                if field.is_relation and field.related_model is model and fields.get(field.name):
                    codes.add(fields[field.name][0])
    return codes - {None}
