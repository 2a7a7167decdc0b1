"""Dangerous if missed: a dangerous cause raises the triage at its own curated threshold, whether or not it leads."""

from dataclasses import replace

from hypothesis import HealthCheck, given, settings

from assessments.engine import AssessmentInput, assess
from assessments.engine.knowledge import DEFAULT_THRESHOLDS, Thresholds
from conditions.vocabulary import TriageLevel
from tests.assessments.engine_helpers import KNOWLEDGE, level, probability, requests, run

# An 84-year-old woman's pain at the side of the hip: vertebral fracture (urgent care level) is possible, not leading.
HIP_AT_84 = {"age": 84, "sex": "female", "pain_regions": [{"region": "hip-lateral", "side": "right"}]}
SHINGLES = {
    "age": 66,
    "duration_days": 4,
    "pain_regions": [{"region": "thigh-anterior", "side": "left"}],
    "symptoms": {"band-like-rash": True, "pain-burning": True},
}


def with_thresholds(code: str, **thresholds):
    conditions = dict(KNOWLEDGE.conditions)
    conditions[code] = replace(conditions[code], thresholds=replace(conditions[code].thresholds, **thresholds))
    return replace(KNOWLEDGE, conditions=conditions)


def assess_with(knowledge, request):
    return assess(AssessmentInput.from_dict(request), knowledge)


def test_the_default_thresholds_are_the_documented_ones():
    assert Thresholds(escalate_at=0.15, leads_at=0.2, guides_care_at=0.3, invasive_care_at=0.5) == DEFAULT_THRESHOLDS


def test_a_dangerous_cause_that_does_not_lead_raises_the_triage_at_its_threshold():
    request = HIP_AT_84
    share = probability(run(request), "vertebral-fracture")
    assert 0.15 < share < 0.5
    below = assess_with(with_thresholds("vertebral-fracture", escalate_at=share + 0.01), request)
    at = assess_with(with_thresholds("vertebral-fracture", escalate_at=share - 0.01), request)
    assert at.triage.level == "urgent"
    reason = next(r for r in at.triage.reasons if r.message == "triage.dangerous_cause")
    assert reason.params["condition"] == "vertebral-fracture" and reason.params["percent"] == int(share * 100)
    assert "Vertebral fracture" in reason.text and f"{int(share * 100)}%" in reason.text
    assert level(below) < TriageLevel.URGENT.rank


def test_a_dangerous_cause_under_its_own_threshold_but_over_the_default_still_needs_a_clinician():
    result = run(HIP_AT_84)  # vertebral fracture's curated escalate_at is 0.5
    assert KNOWLEDGE.conditions["vertebral-fracture"].thresholds.escalate_at == 0.5
    assert result.triage.level == "routine"
    assert [r.message for r in result.triage.reasons] == ["triage.plausible_cause"]


def test_the_leading_cause_sets_its_care_level_from_its_leads_at():
    lead = probability(run(SHINGLES), "herpes-zoster")
    assert run(SHINGLES).triage.level == "urgent"
    assert "triage.leading_cause" in [r.message for r in run(SHINGLES).triage.reasons]
    later = with_thresholds("herpes-zoster", leads_at=lead + 0.05, escalate_at=lead + 0.05)
    assert assess_with(later, SHINGLES).triage.level == "routine"  # the default threshold's plausible cause


@settings(max_examples=400, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(requests)
def test_the_triage_is_never_below_the_care_level_of_a_cause_at_its_threshold(request):
    result = assess(AssessmentInput.from_dict(request), KNOWLEDGE)
    for condition in result.conditions:
        facts = KNOWLEDGE.conditions[condition.code]
        reached = condition.probability is not None and condition.probability >= facts.thresholds.escalate_at
        if reached and facts.is_dangerous:
            assert level(result) >= facts.care_level.rank, (condition.code, condition.probability)
        if condition.rule_out:
            assert facts.is_dangerous  # a cause to rule out is a dangerous one
    for flag in result.triage.red_flags:
        assert level(result) >= TriageLevel(flag.urgency).rank
