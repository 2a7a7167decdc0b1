"""Triage: the most urgent of every red flag that fires and the floors the findings set."""

from .knowledge import Criterion, Knowledge
from .localisation import sides_of
from .types import TRIAGE_LEVELS, AssessmentInput, ConditionResult, RedFlagHit, Triage

ADVICE = {
    "emergency": "Go to an emergency department now, or call an ambulance. Do not wait to see if it settles.",
    "urgent": "See a clinician today: contact your GP practice for an urgent appointment or call NHS 111.",
    "routine": "Book an appointment with a GP or physiotherapist for an examination in the next few weeks.",
    "self_care": (
        "This can usually be managed at home: keep active, use the advice and exercises below, and see a "
        "clinician if it is not improving after six weeks or if new symptoms appear."
    ),
}

LONG_STANDING_DAYS = 42  # six weeks: NICE NG59 advises reassessment when pain has not settled
LEADING_CAUSE_PROBABILITY = 0.4  # the leading cause, at least this probable, sets its usual care level
SERIOUS_LIKELY = 0.5  # any serious cause at least this probable does too, even without a red flag


def rank(level: str) -> int:
    return TRIAGE_LEVELS.index(level)


def red_flag_hits(data: AssessmentInput, knowledge: Knowledge) -> list[RedFlagHit]:
    """Every red flag with at least one trigger whose criteria all hold, at its most urgent trigger."""
    hits = []
    for flag in knowledge.red_flags:
        urgency, items = None, []
        for trigger in flag.triggers:
            if not trigger.criteria:
                continue  # a trigger still being written in the admin must not fire for everyone
            matched = [criterion_items(c, data) for c in trigger.criteria]
            if all(matched):
                urgency = max(urgency or trigger.urgency, trigger.urgency, key=rank)
                items += [item for group in matched for item in group]
        if urgency:
            hits.append(RedFlagHit(flag.code, flag.name, urgency, flag.action, tuple(sorted(set(items)))))
    return sorted(hits, key=lambda hit: (-rank(hit.urgency), hit.code))


def both_sides(items: list[tuple[str, object]]) -> list[str]:
    """The items, if together they cover the left and the right side; otherwise none."""
    return sorted({item for item, _ in items}) if sides_of(f for _, f in items) == ("left", "right") else []


def criterion_items(criterion: Criterion, data: AssessmentInput) -> list[str]:
    """The assessment items that satisfy a criterion; empty when it does not hold."""
    kind, target = criterion.kind, criterion.target
    if kind == "symptom_present":
        return [f"symptoms.{target}"] if data.symptoms.get(target) is True else []
    if kind == "test_positive":
        return [f"tests.{target}"] if data.tests.get(target) == "positive" else []
    if kind == "sensory_change_in_region":
        return [f"sensory_changes.{f.region}" for f in data.sensory_changes if f.region == target]
    if kind == "weakness":
        return [f"weakness.{f.action}" for f in data.weakness if target in (None, f.action)]
    if kind == "weakness_bilateral":
        return both_sides([(f"weakness.{f.action}", f) for f in data.weakness])
    if kind == "leg_symptoms_bilateral":
        leg = [(f"pain_regions.{f.region}", f) for f in data.pain_regions if f.region != "lower-back"]
        leg += [(f"sensory_changes.{f.region}", f) for f in data.sensory_changes if f.region != "lower-back"]
        return both_sides(leg)
    if kind == "reflex_abnormal":
        return [f"reflexes.{f.reflex}" for f in data.reflexes if f.reflex == target and f.is_diminished]
    if kind == "age_at_least":
        return ["age"] if data.age >= criterion.number else []
    return []


def finding_floors(data: AssessmentInput, conditions: list[ConditionResult], knowledge: Knowledge):
    """The minimum levels the findings set, each with its reason."""
    floors = []
    if data.weakness or any(f.is_diminished for f in data.reflexes):
        floors.append(("routine", "A weak muscle or reduced reflex needs a clinician's examination."))
    if data.sensory_changes:
        floors.append(("routine", "Numbness or tingling needs a clinician's examination."))
    if any(f.status == "brisk" for f in data.reflexes):
        floors.append(("urgent", "Brisk reflexes point to the spinal cord or brain rather than a nerve root."))
    if (data.duration_days or 0) >= LONG_STANDING_DAYS:
        floors.append(("routine", "Pain that has lasted six weeks or more should be reassessed."))
    leading = max(conditions, key=lambda c: c.probability, default=None)
    for condition in conditions:
        facts = knowledge.conditions[condition.code]
        serious = facts.category == "serious_pathology" and condition.probability >= SERIOUS_LIKELY
        if serious or (condition is leading and condition.probability >= LEADING_CAUSE_PROBABILITY):
            floors.append(
                (
                    facts.care_level,
                    f"The most likely cause, {condition.name}, usually needs this."
                    if not serious
                    else f"{condition.name} is likely and needs ruling out.",
                )
            )
    return floors


def triage(
    data: AssessmentInput, knowledge: Knowledge, conditions: list[ConditionResult], hits: list[RedFlagHit]
) -> Triage:
    candidates = [(hit.urgency, f"Red flag: {hit.name}.") for hit in hits]
    candidates += finding_floors(data, conditions, knowledge)
    level = max((level for level, _ in candidates), key=rank, default="self_care")
    reasons = tuple(reason for candidate, reason in candidates if candidate == level)
    return Triage(level, ADVICE[level], reasons, tuple(hits))
