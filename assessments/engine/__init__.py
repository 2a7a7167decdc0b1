"""The assessment engine: a pure function from findings and a knowledge snapshot to a result.

No ORM and no requests here: the caller parses the input and supplies the snapshot.
"""

import math
from dataclasses import replace

from conditions.vocabulary import TriageLevel

from .build import build_knowledge
from .differential import Weighed, differential, presented
from .knowledge import Knowledge
from .localisation import localise
from .recommendations import recommend
from .triage import rank, red_flag_hits, triage
from .types import AssessmentInput, AssessmentResult, ConditionResult

ENGINE_VERSION = "2.0.0"
MAX_CONDITIONS = 10
MIN_PROBABILITY = 0.01
MIN_CAUSES = 3

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
    data = with_body_map_signs(data)
    hits = red_flag_hits(data, knowledge)
    urgency: dict[str, TriageLevel] = {}
    for hit in hits:  # most urgent first
        code = condition_of(hit.code, knowledge)
        if code and code in knowledge.conditions:
            urgency.setdefault(code, hit.urgency)
    causes, syndromes = differential(data, knowledge, always=[c for c in urgency if not is_syndrome(c, knowledge)])
    weighed = {c.code: c for c in [*causes, *syndromes]}
    # A red flag is never outweighed by probabilities: its cause comes first, as one to rule out, with no number
    # (the most urgent first and, among equally urgent ones, the one the findings fit best).
    order = sorted(urgency, key=lambda code: (-rank(urgency[code]), -weight_of(code, weighed), code))
    listed = [ruled_out(code, weighed, knowledge) for code in order]
    for cause in causes:
        # At least three causes, however unlikely, so the first three entries are three explanations.
        likely_enough = cause.probability >= MIN_PROBABILITY or len(listed) < MIN_CAUSES
        if cause.code not in urgency and likely_enough and len(listed) < MAX_CONDITIONS:
            listed.append(result(cause, knowledge))
    other_causes = round(1 - sum(c.probability for c in listed if c.probability is not None), 3)
    shown = {c.code for c in listed}
    for syndrome in syndromes:
        if syndrome.code not in urgency and syndrome.probability >= MIN_PROBABILITY:
            explained_by = tuple(code for code in knowledge.conditions[syndrome.code].explained_by if code in shown)
            listed.append(result(syndrome, knowledge, explained_by=explained_by))
    level = triage(data, knowledge, listed, hits)
    roots, nerves = localise(data, knowledge)
    return AssessmentResult(
        engine_version=ENGINE_VERSION,
        knowledge_version=knowledge.version,
        triage=level,
        conditions=tuple(listed),
        other_causes=max(other_causes, 0.0),
        nerve_roots=tuple(roots),
        nerves=tuple(nerves),
        recommendations=recommend(data, listed, level.level, knowledge),
        disclaimer=DISCLAIMER,
    )


def weight_of(code: str, weighed: dict[str, Weighed]) -> float:
    return weighed[code].probability if code in weighed else 0.0


def floor3(probability: float) -> float:
    """Rounded down to three places, so rounding never makes the causes sum to more than 1."""
    return math.floor(probability * 1000) / 1000


def result(weighed: Weighed, knowledge: Knowledge, explained_by: tuple[str, ...] = ()) -> ConditionResult:
    condition = knowledge.conditions[weighed.code]
    return ConditionResult(
        code=condition.code,
        name=condition.name,
        role=condition.role,
        probability=floor3(weighed.probability),
        rule_out=False,
        red_flag=False,
        explained_by=explained_by,
        evidence=presented(weighed.evidence, condition),
    )


def ruled_out(code: str, weighed: dict[str, Weighed], knowledge: Knowledge) -> ConditionResult:
    """A cause a red flag points to: to rule out, shown with the evidence but never with a number."""
    condition = knowledge.conditions[code]
    return ConditionResult(
        code=code,
        name=condition.name,
        role=condition.role,
        probability=None,
        rule_out=True,
        red_flag=True,
        explained_by=condition.explained_by,
        evidence=presented(weighed[code].evidence, condition) if code in weighed else (),
    )


SADDLE_REGION, SADDLE_SYMPTOM = "perineum", "saddle-anaesthesia"


def with_body_map_signs(data: AssessmentInput) -> AssessmentInput:
    """Numbness or tingling marked on the perineum is saddle anaesthesia, wherever the symptom counts."""
    if data.symptoms.get(SADDLE_SYMPTOM) is True or not any(f.region == SADDLE_REGION for f in data.sensory_changes):
        return data
    return replace(data, symptoms={**data.symptoms, SADDLE_SYMPTOM: True})


def is_syndrome(code: str, knowledge: Knowledge) -> bool:
    return knowledge.conditions[code].is_syndrome


def condition_of(red_flag_code: str, knowledge: Knowledge) -> str | None:
    return next((flag.condition for flag in knowledge.red_flags if flag.code == red_flag_code), None)
