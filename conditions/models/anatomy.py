"""Anatomy: body regions, muscle actions, reflexes, nerve roots and peripheral nerves."""

from django.db import models

from conditions.vocabulary import Contribution, Segment, Typicality

from .base import CitedEntity, Link, choice_constraint


class BodyRegion(CitedEntity):
    """A region of the body map where a person can report pain or altered sensation."""

    position = models.PositiveSmallIntegerField(
        default=0, help_text="Order on the body map, from the lower back down to the foot."
    )
    sensory_question = models.CharField(
        max_length=300,
        blank=True,
        help_text="How the interview asks a person about numbness or tingling here, in plain words (a yes or no "
        "question about this region of the painful side).",
    )

    class Meta(CitedEntity.Meta):
        ordering = ["position", "code"]


class MuscleAction(CitedEntity):
    """A movement an examiner tests for weakness, such as knee extension."""

    muscles = models.CharField(max_length=200, blank=True, help_text="The main muscles that perform it.")
    how_to_test = models.TextField(blank=True, help_text="How to test its strength at the bedside.")
    self_check = models.CharField(
        max_length=300,
        blank=True,
        help_text="How a person tests it alone, as the interview asks it: an instruction ending in a yes or no "
        "question whose 'no' means weak. Blank when a person cannot test it alone.",
    )


class Reflex(CitedEntity):
    """A deep tendon or superficial reflex tested in the lower limb or saddle area."""

    how_to_elicit = models.TextField(blank=True)

    class Meta(CitedEntity.Meta):
        verbose_name_plural = "reflexes"


class NerveRoot(CitedEntity):
    """A spinal nerve root from T12 to S5, with its dermatome, myotome and reflexes."""

    segment = models.CharField(max_length=10, choices=Segment.choices())
    position = models.PositiveSmallIntegerField(unique=True, help_text="Order down the spine: T12 first, S5 last.")
    key_sensory_point = models.CharField(
        max_length=200, blank=True, help_text="The ISNCSCI key sensory point for this dermatome."
    )
    key_point_view = models.ForeignKey(
        "BodyMapView",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The body-map view on which the key sensory point is marked.",
    )
    key_point_x = models.FloatField(
        null=True, blank=True, help_text="Where the key sensory point is drawn on the person's right side, across."
    )
    key_point_y = models.FloatField(null=True, blank=True, help_text="… and down. The left side is its mirror image.")
    dermatome = models.ManyToManyField(BodyRegion, through="Dermatome", related_name="dermatome_roots")
    myotome = models.ManyToManyField(MuscleAction, through="Myotome", related_name="roots")
    reflexes = models.ManyToManyField(Reflex, through="ReflexRoot", related_name="roots")

    class Meta(CitedEntity.Meta):
        ordering = ["position"]
        constraints = [
            choice_constraint("segment", Segment, "nerveroot_segment_valid"),
            models.CheckConstraint(
                condition=models.Q(key_point_view__isnull=True, key_point_x__isnull=True, key_point_y__isnull=True)
                | models.Q(key_point_view__isnull=False, key_point_x__isnull=False, key_point_y__isnull=False),
                name="nerveroot_key_point_complete",
            ),
        ]


class Dermatome(Link):
    """A body region within a root's dermatome, and how consistently maps place it there."""

    natural_key_fields = ("root", "region")

    root = models.ForeignKey(NerveRoot, on_delete=models.CASCADE, related_name="dermatome_links")
    region = models.ForeignKey(BodyRegion, on_delete=models.CASCADE, related_name="dermatome_links")
    typicality = models.CharField(
        max_length=10,
        choices=Typicality.choices(),
        help_text="Typical: on most dermatome maps. Variable: only on some maps; the note says which.",
    )
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["root__position", "region__position"]
        constraints = [
            models.UniqueConstraint(fields=["root", "region"], name="dermatome_unique"),
            choice_constraint("typicality", Typicality, "dermatome_typicality_valid"),
        ]

    def __str__(self):
        return f"{self.root.code} → {self.region.name}"


