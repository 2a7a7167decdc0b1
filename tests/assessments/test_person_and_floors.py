"""Who the person is (age, sex, duration) and the triage floors the findings set."""

import pytest

from tests.assessments.engine_helpers import GROIN, KNOWLEDGE, probability, run

# --- age, sex and duration ----------------------------------------------------------------------


def test_hip_osteoarthritis_is_unlikely_at_22_and_likely_at_70():
    young, old = run({**GROIN, "age": 22}), run({**GROIN, "age": 70})
    assert probability(young, "hip-osteoarthritis") < 0.1
    assert probability(old, "hip-osteoarthritis") > 3 * probability(young, "hip-osteoarthritis")


def test_knee_osteoarthritis_is_not_the_answer_at_30():
    result = run({"age": 30, "pain_regions": [{"region": "knee-medial", "side": "left"}]})
    assert probability(result, "knee-osteoarthritis") < 0.3


def test_new_back_pain_at_85_is_not_self_care():
    result = run({"age": 85, "duration_days": 5, "symptoms": {"back-pain": True}})
    assert result.triage.level != "self_care"
    assert "vertebral-fracture" in [c.code for c in result.conditions[:3]]


def test_a_strain_four_months_old_no_longer_outranks_facet_joint_pain():
    request = {
        "duration_days": 120,
        "pain_regions": [{"region": "lower-back", "side": "both"}],
        "symptoms": {"back-pain": True, "pain-worse-back-extension": True},
    }
    result = run(request)
    assert probability(result, "lumbar-spondylosis") > probability(result, "lumbar-muscle-strain")


def test_an_aneurysm_is_likelier_in_an_older_man():
    pain = {"symptoms": {"sudden-severe-abdominal-or-back-pain": True}}
    man, woman = run({**pain, "age": 72, "sex": "male"}), run({**pain, "age": 72, "sex": "female"})
    assert man.triage.level == woman.triage.level == "emergency"  # a red flag for both: rule it out
    aneurysm = next(c for c in man.conditions if c.code == "abdominal-aortic-aneurysm")
    assert {"age", "sex"} <= {e.item for e in aneurysm.evidence}


# --- triage floors -------------------------------------------------------------------------------


@pytest.mark.parametrize("symptom", ["knee-giving-way", "difficulty-climbing-stairs", "foot-drop"])
def test_weakness_a_person_reports_sets_at_least_routine(symptom):
    result = run(
        {
            "pain_regions": [
                {"region": "lower-back", "side": "left"},
                {"region": "groin", "side": "left"},
                {"region": "thigh-anterior", "side": "left"},
            ],
            "symptoms": {symptom: True},
        }
    )
    assert result.triage.level != "self_care"
    assert any(reason.message.startswith("triage.finding.") for reason in result.triage.reasons) or (
        result.triage.red_flags
    )


def test_the_leading_cause_sets_its_care_level_only_when_the_engine_is_fairly_sure():
    vague = run({"pain_regions": [{"region": "buttock", "side": "left"}, {"region": "thigh-lateral", "side": "left"}]})
    leading = next(c for c in vague.conditions if c.probability is not None)
    leads_at = KNOWLEDGE.conditions[leading.code].thresholds.leads_at
    said = any(reason.message == "triage.leading_cause" for reason in vague.triage.reasons)
    assert said == (
        leading.probability >= leads_at and vague.triage.level == KNOWLEDGE.conditions[leading.code].care_level
    )
