"""Stored assessments: health data, reached only through an unguessable id."""

import uuid

from django.conf import settings
from django.db import models


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
    input = models.JSONField(help_text="The validated request, as the engine read it.")
    result = models.JSONField(help_text="The engine's result, served as stored even after the knowledge changes.")
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

    class Meta:
        ordering = ["-created_at"]
        permissions = [("view_statistics", "Can read aggregate statistics of stored assessments (research)")]
        indexes = [models.Index(fields=["owner", "-created_at"], name="assessment_owner_recent")]

    def __str__(self):
        return f"Assessment {self.id} ({self.result['triage']['level']})"
