"""The curated floors for the lay items that matter (clinical reference §12.2), and flags that say what they mean.

Each floor is a red-flag trigger (data, with its guideline), its action text its own, so a flag's level and its
words never disagree.
"""

import re

import pytest

from assessments.engine import AssessmentInput
from assessments.engine.red_flags import red_flag_hits
from conditions.vocabulary import TriageLevel
from tests.assessments.engine_helpers import KNOWLEDGE, run

GROIN = [{"region": "groin", "side": "left"}]
BACK = [{"region": "lower-back", "side": "both"}]


def fired(request: dict) -> dict[str, tuple[str, str]]:
    """The red flags that fire, with the trigger whose words they use and its urgency."""
    data = AssessmentInput.from_dict({"age": 45, **request})
    return {hit.code: (hit.trigger, hit.urgency) for hit in red_flag_hits(data, KNOWLEDGE)}


# Each case: a sparse lay request, the flag, the trigger and the urgency §12.2 asks for.
FLOORS = {
    "cannot stand on the leg": (
        {"symptoms": {"unable-to-weight-bear": True}},
        ("suspected-hip-fracture", "cannot-bear-weight", "urgent"),
    ),
    "cannot stand on the leg at 65": (
        {"age": 65, "symptoms": {"unable-to-weight-bear": True}},
        ("suspected-hip-fracture", "cannot-bear-weight-at-65", "emergency"),
    ),
    "cannot stand on the leg after a fall": (
        {"symptoms": {"unable-to-weight-bear": True, "recent-fall": True}},
        ("suspected-hip-fracture", "fall-and-cannot-stand", "emergency"),
    ),
    "a fall at 65 with thigh pain": (
        {"age": 70, "symptoms": {"recent-fall": True}, "pain_regions": [{"region": "thigh-lateral", "side": "left"}]},
        ("suspected-hip-fracture", "fall-with-hip-pain-at-65", "urgent"),
    ),
    "sudden severe leg pain with heart disease": (
        {"symptoms": {"sudden-severe-leg-pain": True, "heart-or-circulation-disease": True}},
        ("suspected-acute-limb-ischaemia", "sudden-pain-with-heart-disease", "emergency"),
    ),
    "sudden severe leg pain at 60": (
        {"age": 60, "symptoms": {"sudden-severe-leg-pain": True}},
        ("suspected-acute-limb-ischaemia", "sudden-pain-at-60", "emergency"),
    ),
    "collapse with loin pain": (
        {"symptoms": {"collapse-or-feeling-faint": True}, "pain_regions": [{"region": "flank", "side": "left"}]},
        ("suspected-aortic-aneurysm", "collapse-with-trunk-pain", "emergency"),
    ),
    "a known aneurysm with tummy pain": (
        {"symptoms": {"known-aortic-aneurysm": True}, "pain_regions": [{"region": "lower-abdomen", "side": "left"}]},
        ("suspected-aortic-aneurysm", "known-aneurysm-with-new-pain", "emergency"),
    ),
    "fever with loin colic": (
        {"symptoms": {"fever": True, "colicky-loin-to-groin-pain": True}},
        ("suspected-infected-obstructed-kidney", "fever-with-loin-colic", "emergency"),
    ),
    "cancer with unsteady walking": (
        {"symptoms": {"history-of-cancer": True, "unsteady-gait": True}},
        ("suspected-malignancy", "cancer-with-neurological-deficit", "emergency"),
    ),
    "cancer with new numbness": (
        {
            "symptoms": {"history-of-cancer": True},
            "sensory_changes": [{"region": "sole", "side": "left", "kind": "numbness"}],
        },
        ("suspected-malignancy", "cancer-with-neurological-deficit", "emergency"),
    ),
    "an artificial hip with groin pain and fever": (
        {"symptoms": {"artificial-hip-or-knee": True, "fever": True}, "pain_regions": GROIN},
        ("suspected-septic-joint", "joint-replacement-with-fever", "emergency"),
    ),
    "a recent hip operation, groin pain, cannot stand": (
        {"symptoms": {"recent-hip-or-knee-surgery": True, "unable-to-weight-bear": True}, "pain_regions": GROIN},
        ("suspected-hip-fracture", "joint-replacement-cannot-stand", "emergency"),
    ),
    "fever with groin pain": (
        {"symptoms": {"fever": True}, "pain_regions": GROIN},
        ("suspected-septic-joint", "fever-with-hip-or-groin-pain", "urgent"),
    ),
    "fever with back pain": (
        {"symptoms": {"fever": True, "back-pain": True}},
        ("suspected-infection", "fever", "urgent"),
    ),
}


@pytest.mark.parametrize("case", sorted(FLOORS))
def test_each_lay_floor_fires_its_own_trigger_at_its_level(case):
    request, (flag, trigger, urgency) = FLOORS[case]
    assert fired(request)[flag] == (trigger, urgency)


