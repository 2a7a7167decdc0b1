"""The safety pass: what the answer offers is screened against the person and the triage, after the differential.

Each rule is a plain class with one job and a guideline behind it; `screen` runs them in order. A rule may drop
care that does not suit the person, reword it, or raise the triage when the care offered needs a clinician
sooner than the answer says: an answer never contradicts itself.
"""

from collections.abc import Callable
from dataclasses import replace
from typing import Protocol

from conditions.vocabulary import Recommendation, TreatmentKind, TriageLevel

from .codes import (
    ANTICOAGULATION,
    BREASTFEEDING,
    JOINT_REPLACEMENT,
    LYING_FLAT_EXERCISES,
    NSAIDS,
    OSTEOARTHRITIS,
    PREGNANCY,
    PREGNANCY_20_WEEKS,
)
from .draft import Draft, Reason
from .knowledge import Knowledge
from .messages import in_sentence, message, word
from .triage import decision
from .types import AssessmentInput, TreatmentAdvice

YOUNG = 40  # osteoarthritis is a clinical diagnosis from 45 and rare before 40 (NICE NG226)
URGENT_LEVELS = frozenset({TriageLevel.URGENT, TriageLevel.EMERGENCY})
# On an urgent or emergency answer what to do now is to see someone: no self-management, exercise or hands-on care.
NOT_WHEN_URGENT = frozenset({TreatmentKind.SELF_CARE, TreatmentKind.EXERCISE, TreatmentKind.MANUAL})


class SafetyRule(Protocol):
    """One rule of the safety pass."""

    def apply(self, draft: Draft, knowledge: Knowledge) -> Draft: ...


def pregnant(data: AssessmentInput) -> bool:
    return data.symptoms.get(PREGNANCY) is True or data.symptoms.get(PREGNANCY_20_WEEKS) is True


def without_treatments(draft: Draft, keep: Callable[[TreatmentAdvice], bool]) -> Draft:
    recommendations = draft.recommendations
    treatments = tuple(t for t in recommendations.treatments if keep(t))
    return replace(draft, recommendations=replace(recommendations, treatments=treatments))


class CareNeedingAClinicianRaisesTheTriage:
    """Care that needs a clinician today or sooner (an urgent referral, emergency surgery) means the answer does.

    If a likely cause's care needs that and the triage says less, the triage was wrong: raise it, with the
    reason. (A cause to rule out does not: how soon it must be ruled out is its red flag's to say.)
    """

    def apply(self, draft: Draft, knowledge: Knowledge) -> Draft:
        raised = list(draft.triage.reasons)
        to_rule_out = {entry.code for entry in draft.listed if entry.rule_out}
        for advice in draft.recommendations.treatments:
            if advice.condition in to_rule_out or advice.recommendation != Recommendation.RECOMMENDED:
                continue  # "consider" care is conditional ("if the knee locks"): it is left out instead
            needed = knowledge.treatment_needs.get(advice.code)
            if needed in URGENT_LEVELS and needed.rank > draft.triage.level.rank:
                when = "now" if needed == TriageLevel.EMERGENCY else "today"
                params = {"treatment": advice.code, "condition": advice.condition, "when": when}
                shown = {
                    "treatment": advice.name,
                    "condition": in_sentence(advice.condition_name),
                    "when": word(f"word.{when}"),
                }
                raised.append(Reason(needed, "triage.treatment_needs", params, shown))
        if len(raised) == len(draft.triage.reasons):
            return draft
        return replace(draft, triage=decision(raised))


class CareFitsTheTriage:
    """Nothing that needs a clinician sooner than the answer says (on a self-care answer no prescription,
    injection, operation or referral); on an urgent or emergency answer no self-management, exercise or manual
    therapy, and no exercises.
    """

    def apply(self, draft: Draft, knowledge: Knowledge) -> Draft:
        level = draft.triage.level

        def fits(advice: TreatmentAdvice) -> bool:
            needed = knowledge.treatment_needs.get(advice.code)
            if needed is not None and needed.rank > level.rank:
                return False
            return level not in URGENT_LEVELS or knowledge.treatment_kinds[advice.code] not in NOT_WHEN_URGENT

        draft = without_treatments(draft, fits)
        if level in URGENT_LEVELS:
            return replace(draft, recommendations=replace(draft.recommendations, exercises=()))
        return draft


class NoAntiInflammatoriesInPregnancy:
    """No NSAID in pregnancy: avoided from 20 weeks (FDA Drug Safety Communication 2020; BNF) and, as the stage of
    a pregnancy is often not given, not offered to anyone pregnant; a doctor may still advise one early on.
    """

    def apply(self, draft: Draft, knowledge: Knowledge) -> Draft:
        if not pregnant(draft.data):
            return draft
        return without_treatments(draft, lambda t: t.code != NSAIDS)


class HeparinNotTabletsInPregnancyOrBreastfeeding:
    """Blood thinning only if a clot is confirmed, and in pregnancy, after birth or breastfeeding as heparin
    injections, never a direct oral anticoagulant (RCOG Green-top Guideline 37b; the products' SmPCs).
    """

    def apply(self, draft: Draft, knowledge: Knowledge) -> Draft:
        data = draft.data
        if not (pregnant(data) or data.symptoms.get(BREASTFEEDING) is True):
            return draft
        note = message("safety.anticoagulation_in_pregnancy", {})
        treatments = tuple(
            replace(t, reason=note.text, message=note.message, params={**note.params})
            if t.code == ANTICOAGULATION
            else t
            for t in draft.recommendations.treatments
        )
        return replace(draft, recommendations=replace(draft.recommendations, treatments=treatments))


class NoLyingFlatExercisesInPregnancy:
    """In pregnancy no exercise done lying flat on the back or front (planks, bridges, press-ups): from 20 weeks
    those are changed by a physiotherapist, not offered as they are (clinical reference §12.1), and as the stage
    is often not given, they are left out for anyone pregnant or just after birth.
    """

    def apply(self, draft: Draft, knowledge: Knowledge) -> Draft:
        if not pregnant(draft.data):
            return draft
        exercises = tuple(e for e in draft.recommendations.exercises if e.code not in LYING_FLAT_EXERCISES)
        return replace(draft, recommendations=replace(draft.recommendations, exercises=exercises))


class NoOsteoarthritisCareForTheYoung:
    """Under 40 no care offered for osteoarthritis and no joint replacement: osteoarthritis is a clinical diagnosis
    from 45 and rare before 40 (NICE NG226), so such care would treat the wrong thing.
    """

    def apply(self, draft: Draft, knowledge: Knowledge) -> Draft:
        if draft.data.age >= YOUNG:
            return draft

        def fits(advice: TreatmentAdvice) -> bool:
            return advice.condition not in OSTEOARTHRITIS and advice.code != JOINT_REPLACEMENT

        draft = without_treatments(draft, fits)
        exercises = tuple(e for e in draft.recommendations.exercises if e.condition not in OSTEOARTHRITIS)
        return replace(draft, recommendations=replace(draft.recommendations, exercises=exercises))


RULES: tuple[SafetyRule, ...] = (
    CareNeedingAClinicianRaisesTheTriage(),
    CareFitsTheTriage(),
    NoAntiInflammatoriesInPregnancy(),
    HeparinNotTabletsInPregnancyOrBreastfeeding(),
    NoLyingFlatExercisesInPregnancy(),
    NoOsteoarthritisCareForTheYoung(),
)


def screen(draft: Draft, knowledge: Knowledge) -> Draft:
    """Stage: every safety rule, in order."""
    for rule in RULES:
        draft = rule.apply(draft, knowledge)
    return draft
