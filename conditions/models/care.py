"""What helps: treatments and exercises, and how each suits or harms a condition."""

from django.db import models

from conditions.vocabulary import Difficulty, ExerciseKind, Recommendation, Suitability, TreatmentKind

from .base import CitedEntity, Link, Source, choice_constraint
from .conditions import Condition
from .findings import minimum_triage_constraint, minimum_triage_field


class Treatment(CitedEntity):
    """A treatment option, from self-care advice to surgery."""

    Kind = TreatmentKind

    kind = models.CharField(max_length=12, choices=TreatmentKind.choices())
    evidence_summary = models.TextField(
        blank=True, help_text="What the evidence and guidelines say about it overall, in plain words."
    )
    minimum_triage = minimum_triage_field(
        "The least urgent answer that may offer it: a prescription-only medicine needs a clinician (routine), an "
        "urgent referral a clinician today (urgent). A self-care answer leaves out what needs an appointment; a "
        "treatment that needs a clinician today or sooner raises the answer to its level. Blank: any answer."
    )
    conditions = models.ManyToManyField(Condition, through="ConditionTreatment", related_name="treatments")

    class Meta(CitedEntity.Meta):
        constraints = [
            choice_constraint("kind", TreatmentKind, "treatment_kind_valid"),
            minimum_triage_constraint("treatment_minimum_triage_valid"),
        ]


class Exercise(CitedEntity):
    """A home exercise with step-by-step instructions and a dosage."""

    Kind = ExerciseKind

    Difficulty = Difficulty

    kind = models.CharField(max_length=20, choices=ExerciseKind.choices())
    instructions = models.TextField(help_text="Step-by-step instructions, one step per line.")
    sets = models.PositiveSmallIntegerField(null=True, blank=True)
    repetitions = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Repetitions per set.")
    hold_seconds = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Hold time per repetition.")
    duration_minutes = models.PositiveSmallIntegerField(null=True, blank=True, help_text="For aerobic exercise.")
    frequency = models.CharField(max_length=100, help_text="How often, for example 'twice a day'.")
    difficulty = models.CharField(max_length=10, choices=Difficulty.choices())
    cautions = models.TextField(help_text="When to stop or not to do it.")
    conditions = models.ManyToManyField(Condition, through="ConditionExercise", related_name="exercises")

    class Meta(CitedEntity.Meta):
        constraints = [
            choice_constraint("kind", ExerciseKind, "exercise_kind_valid"),
            choice_constraint("difficulty", Difficulty, "exercise_difficulty_valid"),
            models.CheckConstraint(
                condition=models.Q(repetitions__isnull=False)
                | models.Q(hold_seconds__isnull=False)
                | models.Q(duration_minutes__isnull=False),
                name="exercise_has_dosage",
            ),
            models.CheckConstraint(condition=~models.Q(instructions=""), name="exercise_has_instructions"),
            models.CheckConstraint(condition=~models.Q(cautions=""), name="exercise_has_cautions"),
        ]

    @property
    def steps(self) -> list[str]:
        return [line.strip() for line in self.instructions.splitlines() if line.strip()]


class ConditionTreatment(Link):
    """Whether a treatment is recommended for a condition, with the evidence behind it."""

    Recommendation = Recommendation

    natural_key_fields = ("condition", "treatment")

    condition = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="treatment_links")
    treatment = models.ForeignKey(Treatment, on_delete=models.CASCADE, related_name="condition_links")
    recommendation = models.CharField(max_length=16, choices=Recommendation.choices())
    evidence_note = models.TextField(help_text="Why: the guideline or evidence behind the recommendation.")
    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    needs_neurological_deficit = models.BooleanField(
        default=False,
        help_text="Offer only when a neurological deficit is found (for example emergency decompression for a "
        "tumour, infection or fracture).",
    )

    class Meta:
        ordering = ["condition__name", "recommendation", "treatment__name"]
        constraints = [
            models.UniqueConstraint(fields=["condition", "treatment"], name="conditiontreatment_unique"),
            choice_constraint("recommendation", Recommendation, "conditiontreatment_recommendation_valid"),
        ]

    def __str__(self):
        return f"{self.treatment.name} for {self.condition.name}: {self.get_recommendation_display()}"


class ConditionExercise(Link):
    """Whether an exercise suits a condition or should be avoided with it."""

    Suitability = Suitability

    natural_key_fields = ("condition", "exercise")

    condition = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="exercise_links")
    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="condition_links")
    suitability = models.CharField(max_length=10, choices=Suitability.choices())
    reason = models.CharField(max_length=300)

    class Meta:
        ordering = ["condition__name", "suitability", "exercise__name"]
        constraints = [
            models.UniqueConstraint(fields=["condition", "exercise"], name="conditionexercise_unique"),
            choice_constraint("suitability", Suitability, "conditionexercise_suitability_valid"),
            models.CheckConstraint(condition=~models.Q(reason=""), name="conditionexercise_has_reason"),
        ]

    def __str__(self):
        return f"{self.exercise.name} for {self.condition.name}: {self.get_suitability_display()}"
