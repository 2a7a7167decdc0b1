"""Conditions and their links: roots, nerves, pain regions and related conditions (evidence: evidence.py)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from conditions.vocabulary import (
    ConditionCategory,
    ConditionRole,
    Provenance,
    RelationKind,
    TriageLevel,
    Typicality,
)

from .anatomy import BodyRegion, Nerve, NerveRoot
from .base import CitedEntity, Link, Source, choice_constraint, provenance_constraints
from .findings import ClinicalTest, Symptom


def proportion_validators(label: str) -> list:
    message = f"{label} is a proportion between 0 and 1: enter 0.83 for 83%%."
    return [MinValueValidator(0, message), MaxValueValidator(1, message)]


class Condition(CitedEntity):
    """A cause of pain in the hip, groin or thigh, with its prior and what points to it."""

    Category = ConditionCategory

    category = models.CharField(max_length=20, choices=ConditionCategory.choices())
    icd10_codes = models.JSONField(
        default=list, blank=True, help_text='ICD-10-CM codes, as a list, for example ["M54.16", "M54.17"].'
    )
    synonyms = models.JSONField(default=list, blank=True, help_text="Other names patients or clinicians use.")
    prior = models.FloatField(
        validators=[
            MinValueValidator(0.0001, "A prior is a proportion above 0: enter 0.04 for 4%%, 0.0004 for 0.04%%."),
            MaxValueValidator(0.99, "A prior is a proportion below 1: enter 0.25 for 25%%."),
        ],
        help_text="How common this cause is among people presenting with back-related hip or thigh pain "
        "(a proportion above 0 and below 1).",
    )
    prior_provenance = models.CharField(max_length=20, choices=Provenance.choices())
    prior_source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.PROTECT, related_name="condition_priors"
    )
    prior_rationale = models.CharField(
        max_length=300, blank=True, help_text="One line: why this figure, when it is a curator estimate."
    )
    role = models.CharField(
        max_length=10,
        choices=ConditionRole.choices(),
        default=ConditionRole.CAUSE.value,
        help_text="A cause competes with the other causes; a syndrome (sciatica, radiculopathy) is a pattern that "
        "the conditions which cause it explain, and is as likely as they are together.",
    )
    upper_motor_neurone = models.BooleanField(
        default=False,
        help_text="Its weakness is of the upper motor neurone (brisk reflexes, Babinski): the cord, not a root.",
    )
    care_level = models.CharField(
        max_length=10,
        choices=TriageLevel.choices(),
        default=TriageLevel.ROUTINE.value,
        help_text="The care this condition usually needs when it is the likely cause and no red flag fires.",
    )
    nerve_roots = models.ManyToManyField(NerveRoot, through="ConditionNerveRoot", related_name="conditions")
    nerves = models.ManyToManyField(Nerve, through="ConditionNerve", related_name="conditions")
    pain_regions = models.ManyToManyField(BodyRegion, through="ConditionPainRegion", related_name="conditions")
    symptoms = models.ManyToManyField(Symptom, through="ConditionSymptom", related_name="conditions")
    tests = models.ManyToManyField(ClinicalTest, through="ConditionTest", related_name="conditions")
    related = models.ManyToManyField(
        "self", through="ConditionRelation", symmetrical=False, related_name="related_from"
    )

    class Meta(CitedEntity.Meta):
        constraints = [
            choice_constraint("category", ConditionCategory, "condition_category_valid"),
            choice_constraint("care_level", TriageLevel, "condition_care_level_valid"),
            choice_constraint("role", ConditionRole, "condition_role_valid"),
            models.CheckConstraint(condition=models.Q(prior__gt=0, prior__lt=1), name="condition_prior_range"),
            *provenance_constraints(
                "condition_prior",
                source="prior_source",
                rationale="prior_rationale",
                provenance="prior_provenance",
            ),
        ]


class ConditionNerveRoot(Link):
    """A root that a condition involves."""

    natural_key_fields = ("condition", "root")

    condition = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="root_links")
    root = models.ForeignKey(NerveRoot, on_delete=models.CASCADE, related_name="condition_links")
    typicality = models.CharField(
        max_length=10,
        choices=Typicality.choices(),
        default=Typicality.TYPICAL.value,
        help_text="Typical: the usual level. Variable: involved less often.",
    )
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["condition__name", "root__position"]
        constraints = [
            models.UniqueConstraint(fields=["condition", "root"], name="conditionnerveroot_unique"),
            choice_constraint("typicality", Typicality, "conditionnerveroot_typicality_valid"),
        ]

    def __str__(self):
        return f"{self.condition.name} → {self.root.code}"


class ConditionNerve(Link):
    """A peripheral nerve that a condition involves."""

    natural_key_fields = ("condition", "nerve")

    condition = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="nerve_links")
    nerve = models.ForeignKey(Nerve, on_delete=models.CASCADE, related_name="condition_links")
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["condition__name", "nerve__name"]
        constraints = [models.UniqueConstraint(fields=["condition", "nerve"], name="conditionnerve_unique")]

    def __str__(self):
        return f"{self.condition.name} → {self.nerve.name}"


class ConditionPainRegion(Link):
    """A region where a condition's pain is felt, and how typical that is."""

    natural_key_fields = ("condition", "region")

    condition = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="region_links")
    region = models.ForeignKey(BodyRegion, on_delete=models.CASCADE, related_name="condition_links")
    typicality = models.CharField(max_length=10, choices=Typicality.choices(), default=Typicality.TYPICAL.value)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["condition__name", "region__position"]
        constraints = [
            models.UniqueConstraint(fields=["condition", "region"], name="conditionpainregion_unique"),
            choice_constraint("typicality", Typicality, "conditionpainregion_typicality_valid"),
        ]

    def __str__(self):
        return f"{self.condition.name} → {self.region.name}"


class ConditionRelation(Link):
    """How one condition relates to another: it causes it, may cause it, or is a differential of it."""

    Kind = RelationKind

    natural_key_fields = ("from_condition", "to_condition")

    from_condition = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="relations_out")
    to_condition = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="relations_in")
    kind = models.CharField(max_length=16, choices=RelationKind.choices())
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["from_condition__name", "kind", "to_condition__name"]
        constraints = [
            models.UniqueConstraint(fields=["from_condition", "to_condition"], name="conditionrelation_unique"),
            choice_constraint("kind", RelationKind, "conditionrelation_kind_valid"),
            models.CheckConstraint(
                condition=~models.Q(from_condition=models.F("to_condition")), name="conditionrelation_not_self"
            ),
        ]

    def __str__(self):
        return f"{self.from_condition.name} {self.get_kind_display().lower()} {self.to_condition.name}"
