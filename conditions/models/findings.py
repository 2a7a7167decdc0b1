"""What a person reports (symptoms) and what an examiner finds (clinical tests)."""

from django.db import models

from conditions.vocabulary import TriageLevel

from .base import CitedEntity


def minimum_triage_field(help_text: str) -> models.CharField:
    """The least care a finding needs when present, whatever else is found (blank for none)."""
    return models.CharField(max_length=10, choices=TriageLevel.choices(), blank=True, help_text=help_text)


def evidence_group_field() -> models.SlugField:
    """Findings that measure the same thing share a group, so they are counted together, not multiplied."""
    return models.SlugField(
        max_length=64,
        blank=True,
        help_text="Findings that measure the same thing (the sciatic tension signs, the sacroiliac provocation "
        "tests) share a group code: the engine counts the strongest fully and the others of the group only "
        "in part, instead of multiplying them as if independent. Blank: independent.",
    )


def minimum_triage_constraint(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(minimum_triage="") | models.Q(minimum_triage__in=TriageLevel.values()), name=name
    )


class Symptom(CitedEntity):
    """Something a person reports, asked as a yes/no question."""

    question = models.CharField(
        max_length=300, blank=True, help_text="How an app asks about it, in plain words, as a yes/no question."
    )
    minimum_triage = minimum_triage_field(
        "The least care this symptom needs when reported, whatever else is found (for example weakness "
        "a person notices: routine). Blank for none."
    )
    evidence_group = evidence_group_field()

    class Meta(CitedEntity.Meta):
        constraints = [minimum_triage_constraint("symptom_minimum_triage_valid")]


class ClinicalTest(CitedEntity):
    """An examination manoeuvre or sign an examiner records as positive or negative."""

    how_to_perform = models.TextField(blank=True)
    positive_finding = models.TextField(blank=True, help_text="What counts as a positive result.")
    minimum_triage = minimum_triage_field(
        "The least care a positive result needs, whatever else is found (for example an upper motor "
        "neurone sign: urgent). Blank for none."
    )
    evidence_group = evidence_group_field()

    class Meta(CitedEntity.Meta):
        constraints = [minimum_triage_constraint("clinicaltest_minimum_triage_valid")]
