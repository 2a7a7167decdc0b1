"""Triage: the most urgent of every red flag that fires and the floors the findings set."""

from dataclasses import replace

from conditions.vocabulary import ConditionCategory, TriageLevel

from .draft import Draft, Listed, Reason, TriageDecision
from .items import Item
from .knowledge import Knowledge
from .types import AssessmentInput

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


def decide(draft: Draft, knowledge: Knowledge) -> Draft:
    """Stage: the most urgent of the fired red flags and the findings' floors, with the reasons at that level."""
    candidates = [Reason(hit.urgency, f"Red flag: {hit.name}.") for hit in draft.hits]
    candidates += finding_floors(draft.data, draft.listed, knowledge)
    level = max((reason.level for reason in candidates), key=lambda level: level.rank, default=TriageLevel.SELF_CARE)
    reasons = tuple(reason for reason in candidates if reason.level == level)
    return replace(draft, triage=TriageDecision(level, reasons))


def finding_floors(data: AssessmentInput, listed: tuple[Listed, ...], knowledge: Knowledge) -> list[Reason]:
    """The minimum levels the findings set, each with the rule that set it."""
    floors: list[Reason] = []
    if data.weakness or any(f.is_diminished for f in data.reflexes):
        floors.append(Reason(TriageLevel.ROUTINE, "A weak muscle or reduced reflex needs a clinician's examination."))
    if data.sensory_changes:
        floors.append(Reason(TriageLevel.ROUTINE, "Numbness or tingling needs a clinician's examination."))
    findings = [Item.symptom(code) for code, present in sorted(data.symptoms.items()) if present is True]
    findings += [Item.test(code) for code, result in sorted(data.tests.items()) if result == "positive"]
    for item in findings:
        if level := knowledge.minimum_triage.get(item):
            floors.append(Reason(level, f"{knowledge.names.of(item)} needs at least this level of care."))
    if data.has_brisk_reflex:
        floors.append(
            Reason(TriageLevel.URGENT, "Brisk reflexes point to the spinal cord or brain rather than a nerve root.")
        )
    if (data.duration_days or 0) >= LONG_STANDING_DAYS:
        floors.append(Reason(TriageLevel.ROUTINE, "Pain that has lasted six weeks or more should be reassessed."))
    numbered = [entry for entry in listed if entry.probability is not None]
    leading = numbered[0] if numbered else None
    for entry in numbered:
        facts = knowledge.conditions[entry.code]
        probability = entry.probability or 0.0
        if facts.category == ConditionCategory.SERIOUS_PATHOLOGY and probability >= SERIOUS_LIKELY:
            floors.append(Reason(facts.care_level, f"{facts.name} is possible and needs ruling out."))
        elif entry is leading and probability >= LEADING_CAUSE_PROBABILITY:
            floors.append(Reason(facts.care_level, f"The most likely cause, {facts.name}, usually needs this."))
    return floors
