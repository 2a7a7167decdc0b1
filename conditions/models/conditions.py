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


def threshold_field(help_text: str) -> models.FloatField:
    """A probability at which the engine acts on a condition; blank for the engine's default."""
    message = "A threshold is a probability above 0 and at most 1: enter 0.15 for 15%%."
    return models.FloatField(
        null=True,
        blank=True,
        validators=[MinValueValidator(0.001, message), MaxValueValidator(1, message)],
        help_text=help_text,
    )


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
    escalate_at = threshold_field(
        "For a cause whose care level is urgent or emergency: how likely it must be to raise the triage to that "
        "level, whether or not it leads (dangerous if missed). Blank: the engine's 0.15."
    )
    escalate_at_provenance = models.CharField(max_length=20, choices=Provenance.choices(), blank=True)
    escalate_at_source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.PROTECT, related_name="condition_escalations"
    )
    escalate_at_rationale = models.CharField(
        max_length=300, blank=True, help_text="One line: why this threshold, when it is a curator estimate."
    )
    leads_at = threshold_field(
        "How likely it must be, when it is the leading cause, to set the triage to its care level. Blank: the "
        "engine's 0.2."
    )
    guides_care_at = threshold_field(
        "How likely it must be for its treatments and exercises to be offered (the leading cause's always are). "
        "Blank: the engine's 0.3."
    )
    invasive_care_at = threshold_field(
        "How likely it must be for an injection or an operation for it to be mentioned (always as something to "
        "discuss with a specialist). Blank: the engine's 0.5."
    )
    confined_to_pain_map = models.BooleanField(
        default=False,
        help_text="Its pain is felt only in its own pain regions (a trapped nerve with a fixed skin territory, "
        "such as meralgia paraesthetica): pain only elsewhere nearly excludes it.",
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
            *[
                models.CheckConstraint(
                    condition=models.Q(**{f"{name}__isnull": True}) | models.Q(**{f"{name}__gt": 0, f"{name}__lte": 1}),
                    name=f"condition_{name}_range",
                )
                for name in ("escalate_at", "leads_at", "guides_care_at", "invasive_care_at")
            ],
            # A curated escalation threshold carries its provenance like every figure.
            models.CheckConstraint(
                condition=models.Q(escalate_at__isnull=True) | models.Q(escalate_at_provenance__in=Provenance.values()),
                name="condition_escalate_at_has_provenance",
            ),
            models.CheckConstraint(
                condition=~models.Q(escalate_at_provenance=Provenance.STUDY.value)
                | models.Q(escalate_at_source__isnull=False),
                name="condition_escalate_at_study_has_source",
            ),
            models.CheckConstraint(
                condition=~models.Q(escalate_at_provenance=Provenance.CURATOR_ESTIMATE.value)
                | ~models.Q(escalate_at_rationale=""),
                name="condition_escalate_at_estimate_has_rationale",
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
