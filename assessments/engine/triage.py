"""Triage: the most urgent of every red flag that fires and the floors the findings set."""

from collections.abc import Sequence

from conditions.vocabulary import ConditionCategory, CriterionKind, TriageLevel

from .knowledge import Criterion, Knowledge, Trigger
from .localisation import sides_of
from .types import AssessmentInput, ConditionResult, RedFlagHit, Sided, Triage

ADVICE = {
    TriageLevel.EMERGENCY: "Go to an emergency department now, or call an ambulance. Do not wait to see if it settles.",
    TriageLevel.URGENT: "See a clinician today: contact your GP practice for an urgent appointment or call NHS 111.",
    TriageLevel.ROUTINE: "Book an appointment with a GP or physiotherapist for an examination in the next few weeks.",
    TriageLevel.SELF_CARE: (
        "This can usually be managed at home: keep active, use the advice and exercises below, and see a "
        "clinician if it is not improving after six weeks or if new symptoms appear."
    ),
}

LONG_STANDING_DAYS = 42  # six weeks: NICE NG59 advises reassessment when pain has not settled
LEADING_CAUSE_PROBABILITY = 0.5  # the leading cause sets its usual care level only when this sure of it
SERIOUS_LIKELY = 0.3  # a serious cause this probable sets its care level, even without a red flag
NOTHING_FOUND = ""  # a criterion that holds by an absence: true, but no item to cite
# The leg below the hip: buttock, groin, sacroiliac area and trunk pain say nothing about the legs' nerves.
LEG_REGIONS = frozenset(
    {
        "thigh-anterior",
        "thigh-medial",
        "thigh-lateral",
        "thigh-posterior",
        "knee-anterior",
        "knee-medial",
        "knee-posterior",
        "leg-lateral",
        "leg-medial",
        "calf",
        "foot-dorsum",
        "big-toe",
        "foot-lateral",
        "sole",
    }
)


def rank(level: TriageLevel) -> int:
    return level.rank


def red_flag_hits(data: AssessmentInput, knowledge: Knowledge) -> list[RedFlagHit]:
    """Every red flag with at least one trigger that fires, at its most urgent trigger."""
    hits = []
    for flag in knowledge.red_flags:
        urgency: TriageLevel | None = None
        items: list[str] = []
        for trigger in flag.triggers:
            matched = trigger_items(trigger, data)
            if matched is not None:
                urgency = max(urgency or trigger.urgency, trigger.urgency, key=rank)
                items += matched
        if urgency:
            hits.append(RedFlagHit(flag.code, flag.name, urgency, flag.action, tuple(sorted(set(items)))))
    return sorted(hits, key=lambda hit: (-rank(hit.urgency), hit.code))


def trigger_items(trigger: Trigger, data: AssessmentInput) -> list[str] | None:
    """The items that fire a trigger, or None when it does not fire.

    A criterion without a group must hold on its own; criteria sharing a group are alternatives, of
    which at least the trigger's group minimum must hold (one for "any of", two for "two or more of").
    """
    if not trigger.criteria:
        return None  # a trigger still being written in the admin must not fire for everyone
    items: list[str] = []
    groups: dict[int, list[list[str]]] = {}
    for criterion in trigger.criteria:
        matched = criterion_items(criterion, data)
        if criterion.group is None:
            if not matched:
                return None
            items += [item for item in matched if item]
        else:
            groups.setdefault(criterion.group, []).append(matched)
    for alternatives in groups.values():
        held = [matched for matched in alternatives if matched]
        if len(held) < min(trigger.group_minimum, len(alternatives)):
            return None
        items += [item for matched in held for item in matched if item]
    return items


def both_sides(items: Sequence[tuple[str, Sided]]) -> list[str]:
    """The items, if together they cover the left and the right side; otherwise none."""
    return sorted({item for item, _ in items}) if sides_of(f for _, f in items) == ("left", "right") else []


def leg_findings(data: AssessmentInput) -> list[tuple[str, Sided]]:
    """Pain, numbness or tingling in a leg below the hip."""
    items: list[tuple[str, Sided]] = [
        (f"pain_regions.{f.region}", f) for f in data.pain_regions if f.region in LEG_REGIONS
    ]
    items += [(f"sensory_changes.{f.region}", f) for f in data.sensory_changes if f.region in LEG_REGIONS]
    return items


