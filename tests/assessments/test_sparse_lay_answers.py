"""The clinical review of engine v2 as a lay person on a phone: each of its examples gives the safe answer now.

Three to six ticks, no examination: the dangerous mild presentations are caught, and the advice fits the person
and the triage (clinical reference §12).
"""

import re

from tests.assessments.engine_helpers import KNOWLEDGE, level, probability, run, treatments

GROIN = [{"region": "groin", "side": "right"}]
BACK = [{"region": "lower-back", "side": "both"}]
LOIN_TO_GROIN = [{"region": "flank", "side": "right"}, {"region": "groin", "side": "right"}]
DOACS = re.compile(r"apixaban|rivaroxaban|edoxaban|dabigatran", re.IGNORECASE)


def flags(result) -> dict[str, str]:
    return {hit.code: hit.urgency for hit in result.triage.red_flags}


def needs_more_than(result) -> list[str]:
    """The treatments offered that need a clinician sooner than the answer says."""
    return [
        t.code
        for t in result.recommendations.treatments
        if (needed := KNOWLEDGE.treatment_needs.get(t.code)) and needed.rank > level(result)
    ]


def test_77_year_old_woman_who_cannot_stand_on_her_leg_is_an_emergency():
    result = run({"age": 77, "sex": "female", "pain_regions": GROIN, "symptoms": {"unable-to-weight-bear": True}})
    assert result.triage.level == "emergency"
    assert flags(result) == {"suspected-hip-fracture": "emergency"}
    first = result.conditions[0]
    assert (first.code, first.rule_out, first.probability) == ("proximal-femoral-fracture", True, None)
    assert needs_more_than(result) == []


def test_84_year_old_woman_who_fell_yesterday_with_groin_pain_is_seen_today():
    result = run(
        {"age": 84, "sex": "female", "duration_days": 1, "pain_regions": GROIN, "symptoms": {"recent-fall": True}}
    )
    assert result.triage.level == "urgent"
    assert result.triage.red_flags[0].trigger == "fall-with-hip-pain-at-65"
    assert needs_more_than(result) == []  # no emergency surgery on an urgent answer


def test_a_known_aneurysm_with_two_days_of_back_pain_is_an_emergency_with_no_manual_therapy():
    request = {"age": 68, "sex": "male", "duration_days": 2, "pain_regions": BACK}
    result = run({**request, "symptoms": {"known-aortic-aneurysm": True, "back-pain": True}})
    assert result.triage.level == "emergency"
    assert "suspected-aortic-aneurysm" in flags(result)
    assert "manual-therapy" not in treatments(result) and result.recommendations.exercises == ()


def test_sudden_calf_pain_with_atrial_fibrillation_at_80_is_an_emergency_with_no_exercise():
    calf = [{"region": "calf", "side": "right"}]
    result = run(
        {
            "age": 80,
            "sex": "male",
            "pain_regions": calf,
            "symptoms": {"heart-or-circulation-disease": True, "sudden-severe-leg-pain": True},
        }
    )
    assert result.triage.level == "emergency"
    assert result.conditions[0].code == "acute-limb-ischaemia" and result.conditions[0].rule_out
    assert "supervised-exercise-therapy" not in treatments(result) and result.recommendations.exercises == ()
    younger = run({"age": 45, "pain_regions": calf, "symptoms": {"sudden-severe-leg-pain": True}})
    assert "suspected-acute-limb-ischaemia" not in flags(younger)  # neither 60 nor heart disease: no such flag


def test_back_pain_with_feeling_faint_is_an_emergency():
    result = run(
        {
            "age": 45,
            "sex": "male",
            "pain_regions": BACK,
            "symptoms": {"back-pain": True, "collapse-or-feeling-faint": True},
        }
    )
    assert result.triage.level == "emergency"
    assert "suspected-aortic-aneurysm" in flags(result)


def test_leading_renal_colic_is_urgent_and_never_told_to_wait_six_weeks():
    result = run(
        {"age": 40, "sex": "male", "pain_regions": LOIN_TO_GROIN, "symptoms": {"colicky-loin-to-groin-pain": True}}
    )
    assert result.conditions[0].code == "renal-colic"
    assert result.triage.level == "urgent"
    assert "six weeks" not in result.triage.advice.text


