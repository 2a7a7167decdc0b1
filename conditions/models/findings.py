"""What a person reports (symptoms) and what an examiner finds (clinical tests)."""

from django.db import models

from .base import CitedEntity


class Symptom(CitedEntity):
    """Something a person reports, asked as a yes/no question."""

    question = models.CharField(
        max_length=300, blank=True, help_text="How an app asks about it, in plain words, as a yes/no question."
    )


class ClinicalTest(CitedEntity):
    """An examination manoeuvre or sign an examiner records as positive or negative."""

    how_to_perform = models.TextField(blank=True)
    positive_finding = models.TextField(blank=True, help_text="What counts as a positive result.")
