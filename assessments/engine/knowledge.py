"""A read-only, in-memory snapshot of the published knowledge, as the engine reads it (build.py makes it)."""

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from conditions.vocabulary import (
    ConditionCategory,
    ConditionRole,
    Contribution,
    CriterionKind,
    ModifierKind,
    Provenance,
    Recommendation,
    Suitability,
    TreatmentKind,
    TriageLevel,
    Typicality,
)

from .items import Item, ItemKind

NEURAL_CATEGORIES = frozenset(
    {ConditionCategory.RADICULAR, ConditionCategory.NERVE_ENTRAPMENT, ConditionCategory.NEUROPATHY}
)

# Likelihood ratios are capped: a single finding can move the odds at most twentyfold,
# which also tames specificities of exactly 1 (LR+ reported as infinite).
MAX_LR = 20.0
MIN_LR = 1 / MAX_LR


@dataclass(frozen=True)
class Accuracy:
    """The diagnostic accuracy of a finding for a condition."""

    sensitivity: float | None
    specificity: float | None
    lr_positive: float | None
    lr_negative: float | None
    provenance: Provenance = Provenance.CURATOR_ESTIMATE
    absent_counts_after_days: int | None = None  # a finding that appears only some days in (a shingles rash)

    def likelihood_ratio(self, present: bool) -> float | None:
        """The ratio for a finding present (LR+) or absent (LR-), or None when it cannot be known."""
        sens, spec = self.sensitivity, self.specificity
        if present:
            if self.lr_positive is not None:
                ratio = self.lr_positive
            elif spec == 1:
                ratio = MAX_LR
            elif sens is not None and spec is not None:
                ratio = sens / (1 - spec)
            else:
                return None
        elif self.lr_negative is not None:
            ratio = self.lr_negative
        elif sens is not None and spec:
            ratio = (1 - sens) / spec
        else:
            return None
        return min(max(ratio, MIN_LR), MAX_LR)


@dataclass(frozen=True)
class Modifier:
    """How a condition's odds change for a person in an age band, of a sex, or with symptoms of a duration."""

    kind: ModifierKind
    minimum: int | None
    maximum: int | None
    sex: str
    likelihood_ratio: float
    provenance: Provenance

    def value_for(self, age: int, sex: str | None, duration_days: int | None) -> int | str | None:
        """The person's value this modifier looks at, if it applies to them; otherwise None."""
        if self.kind == ModifierKind.SEX:
            return sex if sex == self.sex else None
        value = age if self.kind == ModifierKind.AGE else duration_days
        if value is None or (self.minimum is not None and value < self.minimum):
            return None
        return value if self.maximum is None or value <= self.maximum else None


@dataclass(frozen=True)
class TreatmentLink:
    """A treatment for a condition: whether it is advised, why, and whether it needs a deficit."""

    recommendation: Recommendation
    reason: str
    needs_neurological_deficit: bool


@dataclass(frozen=True)
class ExerciseLink:
    """An exercise that suits a condition or is to be avoided with it, and why."""

    suitability: Suitability
    reason: str


@dataclass(frozen=True)
class Thresholds:
    """The probabilities at which the engine acts on a condition (curated per condition, these by default)."""

    escalate_at: float = 0.15  # an urgent or emergency cause this likely raises the triage to its care level
    leads_at: float = 0.2  # the leading cause this likely sets the triage to its care level
    guides_care_at: float = 0.3  # a cause this likely has its care offered (the leading one's always is)
    invasive_care_at: float = 0.5  # an injection or operation for it is mentioned only this likely


DEFAULT_THRESHOLDS = Thresholds()


@dataclass(frozen=True)
class ConditionFacts:
    """What the engine knows of one condition."""

    code: str
    name: str
    category: ConditionCategory
    role: ConditionRole
    upper_motor_neurone: bool
    prior: float
    care_level: TriageLevel
    roots: Mapping[str, Typicality]
    nerves: frozenset[str]
    pain_regions: Mapping[str, Typicality]
    evidence: Mapping[Item, Accuracy]  # by symptom or test
    modifiers: tuple[Modifier, ...]
    treatments: Mapping[str, TreatmentLink]
    exercises: Mapping[str, ExerciseLink]
    explained_by: tuple[str, ...]  # for a syndrome: the causes that explain it, through other syndromes too
    thresholds: Thresholds = DEFAULT_THRESHOLDS
    confined_to_pain_map: bool = False  # a fixed skin territory: pain only elsewhere nearly excludes it

    @property
    def is_syndrome(self) -> bool:
        return self.role == ConditionRole.SYNDROME

    @property
    def is_dangerous(self) -> bool:
        """Its care level is urgent or emergency: it must not be missed, so it can be one to rule out."""
        return self.care_level.rank >= TriageLevel.URGENT.rank


@dataclass(frozen=True)
class RootFacts:
    """A nerve root's dermatome, myotome and reflexes."""

    code: str
    name: str
    position: int
    dermatome: Mapping[str, Typicality]
    myotome: Mapping[str, Contribution]
    reflexes: Mapping[str, Contribution]


