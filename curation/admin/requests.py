"""The change requests' pages: what a change does and why, where its figures come from before and after, what it
does to the reference cases, and the reviewer's decision with a note."""

import json
from typing import ClassVar

from django.apps import apps
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from conditions.models import Source
from conditions.vocabulary import Provenance, TriageLevel
from curation.impact import CaseImpact, Impact, Shift, change_impact
from curation.models import ChangeRequest, ChangeRequestStatus, PendingChangeRequest
from curation.provenance import CitedFigures, cited_figures
from curation.selectors import clinicians
from curation.services import (
    AlreadyReviewed,
    ConflictError,
    MissingReason,
    change_request_approve,
    change_request_reject,
)

# --- what changes --------------------------------------------------------------------------------


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


def show(value) -> str:
    if value is None:
        return "—"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def citation(reference) -> str:
    """A source, named by its natural key in a proposal, as a reader recognises it."""
    if not reference:
        return "—"
    source = Source.objects.filter(code=reference[0]).only("name", "title").first()
    return f"{source.name}: {source.title}" if source else f"{reference[0]} (not a published source)"


def provenance_rows(model, cited: CitedFigures, before: dict, after: dict) -> list[tuple[str, str, str, str]]:
    """Provenance, source and rationale before and after, each marked when the change sets it differently."""

    def described(name: str, fields: dict) -> str:
        if not fields:
            return "—"
        value = fields.get(name)
        if name == cited.provenance:
            return Provenance(value).label if value else "—"
        if name == cited.source:
            return citation(value)
        return value or "—"

    rows = []
    for name in (cited.provenance, cited.source, cited.rationale):
        label = model._meta.get_field(name).verbose_name
        changed = "changed" if before.get(name) != after.get(name) else ""
        rows.append((changed, label, described(name, before), described(name, after)))
    return rows


def provenance_tables(change: dict) -> str:
    """Where the record's figures come from, before and after the change: shown whether or not it changes."""
    model = apps.get_model(change["model"])
    before = (change["before"] or {}).get("fields", {})
    after = (change["after"] or {}).get("fields", {})
    tables = []
    for cited in cited_figures(model):
        if not (before.get(cited.provenance) or after.get(cited.provenance)):
            continue  # no figure of this kind on the record (a condition without an escalation threshold)
        rows = format_html_join(
            "",
            '<tr class="{}"><td>{}</td><td>{}</td><td>{}</td></tr>',
            provenance_rows(model, cited, before, after),
        )
        tables.append(
            format_html(
                '<table class="provenance"><caption>Where {} come{} from</caption>'
                "<tr><th></th><th>before</th><th>after</th></tr>{}</table>",
                cited.subject,
                "" if cited.subject.endswith("figures") else "s",
                rows,
            )
        )
    return format_html_join("", "{}", ((table,) for table in tables))


def change_table(change: dict) -> str:
    """One proposed change as a heading, a before-and-after table of the fields it sets, and its provenance."""
    rows = format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td></tr>", diff_rows(change))
    return format_html(
        "<h3>{} {}: {}</h3><table><tr><th>field</th><th>before</th><th>after</th></tr>{}</table>{}",
        change["action"].capitalize(),
        apps.get_model(change["model"])._meta.verbose_name,
        change["label"],
        rows,
        provenance_tables(change),
    )


# --- what it does to the reference cases ---------------------------------------------------------


def triage_word(level: TriageLevel) -> str:
    return level.label.split(":")[0]


def percent(probability: float | None) -> str:
    if probability is None:
        return "not listed"
    return f"{probability:.0%}" if probability >= 0.1 else f"{probability:.1%}"


def case_row(case: CaseImpact) -> dict:
    """A changed case as the review page shows it, each part before → after."""
    before, after = case.before, case.after
    return {
        "unsafe": case.unsafe,
        "name": case.case.name,
        "set": case.case.set_name,
        "moved": ", ".join(case.moved),
        "triage": triage_word(before.triage)
        if before.triage == after.triage
        else f"{triage_word(before.triage)} → {triage_word(after.triage)}",
        "minimum": triage_word(case.case.min_triage),
        "causes": (
            ", ".join(case.name_of(code) for code in before.causes),
            ", ".join(case.name_of(code) for code in after.causes),
        ),
        "root": f"{before.root or 'none'} → {after.root or 'none'}" if before.root != after.root else "",
    }


def shift_row(shift: Shift) -> dict:
    return {
        "case": shift.case.name,
        "condition": shift.name,
        "change": f"{percent(shift.before)} → {percent(shift.after)}",
    }