class Myotome(Link):
    """A muscle action served by a root; the ISNCSCI key muscle of the root is flagged."""

    natural_key_fields = ("root", "action")

    root = models.ForeignKey(NerveRoot, on_delete=models.CASCADE, related_name="myotome_links")
    action = models.ForeignKey(MuscleAction, on_delete=models.CASCADE, related_name="myotome_links")
    contribution = models.CharField(max_length=12, choices=Contribution.choices())
    is_key_muscle = models.BooleanField(
        default=False, help_text="The ISNCSCI key muscle used to grade this root's motor level."
    )
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["root__position", "action__name"]
        constraints = [
            models.UniqueConstraint(fields=["root", "action"], name="myotome_unique"),
            choice_constraint("contribution", Contribution, "myotome_contribution_valid"),
            models.CheckConstraint(
                condition=models.Q(is_key_muscle=False) | models.Q(contribution=Contribution.PRINCIPAL.value),
                name="myotome_key_muscle_is_principal",
            ),
        ]

    def __str__(self):
        return f"{self.root.code} → {self.action.name}"


class ReflexRoot(Link):
    """A root that carries a reflex arc."""

    natural_key_fields = ("root", "reflex")

    root = models.ForeignKey(NerveRoot, on_delete=models.CASCADE, related_name="reflex_links")
    reflex = models.ForeignKey(Reflex, on_delete=models.CASCADE, related_name="root_links")
    contribution = models.CharField(max_length=12, choices=Contribution.choices())
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["root__position", "reflex__name"]
        constraints = [
            models.UniqueConstraint(fields=["root", "reflex"], name="reflexroot_unique"),
            choice_constraint("contribution", Contribution, "reflexroot_contribution_valid"),
        ]

    def __str__(self):
        return f"{self.root.code} → {self.reflex.name}"


class Nerve(CitedEntity):
    """A peripheral nerve of the hip, thigh or leg, with its roots, territory and branches."""

    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="branches",
        help_text="The nerve this one branches from, if any (the saphenous nerve from the femoral).",
    )
    motor_note = models.CharField(
        max_length=300, blank=True, help_text="Motor supply not captured by the muscle actions list."
    )
    roots = models.ManyToManyField(NerveRoot, through="NerveRootOrigin", related_name="nerves")
    sensory_regions = models.ManyToManyField(BodyRegion, through="NerveSensoryRegion", related_name="nerves")
    motor_actions = models.ManyToManyField(MuscleAction, through="NerveMotorAction", related_name="nerves")

    class Meta(CitedEntity.Meta):
        constraints = [
            models.CheckConstraint(condition=~models.Q(parent=models.F("pk")), name="nerve_not_its_own_branch"),
        ]


class NerveRootOrigin(Link):
    """A root that contributes fibres to a peripheral nerve."""

    natural_key_fields = ("nerve", "root")

    nerve = models.ForeignKey(Nerve, on_delete=models.CASCADE, related_name="root_links")
    root = models.ForeignKey(NerveRoot, on_delete=models.CASCADE, related_name="nerve_links")

    class Meta:
        ordering = ["nerve__name", "root__position"]
        constraints = [models.UniqueConstraint(fields=["nerve", "root"], name="nerverootorigin_unique")]

    def __str__(self):
        return f"{self.nerve.name} ← {self.root.code}"


class NerveSensoryRegion(Link):
    """A body region whose skin a nerve supplies."""

    natural_key_fields = ("nerve", "region")

    nerve = models.ForeignKey(Nerve, on_delete=models.CASCADE, related_name="sensory_links")
    region = models.ForeignKey(BodyRegion, on_delete=models.CASCADE, related_name="nerve_links")
    note = models.CharField(max_length=300, blank=True, help_text="Which part of the region, if not all of it.")

    class Meta:
        ordering = ["nerve__name", "region__position"]
        constraints = [models.UniqueConstraint(fields=["nerve", "region"], name="nervesensoryregion_unique")]

    def __str__(self):
        return f"{self.nerve.name} → {self.region.name}"


class NerveMotorAction(Link):
    """A muscle action a nerve drives."""

    natural_key_fields = ("nerve", "action")

    nerve = models.ForeignKey(Nerve, on_delete=models.CASCADE, related_name="motor_links")
    action = models.ForeignKey(MuscleAction, on_delete=models.CASCADE, related_name="nerve_links")
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["nerve__name", "action__name"]
        constraints = [models.UniqueConstraint(fields=["nerve", "action"], name="nervemotoraction_unique")]

    def __str__(self):
        return f"{self.nerve.name} → {self.action.name}"
