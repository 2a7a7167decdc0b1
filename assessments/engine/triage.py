"""Triage: the most urgent of every red flag that fires and the floors the findings and the causes set.

- A red flag fires at its trigger's urgency; nothing the probabilities say can lower it.
- Findings set floors: a weak muscle, reduced reflex or numbness needs an examination (routine); a symptom or
  test may need more (its `minimum_triage`); brisk reflexes point to the cord (urgent); symptoms for six weeks
  or more need reassessing (routine).
- Dangerous if missed: a cause whose care level is urgent or emergency raises the triage to that level once
  it is as likely as its own curated threshold (`escalate_at`), whether or not it leads.
- The leading cause sets its usual care level once it leads with at least its `leads_at`.
"""

import math
from dataclasses import replace

from conditions.vocabulary import TriageLevel

from .draft import Draft, Listed, Reason, TriageDecision, Weighed
from .items import Item
from .knowledge import DEFAULT_THRESHOLDS, Knowledge
from .messages import in_sentence
from .types import AssessmentInput, Params

LONG_STANDING_DAYS = 42  # six weeks: NICE NG59 advises reassessment when pain has not settled
DEFAULT_ESCALATE = DEFAULT_THRESHOLDS.escalate_at


def shown(probability: float) -> float:
    """A probability as the answer shows it: rounded down to three places, so the causes never sum above 1."""
    return math.floor(probability * 1000) / 1000


def decide(draft: Draft, knowledge: Knowledge) -> Draft:
    """Stage: the most urgent of the fired red flags and the floors, with the reasons at that level."""
    candidates = [Reason(hit.urgency, "triage.red_flag", {"flag": hit.code}, {"flag": hit.name}) for hit in draft.hits]
    candidates += finding_floors(draft.data, knowledge)
    candidates += dangerous_causes(draft.causes, knowledge)
    candidates += leading_cause(draft.listed, knowledge)
    return replace(draft, triage=decision(candidates))


def decision(candidates: list[Reason]) -> TriageDecision:
    """The most urgent level among the reasons, with every reason at that level."""
    if not candidates:
        return TriageDecision(TriageLevel.SELF_CARE, (Reason(TriageLevel.SELF_CARE, "triage.nothing_higher"),))
    level = max((reason.level for reason in candidates), key=lambda level: level.rank)
    return TriageDecision(level, tuple(reason for reason in candidates if reason.level == level))


def finding_floors(data: AssessmentInput, knowledge: Knowledge) -> list[Reason]:
    """The minimum levels the findings set, each with the rule that set it."""
    floors: list[Reason] = []
    if data.weakness or any(f.is_diminished for f in data.reflexes):
        floors.append(Reason(TriageLevel.ROUTINE, "triage.weakness_or_reflex"))
    if data.sensory_changes:
        floors.append(Reason(TriageLevel.ROUTINE, "triage.numbness"))
    findings = [Item.symptom(code) for code, present in sorted(data.symptoms.items()) if present is True]
    findings += [Item.test(code) for code, result in sorted(data.tests.items()) if result == "positive"]
    for item in findings:
        if level := knowledge.minimum_triage.get(item):
            key = f"triage.finding.{level.value}"
            floors.append(Reason(level, key, {"finding": str(item)}, {"finding": knowledge.names.of(item)}))
    if data.has_brisk_reflex:
        floors.append(Reason(TriageLevel.URGENT, "triage.brisk_reflexes"))
    if (data.duration_days or 0) >= LONG_STANDING_DAYS:
        floors.append(Reason(TriageLevel.ROUTINE, "triage.long_standing", {"days": data.duration_days}))
    return floors


def dangerous_causes(causes: tuple[Weighed, ...], knowledge: Knowledge) -> list[Reason]:
    """Every dangerous cause as likely as its threshold raises the triage to its care level, leading or not.

    One with a higher curated threshold (shingles before its rash, say) that is still as likely as the default
    threshold needs a clinician to look at it: routine.
    """
    floors = []
    for cause in causes:
        condition = knowledge.conditions[cause.code]
        if not condition.is_dangerous or cause.probability < min(condition.thresholds.escalate_at, DEFAULT_ESCALATE):
            continue
        percent = max(math.floor(cause.probability * 100), 1)
        params: Params = {"condition": cause.code, "probability": shown(cause.probability), "percent": percent}
        if cause.probability >= condition.thresholds.escalate_at:
            floors.append(Reason(condition.care_level, "triage.dangerous_cause", params, {"condition": condition.name}))
        else:
            floors.append(Reason(TriageLevel.ROUTINE, "triage.plausible_cause", params, {"condition": condition.name}))
    return floors


def leading_cause(listed: tuple[Listed, ...], knowledge: Knowledge) -> list[Reason]:
    """The most likely cause sets its usual care level, once it leads with at least its `leads_at`."""
    leading = next((entry for entry in listed if entry.probability is not None), None)  # causes come first
    if leading is None or leading.probability is None:
        return []
    condition = knowledge.conditions[leading.code]
    if condition.is_syndrome or leading.probability < condition.thresholds.leads_at:
        return []
    params: Params = {"condition": leading.code, "probability": shown(leading.probability)}
    return [Reason(condition.care_level, "triage.leading_cause", params, {"condition": in_sentence(condition.name)})]
