"""The knowledge version: one counter that moves whenever curated knowledge changes."""

from django.db import models


class KnowledgeVersion(models.Model):
    """The single row that names the current state of the knowledge, for ETags and assessment stamps."""

    number = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(pk=1), name="knowledgeversion_singleton")]

    def __str__(self):
        return f"knowledge v{self.number}"
