"""Safety first: the unasked items whose answer could raise the triage, asked before anything else.

An item is a safety item when a yes could raise the triage above what is known so far (or, for pregnancy and
breastfeeding, change which treatments are safe to offer):
- it completes a red-flag trigger more urgent than the answer, of a flag whose causes fit the person (their
  age, sex and pain map), alone or with other items still to ask (those that complete it alone come first);
- or a yes would set a floor above the answer by itself: a finding's own minimum level (pregnancy, a lump that
  will not go back), numbness where it hurts, or a cause made as likely as its `escalate_at` (dangerous) or
  its `leads_at` (the leading cause's care level), as the outlook estimates it.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from conditions.vocabulary import CriterionKind, ModifierKind, TriageLevel

from ..criteria import Outcome
from ..draft import Draft
from ..items import Item, ItemKind
from ..knowledge import DEFAULT_THRESHOLDS, ConditionFacts, Knowledge, Trigger
from ..messages import in_sentence, message
from ..red_flags import trigger_check
from ..types import AssessmentInput, Message
from .candidates import ABOUT_PREGNANCY, answered_yes, one_side
from .outlook import Outlook, figures_of

FITS = 0.25  # a cause whose age and sex modifiers multiply its odds by less than this does not fit the person
HALLMARK = 5.0  # a finding with at least this likelihood ratio for a dangerous cause is one of its hallmarks
# Criteria met by any numbness, or by any weakness: the interview asks about the painful regions, or the self-checks.
ANY_NUMBNESS = frozenset(
    {CriterionKind.NEUROLOGICAL_DEFICIT, CriterionKind.LEG_SYMPTOMS, CriterionKind.SENSORY_CHANGE_BILATERAL}
)
ANY_WEAKNESS = frozenset({CriterionKind.NEUROLOGICAL_DEFICIT, CriterionKind.WEAKNESS, CriterionKind.WEAKNESS_BILATERAL})


@dataclass(frozen=True)
class SafetyItem:
    """An unasked item that could raise the triage: to what level, whether alone or with others still to ask, why."""

    level: TriageLevel
    alone: bool
    why: Message

    def key(self) -> tuple[bool, int]:
        return self.alone, self.level.rank


def safety_items(
    draft: Draft, knowledge: Knowledge, candidates: list[Item], side: str, outlooks: Mapping[Item, Outlook]
) -> dict[Item, SafetyItem]:
    """Each unasked item whose answer could raise the triage, with the level it could raise it to."""
    found: dict[Item, SafetyItem] = {}

    def offer(item: Item, offered: SafetyItem) -> None:
        if item not in found or offered.key() > found[item].key():
            found[item] = offered

    for item, offered in trigger_items(draft, knowledge, candidates, side):
        offer(item, offered)
    for item, offered in hallmark_items(draft, knowledge, candidates):
        offer(item, offered)
    # Pregnancy and breastfeeding change which treatments are safe to offer, whatever the triage.
    advice = SafetyItem(draft.triage.level, True, message("why.safe_advice", {}))
    for item in candidates:
        if item.kind == ItemKind.SYMPTOM and item.code in ABOUT_PREGNANCY:
            offer(item, advice)
    level = draft.triage.level
    for item in candidates:
        raised = floor_if_yes(item, draft, knowledge, outlooks.get(item))
        if raised is not None and raised.level.rank > level.rank:
            offer(item, SafetyItem(raised.level, True, raised.why(knowledge)))
    return found


def trigger_items(
    draft: Draft, knowledge: Knowledge, candidates: list[Item], side: str
) -> list[tuple[Item, SafetyItem]]:
    """The items that could complete a red-flag trigger more urgent than the answer so far."""
    data, level = draft.data, draft.triage.level
    askable_items = set(candidates)
    painful = [Item(ItemKind.SENSORY, f.region) for f in data.pain_regions]
    self_checks = [item for item in candidates if item.kind == ItemKind.WEAKNESS]
    # A trigger that needs a symptom the person said no to (or was asked about and did not confirm) cannot fire.
    denied = {code for code, present in data.symptoms.items() if present is False}
    denied |= {
        code
        for item in data.asked
        if item.kind == ItemKind.SYMPTOM and (code := item.code) and data.symptoms.get(code) is not True
    }
    offered = []
    for flag in knowledge.red_flags:
        # A trigger's own criteria say the ages it concerns: its flag need only fit where the person hurts.
        if not any(hurts_where(knowledge.conditions[code], data) for code in flag.conditions):
            continue
        why = message("why.red_flag", {"flag": flag.code}, {"flag": in_sentence(flag.name)})
        for trigger in flag.triggers:
            if trigger.urgency.rank <= level.rank or trigger.needed_symptoms & denied:
                continue
            checked = trigger_check(trigger, data)
            if checked.outcome != Outcome.UNKNOWN:
                continue
            still = [item for item in checked.open_items if item in askable_items]
            if takes_any(trigger, ANY_NUMBNESS):
                still += [item for item in painful if item in askable_items and item not in still]
            if takes_any(trigger, ANY_WEAKNESS):
                still += [item for item in self_checks if item not in still]
            # Answered the way that matters, the items still to ask must make it fire: else asking is no use.
            if not still or not trigger_check(trigger, answered_yes(data, still, side)).fires:
                continue
            for item in still:
                # Alone, a numbness or weakness is on one side, even when it hurts on both (a yes on both sides
                # can still complete a trigger, with the rest). A lone item on one side was just checked so.
                alone = (len(still) == 1 and one_side(side) == side) or trigger_check(
                    trigger, answered_yes(data, [item], one_side(side))
                ).fires
                offered.append((item, SafetyItem(trigger.urgency, alone, why)))
    return offered


def takes_any(trigger: Trigger, kinds: frozenset[CriterionKind]) -> bool:
    return any(criterion.kind in kinds and criterion.target is None for criterion in trigger.criteria)


def hallmark_items(draft: Draft, knowledge: Knowledge, candidates: list[Item]) -> list[tuple[Item, SafetyItem]]:
    """The hallmarks of each dangerous cause above the answer that fits the person: with others, they could
    make it likely enough to raise the triage (a band-like rash, for shingles before it is suspected)."""
    askable_items = set(candidates)
    offered = []
    for cause in draft.causes:
        condition = knowledge.conditions[cause.code]
        if not condition.is_dangerous or condition.care_level.rank <= draft.triage.level.rank:
            continue
        if not fits_person(condition, draft.data):
            continue
        why = message("why.dangerous_cause", {"condition": cause.code}, {"condition": in_sentence(condition.name)})
        for item, accuracy in condition.evidence.items():
            if item in askable_items and (accuracy.likelihood_ratio(True) or 0.0) >= HALLMARK:
                offered.append((item, SafetyItem(condition.care_level, False, why)))
    return offered


@dataclass(frozen=True)
class Floor:
    """A floor a yes would set: its level, and the reason's message key and the condition it names (if any)."""

    level: TriageLevel
    key: str
    condition: str | None = None

    def why(self, knowledge: Knowledge) -> Message:
        if self.condition is None:
            return message(self.key, {})
        named = {"condition": in_sentence(knowledge.conditions[self.condition].name)}
        return message(self.key, {"condition": self.condition}, named)


