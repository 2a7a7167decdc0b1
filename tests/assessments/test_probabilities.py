"""Probabilities that mean what they say, and red-flag causes to rule out, never numbered."""

import pytest
from hypothesis import HealthCheck, given, settings

from assessments.engine import AssessmentInput, assess
from conditions.vocabulary import TriageLevel
from tests.assessments.engine_helpers import KNOWLEDGE, causes_sum, level, requests, run
from tests.assessments.examples import SPEC_EXAMPLE

# --- probabilities that add up ------------------------------------------------------------------


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(requests)
def test_mutually_exclusive_causes_never_sum_above_1_and_red_flag_causes_have_no_number(request):
    result = assess(AssessmentInput.from_dict(request), KNOWLEDGE)
    assert causes_sum(result) <= 1
    assert 0 <= result.other_causes <= 1
    assert causes_sum(result) + result.other_causes == pytest.approx(1, abs=1e-9)
    flagged = {code for hit in result.triage.red_flags for code in KNOWLEDGE_FLAGS[hit.code]}
    for condition in result.conditions:
        assert (condition.probability is None) == condition.rule_out
        dangerous = KNOWLEDGE.conditions[condition.code].is_dangerous
        if condition.code in flagged and condition.role == "cause":
            # A dangerous cause a flag points to is ruled out with no number; any other keeps its number.
            assert condition.rule_out == dangerous
            assert condition.flagged_by
    first_three = [c for c in result.conditions[:3]]
    assert all(c.role == "cause" or c.rule_out for c in first_three)
    if result.triage.level == "self_care":
        assert not any(t.invasive for t in result.recommendations.treatments)
    for flag in result.triage.red_flags:
        assert level(result) >= TriageLevel(flag.urgency).rank


KNOWLEDGE_FLAGS = {flag.code: flag.conditions for flag in KNOWLEDGE.red_flags}


def test_the_readme_example_no_longer_sums_to_more_than_1():
    result = run(SPEC_EXAMPLE)
    assert causes_sum(result) <= 1
    first_three = [c.code for c in result.conditions[:3]]
    # Sciatica and radiculopathy are syndromes the causes explain: they never crowd out the causes.
    assert not {"sciatica", "lumbar-radiculopathy"} & set(first_three)
    sciatica = next(c for c in result.conditions if c.code == "sciatica")
    assert sciatica.role == "syndrome" and "lumbar-disc-herniation" in sciatica.explained_by


def test_a_syndrome_is_as_likely_as_the_listed_and_unlisted_causes_that_explain_it():
    result = run({"symptoms": {"leg-pain-below-knee": True, "pain-worse-cough-sneeze": True}})
    radiculopathy = next(c for c in result.conditions if c.code == "lumbar-radiculopathy")
    listed = sum(c.probability for c in result.conditions if c.code in radiculopathy.explained_by)
    assert radiculopathy.probability >= listed - 0.003 * len(radiculopathy.explained_by)


# --- red flags: must rule out, never a small number ---------------------------------------------


def test_cauda_equina_is_to_rule_out_not_zero_percent():
    result = run({"symptoms": {"saddle-anaesthesia": True}, "pain_regions": [{"region": "buttock", "side": "left"}]})
    cauda = result.conditions[0]
    assert (cauda.code, cauda.rule_out, cauda.probability) == ("cauda-equina-syndrome", True, None)


def test_numbness_of_the_perineum_on_the_body_map_counts_as_saddle_anaesthesia():
    result = run({"sensory_changes": [{"region": "perineum", "side": "both", "kind": "numbness"}]})
    assert result.triage.level == "emergency"
    cauda = next(c for c in result.conditions if c.code == "cauda-equina-syndrome")
    assert "symptoms.saddle-anaesthesia" in {e.item for e in cauda.evidence}


def test_a_red_flag_buried_among_benign_findings_still_fires_and_leads():
    result = run(
        {
            "age": 33,
            "pain_regions": [{"region": "lower-back", "side": "both"}],
            "symptoms": {
                "onset-after-lifting-or-strain": True,
                "pain-brief-with-movement": True,
                "back-pain": True,
                "bowel-dysfunction": True,
            },
            "tests": {"paraspinal-tenderness": "positive", "straight-leg-raise": "negative"},
        }
    )
    assert result.triage.level == "emergency"
    assert result.conditions[0].code == "cauda-equina-syndrome" and result.conditions[0].rule_out


@pytest.mark.parametrize("progressive", [True, False, None])
def test_both_feet_weak_is_an_emergency_whether_or_not_it_is_getting_worse(progressive):
    request = {"weakness": [{"action": "ankle-dorsiflexion", "side": "both"}]}
    if progressive is not None:
        request["symptoms"] = {"progressive-weakness": progressive}
    assert run(request).triage.level == "emergency"


def test_a_road_accident_with_new_back_pain_is_an_emergency():
    result = run({"symptoms": {"significant-trauma": True, "back-pain": True}})
    assert result.triage.level == "emergency"
