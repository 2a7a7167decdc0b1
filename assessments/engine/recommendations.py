"""What helps: care for the causes that guide it, safe for the triage level, with the reason for each item.

- Treatments come from the causes that guide care: those a red flag points to, then the likely causes.
  One that any guiding cause should not have is never offered.
- Invasive care (an injection or surgery) is never offered on a self-care result, only for a cause to rule
  out or one the engine is fairly sure of, only with a neurological deficit where the knowledge says it
  needs one, and always as something to discuss with a specialist.
- Exercises are never suggested on an urgent or emergency result. Exercises to avoid come from the causes to
  rule out and the likely causes; a likely cause's avoidance never takes away the leading cause's own
  suitable exercises, while a cause to rule out's always does.

The safety pass (safety.py) then screens what is offered against the person and the triage.
"""

from dataclasses import replace

from conditions.vocabulary import ConditionRole, Recommendation, Suitability, TreatmentKind, TriageLevel

from .draft import Draft, Listed
from .knowledge import ConditionFacts, Knowledge
from .types import AssessmentInput, ExerciseAdvice, Recommendations, TreatmentAdvice

INVASIVE_KINDS = frozenset({TreatmentKind.INJECTION, TreatmentKind.SURGERY})
NO_EXERCISE_LEVELS = frozenset({TriageLevel.EMERGENCY, TriageLevel.URGENT})
ORDER = {Recommendation.RECOMMENDED: 0, Recommendation.CONSIDER: 1}


def causes_of(listed: tuple[Listed, ...], knowledge: Knowledge) -> list[Listed]:
    return [entry for entry in listed if knowledge.conditions[entry.code].role == ConditionRole.CAUSE]


def likely_causes(listed: tuple[Listed, ...], knowledge: Knowledge) -> list[Listed]:
    """The numbered causes as likely as their `guides_care_at`, or else the leading one."""
    numbered = [entry for entry in causes_of(listed, knowledge) if entry.probability is not None]
    likely = [
        entry
        for entry in numbered
        if (entry.probability or 0) >= knowledge.conditions[entry.code].thresholds.guides_care_at
    ]
    return likely or numbered[:1]


def guiding_causes(listed: tuple[Listed, ...], level: TriageLevel, knowledge: Knowledge) -> list[Listed]:
    """The causes whose care is offered: the ones to rule out first, then the likely ones."""
    rule_out = [entry for entry in causes_of(listed, knowledge) if entry.rule_out]
    if level in NO_EXERCISE_LEVELS and rule_out:
        return rule_out  # what to do now is in the triage advice; care for the cause to rule out comes first
    return rule_out + likely_causes(listed, knowledge)


def offered(
    condition: ConditionFacts,
    entry: Listed,
    code: str,
    data: AssessmentInput,
    level: TriageLevel,
    knowledge: Knowledge,
) -> bool:
    """Whether a treatment linked to this cause is safe to mention for this person and triage level."""
    link = condition.treatments[code]
    if link.needs_neurological_deficit and not data.has_deficit:
        return False
    if knowledge.treatment_kinds[code] not in INVASIVE_KINDS:
        return True
    sure = entry.rule_out or (entry.probability or 0) >= condition.thresholds.invasive_care_at
    return level != TriageLevel.SELF_CARE and sure


def recommend(draft: Draft, knowledge: Knowledge) -> Draft:
    """Stage: treatments and exercises for the guiding causes, and the exercises to avoid."""
    level = draft.triage.level
    guiding = guiding_causes(draft.listed, level, knowledge)
    facts = [knowledge.conditions[entry.code] for entry in guiding]
    not_recommended = {
        code
        for c in facts
        for code, link in c.treatments.items()
        if link.recommendation == Recommendation.NOT_RECOMMENDED
    }
    chosen: dict[str, tuple[tuple[int, bool, int, str], TreatmentAdvice]] = {}
    for position, (entry, condition) in enumerate(zip(guiding, facts, strict=True)):
        for code, link in sorted(condition.treatments.items()):
            if link.recommendation not in ORDER or code in not_recommended:
                continue
            if not offered(condition, entry, code, draft.data, level, knowledge):
                continue
            invasive = knowledge.treatment_kinds[code] in INVASIVE_KINDS
            advice = TreatmentAdvice(
                code=code,
                name=knowledge.names.treatments[code],
                kind=knowledge.treatment_kinds[code],
                recommendation=link.recommendation,
                condition=condition.code,
                condition_name=condition.name,
                reason=link.reason,
                invasive=invasive,
                discuss_with_specialist=invasive,
            )
            key = (ORDER[link.recommendation], invasive, position, code)
            if code not in chosen or key < chosen[code][0]:
                chosen[code] = (key, advice)
    treatments = tuple(advice for _, advice in sorted(chosen.values(), key=lambda pair: pair[0]))
    exercises, to_avoid = exercise_advice(draft.listed, level, knowledge)
    return replace(draft, recommendations=Recommendations(treatments, exercises, to_avoid))


def exercise_advice(
    listed: tuple[Listed, ...], level: TriageLevel, knowledge: Knowledge
) -> tuple[tuple[ExerciseAdvice, ...], tuple[ExerciseAdvice, ...]]:
    """Exercises that suit the likely causes, and those to avoid for them or for a cause to rule out."""
    likely = likely_causes(listed, knowledge)
    flagged = [entry for entry in causes_of(listed, knowledge) if entry.rule_out]
    leading = knowledge.conditions[likely[0].code] if likely else None
    keep = (
        {code for code, link in leading.exercises.items() if link.suitability == Suitability.SUITABLE}
        if leading
        else set()
    )
    avoid: dict[str, ExerciseAdvice] = {}
    for entry in flagged + likely:
        condition = knowledge.conditions[entry.code]
        for code, link in sorted(condition.exercises.items()):
            # A cause to rule out always wins; the leading cause keeps its own exercises against the others.
            if link.suitability == Suitability.AVOID and (entry.rule_out or code not in keep) and code not in avoid:
                avoid[code] = exercise(code, condition, link.reason, knowledge)
    suitable: dict[str, ExerciseAdvice] = {}
    if level not in NO_EXERCISE_LEVELS:
        for entry in likely:
            condition = knowledge.conditions[entry.code]
            for code, link in sorted(condition.exercises.items()):
                if link.suitability == Suitability.SUITABLE and code not in avoid and code not in suitable:
                    suitable[code] = exercise(code, condition, link.reason, knowledge)
    return tuple(suitable.values()), tuple(sorted(avoid.values(), key=lambda e: e.code))


def exercise(code: str, condition: ConditionFacts, reason: str, knowledge: Knowledge) -> ExerciseAdvice:
    return ExerciseAdvice(code, knowledge.names.exercises[code], condition.code, condition.name, reason)
