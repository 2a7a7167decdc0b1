"""The assessment engine: a pure function from findings and a knowledge snapshot to a result.

No ORM and no requests here: the caller parses the input and supplies the snapshot.
"""

from dataclasses import replace

from .differential import differential
from .knowledge import Knowledge, build_knowledge
from .localisation import localise
from .recommendations import recommend
from .triage import red_flag_hits, triage
from .types import AssessmentInput, AssessmentResult

ENGINE_VERSION = "1.1.0"
MAX_CONDITIONS = 10
MIN_PROBABILITY = 0.01

DISCLAIMER = (
    "refpain gives information, not a diagnosis. It cannot examine you and can be wrong. If you are worried, "
    "or your symptoms change or get worse, contact a clinician; in an emergency call 999 or go to an "
    "emergency department."
)

__all__ = [
    "DISCLAIMER",
    "ENGINE_VERSION",
    "AssessmentInput",
    "AssessmentResult",
    "Knowledge",
    "assess",
    "build_knowledge",
]


def assess(data: AssessmentInput, knowledge: Knowledge) -> AssessmentResult:
    """Triage, likely causes with their evidence, the roots and nerves involved, and what helps."""
    hits = red_flag_hits(data, knowledge)
    flagged = {hit_condition for hit in hits if (hit_condition := condition_of(hit.code, knowledge))}
    ranked = [replace(c, red_flag=c.code in flagged) for c in differential(data, knowledge, always=flagged)]
    # A red flag is never outweighed by probabilities: the rare serious cause it points to comes first.
    ranked.sort(key=lambda c: (not (c.red_flag and is_serious(c.code, knowledge)), -c.probability, c.code))
    shown = [c for c in ranked if c.red_flag or c.probability >= MIN_PROBABILITY][:MAX_CONDITIONS]
    level = triage(data, knowledge, ranked, hits)
    roots, nerves = localise(data, knowledge)
    return AssessmentResult(
        engine_version=ENGINE_VERSION,
        knowledge_version=knowledge.version,
        triage=level,
        conditions=tuple(shown),
        nerve_roots=tuple(roots),
        nerves=tuple(nerves),
        recommendations=recommend(ranked, level.level, knowledge),
        disclaimer=DISCLAIMER,
    )


def is_serious(code: str, knowledge: Knowledge) -> bool:
    return knowledge.conditions[code].category == "serious_pathology"


def condition_of(red_flag_code: str, knowledge: Knowledge) -> str | None:
    return next((flag.condition for flag in knowledge.red_flags if flag.code == red_flag_code), None)
