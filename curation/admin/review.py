"""Review in the admin: every edit becomes a proposal, listed for review and published on approval."""

import json
from typing import ClassVar

from django.apps import apps
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from conditions.kinds import KNOWLEDGE_MODELS
from curation.capture import proposed_changes, serialized
from curation.models import ChangeRequest, ChangeRequestStatus, PendingChangeRequest
from curation.selectors import codes_with_pending_changes, pending_requests_touching, record_keys
from curation.services import (
    AlreadyReviewed,
    ConflictError,
    OverlappingChange,
    change_request_approve,
    change_request_reject,
    change_request_submit,
)


class ReviewedAdmin(SimpleHistoryAdmin):
    """An admin whose saves, deletes and reverts become change requests instead of going live."""

    object_history_template = "admin/curation/object_history_with_links.html"
    LINKED_HISTORY_LIMIT = 200

    def history_view(self, request, object_id, extra_context=None):
        """The record's own history, and below it the changes to its links (evidence, roots, care …)."""
        obj = self.get_object(request, object_id)
        linked = self.linked_history(obj) if obj is not None else []
        return super().history_view(request, object_id, {**(extra_context or {}), "linked_history": linked})

    def linked_history(self, obj) -> list:
        """Historical records of every curated link that points to this record, newest first."""
        entries = []
        for relation in obj._meta.related_objects:
            link = relation.related_model
            if relation.many_to_many or link not in CURATED or not hasattr(link, "history"):
                continue
            entries += link.history.filter(**{relation.field.attname: obj.pk}).select_related("history_user")[
                : self.LINKED_HISTORY_LIMIT
            ]
        entries.sort(key=lambda entry: (entry.history_date, entry.history_id), reverse=True)
        return [
            {
                "date": entry.history_date,
                "record": f"{entry.instance_type._meta.verbose_name.capitalize()}: {entry.instance}",
                "change": entry.get_history_type_display(),
                "user": entry.history_user,
                "reason": entry.history_change_reason,
            }
            for entry in entries[: self.LINKED_HISTORY_LIMIT]
        ]

    object_history_form_template = "admin/curation/object_history_form.html"

    def render_change_form(self, request, context, *args, **kwargs):
        # The buttons say what they do: nothing is saved live (see admin/conditions/submit_line.html).
        context["submits_for_review"] = True
        return super().render_change_form(request, context, *args, **kwargs)

    def changeform_view(self, request, *args, **kwargs):
        return self.reviewed(super().changeform_view, request, *args, **kwargs)

    def delete_view(self, request, *args, **kwargs):
        return self.reviewed(super().delete_view, request, *args, **kwargs)

    def changelist_view(self, request, *args, **kwargs):
        # List edits and bulk actions (such as delete) are changes too.
        return self.reviewed(super().changelist_view, request, *args, **kwargs)

    def history_form_view(self, request, *args, **kwargs):
        # Reverting to an earlier version is proposed like any other change.
        return self.reviewed(super().history_form_view, request, *args, **kwargs)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET" and (obj := self.get_object(request, object_id)) is not None:
            self.notify_pending(request, obj)
        return super().change_view(request, object_id, form_url, extra_context)

    def notify_pending(self, request, obj) -> None:
        """Tell whoever opens a record that a change to it is awaiting review, with a link to that change."""
        keys = record_keys([{"model": obj._meta.label, "after": serialized(obj, with_pk=False), "before": None}])
        for pending in pending_requests_touching(keys):
            url = reverse("admin:curation_changerequest_change", args=[pending.pk])
            messages.warning(
                request,
                format_html(
                    'A change to this record is awaiting review: <a href="{}">change request #{}</a> ({}). '
                    "A new change can be made once it has been approved or rejected.",
                    url,
                    pending.pk,
                    pending.summary,
                ),
            )

    def reviewed(self, view, request, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        with proposed_changes() as proposal:
            response = view(request, *args, **kwargs)
        if not proposal["changes"]:
            return response
        try:
            change_request = change_request_submit(author=request.user, changes=proposal["changes"])
        except OverlappingChange as overlap:
            list(messages.get_messages(request))
            messages.error(request, str(overlap))
            return HttpResponseRedirect(reverse("admin:curation_changerequest_change", args=[overlap.pending.pk]))
        list(messages.get_messages(request))  # drop the admin's "changed successfully": nothing is live yet
        messages.success(
            request,
            f"Your change was submitted for review as change request #{change_request.pk}. It will be "
            "published when another clinician approves it.",
        )
        return HttpResponseRedirect(reverse("admin:curation_changerequest_change", args=[change_request.pk]))


CURATED = frozenset(KNOWLEDGE_MODELS)


def diff_rows(change: dict) -> list[tuple[str, str, str]]:
    """Field, before, after, for each field the change sets differently."""
    before = (change["before"] or {}).get("fields", {})
    after = (change["after"] or {}).get("fields", {})
    rows = []
    for field in sorted(set(before) | set(after)):
        old, new = before.get(field), after.get(field)
        if old != new:
            rows.append((field, show(old), show(new)))
    return rows


def change_table(change: dict) -> str:
    """One proposed change as a heading and a before-and-after table of the fields it sets."""
    rows = format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td></tr>", diff_rows(change))
    return format_html(
        "<h3>{} {}: {}</h3><table><tr><th>field</th><th>before</th><th>after</th></tr>{}</table>",
        change["action"].capitalize(),
        apps.get_model(change["model"])._meta.verbose_name,
        change["label"],
        rows,
    )


def show(value) -> str:
    if value is None:
        return "—"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


@admin.register(ChangeRequest)
class ChangeRequestAdmin(admin.ModelAdmin):
    """Proposed changes: what they change, who made them, and the approve and reject buttons."""

    list_display: tuple[str, ...] = ("id", "summary", "status", "author", "created_at", "reviewer", "published_version")
    list_filter: ClassVar[tuple[str, ...]] = ("status", "author")
    search_fields = ("summary", "author__username")
    readonly_fields = (
        "summary",
        "status",
        "author",
        "created_at",
        "reviewer",
        "reviewed_at",
        "review_note",
        "published_version",
        "proposed_changes",
    )
    exclude = ("changes",)
    change_form_template = "admin/curation/changerequest/change_form.html"

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="What changes")
    def proposed_changes(self, obj):
        return format_html_join("", "{}", ((change_table(change),) for change in obj.changes))

    def can_review(self, request, obj) -> bool:
        return (
            obj.status == ChangeRequestStatus.PENDING
            and obj.author_id != request.user.pk
            and request.user.has_perm("curation.review_changerequest")
        )

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        context["can_review"] = obj is not None and self.can_review(request, obj)
        context["is_author"] = obj is not None and obj.author_id == request.user.pk
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    def get_urls(self):
        own = [
            path(
                "<int:pk>/approve/",
                self.admin_site.admin_view(self.approve_view),
                name="curation_changerequest_approve",
            ),
            path(
                "<int:pk>/reject/", self.admin_site.admin_view(self.reject_view), name="curation_changerequest_reject"
            ),
        ]
        return own + super().get_urls()

    def decide(self, request, pk, decision):
        change_request = get_object_or_404(ChangeRequest, pk=pk)
        if request.method != "POST":
            return HttpResponseRedirect(reverse("admin:curation_changerequest_change", args=[pk]))
        if not request.user.has_perm("curation.review_changerequest"):
            raise PermissionDenied
        try:
            decision(change_request)
        except (PermissionDenied, ConflictError, AlreadyReviewed) as error:
            messages.error(request, str(error))
        return HttpResponseRedirect(reverse("admin:curation_changerequest_change", args=[pk]))

    def approve_view(self, request, pk):
        def approve(change_request):
            published = change_request_approve(change_request=change_request, reviewer=request.user)
            messages.success(request, f"Published: the knowledge is now at version {published.published_version}.")

        return self.decide(request, pk, approve)

    def reject_view(self, request, pk):
        def reject(change_request):
            change_request_reject(
                change_request=change_request, reviewer=request.user, note=request.POST.get("note", "")
            )
            messages.success(request, "Rejected: the published knowledge is unchanged.")

        return self.decide(request, pk, reject)


@admin.register(PendingChangeRequest)
class PendingChangeRequestAdmin(ChangeRequestAdmin):
    """The changes awaiting review, oldest first."""

    list_display = ("id", "summary", "author", "created_at")
    list_filter = ("author",)

    def get_queryset(self, request):
        return super().get_queryset(request).filter(status=ChangeRequestStatus.PENDING).order_by("created_at")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return HttpResponseRedirect(reverse("admin:curation_changerequest_change", args=[object_id]))


class ReviewStatusFilter(admin.SimpleListFilter):
    """Filter records by whether changes to them are awaiting review."""

    title = "review status"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("pending", "Changes awaiting review"), ("published", "No pending changes")]

    def queryset(self, request, queryset):
        if self.value() not in ("pending", "published"):
            return queryset
        codes = codes_with_pending_changes(queryset.model)
        return queryset.filter(code__in=codes) if self.value() == "pending" else queryset.exclude(code__in=codes)