@dataclass(frozen=True)
class NerveFacts:
    """A peripheral nerve's roots, skin territory and motor actions."""

    code: str
    name: str
    roots: frozenset[str]
    sensory_regions: frozenset[str]
    motor_actions: frozenset[str]


@dataclass(frozen=True)
class Criterion:
    """One test a red-flag trigger applies to an assessment."""

    kind: CriterionKind
    target: str | None
    number: int | None
    group: int | None = None


@dataclass(frozen=True)
class Trigger:
    """A red-flag trigger: it fires when every lone criterion holds and each group has `group_minimum` that hold."""

    code: str
    description: str
    urgency: TriageLevel
    criteria: tuple[Criterion, ...]
    group_minimum: int = 1
    action: str = ""  # what to do when it fires, in words that match its urgency

    @cached_property
    def needed_symptoms(self) -> frozenset[str]:
        """The symptoms its lone criteria need reported: without every one of them it cannot fire."""
        return frozenset(
            c.target for c in self.criteria if c.kind == CriterionKind.SYMPTOM_PRESENT and c.group is None and c.target
        )


@dataclass(frozen=True)
class RedFlagFacts:
    """A red flag, its urgency, the causes it points to, and its triggers (each with what to do)."""

    code: str
    name: str
    urgency: TriageLevel
    conditions: tuple[str, ...]
    triggers: tuple[Trigger, ...]


@dataclass(frozen=True)
class ConditionIndex:
    """Which conditions each finding can move, and each category's conditions by prior.

    An assessment only has to weigh the conditions its findings touch: every other condition of a
    category moves by the same amount, so only the most probable few of them can rank.
    """

    by_evidence: Mapping[Item, tuple[str, ...]]
    by_region: Mapping[str, tuple[str, ...]]
    by_root: Mapping[str, tuple[str, ...]]
    by_nerve: Mapping[str, tuple[str, ...]]
    by_prior: Mapping[ConditionCategory, tuple[str, ...]]
    always: frozenset[str]  # causes that are always weighed: with modifiers, explaining a syndrome, or of the cord
    prior_total: float  # the sum of every cause's prior
    prior_by_category: Mapping[ConditionCategory, float]  # the sum of the causes' priors in each category
    syndromes: tuple[tuple[str, tuple[str, ...]], ...]  # each syndrome, by code, with the causes explaining it


@dataclass(frozen=True)
class Names:
    """The display names of the records a result cites, by kind and code."""

    symptoms: Mapping[str, str]
    tests: Mapping[str, str]
    regions: Mapping[str, str]
    treatments: Mapping[str, str]
    exercises: Mapping[str, str]
    actions: Mapping[str, str]
    reflexes: Mapping[str, str]

    def of(self, item: Item) -> str:
        """A symptom's, test's, region's or muscle action's display name; the item's own text when it has none."""
        table = {
            ItemKind.SYMPTOM: self.symptoms,
            ItemKind.TEST: self.tests,
            ItemKind.PAIN_REGION: self.regions,
            ItemKind.SENSORY: self.regions,
            ItemKind.WEAKNESS: self.actions,
            ItemKind.REFLEX: self.reflexes,
        }
        names = table.get(item.kind, {})
        return names.get(item.code or "", str(item))


@dataclass(frozen=True)
class Questions:
    """How the interview asks about each item: curated texts, by kind and code (no text: not asked)."""

    symptoms: Mapping[str, str]  # a yes or no question
    regions: Mapping[str, str]  # numbness or tingling in this region, on the painful side
    actions: Mapping[str, str]  # a self-check a person can do alone; its "no" means weak
    tests: Mapping[str, str]  # how an examiner performs it
    reflexes: Mapping[str, str]  # how an examiner elicits it

    def of(self, item: Item) -> str:
        table = {
            ItemKind.SYMPTOM: self.symptoms,
            ItemKind.SENSORY: self.regions,
            ItemKind.WEAKNESS: self.actions,
            ItemKind.TEST: self.tests,
            ItemKind.REFLEX: self.reflexes,
        }
        return table.get(item.kind, {}).get(item.code or "", "")


@dataclass(frozen=True)
class Knowledge:
    """The published knowledge at one version, as the engine reads it."""

    version: str
    codes: Mapping[str, frozenset[str]]  # the codes of each kind a request may name, by table name
    names: Names
    minimum_triage: Mapping[Item, TriageLevel]  # a symptom or test: the least care it needs when found
    evidence_groups: Mapping[Item, str]  # a symptom or test that measures what others of its group do
    questions: Questions
    treatment_needs: Mapping[str, TriageLevel]  # a treatment: the least urgent answer that may offer it
    treatment_kinds: Mapping[str, TreatmentKind]
    conditions: Mapping[str, ConditionFacts]
    roots: Mapping[str, RootFacts]
    nerves: Mapping[str, NerveFacts]
    red_flags: tuple[RedFlagFacts, ...]
    index: ConditionIndex
    language: str = "en"  # the language of its names and texts, and of the sentences written from them