def criterion_items(criterion: Criterion, data: AssessmentInput) -> list[str]:
    """The assessment items that satisfy a criterion; empty when it does not hold."""
    kind, target, number = criterion.kind, criterion.target, criterion.number
    if kind == CriterionKind.SYMPTOM_PRESENT:
        return [f"symptoms.{target}"] if target and data.symptoms.get(target) is True else []
    if kind == CriterionKind.SYMPTOM_NOT_PRESENT:
        # Holds unless the symptom is reported present (unknown counts as absent); nothing found to name.
        return [NOTHING_FOUND] if not target or data.symptoms.get(target) is not True else []
    if kind == CriterionKind.TEST_POSITIVE:
        return [f"tests.{target}"] if target and data.tests.get(target) == "positive" else []
    if kind == CriterionKind.SENSORY_CHANGE_IN_REGION:
        return [f"sensory_changes.{f.region}" for f in data.sensory_changes if f.region == target]
    if kind == CriterionKind.PAIN_IN_REGION:
        return [f"pain_regions.{f.region}" for f in data.pain_regions if f.region == target]
    if kind == CriterionKind.WEAKNESS:
        return [f"weakness.{f.action}" for f in data.weakness if target in (None, f.action)]
    if kind == CriterionKind.WEAKNESS_BILATERAL:
        return both_sides([(f"weakness.{f.action}", f) for f in data.weakness])
    if kind == CriterionKind.SENSORY_CHANGE_BILATERAL:
        return both_sides([(f"sensory_changes.{f.region}", f) for f in data.sensory_changes])
    if kind == CriterionKind.LEG_SYMPTOMS_BILATERAL:
        return both_sides(leg_findings(data))
    if kind == CriterionKind.LEG_SYMPTOMS:
        return sorted({item for item, _ in leg_findings(data)} | {f"weakness.{f.action}" for f in data.weakness})
    if kind == CriterionKind.NEUROLOGICAL_DEFICIT:
        return sorted({f"sensory_changes.{f.region}" for f in data.sensory_changes} | deficit_items(data))
    if kind == CriterionKind.REFLEX_ABNORMAL:
        return [f"reflexes.{f.reflex}" for f in data.reflexes if f.reflex == target and f.is_diminished]
    if kind == CriterionKind.REFLEX_BRISK:
        return [f"reflexes.{f.reflex}" for f in data.reflexes if target in (None, f.reflex) and f.status == "brisk"]
    if number is None:
        return []  # only the numbered kinds are left: one still being written in the admin never holds
    if kind == CriterionKind.AGE_AT_LEAST:
        return ["age"] if data.age >= number else []
    if kind == CriterionKind.DURATION_AT_LEAST:
        return ["duration_days"] if data.duration_days is not None and data.duration_days >= number else []
    if kind == CriterionKind.DURATION_AT_MOST:
        # An unknown duration counts as recent: a warning must not be missed for want of a date.
        return ["duration_days"] if data.duration_days is None or data.duration_days <= number else []
    return []


def deficit_items(data: AssessmentInput) -> set[str]:
    """Weakness and reduced or absent reflexes: the motor side of a neurological deficit."""
    return {f"weakness.{f.action}" for f in data.weakness} | {
        f"reflexes.{f.reflex}" for f in data.reflexes if f.is_diminished
    }


def finding_floors(
    data: AssessmentInput, causes: list[ConditionResult], knowledge: Knowledge
) -> list[tuple[TriageLevel, str]]:
    """The minimum levels the findings set, each with the rule that set it."""
    floors: list[tuple[TriageLevel, str]] = []
    if data.weakness or any(f.is_diminished for f in data.reflexes):
        floors.append((TriageLevel.ROUTINE, "A weak muscle or reduced reflex needs a clinician's examination."))
    if data.sensory_changes:
        floors.append((TriageLevel.ROUTINE, "Numbness or tingling needs a clinician's examination."))
    findings = [f"symptoms.{code}" for code, present in sorted(data.symptoms.items()) if present is True]
    findings += [f"tests.{code}" for code, result in sorted(data.tests.items()) if result == "positive"]
    for item in findings:
        if level := knowledge.minimum_triage.get(item):
            name = knowledge.names.get(item.replace("tests.", "clinical_tests."), item)
            floors.append((level, f"{name} needs at least this level of care."))
    if data.has_brisk_reflex:
        floors.append(
            (TriageLevel.URGENT, "Brisk reflexes point to the spinal cord or brain rather than a nerve root.")
        )
    if (data.duration_days or 0) >= LONG_STANDING_DAYS:
        floors.append((TriageLevel.ROUTINE, "Pain that has lasted six weeks or more should be reassessed."))
    numbered = [(cause, cause.probability) for cause in causes if cause.probability is not None]
    leading = numbered[0][0] if numbered else None
    for cause, probability in numbered:
        facts = knowledge.conditions[cause.code]
        if facts.category == ConditionCategory.SERIOUS_PATHOLOGY and probability >= SERIOUS_LIKELY:
            floors.append((facts.care_level, f"{cause.name} is possible and needs ruling out."))
        elif cause is leading and probability >= LEADING_CAUSE_PROBABILITY:
            floors.append((facts.care_level, f"The most likely cause, {cause.name}, usually needs this."))
    return floors


def triage(
    data: AssessmentInput, knowledge: Knowledge, conditions: list[ConditionResult], hits: list[RedFlagHit]
) -> Triage:
    candidates: list[tuple[TriageLevel, str]] = [(hit.urgency, f"Red flag: {hit.name}.") for hit in hits]
    candidates += finding_floors(data, conditions, knowledge)
    level = max((level for level, _ in candidates), key=rank, default=TriageLevel.SELF_CARE)
    reasons = tuple(reason for candidate, reason in candidates if candidate == level)
    return Triage(level, ADVICE[level], reasons, tuple(hits))
