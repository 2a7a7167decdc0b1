"""Stored assessments: health data, reached only through an unguessable id."""

import uuid

from django.conf import settings
from django.db import models

from refpain.http.renderers import FastJSONEncoder


def summary_of(result: dict) -> dict[str, str]:
    """The few things the statistics count, read from a result: its triage level, leading cause and roots."""
    conditions = result.get("conditions") or []
    roots = [root["code"] for root in result.get("nerve_roots") or []]
    return {
        "triage_level": (result.get("triage") or {}).get("level", ""),
        "leading_condition": conditions[0]["code"] if conditions else "",
        # Between commas, so one root is found with a plain `contains` on every database: ",L4,L5,".
        "nerve_root_codes": f",{','.join(roots)}," if roots else "",
    }


class AssessmentQuerySet(models.QuerySet):
    """Stored assessments; a bulk insert fills in their summary columns as save() does."""

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        for assessment in objs:
            assessment.summarise()
        return super().bulk_create(objs, *args, **kwargs)


class Assessment(models.Model):
    """One assessment: the validated findings, the engine's result, and the versions that produced it.

    It holds no names or contact details: only what was observed, and the optional signed-in owner.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="assessments",
        help_text="The signed-in user who made it, if any; only they can list it.",
    )
    input = models.JSONField(encoder=FastJSONEncoder, help_text="The validated request, as the engine read it.")
    result = models.JSONField(
        encoder=FastJSONEncoder, help_text="The engine's result, served as stored even after the knowledge changes."
    )
    engine_version = models.CharField(max_length=20)
    knowledge_version = models.CharField(max_length=20)
    idempotency_key = models.CharField(
        max_length=64,
        null=True,
        blank=True,
        unique=True,
        editable=False,
        help_text="A digest of the Idempotency-Key it was posted with and of who posted it, if a key was sent.",
    )
    # Copies of three things in `result`, so that counting 200,000 assessments reads a few short columns rather
    # than every stored result (see assessments.statistics). Filled in from the result on every save.
    triage_level = models.CharField(max_length=20, blank=True, editable=False)
    leading_condition = models.CharField(max_length=100, blank=True, editable=False)
    nerve_root_codes = models.CharField(max_length=200, blank=True, editable=False)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        permissions = [("view_statistics", "Can read aggregate statistics of stored assessments (research)")]
        indexes = [
            models.Index(fields=["owner", "-created_at"], name="assessment_owner_recent"),
            models.Index(fields=["created_at"], name="assessment_created"),
        ]

    def __str__(self):
        return f"Assessment {self.id} ({self.result['triage']['level']})"

    def save(self, *args, **kwargs):
        self.summarise()
        super().save(*args, **kwargs)

    def summarise(self) -> None:
        """Fill in the summary columns from the result."""
        for name, value in summary_of(self.result).items():
            setattr(self, name, value)
