"""The admin site: Django's own, whose home page is a clinician's workspace rather than a list of tables.

The home page says what awaits the clinician (changes to review, their own open requests), then groups the
knowledge as clinicians use it. Link tables (a condition's evidence, a root's dermatome …) are edited on their
parent's page, so only administrators see them listed.
"""

from django.contrib import admin
from django.urls import reverse

from conditions import models as m
from curation.models import ChangeRequest, PendingChangeRequest
from curation.selectors import awaiting_review_by, open_requests_of

# The home page's groups, in the order a clinician reaches for them.
WORKSPACE = (
    ("Conditions and findings", (m.Condition, m.Symptom, m.ClinicalTest)),
    ("Safety", (m.RedFlag, m.RedFlagTrigger)),
    ("Care", (m.Treatment, m.Exercise)),
    ("Evidence", (m.Source,)),
    ("Anatomy", (m.NerveRoot, m.Nerve, m.BodyRegion, m.MuscleAction, m.Reflex)),
    ("Curation", (PendingChangeRequest, ChangeRequest, m.KnowledgeVersion)),
)
LISTED = frozenset(model for _, models in WORKSPACE for model in models)


class ClinicianAdminSite(admin.AdminSite):
    """Django's admin site, with the clinicians' workspace as its home page and link tables left off its lists."""

    site_header = "refpain curation"
    site_title = "refpain curation"
    index_title = "Your workspace"
    index_template = "admin/curation/index.html"

    def get_app_list(self, request, app_label=None):
        apps = super().get_app_list(request, app_label)
        if request.user.is_superuser:
            return apps
        for app in apps:
            app["models"] = [entry for entry in app["models"] if not self.is_link_table(entry["model"])]
        return [app for app in apps if app["models"]]

    def is_link_table(self, model) -> bool:
        """A knowledge model the home page does not list: it is edited on its parent's page."""
        return model._meta.app_label == "conditions" and model not in LISTED

    def index(self, request, extra_context=None):
        return super().index(request, {**self.workspace(request), **(extra_context or {})})

    def workspace(self, request) -> dict:
        """What awaits the clinician, and the knowledge they may open, in the workspace's groups."""
        entries = {entry["model"]: entry for app in self._build_app_dict(request).values() for entry in app["models"]}
        groups = [
            {"name": name, "models": [entries[model] for model in models if model in entries]}
            for name, models in WORKSPACE
        ]
        user = request.user
        counts = {
            "can_review": user.has_perm("curation.review_changerequest"),
            "awaiting": awaiting_review_by(user).count(),
            "awaiting_url": reverse(f"{self.name}:curation_pendingchangerequest_changelist"),
            "open": open_requests_of(user).count(),
            "open_url": f"{reverse(f'{self.name}:curation_changerequest_changelist')}"
            f"?status__exact=pending&author__id__exact={user.pk}",
        }
        others = [
            {**app, "models": [entry for entry in app["models"] if entry["model"] not in LISTED]}
            for app in self.get_app_list(request)
        ]
        return {
            "workspace": [group for group in groups if group["models"]],
            "counts": counts,
            "other_apps": [app for app in others if app["models"]] if user.is_superuser else [],
        }