def test_renal_colic_with_fever_is_the_infected_kidney_emergency_not_a_spinal_infection():
    result = run(
        {
            "age": 40,
            "sex": "male",
            "pain_regions": LOIN_TO_GROIN,
            "symptoms": {"colicky-loin-to-groin-pain": True, "fever": True},
        }
    )
    assert result.triage.level == "emergency"
    assert set(flags(result)) == {"suspected-infected-obstructed-kidney"}
    assert result.conditions[0].code == "renal-colic" and result.conditions[0].rule_out


def test_knee_pain_with_fever_is_seen_but_is_no_spinal_infection():
    result = run(
        {
            "age": 30,
            "sex": "female",
            "pain_regions": [{"region": "knee-anterior", "side": "right"}],
            "symptoms": {"fever": True},
        }
    )
    assert "suspected-infection" not in flags(result)
    assert "spinal-infection" not in {c.code for c in result.conditions if c.rule_out}
    assert result.triage.level == "routine"


def test_back_pain_at_28_weeks_of_pregnancy_gets_no_anti_inflammatories():
    pregnant = {"pregnancy": True, "pregnancy-20-weeks-or-more": True, "back-pain": True}
    result = run({"age": 30, "sex": "female", "pain_regions": BACK, "symptoms": pregnant})
    assert "nsaids" not in treatments(result)
    assert result.triage.level == "routine"
    assert "nsaids" in treatments(
        run({"age": 30, "sex": "female", "pain_regions": BACK, "symptoms": {"back-pain": True}})
    )


def test_a_swollen_calf_in_pregnancy_or_after_birth_gets_heparin_if_a_clot_is_confirmed_never_tablets():
    for symptoms in ({"pregnancy": True}, {"pregnancy": True, "breastfeeding": True}, {"breastfeeding": True}):
        result = run(
            {
                "age": 31,
                "sex": "female",
                "pain_regions": [{"region": "calf", "side": "left"}],
                "symptoms": {**symptoms, "one-leg-swollen": True},
            }
        )
        anticoagulation = treatments(result)["anticoagulation"]
        assert anticoagulation.message == "safety.anticoagulation_in_pregnancy"
        assert "If a clot is confirmed" in anticoagulation.reason
        assert not DOACS.search(" ".join(t.reason for t in result.recommendations.treatments))


def test_outside_pregnancy_anticoagulation_is_still_worded_if_a_clot_is_confirmed():
    result = run(
        {"age": 50, "pain_regions": [{"region": "calf", "side": "left"}], "symptoms": {"one-leg-swollen": True}}
    )
    assert treatments(result)["anticoagulation"].reason.startswith("If a clot is confirmed")


def test_five_days_of_back_pain_at_21_is_a_strain_not_osteoarthritis():
    result = run({"age": 21, "duration_days": 5, "pain_regions": BACK, "symptoms": {"back-pain": True}})
    assert result.conditions[0].code == "lumbar-muscle-strain"
    assert probability(result, "lumbar-spondylosis") < 0.1
    assert "lumbar-spondylosis" not in [c.code for c in result.conditions[:2]]


def test_back_pain_alone_lists_no_sciatica():
    result = run({"symptoms": {"back-pain": True}})
    assert not {"sciatica", "lumbar-radiculopathy"} & {c.code for c in result.conditions}


def test_no_answer_carries_a_curation_note_or_a_duration_nobody_gave():
    result = run({"age": 70, "pain_regions": GROIN, "symptoms": {"recent-fall": False, "back-pain": True}})
    texts = [t.reason for t in result.recommendations.treatments] + [r.text for r in result.triage.reasons]
    texts += [e.text for c in result.conditions for e in c.evidence]
    assert not [text for text in texts if "knowledge v2" in text or "clinical audit" in text or "Corrected" in text]
    assert not [text for text in texts if "Not having A" in text]
    assert not [text for text in texts if "six weeks" in text]  # no duration was given
