"""Red flags on the shipped knowledge: each fires on its guideline's pattern, at the guideline's urgency."""

import pytest

from assessments.engine import AssessmentInput
from assessments.engine.red_flags import red_flag_hits
from tests.assessments.fixture_snapshot import fixture_knowledge

BACK = [{"region": "lower-back", "side": "both"}]


def hits(request: dict) -> dict[str, str]:
    """The red flags that fire for a request, with their urgency."""
    data = AssessmentInput.from_dict({"age": 45, **request})
    return {hit.code: hit.urgency for hit in red_flag_hits(data, fixture_knowledge())}


def both(field: str, code: str, **extra) -> list[dict]:
    """The same finding on the left and on the right."""
    return [{field: code, "side": side, **extra} for side in ("left", "right")]


# Each case: a request, the red flag it must fire and at what urgency (reference §7, §10.2 and §11).
FIRES = {
    "both feet weak, not worsening: emergency (severe bilateral deficit)": (
        {"weakness": both("action", "ankle-dorsiflexion"), "pain_regions": BACK},
        "cauda-equina",
        "emergency",
    ),
    "road accident with new back pain: emergency": (
        {"symptoms": {"significant-trauma": True, "back-pain": True}, "pain_regions": BACK},
        "suspected-fracture",
        "emergency",
    ),
    "cancer history and a new deficit: emergency": (
        {"symptoms": {"history-of-cancer": True}, "weakness": [{"action": "great-toe-extension", "side": "left"}]},
        "suspected-malignancy",
        "emergency",
    ),
    "fever and back pain with a new deficit: emergency": (
        {
            "symptoms": {"fever": True, "back-pain": True},
            "sensory_changes": [{"region": "foot-dorsum", "side": "left", "kind": "numbness"}],
        },
        "suspected-infection",
        "emergency",
    ),
    "night pain at 50 with weight loss": (
        {"age": 62, "symptoms": {"pain-at-night": True, "unexplained-weight-loss": True}},
        "suspected-malignancy",
        "urgent",
    ),
    "hip fracture after a fall": (
        {
            "age": 84,
            "symptoms": {"recent-fall": True, "unable-to-weight-bear": True},
            "pain_regions": [{"region": "groin", "side": "right"}],
        },
        "suspected-hip-fracture",
        "emergency",
    ),
    "stress fracture in a runner": (
        {
            "age": 24,
            "symptoms": {"recent-training-increase": True},
            "pain_regions": [{"region": "groin", "side": "left"}],
        },
        "suspected-stress-fracture",
        "urgent",
    ),
    "insufficiency fracture at 70": (
        {"age": 70, "symptoms": {"osteoporosis-or-steroid-use": True, "pain-worse-standing-walking": True}},
        "suspected-stress-fracture",
        "urgent",
    ),
    "sudden painful pulseless leg": (
        {
            "age": 74,
            "symptoms": {"sudden-severe-leg-pain": True},
            "tests": {"foot-pulses-reduced-or-absent": "positive"},
        },
        "suspected-acute-limb-ischaemia",
        "emergency",
    ),
    "sudden leg pain with a numb foot": (
        {
            "age": 74,
            "symptoms": {"sudden-severe-leg-pain": True},
            "sensory_changes": [{"region": "sole", "side": "left", "kind": "numbness"}],
        },
        "suspected-acute-limb-ischaemia",
        "emergency",
    ),
    "sudden back pain at 68": (
        {"age": 68, "symptoms": {"sudden-severe-abdominal-or-back-pain": True}},
        "suspected-aortic-aneurysm",
        "emergency",
    ),
    "sudden back pain at 40 with a pulsatile mass": (
        {
            "age": 40,
            "symptoms": {"sudden-severe-abdominal-or-back-pain": True},
            "tests": {"pulsatile-abdominal-mass": "positive"},
        },
        "suspected-aortic-aneurysm",
        "emergency",
    ),
    "one swollen leg": ({"symptoms": {"one-leg-swollen": True}}, "suspected-dvt", "urgent"),
    "new back pain at 80: examine for a fracture": (
        {"age": 80, "duration_days": 6, "symptoms": {"back-pain": True}},
        "suspected-fracture",
        "routine",
    ),
    "calf pain after an operation": (
        {"symptoms": {"recent-surgery-or-immobilisation": True}, "pain_regions": [{"region": "calf", "side": "left"}]},
        "suspected-dvt",
        "urgent",
    ),
    "fever with a hip that cannot bear weight": (
        {
            "symptoms": {"fever": True, "unable-to-weight-bear": True},
            "pain_regions": [{"region": "groin", "side": "right"}],
        },
        "suspected-septic-joint",
        "emergency",
    ),
    "Babinski with leg numbness": (
        {
            "tests": {"babinski-sign": "positive"},
            "sensory_changes": [{"region": "thigh-anterior", "side": "left", "kind": "tingling"}],
        },
        "suspected-cord-compression",
        "urgent",
    ),
    "clumsy hands and unsteady gait": (
        {"age": 66, "symptoms": {"clumsy-hands": True, "unsteady-gait": True}},
        "suspected-cord-compression",
        "urgent",
    ),
    "brisk reflexes with weakness on both sides": (
        {
            "reflexes": both("reflex", "patellar", status="brisk"),
            "weakness": both("action", "hip-flexion"),
        },
        "suspected-cord-compression",
        "emergency",
    ),
    "cancer with band pain and a deficit": (
        {
            "symptoms": {"history-of-cancer": True, "upper-back-or-band-pain": True},
            "weakness": [{"action": "knee-extension", "side": "left"}],
        },
        "suspected-cord-compression",
        "emergency",
    ),
    "leg pain below both knees": (
        {
            "duration_days": 10,
            "symptoms": {"leg-pain-below-knee": True},
            "pain_regions": [{"region": "calf", "side": "both"}],
        },
        "bilateral-radicular-symptoms",
        "urgent",
    ),
    "numb on both sides": (
        {"sensory_changes": both("region", "foot-lateral", kind="numbness")},
        "bilateral-radicular-symptoms",
        "urgent",
    ),
    "both legs with a bladder symptom": (
        {"pain_regions": both("region", "thigh-posterior"), "symptoms": {"bladder-dysfunction": True}},
        "bilateral-radicular-symptoms",
        "emergency",
    ),
    "painful irreducible groin lump": (
        {"symptoms": {"groin-lump-painful-irreducible": True}},
        "suspected-strangulated-hernia",
        "emergency",
    ),
    "inflammatory back pain": (
        {
            "age": 29,
            "duration_days": 200,
            "symptoms": {
                "back-pain-began-before-45": True,
                "back-pain-better-with-exercise": True,
                "woken-second-half-of-night": True,
            },
        },
        "suspected-spondyloarthritis",
        "routine",
    ),
    "new headache at 72": (
        {"age": 72, "symptoms": {"headache-jaw-or-vision-symptoms": True}},
        "suspected-giant-cell-arteritis",
        "urgent",
    ),
}


