"""The knowledge version: one counter that moves whenever curated knowledge changes."""

from django.db import models
from simple_history.models import HistoricalRecords


class KnowledgeVersion(models.Model):
    """The single row that names the current state of the knowledge, for ETags and assessment stamps."""

    number = models.PositiveBigIntegerField(default=0)
    token = models.CharField(
        max_length=16, blank=True, help_text="Random on every change, so a version never repeats across databases."
    )
    changed_at = models.DateTimeField(auto_now=True)

    # Each bump is kept, so the published state at any version can be rebuilt from the history.
    history = HistoricalRecords()

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(pk=1), name="knowledgeversion_singleton")]

    def __str__(self):
        return f"knowledge v{self.label}"

    @property
    def label(self) -> str:
        return f"{self.number}.{self.token}" if self.token else str(self.number)


class LoadedFixtureRecord(models.Model):
    """What the last knowledge load put into one record, so a later load can tell curated values from its own."""

    model = models.CharField(max_length=100, help_text="The record's model, as app_label.ModelName.")
    natural_key = models.CharField(max_length=400, help_text="The record's natural key, as JSON.")
    state = models.JSONField(help_text="The record's fields as the fixtures gave them at the last load.")
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["model", "natural_key"], name="loadedfixturerecord_unique"),
        ]

    def __str__(self):
        return f"{self.model} {self.natural_key}"
