"""Diagnostic evidence: how each symptom, test, age band, sex or duration shifts a condition's odds."""

from typing import ClassVar

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models

from conditions.vocabulary import ModifierKind, Provenance, Sex

from .base import Link, Source, choice_constraint, probability_constraint, provenance_constraints
from .conditions import Condition, proportion_validators
from .findings import ClinicalTest, Symptom


class DiagnosticAccuracy(Link):
    """How well a finding tells a condition apart: sensitivity and specificity or likelihood ratios, with provenance."""

    sensitivity = models.FloatField(
        null=True,
        blank=True,
        validators=proportion_validators("Sensitivity"),
        help_text="Proportion of people with the condition who have the finding (0 to 1).",
    )
    specificity = models.FloatField(
        null=True,
        blank=True,
        validators=proportion_validators("Specificity"),
        help_text="Proportion of people without the condition who do not have it (0 to 1).",
    )
    lr_positive = models.FloatField(
        null=True,
        blank=True,
        verbose_name="LR+",
        validators=[MinValueValidator(0, "A likelihood ratio cannot be negative.")],
        help_text="Positive likelihood ratio, when reported directly.",
    )
    lr_negative = models.FloatField(
        null=True,
        blank=True,
        verbose_name="LR-",
        validators=[MinValueValidator(0, "A likelihood ratio cannot be negative.")],
        help_text="Negative likelihood ratio, when reported directly.",
    )
    provenance = models.CharField(max_length=20, choices=Provenance.choices())
    source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The study the figures come from (required for study figures).",
    )
    rationale = models.CharField(
        max_length=300, blank=True, help_text="One line: why these figures, required for a curator estimate."
    )
    note = models.TextField(blank=True, help_text="Caveats, such as where studies disagree.")
    absent_counts_after_days = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="When a finding appears only some days into the illness (a shingles rash follows the pain by "
        "2 to 5 days): its absence counts only after this many days of symptoms. Blank: it always counts.",
    )
    sample_size = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="For a study figure: how many people the study (or the pooled studies) examined.",
    )
    confidence_interval = models.CharField(
        max_length=200,
        blank=True,
        help_text="For a study figure, where the paper gives it: for example 'LR+ 95% CI 7.4 to 19.5'.",
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        figures = (self.sensitivity, self.specificity, self.lr_positive, self.lr_negative)
        if all(figure is None for figure in figures):
            raise ValidationError("Give at least one figure: sensitivity, specificity, LR+ or LR-.")
        if self.provenance == Provenance.STUDY and not self.source_id:
            raise ValidationError({"source": "A figure from a study needs the study as its source."})
        if self.provenance == Provenance.CURATOR_ESTIMATE and not self.rationale.strip():
            raise ValidationError({"rationale": "A curator estimate needs a one-line rationale."})

    @classmethod
    def accuracy_constraints(cls, prefix: str) -> list[models.BaseConstraint]:
        has_figure = (
            models.Q(sensitivity__isnull=False)
            | models.Q(specificity__isnull=False)
            | models.Q(lr_positive__isnull=False)
            | models.Q(lr_negative__isnull=False)
        )
        return [
            probability_constraint("sensitivity", f"{prefix}_sensitivity_range"),
            probability_constraint("specificity", f"{prefix}_specificity_range"),
            models.CheckConstraint(
                condition=models.Q(lr_positive__isnull=True) | models.Q(lr_positive__gte=0),
                name=f"{prefix}_lr_positive_range",
            ),
            models.CheckConstraint(
                condition=models.Q(lr_negative__isnull=True) | models.Q(lr_negative__gte=0),
                name=f"{prefix}_lr_negative_range",
            ),
            models.CheckConstraint(condition=has_figure, name=f"{prefix}_has_figure"),
            *provenance_constraints(prefix),
            models.CheckConstraint(
                condition=~models.Q(provenance=Provenance.CURATOR_ESTIMATE.value)
                | (models.Q(sample_size__isnull=True) & models.Q(confidence_interval="")),
                name=f"{prefix}_estimate_has_no_study_figures",
            ),
        ]


class ConditionSymptom(DiagnosticAccuracy):
    """The diagnostic accuracy of a reported symptom for a condition."""

    natural_key_fields = ("condition", "symptom")

    condition = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="symptom_links")
    symptom = models.ForeignKey(Symptom, on_delete=models.CASCADE, related_name="condition_links")

    class Meta:
        ordering = ["condition__name", "symptom__name"]
        constraints = [
            models.UniqueConstraint(fields=["condition", "symptom"], name="conditionsymptom_unique"),
            *DiagnosticAccuracy.accuracy_constraints("conditionsymptom"),
        ]

    def __str__(self):
        return f"{self.condition.name} ← {self.symptom.name}"


class ConditionTest(DiagnosticAccuracy):
    """The diagnostic accuracy of an examination test for a condition."""

    natural_key_fields = ("condition", "test")

    condition = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="test_links")
    test = models.ForeignKey(ClinicalTest, on_delete=models.CASCADE, related_name="condition_links")

    class Meta:
        ordering = ["condition__name", "test__name"]
        constraints = [
            models.UniqueConstraint(fields=["condition", "test"], name="conditiontest_unique"),
            *DiagnosticAccuracy.accuracy_constraints("conditiontest"),
        ]

    def __str__(self):
        return f"{self.condition.name} ← {self.test.name}"


class ConditionModifierManager(models.Manager):
    """Finds a modifier by its condition's code and its own code."""

    def get_by_natural_key(self, condition_code, code):
        return self.get(condition__code=condition_code, code=code)


