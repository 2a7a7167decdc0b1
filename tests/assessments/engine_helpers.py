"""Helpers the engine test modules share: run a request on the fixture knowledge and read the result."""

from hypothesis import strategies as st

from assessments.engine import AssessmentInput, assess
from assessments.engine.types import REFLEX_STATUSES, SENSORY_KINDS, SIDES, TEST_RESULTS
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


# Any valid request, for property tests: every code of the knowledge, every answer.
requests = st.fixed_dictionaries(
    {"age": st.integers(16, 120)},
    optional={
        "sex": st.sampled_from(["female", "male", "other"]),
        "duration_days": st.integers(0, 36500),
        "pain_regions": st.lists(
            st.fixed_dictionaries({"region": st.sampled_from(CODES["body_regions"]), "side": st.sampled_from(SIDES)}),
            max_size=6,
        ),
        "sensory_changes": st.lists(
            st.fixed_dictionaries(
                {
                    "region": st.sampled_from(CODES["body_regions"]),
                    "side": st.sampled_from(SIDES),
                    "kind": st.sampled_from(SENSORY_KINDS),
                }
            ),
            max_size=4,
        ),
        "weakness": st.lists(
            st.fixed_dictionaries({"action": st.sampled_from(CODES["muscle_actions"]), "side": st.sampled_from(SIDES)}),
            max_size=4,
        ),
        "reflexes": st.lists(
            st.fixed_dictionaries(
                {
                    "reflex": st.sampled_from(CODES["reflexes"]),
                    "side": st.sampled_from(SIDES),
                    "status": st.sampled_from(REFLEX_STATUSES),
                }
            ),
            max_size=3,
        ),
        "symptoms": st.dictionaries(st.sampled_from(CODES["symptoms"]), st.booleans(), max_size=12),
        "tests": st.dictionaries(st.sampled_from(CODES["clinical_tests"]), st.sampled_from(TEST_RESULTS), max_size=6),
    },
)
