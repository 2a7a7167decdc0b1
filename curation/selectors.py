"""Reads of the curation workflow: which records a proposal touches, and what awaits review."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import Q

from conditions.changes import changes_by_version
from conditions.loading import natural_key_of
from conditions.models import KnowledgeVersion
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


def versions_with_changes(versions: list[dict]) -> list[dict]:
    """Published versions (label and time, newest first) with what each changed and the reviews it published."""
    if not versions:
        return []
    before = (
        KnowledgeVersion.history.filter(history_date__lt=versions[-1]["published_at"])
        .order_by("-history_date")
        .values_list("history_date", flat=True)
        .first()
    )
    starts = [version["published_at"] for version in versions[1:]] + [before]
    windows = [(v["label"], start, v["published_at"]) for v, start in zip(versions, starts, strict=True)]
    changes = changes_by_version(windows)
    reviews: dict[str, list[ChangeRequest]] = {}
    published = ChangeRequest.objects.filter(published_version__in=[v["label"] for v in versions])
    for change_request in published.select_related("author", "reviewer", "first_reviewer").order_by(
        "reviewed_at", "pk"
    ):
        reviews.setdefault(change_request.published_version, []).append(change_request)
    return [
        {
            **version,
            "changes": changes[version["label"]],
            "change_requests": reviews.get(version["label"], []),
            "approved_by": sorted(
                {r.username for review in reviews.get(version["label"], []) for r in approvers(review)}
            ),
        }
        for version in versions
    ]


def approvers(change_request: ChangeRequest) -> list:
    """Who approved a change request: its reviewer and, for a change that needed two, the first."""
    return [user for user in (change_request.first_reviewer, change_request.reviewer) if user is not None]


CLINICIAN_ROLES = ("Editors", "Reviewers")


def clinicians():
    """Staff accounts with a clinician role, and administrators: whoever may author or review a change."""
    staff = get_user_model().objects.filter(is_staff=True)
    return staff.filter(Q(groups__name__in=CLINICIAN_ROLES) | Q(is_superuser=True)).distinct().order_by("username")


def awaiting_review_by(user):
    """The pending change requests this reviewer may decide: not their own, nor one they approved already."""
    pending = ChangeRequest.objects.filter(status=ChangeRequestStatus.PENDING).exclude(author=user)
    return pending.exclude(first_reviewer=user)


def open_requests_of(user):
    """The user's own change requests still awaiting review."""
    return ChangeRequest.objects.filter(status=ChangeRequestStatus.PENDING, author=user)
