"""The safety pass: a test for each rule, then its properties over random valid requests."""

import re
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments.engine import AssessmentInput, assess
from assessments.engine.codes import LYING_FLAT_EXERCISES, OSTEOARTHRITIS
from assessments.engine.knowledge import TreatmentLink
from assessments.engine.safety import NOT_WHEN_URGENT, RULES
from conditions.vocabulary import Recommendation, TriageLevel
from tests.assessments.engine_helpers import KNOWLEDGE, level, requests, run, treatments

BACK = [{"region": "lower-back", "side": "both"}]
GROIN = [{"region": "groin", "side": "right"}]
DOACS = re.compile(r"apixaban|rivaroxaban|edoxaban|dabigatran", re.IGNORECASE)


def test_the_safety_rules_run_in_the_pipeline_after_care_is_chosen():
    names = [type(rule).__name__ for rule in RULES]
    assert names[:2] == ["CareNeedingAClinicianRaisesTheTriage", "CareFitsTheTriage"]  # raise first, then fit
    assert len(names) == len(set(names)) == 6


def test_a_recommended_treatment_that_needs_a_clinician_today_raises_a_routine_answer():
    # Knee osteoarthritis leads at 70 with knee pain; give it a recommended urgent referral for the test.
    conditions = dict(KNOWLEDGE.conditions)
    knee = conditions["knee-osteoarthritis"]
    link = TreatmentLink(Recommendation.RECOMMENDED, "For the test.", False)
    conditions["knee-osteoarthritis"] = replace(
        knee, treatments={**knee.treatments, "urgent-specialist-referral": link}
    )
    request = {
        "age": 70,
        "pain_regions": [{"region": "knee-medial", "side": "left"}],
        "symptoms": {"pain-worse-stairs": True},
    }
    before = run(request)
    after = assess(AssessmentInput.from_dict(request), replace(KNOWLEDGE, conditions=conditions))
    assert before.conditions[0].code == after.conditions[0].code == "knee-osteoarthritis"
    assert level(before) < TriageLevel.URGENT.rank
    assert after.triage.level == "urgent"
    assert [r.message for r in after.triage.reasons] == ["triage.treatment_needs"]
    assert after.recommendations.exercises == ()  # an urgent answer offers no exercises


def test_conditional_care_that_needs_a_clinician_sooner_is_left_out_not_raised():
    # A meniscal tear "considers" an urgent referral for a knee that locks: the answer stays routine without it.
    request = {
        "age": 29,
        "pain_regions": [{"region": "knee-medial", "side": "left"}],
        "symptoms": {"knee-locking-or-swelling": True, "knee-giving-way": True},
    }
    result = run(request)
    assert result.conditions[0].code == "knee-meniscal-or-ligament-injury"
    assert result.triage.level == "routine"
    assert "urgent-specialist-referral" not in treatments(result)


def test_an_urgent_answer_offers_no_self_management_exercise_or_manual_therapy():
    result = run({"age": 45, "pain_regions": BACK, "symptoms": {"back-pain": True, "fever": True}})
    assert result.triage.level == "urgent"
    kinds = {KNOWLEDGE.treatment_kinds[code] for code in treatments(result)}
    assert not kinds & NOT_WHEN_URGENT
    assert result.recommendations.exercises == ()


def test_a_self_care_answer_offers_nothing_that_needs_an_appointment():
    result = run(
        {"age": 25, "duration_days": 3, "pain_regions": BACK, "symptoms": {"onset-after-lifting-or-strain": True}}
    )
    assert result.triage.level == "self_care"
    assert not set(treatments(result)) & set(KNOWLEDGE.treatment_needs)


def test_no_anti_inflammatory_in_pregnancy_whatever_its_stage():
    for pregnant in ({"pregnancy": True}, {"pregnancy-20-weeks-or-more": True}):
        result = run({"age": 30, "sex": "female", "pain_regions": BACK, "symptoms": {"back-pain": True, **pregnant}})
        assert "nsaids" not in treatments(result)


def test_no_exercise_lying_flat_in_pregnancy():
    strain = {"age": 30, "sex": "female", "duration_days": 3, "pain_regions": BACK, "symptoms": {"back-pain": True}}
    assert LYING_FLAT_EXERCISES & {e.code for e in run(strain).recommendations.exercises}
    pregnant = run({**strain, "symptoms": {"back-pain": True, "pregnancy": True}})
    assert not LYING_FLAT_EXERCISES & {e.code for e in pregnant.recommendations.exercises}


def test_no_osteoarthritis_care_or_joint_replacement_under_40():
    hip = {
        "age": 35,
        "duration_days": 300,
        "pain_regions": GROIN,
        "symptoms": {"pain-worse-stairs": True, "morning-stiffness": True},
        "tests": {"hip-internal-rotation-painful-limited": "positive"},
    }
    young = run(hip)
    assert not [t for t in young.recommendations.treatments if t.condition in OSTEOARTHRITIS]
    assert not [e for e in young.recommendations.exercises if e.condition in OSTEOARTHRITIS]
    assert "joint-replacement" not in treatments(young)
    older = run({**hip, "age": 70})
    assert [t for t in older.recommendations.treatments if t.condition in OSTEOARTHRITIS]


# --- properties over random valid requests ---------------------------------------------------------

PROPERTY_SETTINGS = settings(
    max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY_SETTINGS
@given(requests)
def test_the_answer_never_contradicts_its_own_triage(request):
    result = assess(AssessmentInput.from_dict(request), KNOWLEDGE)
    for advice in result.recommendations.treatments:
        needed = KNOWLEDGE.treatment_needs.get(advice.code)
        assert needed is None or needed.rank <= level(result), advice.code
    if result.triage.level in ("urgent", "emergency"):
        assert result.recommendations.exercises == ()
        assert not {KNOWLEDGE.treatment_kinds[t.code] for t in result.recommendations.treatments} & NOT_WHEN_URGENT
    if result.triage.level == "self_care":
        assert not any(t.invasive for t in result.recommendations.treatments)


@PROPERTY_SETTINGS
@given(requests, st.sampled_from(["pregnancy", "pregnancy-20-weeks-or-more", "breastfeeding"]))
def test_pregnancy_and_breastfeeding_never_get_an_nsaid_from_20_weeks_nor_a_doac(request, item):
    request = {**request, "symptoms": {**request.get("symptoms", {}), item: True}}
    result = assess(AssessmentInput.from_dict(request), KNOWLEDGE)
    if item != "breastfeeding":
        assert "nsaids" not in treatments(result)
    assert not DOACS.search(" ".join(t.reason for t in result.recommendations.treatments))


@PROPERTY_SETTINGS
@given(requests)
def test_nothing_invasive_for_the_young_osteoarthritis_or_a_joint(request):
    request = {**request, "age": min(request["age"], 39)}
    result = assess(AssessmentInput.from_dict(request), KNOWLEDGE)
    assert "joint-replacement" not in treatments(result)
    assert not [t for t in result.recommendations.treatments if t.condition in OSTEOARTHRITIS]
