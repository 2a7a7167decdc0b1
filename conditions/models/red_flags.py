"""Red flags: warning signs, the curated triggers that fire them, and how urgent they are."""

from django.db import models
from simple_history.models import HistoricalRecords

from conditions.vocabulary import CriterionKind, TriageLevel

from .anatomy import BodyRegion, MuscleAction, Reflex
from .base import CitedEntity, Link, choice_constraint, curation_note_field, translation_status_field
from .conditions import Condition
from .findings import ClinicalTest, Symptom


def names_its_target(kind: str, field: str, name: str) -> models.CheckConstraint:
    """A database check that a trigger criterion of this kind names what it is about in `field`."""
    return models.CheckConstraint(condition=~models.Q(kind=kind) | models.Q(**{f"{field}__isnull": False}), name=name)


class RedFlag(CitedEntity):
    """A warning sign of serious pathology that sets a minimum triage level."""

    urgency = models.CharField(
        max_length=10,
        choices=TriageLevel.choices(),
        help_text="Its usual urgency: a trigger without an urgency of its own fires at this level.",
    )
    conditions = models.ManyToManyField(Condition, through="RedFlagCondition", related_name="red_flags")

    class Meta(CitedEntity.Meta):
        constraints = [choice_constraint("urgency", TriageLevel, "redflag_urgency_valid")]


class RedFlagCondition(Link):
    """A cause a red flag points to: when the flag fires, this cause must be considered (never a syndrome)."""

    natural_key_fields = ("red_flag", "condition")

    red_flag = models.ForeignKey(RedFlag, on_delete=models.CASCADE, related_name="condition_links")
    condition = models.ForeignKey(Condition, on_delete=models.PROTECT, related_name="red_flag_links")

    class Meta:
        ordering = ["red_flag__name", "condition__name"]
        constraints = [models.UniqueConstraint(fields=["red_flag", "condition"], name="redflagcondition_unique")]

    def __str__(self):
        return f"{self.red_flag.name} → {self.condition.name}"


class RedFlagTriggerManager(models.Manager):
    """Finds a trigger by its red flag's code and its own code."""

    def get_by_natural_key(self, red_flag_code, code):
        return self.get(red_flag__code=red_flag_code, code=code)


class RedFlagTrigger(models.Model):
    """One way a red flag fires: when every criterion without a group holds, and each group has enough."""

    red_flag = models.ForeignKey(RedFlag, on_delete=models.CASCADE, related_name="triggers")
    code = models.SlugField(max_length=64, help_text="Unique within the red flag, for example 'saddle-anaesthesia'.")
    description = models.CharField(max_length=300, help_text="The rule in words, as a clinician would state it.")
    urgency = models.CharField(
        max_length=10,
        choices=TriageLevel.choices(),
        blank=True,
        help_text="Leave blank to use the red flag's urgency; set it when this pattern is more (or less) urgent.",
    )
    group_minimum = models.PositiveSmallIntegerField(
        default=1,
        help_text="How many criteria of each group must hold: 1 for 'any of', 2 for 'two or more of'.",
    )
    action = models.TextField(
        help_text="What to do when this trigger fires, in words that match its urgency (an emergency trigger "
        "says to go to an emergency department now; a routine one, to book an appointment)."
    )
    curation_note = curation_note_field()
    translation_status = translation_status_field()

    objects = RedFlagTriggerManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["red_flag__name", "code"]
        constraints = [
            models.UniqueConstraint(fields=["red_flag", "code"], name="redflagtrigger_unique"),
            models.CheckConstraint(
                condition=models.Q(urgency="") | models.Q(urgency__in=TriageLevel.values()),
                name="redflagtrigger_urgency_valid",
            ),
            models.CheckConstraint(condition=models.Q(group_minimum__gte=1), name="redflagtrigger_group_minimum"),
            models.CheckConstraint(condition=~models.Q(action=""), name="redflagtrigger_has_action"),
        ]

    def __str__(self):
        return f"{self.red_flag.name}: {self.description}"

    def natural_key(self):
        return (self.red_flag.code, self.code)

    natural_key.dependencies = ["conditions.redflag"]  # type: ignore[attr-defined]  # read by Django's serializers


class TriggerCriterionManager(models.Manager):
    """Finds a criterion by its trigger's natural key and its position."""

    def get_by_natural_key(self, red_flag_code, trigger_code, position):
        return self.get(trigger__red_flag__code=red_flag_code, trigger__code=trigger_code, position=position)


class TriggerCriterion(models.Model):
    """A single test on an assessment's findings; a trigger needs all of its criteria."""

    Kind = CriterionKind

    trigger = models.ForeignKey(RedFlagTrigger, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveSmallIntegerField(default=1)
    kind = models.CharField(max_length=30, choices=CriterionKind.choices())
    symptom = models.ForeignKey(Symptom, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    test = models.ForeignKey(ClinicalTest, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    region = models.ForeignKey(BodyRegion, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    action = models.ForeignKey(
        MuscleAction,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="For weakness: the action, or blank for weakness of any action.",
    )
    reflex = models.ForeignKey(Reflex, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    number = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="For 'age at least': the age; for the duration kinds: the days."
    )
    group = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Criteria that share a group number are alternatives (any one, or the trigger's group minimum, "
        "suffices). Leave blank for a criterion that must hold on its own.",
    )

    objects = TriggerCriterionManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["trigger", "position"]
        verbose_name_plural = "trigger criteria"
        constraints = [
            models.UniqueConstraint(fields=["trigger", "position"], name="triggercriterion_unique"),
            choice_constraint("kind", CriterionKind, "triggercriterion_kind_valid"),
            names_its_target("symptom_present", "symptom", "triggercriterion_symptom_named"),
            names_its_target("test_positive", "test", "triggercriterion_test_named"),
            names_its_target("sensory_change_in_region", "region", "triggercriterion_region_named"),
            names_its_target("reflex_abnormal", "reflex", "triggercriterion_reflex_named"),
            models.CheckConstraint(
                condition=~models.Q(kind="age_at_least")
                | models.Q(number__isnull=False, number__gte=16, number__lte=120),
                name="triggercriterion_age_in_range",
            ),
            names_its_target("symptom_not_present", "symptom", "triggercriterion_absent_symptom_named"),
            names_its_target("pain_in_region", "region", "triggercriterion_pain_region_named"),
            models.CheckConstraint(
                condition=~models.Q(kind__in=["duration_at_least", "duration_at_most"])
                | models.Q(number__isnull=False),
                name="triggercriterion_duration_named",
            ),
        ]

    def __str__(self):
        target = self.symptom or self.test or self.region or self.action or self.reflex or self.number
        return f"{self.get_kind_display()}: {target}" if target else self.get_kind_display()

    def natural_key(self):
        return (*self.trigger.natural_key(), self.position)

    natural_key.dependencies = ["conditions.redflagtrigger"]  # type: ignore[attr-defined]  # read by Django's serializers