@pytest.mark.parametrize("case", sorted(FIRES))
def test_a_red_flag_fires_at_the_guideline_urgency(case):
    request, flag, urgency = FIRES[case]
    assert hits(request).get(flag) == urgency


# Each case: a request and a red flag that must NOT fire for it.
SILENT = {
    "night pain alone is not a malignancy flag": ({"symptoms": {"pain-at-night": True}}, "suspected-malignancy"),
    "night pain at 70 without weight loss": ({"age": 70, "symptoms": {"pain-at-night": True}}, "suspected-malignancy"),
    "one inflammatory feature is not enough": (
        {
            "duration_days": 200,
            "symptoms": {"back-pain-began-before-45": True, "back-pain-better-with-exercise": True},
        },
        "suspected-spondyloarthritis",
    ),
    "inflammatory features for only a month": (
        {
            "duration_days": 30,
            "symptoms": {
                "back-pain-began-before-45": True,
                "back-pain-better-with-exercise": True,
                "woken-second-half-of-night": True,
            },
        },
        "suspected-spondyloarthritis",
    ),
    "groin pain without a fall, able to stand, is not a hip fracture": (
        {"symptoms": {"unable-to-weight-bear": False}, "pain_regions": [{"region": "groin", "side": "left"}]},
        "suspected-hip-fracture",
    ),
    "sudden back pain at 30 without aneurysm signs": (
        {"age": 30, "symptoms": {"sudden-severe-abdominal-or-back-pain": True}},
        "suspected-aortic-aneurysm",
    ),
    "the chronic stenosis walking pattern in both legs": (
        {
            "age": 74,
            "duration_days": 400,
            "symptoms": {"leg-pain-below-knee": True, "pain-relieved-sitting-or-bending-forward": True},
            "pain_regions": both("region", "calf"),
        },
        "bilateral-radicular-symptoms",
    ),
    "back pain at 80 for a year is not new": (
        {"age": 80, "duration_days": 365, "symptoms": {"back-pain": True}},
        "suspected-fracture",
    ),
    "medial thigh pain after surgery is not a DVT flag on its own": (
        {
            "symptoms": {"recent-surgery-or-immobilisation": True},
            "pain_regions": [{"region": "thigh-medial", "side": "left"}],
        },
        "suspected-dvt",
    ),
    "headache at 40": (
        {"age": 40, "symptoms": {"headache-jaw-or-vision-symptoms": True}},
        "suspected-giant-cell-arteritis",
    ),
}


@pytest.mark.parametrize("case", sorted(SILENT))
def test_a_red_flag_stays_silent_without_its_pattern(case):
    request, flag = SILENT[case]
    assert flag not in hits(request)
