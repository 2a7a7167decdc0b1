"""Which conditions the answer shows, and in what order.

A red flag is never outweighed by probabilities: a dangerous cause (care level urgent or emergency) that a
fired flag points to comes first, to be ruled out, with no number; the most urgent first and, among equally
urgent ones, the one the findings fit best. A flag that fired only at a routine level (new back pain at 70,
say) puts its cause after a cause the findings make at least 50% likely. A cause a flag points to that is not
dangerous keeps its number, marked with the flag, and comes next. Then the likely causes, at least three of them however
unlikely, so the first three entries are three different explanations; then the syndromes they explain, only
where the syndrome's defining features are there (pain below the knee or a neurological deficit).
"""

from dataclasses import replace

from conditions.vocabulary import TriageLevel

from .codes import BELOW_KNEE_REGIONS, LEG_PAIN_BELOW_KNEE
from .draft import Draft, Flagged, Listed, Weighed
from .knowledge import ConditionFacts, Knowledge
from .types import AssessmentInput

MAX_CONDITIONS = 10
MIN_PROBABILITY = 0.01
MIN_CAUSES = 3
CONFIDENT = 0.5  # a cause this likely comes before a cause to rule out that only a routine flag points to


def shortlist(draft: Draft, knowledge: Knowledge) -> Draft:
    """Stage: the causes to rule out, then the likely causes, then the syndromes they explain."""
    weighed = {c.code: c for c in draft.causes}
    flagged = draft.flagged
    rule_out = [code for code in flagged if knowledge.conditions[code].is_dangerous]
    order = sorted(rule_out, key=lambda code: (-flagged[code].urgency.rank, -probability_of(code, weighed), code))
    first = [code for code in order if flagged[code].urgency.rank > TriageLevel.ROUTINE.rank]
    later = [to_rule_out(code, flagged[code], weighed) for code in order if code not in first]
    listed = [to_rule_out(code, flagged[code], weighed) for code in first]
    # A red flag is never outweighed by probabilities: a cause it points to that is not dangerous comes before the
    # others, with its number (the most urgent flag first).
    pointed = sorted(
        (c for c in draft.causes if c.code in flagged and c.code not in rule_out),
        key=lambda c: (-flagged[c.code].urgency.rank, -c.probability, c.code),
    )
    for cause in [*pointed, *(c for c in draft.causes if c not in pointed)]:
        if cause.code in rule_out:
            continue
        if later and cause.probability < CONFIDENT:
            listed += later
            later = []
        shown_anyway = cause.code in flagged or len(listed) < MIN_CAUSES
        if shown_anyway or (cause.probability >= MIN_PROBABILITY and len(listed) < MAX_CONDITIONS):
            flags = flagged[cause.code].flags if cause.code in flagged else ()
            listed.append(Listed(cause.code, cause.probability, False, flags, (), cause.factors))
    listed += later
    shown = {entry.code for entry in listed}
    for syndrome in draft.syndromes:
        condition = knowledge.conditions[syndrome.code]
        if syndrome.probability >= MIN_PROBABILITY and has_defining_features(condition, draft.data):
            explained_by = tuple(code for code in condition.explained_by if code in shown)
            listed.append(Listed(syndrome.code, syndrome.probability, False, (), explained_by, syndrome.factors))
    return replace(draft, listed=tuple(listed))


def has_defining_features(syndrome: ConditionFacts, data: AssessmentInput) -> bool:
    """A radicular syndrome needs pain below the knee (reported, or drawn where its pain map reaches) or a deficit."""
    below_knee = {f.region for f in data.pain_regions} & BELOW_KNEE_REGIONS & set(syndrome.pain_regions)
    return data.has_deficit or data.symptoms.get(LEG_PAIN_BELOW_KNEE) is True or bool(below_knee)


def probability_of(code: str, weighed: dict[str, Weighed]) -> float:
    return weighed[code].probability if code in weighed else 0.0


def to_rule_out(code: str, flagged: Flagged, weighed: dict[str, Weighed]) -> Listed:
    """A dangerous cause a red flag points to: shown with the factors that moved it, but never with a number."""
    factors = weighed[code].factors if code in weighed else ()
    return Listed(code, None, True, flagged.flags, (), factors)
