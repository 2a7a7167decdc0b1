"""Helpers the engine test modules share: run a request on the fixture knowledge and read the result."""

from assessments.engine import AssessmentInput, assess
from conditions.vocabulary import TriageLevel
from tests.assessments.fixture_snapshot import fixture_knowledge


def run(request: dict):
    return assess(AssessmentInput.from_dict({"age": 40, **request}), fixture_knowledge())


def probability(result, code: str) -> float:
    return next((c.probability for c in result.conditions if c.code == code), 0.0)


def treatments(result) -> dict:
    return {t.code: t for t in result.recommendations.treatments}


def level(result) -> int:
    return TriageLevel(result.triage.level).rank


def causes_sum(result) -> float:
    return sum(c.probability for c in result.conditions if c.role == "cause" and c.probability is not None)


KNOWLEDGE = fixture_knowledge()
CODES = {kind: sorted(codes) for kind, codes in KNOWLEDGE.codes.items()}

GROIN = {
    "pain_regions": [{"region": "groin", "side": "right"}],
    "tests": {"hip-internal-rotation-painful-limited": "positive"},
}