def floor_if_yes(item: Item, draft: Draft, knowledge: Knowledge, outlook: Outlook | None) -> Floor | None:
    """The most urgent floor a yes would set by itself; None when it would set none."""
    floors: list[Floor] = []
    if (level := knowledge.minimum_triage.get(item)) is not None:
        floors.append(Floor(level, "why.see_clinician"))
    if item.kind == ItemKind.SENSORY and item.code in {f.region for f in draft.data.pain_regions}:
        floors.append(Floor(TriageLevel.ROUTINE, "why.see_clinician"))  # numbness where it hurts: an examination
    if outlook is not None:
        floors += cause_floors(outlook, knowledge)
    return max(floors, key=lambda floor: floor.level.rank, default=None)


def cause_floors(outlook: Outlook, knowledge: Knowledge) -> list[Floor]:
    """The floors the causes would set after a yes: a dangerous cause as likely as its threshold, or a leader."""
    floors = []
    lowest = figures_of(knowledge).lowest_escalate_at
    for code, probability in outlook.after_yes.items():
        if probability < lowest:
            continue  # too unlikely to reach any cause's threshold
        condition = knowledge.conditions[code]
        if condition.is_dangerous and probability >= min(
            condition.thresholds.escalate_at, DEFAULT_THRESHOLDS.escalate_at
        ):
            level = condition.care_level if probability >= condition.thresholds.escalate_at else TriageLevel.ROUTINE
            floors.append(Floor(level, "why.dangerous_cause", code))
    leader = max(outlook.after_yes, key=lambda code: outlook.after_yes[code], default=None)
    if leader is not None and outlook.after_yes[leader] >= knowledge.conditions[leader].thresholds.leads_at:
        floors.append(Floor(knowledge.conditions[leader].care_level, "why.leading_cause", leader))
    return floors


def hurts_where(condition: ConditionFacts, data: AssessmentInput) -> bool:
    """Whether a cause can hurt where the person hurts (or they drew no pain)."""
    return not data.pain_regions or bool({f.region for f in data.pain_regions} & set(condition.pain_regions))


def fits_person(condition: ConditionFacts, data: AssessmentInput) -> bool:
    """Whether a cause fits the person's pain map (it can hurt where they hurt), age and sex well enough for its
    warning signs to be asked."""
    if not hurts_where(condition, data):
        return False
    ratio = 1.0
    for modifier in condition.modifiers:
        if modifier.kind != ModifierKind.DURATION and modifier.value_for(data.age, data.sex, None) is not None:
            ratio *= modifier.likelihood_ratio
    return ratio >= FITS