def impact_context(impact: Impact) -> dict:
    return {
        "impact": impact,
        "cases": [case_row(case) for case in impact.changed],
        "shifts": [shift_row(shift) for shift in impact.shifts],
        "unsafe_count": len(impact.unsafe),
        "milliseconds": round(impact.seconds * 1000),
    }


# --- the pages -----------------------------------------------------------------------------------


class ClinicianFilter(admin.RelatedFieldListFilter):
    """A filter by author or reviewer that lists clinicians only, never the app's users."""

    def field_choices(self, field, request, model_admin):
        return [(user.pk, str(user)) for user in clinicians()]


@admin.register(ChangeRequest)
class ChangeRequestAdmin(admin.ModelAdmin):
    """Proposed changes: what they change and why, what they do to the reference cases, and the decision."""

    list_display: tuple[str, ...] = ("id", "summary", "status", "author", "created_at", "reviewer", "published_version")
    list_filter: ClassVar[tuple] = ("status", ("author", ClinicianFilter), ("reviewer", ClinicianFilter))
    search_fields = ("summary", "reason", "author__username")

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (None, {"fields": ("summary", "reason", "status", "author", "created_at")}),
            ("What changes", {"fields": ("proposed_changes",)}),
        ]
        if obj is not None and obj.status == ChangeRequestStatus.PENDING:
            # Still to decide: what it does to the reference cases and the decision follow (change_form.html).
            return fieldsets + ([("Review", {"fields": ("first_approval",)})] if obj.first_reviewer_id else [])
        review = ("first_approval", "reviewer", "reviewed_at", "review_note", "published_version")
        return [*fieldsets, ("Review", {"fields": review})]

    readonly_fields = (
        "summary",
        "reason",
        "status",
        "author",
        "created_at",
        "proposed_changes",
        "first_approval",
        "reviewer",
        "reviewed_at",
        "review_note",
        "published_version",
    )
    change_form_template = "admin/curation/changerequest/change_form.html"

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="What changes")
    def proposed_changes(self, obj):
        return format_html_join("", "{}", ((change_table(change),) for change in obj.changes))

    @admin.display(description="First approval")
    def first_approval(self, obj):
        if obj.first_reviewer is None:
            return "—"
        note = f": {obj.first_review_note}" if obj.first_review_note else ""
        return f"{obj.first_reviewer} on {obj.first_reviewed_at:%d %b %Y %H:%M}{note}"

    def can_review(self, request, obj) -> bool:
        return (
            obj.status == ChangeRequestStatus.PENDING
            and obj.author_id != request.user.pk
            and obj.first_reviewer_id != request.user.pk
            and request.user.has_perm("curation.review_changerequest")
        )

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        context["can_review"] = obj is not None and self.can_review(request, obj)
        context["is_author"] = obj is not None and obj.author_id == request.user.pk
        context["is_first_reviewer"] = obj is not None and obj.first_reviewer_id == request.user.pk
        if obj is not None and obj.status == ChangeRequestStatus.PENDING:
            context |= impact_context(change_impact(obj.changes))
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
            decision(change_request, request.POST.get("note", ""))
        except (PermissionDenied, ConflictError, AlreadyReviewed, MissingReason) as error:
            messages.error(request, str(error))
        return HttpResponseRedirect(reverse("admin:curation_changerequest_change", args=[pk]))

    def approve_view(self, request, pk):
        def approve(change_request, note):
            decided = change_request_approve(change_request=change_request, reviewer=request.user, note=note)
            if decided.status == ChangeRequestStatus.APPROVED:
                messages.success(request, f"Published: the knowledge is now at version {decided.published_version}.")
            else:
                messages.warning(
                    request,
                    "Your approval is recorded as the first of two. This change lowers a reference case's triage "
                    "below its safe minimum, so it is published only when a second reviewer (or an administrator) "
                    "approves it too.",
                )

        return self.decide(request, pk, approve)

    def reject_view(self, request, pk):
        def reject(change_request, note):
            change_request_reject(change_request=change_request, reviewer=request.user, note=note)
            messages.success(request, "Rejected: the published knowledge is unchanged.")

        return self.decide(request, pk, reject)


@admin.register(PendingChangeRequest)
class PendingChangeRequestAdmin(ChangeRequestAdmin):
    """The changes awaiting review, oldest first."""

    list_display = ("id", "summary", "author", "created_at")
    list_filter = (("author", ClinicianFilter),)

    def get_queryset(self, request):
        return super().get_queryset(request).filter(status=ChangeRequestStatus.PENDING).order_by("created_at")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return HttpResponseRedirect(reverse("admin:curation_changerequest_change", args=[object_id]))
