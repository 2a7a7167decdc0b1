"""Lay explanations: every evidence sentence true to its finding, and no answer that contradicts itself."""

import pytest

from tests.assessments.engine_helpers import CODES, KNOWLEDGE, causes_sum, run
from tests.assessments.vignettes import VIGNETTES

# --- explanations, everything true or false, contradictions -------------------------------------


def test_each_evidence_item_has_a_name_and_a_plain_sentence():
    result = run({"symptoms": {"pain-worse-cough-sneeze": True, "leg-pain-below-knee": True}})
    herniation = next(c for c in result.conditions if c.code == "lumbar-disc-herniation")
    cough = next(e for e in herniation.evidence if e.item == "symptoms.pain-worse-cough-sneeze")
    assert cough.name == "Pain worse when coughing or sneezing"
    assert cough.text == "Pain worse when coughing or sneezing: this makes lumbar disc herniation more likely."
    assert cough.provenance in {"study", "curator_estimate"}


def test_everything_true_is_an_emergency_with_causes_to_rule_out_first():
    everything = {
        "sex": "female",
        "duration_days": 30,
        "symptoms": dict.fromkeys(CODES["symptoms"], True),
        "tests": dict.fromkeys(CODES["clinical_tests"], "positive"),
    }
    result = run(everything)
    assert result.triage.level == "emergency"
    assert result.conditions[0].rule_out
    assert causes_sum(result) <= 1


def test_everything_negative_is_calm_and_names_no_structure():
    result = run(
        {
            "symptoms": dict.fromkeys(CODES["symptoms"], False),
            "tests": dict.fromkeys(CODES["clinical_tests"], "negative"),
        }
    )
    assert result.triage.red_flags == ()
    assert result.nerve_roots == () and result.nerves == ()
    assert causes_sum(result) <= 1


def test_contradictory_findings_do_not_break_the_engine():
    result = run(
        {
            "sensory_changes": [{"region": "foot-dorsum", "side": "left", "kind": "numbness"}],
            "reflexes": [
                {"reflex": "achilles", "side": "left", "status": "absent"},
                {"reflex": "achilles", "side": "left", "status": "brisk"},
            ],
            "tests": {"straight-leg-raise": "positive", "slump-test": "negative"},
            "symptoms": {"back-pain": True, "pain-dull-ache": True, "pain-sharp-shooting": True},
        }
    )
    assert causes_sum(result) <= 1
    assert result.triage.level in {"urgent", "emergency"}  # brisk reflexes: the cord must be considered


def test_a_cause_to_rule_out_keeps_its_exercises_to_avoid_out_of_the_suggestions():
    result = run({"age": 72, "duration_days": 10, "pain_regions": [{"region": "lower-back", "side": "both"}],
                  "symptoms": {"back-pain": True}})  # fmt: skip
    assert result.conditions[0].code == "vertebral-fracture" and result.conditions[0].rule_out
    avoid = {
        c for c, link in KNOWLEDGE.conditions["vertebral-fracture"].exercises.items() if link.suitability == "avoid"
    }
    assert avoid and not avoid & {e.code for e in result.recommendations.exercises}


@pytest.mark.parametrize("test", ["babinski-sign", "hoffmann-sign", "ankle-clonus"])
def test_an_upper_motor_neurone_sign_is_urgent_even_with_back_pain_alone(test):
    result = run({"pain_regions": [{"region": "lower-back", "side": "both"}], "tests": {test: "positive"}})
    assert result.triage.level in {"urgent", "emergency"}


def test_buttock_and_sacroiliac_pain_on_either_side_is_not_a_bilateral_leg_warning():
    result = run(
        {
            "pain_regions": [{"region": "sacroiliac-area", "side": "left"}, {"region": "buttock", "side": "right"}],
            "symptoms": {"leg-pain-below-knee": True},
        }
    )
    assert "bilateral-radicular-symptoms" not in {flag.code for flag in result.triage.red_flags}


def test_the_first_three_entries_are_causes_even_when_one_dominates():
    result = run(VIGNETTES[0].request)  # an L5 disc herniation: nothing else reaches 1%
    assert [c.role for c in result.conditions[:3]] == ["cause", "cause", "cause"]
