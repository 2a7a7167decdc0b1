"""The red-flag criterion language: what each kind of criterion checks in an assessment.

Every `CriterionKind` has one rule in `RULES` (a test fails when a kind has none, so a new kind can never
silently not fire). A rule answers with one of three outcomes: the criterion holds, fails, or is unknown
because the assessment does not say (a symptom never asked about). The interview asks about unknown items;
an assessment decides without them, each kind saying whether an unknown counts as holding (an unknown
duration counts as recent, so a warning is not missed for want of a date) or not.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from conditions.vocabulary import CriterionKind

from .codes import LEG_REGIONS
from .items import Item, ItemKind
from .knowledge import Criterion
from .types import AssessmentInput, Sided, sides_of


class Outcome(StrEnum):
    """Whether a criterion (or a trigger) holds for an assessment, fails, or cannot be told yet."""

    HOLDS = "holds"
    FAILS = "fails"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Check:
    """What a rule found: its outcome, the items it cites, and the unasked items that could make it hold."""

    outcome: Outcome
    items: tuple[Item, ...] = ()
    open_items: tuple[Item, ...] = ()


HOLDS_BY_ABSENCE = Check(Outcome.HOLDS)  # true, with nothing found to cite
FAILS = Check(Outcome.FAILS)
UNKNOWN = Check(Outcome.UNKNOWN)


def found(items: Iterable[Item]) -> Check:
    """Holds when there is at least one item, citing them; otherwise unknown (more may be found)."""
    cited = tuple(sorted(set(items), key=str))
    return Check(Outcome.HOLDS, cited) if cited else UNKNOWN


def answered(item: Item, holds: bool | None, data: AssessmentInput) -> Check:
    """A yes/no item: holds, fails, or unknown when it was neither answered nor asked."""
    if holds is True:
        return Check(Outcome.HOLDS, (item,))
    if holds is False or item in data.asked:
        return FAILS
    return Check(Outcome.UNKNOWN, open_items=(item,))


Evaluate = Callable[[Criterion, AssessmentInput], Check]


@dataclass(frozen=True)
class Rule:
    """How one kind of criterion is checked, and whether an unknown counts as holding."""

    evaluate: Evaluate
    unknown_holds: bool = False
    needs_target: bool = False
    needs_number: bool = False

    def check(self, criterion: Criterion, data: AssessmentInput) -> Check:
        # A criterion still being written in the admin (no target, no number) never holds.
        if (self.needs_target and not criterion.target) or (self.needs_number and criterion.number is None):
            return FAILS
        return self.evaluate(criterion, data)

    def holds(self, check: Check) -> bool:
        """Whether the criterion counts as holding in an assessment, where nothing more will be asked."""
        return check.outcome == Outcome.HOLDS or (check.outcome == Outcome.UNKNOWN and self.unknown_holds)


def target(criterion: Criterion) -> str:
    return criterion.target or ""


def number(criterion: Criterion) -> int:
    return criterion.number or 0


def symptom_present(criterion: Criterion, data: AssessmentInput) -> Check:
    return answered(Item.symptom(target(criterion)), data.symptoms.get(target(criterion)), data)


def symptom_not_present(criterion: Criterion, data: AssessmentInput) -> Check:
    reported = data.symptoms.get(target(criterion))
    if reported is False:
        return HOLDS_BY_ABSENCE
    if reported is True:
        return FAILS
    return Check(Outcome.UNKNOWN, open_items=(Item.symptom(target(criterion)),))


def test_positive(criterion: Criterion, data: AssessmentInput) -> Check:
    result = data.tests.get(target(criterion))
    return answered(Item.test(target(criterion)), None if result is None else result == "positive", data)


test_positive.__test__ = False  # type: ignore[attr-defined]  # a rule, not a test for pytest to collect


def sensory_change_in_region(criterion: Criterion, data: AssessmentInput) -> Check:
    item = Item(ItemKind.SENSORY, target(criterion))
    return answered(item, any(f.region == item.code for f in data.sensory_changes) or None, data)


def pain_in_region(criterion: Criterion, data: AssessmentInput) -> Check:
    # The pain map is what the person drew: a region left out of it is not painful.
    items = [Item(ItemKind.PAIN_REGION, f.region) for f in data.pain_regions if f.region == criterion.target]
    return Check(Outcome.HOLDS, tuple(items[:1])) if items else FAILS


def weakness(criterion: Criterion, data: AssessmentInput) -> Check:
    if criterion.target:
        item = Item(ItemKind.WEAKNESS, criterion.target)
        return answered(item, any(f.action == criterion.target for f in data.weakness) or None, data)
    return found(Item(ItemKind.WEAKNESS, f.action) for f in data.weakness)


def both_sides(findings: Iterable[tuple[Item, Sided]]) -> Check:
    """Holds when the findings together cover the left and the right side; otherwise unknown."""
    findings = list(findings)
    if sides_of(f for _, f in findings) == ("left", "right"):
        return found(item for item, _ in findings)
    return UNKNOWN


def leg_findings(data: AssessmentInput) -> list[tuple[Item, Sided]]:
    """Pain, numbness or tingling in a leg below the hip."""
    items: list[tuple[Item, Sided]] = [
        (Item(ItemKind.PAIN_REGION, f.region), f) for f in data.pain_regions if f.region in LEG_REGIONS
    ]
    items += [(Item(ItemKind.SENSORY, f.region), f) for f in data.sensory_changes if f.region in LEG_REGIONS]
    return items


def weakness_bilateral(criterion: Criterion, data: AssessmentInput) -> Check:
    return both_sides((Item(ItemKind.WEAKNESS, f.action), f) for f in data.weakness)


def sensory_change_bilateral(criterion: Criterion, data: AssessmentInput) -> Check:
    return both_sides((Item(ItemKind.SENSORY, f.region), f) for f in data.sensory_changes)


def leg_symptoms_bilateral(criterion: Criterion, data: AssessmentInput) -> Check:
    return both_sides(leg_findings(data))


def leg_symptoms(criterion: Criterion, data: AssessmentInput) -> Check:
    return found([item for item, _ in leg_findings(data)] + [Item(ItemKind.WEAKNESS, f.action) for f in data.weakness])


def deficit_items(data: AssessmentInput) -> list[Item]:
    """Weakness and reduced or absent reflexes: the motor side of a neurological deficit."""
    return [Item(ItemKind.WEAKNESS, f.action) for f in data.weakness] + [
        Item(ItemKind.REFLEX, f.reflex) for f in data.reflexes if f.is_diminished
    ]


def neurological_deficit(criterion: Criterion, data: AssessmentInput) -> Check:
    return found([Item(ItemKind.SENSORY, f.region) for f in data.sensory_changes] + deficit_items(data))


def reflex_abnormal(criterion: Criterion, data: AssessmentInput) -> Check:
    examined = [f for f in data.reflexes if f.reflex == criterion.target]
    item = Item(ItemKind.REFLEX, target(criterion))
    return answered(item, any(f.is_diminished for f in examined) if examined else None, data)


def reflex_brisk(criterion: Criterion, data: AssessmentInput) -> Check:
    return found(
        Item(ItemKind.REFLEX, f.reflex)
        for f in data.reflexes
        if criterion.target in (None, f.reflex) and f.status == "brisk"
    )


def age_at_least(criterion: Criterion, data: AssessmentInput) -> Check:
    return Check(Outcome.HOLDS, (Item(ItemKind.AGE),)) if data.age >= number(criterion) else FAILS


def duration_at_least(criterion: Criterion, data: AssessmentInput) -> Check:
    if data.duration_days is None:
        return Check(Outcome.UNKNOWN, open_items=(Item(ItemKind.DURATION),))
    return Check(Outcome.HOLDS, (Item(ItemKind.DURATION),)) if data.duration_days >= number(criterion) else FAILS


def duration_at_most(criterion: Criterion, data: AssessmentInput) -> Check:
    if data.duration_days is None:
        # Unknown counts as recent (see RULES); the duration is what the trigger rests on, so it is cited.
        return Check(Outcome.UNKNOWN, (Item(ItemKind.DURATION),), open_items=(Item(ItemKind.DURATION),))
    return Check(Outcome.HOLDS, (Item(ItemKind.DURATION),)) if data.duration_days <= number(criterion) else FAILS


Kind = CriterionKind
RULES: Mapping[CriterionKind, Rule] = {
    Kind.SYMPTOM_PRESENT: Rule(symptom_present, needs_target=True),
    Kind.SYMPTOM_NOT_PRESENT: Rule(symptom_not_present, unknown_holds=True, needs_target=True),
    Kind.TEST_POSITIVE: Rule(test_positive, needs_target=True),
    Kind.SENSORY_CHANGE_IN_REGION: Rule(sensory_change_in_region, needs_target=True),
    Kind.PAIN_IN_REGION: Rule(pain_in_region, needs_target=True),
    Kind.WEAKNESS: Rule(weakness),
    Kind.WEAKNESS_BILATERAL: Rule(weakness_bilateral),
    Kind.SENSORY_CHANGE_BILATERAL: Rule(sensory_change_bilateral),
    Kind.LEG_SYMPTOMS_BILATERAL: Rule(leg_symptoms_bilateral),
    Kind.LEG_SYMPTOMS: Rule(leg_symptoms),
    Kind.NEUROLOGICAL_DEFICIT: Rule(neurological_deficit),
    Kind.REFLEX_ABNORMAL: Rule(reflex_abnormal, needs_target=True),
    Kind.REFLEX_BRISK: Rule(reflex_brisk),
    Kind.AGE_AT_LEAST: Rule(age_at_least, needs_number=True),
    Kind.DURATION_AT_LEAST: Rule(duration_at_least, needs_number=True),
    Kind.DURATION_AT_MOST: Rule(duration_at_most, unknown_holds=True, needs_number=True),
}


def check(criterion: Criterion, data: AssessmentInput) -> Check:
    return RULES[criterion.kind].check(criterion, data)