@pytest.mark.parametrize(
    ("request_", "flag"),
    [
        (
            {"symptoms": {"fever": True}, "pain_regions": [{"region": "knee-anterior", "side": "left"}]},
            "suspected-infection",
        ),
        ({"symptoms": {"fever": True}, "pain_regions": GROIN}, "suspected-infection"),
        (
            {"symptoms": {"fever": True, "colicky-loin-to-groin-pain": True}, "pain_regions": GROIN},
            "suspected-septic-joint",
        ),
        ({"symptoms": {"recent-fall": True}, "pain_regions": GROIN}, "suspected-hip-fracture"),  # at 45
        (
            {"symptoms": {"known-aortic-aneurysm": True}, "pain_regions": [{"region": "calf", "side": "left"}]},
            "suspected-aortic-aneurysm",
        ),
    ],
    ids=[
        "fever with knee pain",
        "fever with groin pain",
        "fever with loin colic",
        "a fall at 45",
        "aneurysm, calf pain",
    ],
)
def test_a_flag_fires_only_for_what_it_means(request_, flag):
    assert flag not in fired(request_)


def test_femoral_neck_advice_only_for_hip_or_groin_pain():
    hip = fired({"age": 19, "symptoms": {"recent-training-increase": True}, "pain_regions": GROIN})
    assert hip["suspected-stress-fracture"] == ("loading-pain-in-athlete", "urgent")
    back = fired({"age": 16, "symptoms": {"recent-training-increase": True, "back-pain": True}, "pain_regions": BACK})
    assert "suspected-stress-fracture" not in back
    gymnast = run(
        {
            "age": 16,
            "pain_regions": BACK,
            "symptoms": {"back-pain": True, "pain-worse-back-extension": True, "recent-training-increase": True},
        }
    )
    assert gymnast.conditions[0].code == "lumbar-spondylolisthesis" and gymnast.triage.level == "routine"
    assert "crutches" not in " ".join(t.reason for t in gymnast.recommendations.treatments)


def test_an_age_only_rule_out_comes_after_a_cause_the_findings_make_likely():
    sciatica = {
        "age": 72,
        "duration_days": 10,
        "pain_regions": [*BACK, {"region": "calf", "side": "left"}],
        "symptoms": {"back-pain": True, "leg-pain-below-knee": True, "pain-worse-cough-sneeze": True},
        "tests": {"straight-leg-raise": "positive"},
    }
    assert fired(sciatica)["suspected-fracture"] == ("new-back-pain-at-70", "routine")
    result = run(sciatica)
    assert result.conditions[0].code == "lumbar-disc-herniation" and result.conditions[0].probability >= 0.5
    assert (result.conditions[1].code, result.conditions[1].rule_out) == ("vertebral-fracture", True)
    vague = run({"age": 72, "duration_days": 10, "pain_regions": BACK, "symptoms": {"back-pain": True}})
    assert (vague.conditions[0].code, vague.conditions[0].rule_out) == ("vertebral-fracture", True)


def test_no_red_flag_points_to_a_syndrome_and_the_progressive_deficit_flag_names_its_causes():
    for flag in KNOWLEDGE.red_flags:
        assert flag.conditions and not any(KNOWLEDGE.conditions[c].is_syndrome for c in flag.conditions), flag.code
    deficit = next(flag for flag in KNOWLEDGE.red_flags if flag.code == "progressive-neurological-deficit")
    assert {"lumbar-disc-herniation", "common-fibular-neuropathy"} <= set(deficit.conditions)


WORDS = {
    TriageLevel.EMERGENCY: re.compile(r"emergency department|ambulance", re.IGNORECASE),
    TriageLevel.URGENT: re.compile(r"\btoday\b", re.IGNORECASE),
    TriageLevel.ROUTINE: re.compile(r"appointment|book", re.IGNORECASE),
}


def test_every_trigger_says_what_to_do_in_words_that_match_its_urgency():
    for flag in KNOWLEDGE.red_flags:
        for trigger in flag.triggers:
            assert WORDS[trigger.urgency].search(trigger.action), (flag.code, trigger.code, trigger.action)
            if trigger.urgency == TriageLevel.ROUTINE:
                assert not WORDS[TriageLevel.URGENT].search(trigger.action), (flag.code, trigger.code)
            assert "999" not in trigger.action  # the emergency number is the country's, in the advice


def test_a_fired_flag_carries_its_triggers_action():
    result = run({"age": 72, "symptoms": {"unable-to-weight-bear": True}, "pain_regions": GROIN})
    hit = result.triage.red_flags[0]
    trigger = next(t for f in KNOWLEDGE.red_flags if f.code == hit.code for t in f.triggers if t.code == hit.trigger)
    assert hit.action == trigger.action and hit.urgency == trigger.urgency == "emergency"