class ConditionModifier(Link):
    """How a condition's odds change with the person's age band or sex, or with how long symptoms have lasted.

    The engine multiplies the condition's prior odds by the likelihood ratio of every modifier the person
    matches, so the bands of one kind must not overlap (the admin and a fixture test check this).
    """

    Kind = ModifierKind

    natural_key_fields = ("condition",)

    condition = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="modifiers")
    code = models.SlugField(max_length=64, help_text="Unique within the condition, for example 'age-under-40'.")
    kind = models.CharField(max_length=10, choices=ModifierKind.choices())
    minimum = models.PositiveIntegerField(
        null=True, blank=True, help_text="Lowest age in years, or duration in days, of the band (inclusive)."
    )
    maximum = models.PositiveIntegerField(
        null=True, blank=True, help_text="Highest age in years, or duration in days, of the band (inclusive)."
    )
    sex = models.CharField(max_length=10, choices=Sex.choices(), blank=True, help_text="For a sex modifier only.")
    likelihood_ratio = models.FloatField(
        validators=[MinValueValidator(0.001, "A likelihood ratio is above 0; below 1 makes it less likely.")],
        help_text="Multiplies the prior odds for a person in this band: 2.0 doubles them, 0.1 divides them by ten.",
    )
    provenance = models.CharField(max_length=20, choices=Provenance.choices())
    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    rationale = models.CharField(
        max_length=300, blank=True, help_text="One line: why this figure, required for a curator estimate."
    )
    note = models.TextField(blank=True)

    objects: ClassVar[ConditionModifierManager] = ConditionModifierManager()

    class Meta:
        ordering = ["condition__name", "kind", "minimum", "code"]
        constraints = [
            models.UniqueConstraint(fields=["condition", "code"], name="conditionmodifier_unique"),
            choice_constraint("kind", ModifierKind, "conditionmodifier_kind_valid"),
            models.CheckConstraint(condition=models.Q(likelihood_ratio__gt=0), name="conditionmodifier_ratio_positive"),
            models.CheckConstraint(
                condition=~models.Q(kind=ModifierKind.SEX.value) | models.Q(sex__in=Sex.values()),
                name="conditionmodifier_sex_named",
            ),
            models.CheckConstraint(
                condition=models.Q(kind=ModifierKind.SEX.value) | models.Q(sex=""),
                name="conditionmodifier_sex_only_for_sex",
            ),
            models.CheckConstraint(
                condition=models.Q(kind=ModifierKind.SEX.value)
                | models.Q(minimum__isnull=False)
                | models.Q(maximum__isnull=False),
                name="conditionmodifier_band_bounded",
            ),
            models.CheckConstraint(
                condition=models.Q(minimum__isnull=True)
                | models.Q(maximum__isnull=True)
                | models.Q(minimum__lte=models.F("maximum")),
                name="conditionmodifier_band_ordered",
            ),
            *provenance_constraints("conditionmodifier"),
        ]

    def __str__(self):
        return f"{self.condition.name}: {self.describe()}"

    def natural_key(self):
        return (self.condition.code, self.code)

    natural_key.dependencies = ["conditions.condition"]  # type: ignore[attr-defined]  # read by Django's serializers

    def describe(self) -> str:
        """The band in words, for example 'age 40 to 64' or 'symptoms for 90 days or more'."""
        if self.kind == ModifierKind.SEX:
            return self.get_sex_display().lower()
        unit = "age" if self.kind == ModifierKind.AGE else "lasting (days)"
        if self.minimum is not None and self.maximum is not None:
            return f"{unit} {self.minimum} to {self.maximum}"
        if self.minimum is not None:
            return f"{unit} {self.minimum} or more"
        return f"{unit} up to {self.maximum}"

    def matches(self, *, age: int, sex: str | None, duration_days: int | None) -> bool:
        """Whether a person with this age, sex and duration falls in the band."""
        if self.kind == ModifierKind.SEX:
            return sex == self.sex
        value = age if self.kind == ModifierKind.AGE else duration_days
        if value is None:
            return False
        return (self.minimum is None or value >= self.minimum) and (self.maximum is None or value <= self.maximum)

    def clean(self):
        super().clean()
        if self.provenance == Provenance.CURATOR_ESTIMATE and not self.rationale.strip():
            raise ValidationError({"rationale": "A curator estimate needs a one-line rationale."})
        if self.provenance == Provenance.STUDY and not self.source_id:
            raise ValidationError({"source": "A figure from a study needs the study as its source."})
        if self.kind == ModifierKind.SEX and not self.sex:
            raise ValidationError({"sex": "Choose the sex this modifier applies to."})
        if self.kind != ModifierKind.SEX and self.minimum is None and self.maximum is None:
            raise ValidationError("Give the band's lowest or highest value (or both).")
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise ValidationError({"maximum": "The highest value must not be below the lowest."})
        if self.condition_id and self.kind != ModifierKind.SEX and self.overlapping().exists():
            raise ValidationError("This band overlaps another band of the same kind for this condition.")

    def overlapping(self):
        """Other bands of the same kind for the same condition that share a value with this one."""
        others = ConditionModifier.objects.filter(condition_id=self.condition_id, kind=self.kind).exclude(pk=self.pk)
        if self.maximum is not None:
            others = others.filter(models.Q(minimum__isnull=True) | models.Q(minimum__lte=self.maximum))
        if self.minimum is not None:
            others = others.filter(models.Q(maximum__isnull=True) | models.Q(maximum__gte=self.minimum))
        return others
