"""What helps: treatments and exercises for the likely causes, never what any of them should avoid."""

from .knowledge import Knowledge
from .types import ConditionResult, Recommendations

GUIDING_PROBABILITY = 0.3  # conditions at least this probable shape the recommendations
AT_LEAST = 2  # otherwise, the two most probable do
NO_EXERCISE_LEVELS = {"emergency", "urgent"}
ORDER = {"recommended": 0, "consider": 1}


def likely_conditions(conditions: list[ConditionResult]) -> list[ConditionResult]:
    flagged = [c for c in conditions if c.red_flag]
    likely = [c for c in conditions if c.probability >= GUIDING_PROBABILITY and not c.red_flag]
    return flagged + (likely or [c for c in conditions if not c.red_flag][:AT_LEAST])


def recommend(conditions: list[ConditionResult], level: str, knowledge: Knowledge) -> Recommendations:
    likely = [knowledge.conditions[c.code] for c in likely_conditions(conditions)]
    ruled_out = {code for c in likely for code, rec in c.treatments.items() if rec == "not_recommended"}
    guiding = likely
    if level in NO_EXERCISE_LEVELS:
        # What to do now is in the triage advice; the treatments of a serious cause come before any other.
        guiding = [c for c in likely if c.category == "serious_pathology"] or likely
    ranked = {}
    for position, condition in enumerate(guiding):
        for code, recommendation in condition.treatments.items():
            if recommendation in ORDER and code not in ruled_out:
                key = (ORDER[recommendation], position, code)
                ranked[code] = min(ranked.get(code, key), key)
    treatments = tuple(sorted(ranked, key=ranked.get))
    to_avoid = {code for c in likely for code, use in c.exercises.items() if use == "avoid"}
    suitable = []
    if level not in NO_EXERCISE_LEVELS:
        for condition in likely:
            suitable += sorted(
                code for code, use in condition.exercises.items() if use == "suitable" and code not in to_avoid
            )
    return Recommendations(treatments, tuple(dict.fromkeys(suitable)), tuple(sorted(to_avoid)))
