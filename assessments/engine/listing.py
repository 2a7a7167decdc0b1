"""Which conditions the answer shows, and in what order.

A red flag is never outweighed by probabilities: the causes the fired flags point to come first, to be ruled
out, with no number (the most urgent first and, among equally urgent ones, the one the findings fit best).
Then the likely causes, at least three of them however unlikely, so the first three entries are three
different explanations; then the syndromes they explain.
"""

from dataclasses import replace

from .draft import Draft, Listed, Weighed
from .knowledge import Knowledge

MAX_CONDITIONS = 10
MIN_PROBABILITY = 0.01
MIN_CAUSES = 3


def shortlist(draft: Draft, knowledge: Knowledge) -> Draft:
    """Stage: the causes to rule out, then the likely causes, then the syndromes they explain."""
    weighed = {c.code: c for c in (*draft.causes, *draft.syndromes)}
    flagged = draft.flagged
    order = sorted(flagged, key=lambda code: (-flagged[code].rank, -probability_of(code, weighed), code))
    listed = [to_rule_out(code, weighed, knowledge) for code in order]
    for cause in draft.causes:
        likely_enough = cause.probability >= MIN_PROBABILITY or len(listed) < MIN_CAUSES
        if cause.code not in flagged and likely_enough and len(listed) < MAX_CONDITIONS:
            listed.append(Listed(cause.code, cause.probability, False, (), cause.factors))
    shown = {c.code for c in listed}
    for syndrome in draft.syndromes:
        if syndrome.code not in flagged and syndrome.probability >= MIN_PROBABILITY:
            explained_by = tuple(code for code in knowledge.conditions[syndrome.code].explained_by if code in shown)
            listed.append(Listed(syndrome.code, syndrome.probability, False, explained_by, syndrome.factors))
    return replace(draft, listed=tuple(listed))


def probability_of(code: str, weighed: dict[str, Weighed]) -> float:
    return weighed[code].probability if code in weighed else 0.0


def to_rule_out(code: str, weighed: dict[str, Weighed], knowledge: Knowledge) -> Listed:
    """A cause a red flag points to: shown with the factors that moved it, but never with a number."""
    factors = weighed[code].factors if code in weighed else ()
    return Listed(code, None, True, knowledge.conditions[code].explained_by, factors)
