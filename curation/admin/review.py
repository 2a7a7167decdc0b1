"""Review in the admin: every edit becomes a proposal, with why it is made, held for another clinician's review."""

from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from conditions.kinds import KNOWLEDGE_MODELS
from curation.admin.forms import ReviewedForm
from curation.capture import proposed_changes, serialized
from curation.selectors import codes_with_pending_changes, pending_requests_touching, record_keys
from curation.services import MissingReason, OverlappingChange, SilentFigureChange, change_request_submit

REASON_FIELD = "change_reason"  # the name every submission's "why" is posted under (see ReviewedForm)


class ReviewedAdmin(SimpleHistoryAdmin):
    """An admin whose saves, deletes and reverts become change requests instead of going live."""

    form = ReviewedForm
    object_history_template = "admin/curation/object_history_with_links.html"
    delete_confirmation_template = "admin/curation/delete_confirmation.html"
    delete_selected_confirmation_template = "admin/curation/delete_selected_confirmation.html"
    change_list_template = "admin/curation/change_list.html"
    LINKED_HISTORY_LIMIT = 200

    class Media:
        css = {"all": ("curation/curation.css",)}

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

    def get_fields(self, request, obj=None):
        # Why the change is made is asked beside the submit button (admin/conditions/submit_line.html), not
        # among the record's own fields.
        return [name for name in super().get_fields(request, obj) if name != REASON_FIELD]

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
        reason = request.POST.get(REASON_FIELD, "")
        try:
            change_request = change_request_submit(author=request.user, changes=proposal["changes"], reason=reason)
        except OverlappingChange as overlap:
            list(messages.get_messages(request))
            messages.error(request, str(overlap))
            return HttpResponseRedirect(reverse("admin:curation_changerequest_change", args=[overlap.pending.pk]))
        except (MissingReason, SilentFigureChange) as refused:
            # The forms catch both first, naming the field; this is for the paths without a form of their own
            # (a list edit, a deletion) and anything that slipped past one. Nothing was submitted.
            list(messages.get_messages(request))
            for message in getattr(refused, "refusals", [str(refused)]):
                messages.error(request, f"Nothing was submitted. {message}")
            return HttpResponseRedirect(request.get_full_path())
        list(messages.get_messages(request))  # drop the admin's "changed successfully": nothing is live yet
        messages.success(
            request,
            f"Your change was submitted for review as change request #{change_request.pk}. It will be "
            "published when another clinician approves it.",
        )
        return HttpResponseRedirect(reverse("admin:curation_changerequest_change", args=[change_request.pk]))


CURATED = frozenset(KNOWLEDGE_MODELS)


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
