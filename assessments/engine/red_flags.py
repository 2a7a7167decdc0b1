"""Which red flags fire: each flag's curated triggers, checked with the criterion language (criteria.py)."""

from dataclasses import dataclass, replace

from .codes import SADDLE_REGION, SADDLE_SYMPTOM
from .criteria import RULES, Check, Outcome, check
from .draft import Draft, Flagged
from .items import Item
from .knowledge import Knowledge, Trigger
from .types import AssessmentInput, RedFlagHit


@dataclass(frozen=True)
class TriggerCheck:
    """A trigger checked against an assessment: whether it fires, could still fire, and on what items."""

    outcome: Outcome
    items: tuple[Item, ...]  # what it fires on
    open_items: tuple[Item, ...]  # unasked items that could make it fire

    @property
    def fires(self) -> bool:
        return self.outcome == Outcome.HOLDS


def trigger_check(trigger: Trigger, data: AssessmentInput) -> TriggerCheck:
    """Check a trigger: every criterion without a group must hold, and each group needs its minimum.

    Criteria sharing a group are alternatives, of which at least the trigger's group minimum must hold
    (one for "any of", two for "two or more of"). It fires when that holds with every unknown taken as
    its kind says; it cannot fire when even every unknown answered the right way would not do.
    """
    if not trigger.criteria:
        return TriggerCheck(Outcome.FAILS, (), ())  # a trigger still being written must not fire for everyone
    items: list[Item] = []
    open_items: list[Item] = []
    fires = possible = True
    groups: dict[int, list[tuple[Check, bool]]] = {}
    for criterion in trigger.criteria:
        found = check(criterion, data)
        holds = RULES[criterion.kind].holds(found)
        if criterion.group is not None:
            groups.setdefault(criterion.group, []).append((found, holds))
            continue
        fires &= holds
        possible &= found.outcome != Outcome.FAILS
        items += found.items
        open_items += found.open_items if not holds else ()
    for alternatives in groups.values():
        needed = min(trigger.group_minimum, len(alternatives))
        held = [found for found, holds in alternatives if holds]
        fires &= len(held) >= needed
        possible &= sum(found.outcome != Outcome.FAILS for found, _ in alternatives) >= needed
        items += [item for found in held for item in found.items]
        open_items += [item for found, holds in alternatives if not holds for item in found.open_items]
    outcome = Outcome.HOLDS if fires else Outcome.UNKNOWN if possible else Outcome.FAILS
    return TriggerCheck(outcome, tuple(items), tuple(dict.fromkeys(open_items)))


def red_flag_hits(data: AssessmentInput, knowledge: Knowledge) -> tuple[RedFlagHit, ...]:
    """Each red flag with a trigger that fires, at its most urgent trigger and in its words; most urgent first."""
    hits = []
    reported = {code for code, present in data.symptoms.items() if present is True}
    for flag in knowledge.red_flags:
        fired: Trigger | None = None
        items: list[Item] = []
        for trigger in flag.triggers:
            if not trigger.needed_symptoms <= reported:
                continue  # a symptom it needs was not reported, so it cannot fire: no need to check the rest
            checked = trigger_check(trigger, data)
            if checked.fires:
                if fired is None or trigger.urgency.rank > fired.urgency.rank:
                    fired = trigger
                items += checked.items
        if fired:
            triggered_by = tuple(sorted({str(item) for item in items}))
            hits.append(RedFlagHit(flag.code, flag.name, fired.urgency, fired.code, fired.action, triggered_by))
    return tuple(sorted(hits, key=lambda hit: (-hit.urgency.rank, hit.code)))


def select(draft: Draft, knowledge: Knowledge) -> Draft:
    """Stage: read the body map's signs, then select the red flags that fire and the causes they point to."""
    data = with_body_map_signs(draft.data)
    hits = red_flag_hits(data, knowledge)
    pointed = {flag.code: flag.conditions for flag in knowledge.red_flags}
    flagged: dict[str, Flagged] = {}
    for hit in hits:  # most urgent first
        for code in pointed[hit.code]:
            condition = knowledge.conditions.get(code)
            if condition is None or condition.is_syndrome:
                continue  # a flag points to causes; a syndrome is never one
            earlier = flagged.get(code)
            flagged[code] = (
                Flagged(earlier.urgency, (*earlier.flags, hit.code)) if earlier else Flagged(hit.urgency, (hit.code,))
            )
    return replace(draft, data=data, hits=hits, flagged=flagged)


def with_body_map_signs(data: AssessmentInput) -> AssessmentInput:
    """Numbness or tingling marked on the perineum is saddle anaesthesia, wherever the symptom counts."""
    if data.symptoms.get(SADDLE_SYMPTOM) is True or not any(f.region == SADDLE_REGION for f in data.sensory_changes):
        return data
    return replace(data, symptoms={**data.symptoms, SADDLE_SYMPTOM: True})
