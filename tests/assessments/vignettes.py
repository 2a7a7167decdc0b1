"""Clinical vignettes written from the clinical reference and the seed articles.

Each is a typical presentation: the condition expected among the first three, the root expected
first where the findings localise to one, and the triage level the case needs.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Vignette:
    """A presentation and what a careful clinician would conclude from it."""

    name: str
    request: dict
    condition: str
    triage: str
    root: str | None = None
    nerve: str | None = None
    red_flags: tuple[str, ...] = ()
    first: bool = False  # the condition must be the very first, not just in the first three
    notes: str = field(default="", compare=False)


def pain(side, *regions):
    return [{"region": region, "side": side} for region in regions]


def numb(side, *regions, kind="numbness"):
    return [{"region": region, "side": side, "kind": kind} for region in regions]


def weak(side, *actions):
    return [{"action": action, "side": side} for action in actions]


NO_CAUDA_EQUINA = {"saddle-anaesthesia": False, "bladder-dysfunction": False, "bowel-dysfunction": False}

VIGNETTES = [
    Vignette(
        "L5 disc herniation: sciatica with a weak big toe and a numb top of the foot",
        {
            "age": 38,
            "duration_days": 14,
            "pain_regions": pain("left", "lower-back", "buttock", "thigh-posterior", "leg-lateral"),
            "sensory_changes": numb("left", "foot-dorsum"),
            "weakness": weak("left", "great-toe-extension"),
            "symptoms": {
                "back-pain": True,
                "leg-pain-below-knee": True,
                "leg-pain-worse-than-back-pain": True,
                "pain-sharp-shooting": True,
                "pain-worse-cough-sneeze": True,
                "pain-worse-sitting": True,
                **NO_CAUDA_EQUINA,
            },
            "tests": {"straight-leg-raise": "positive", "crossed-straight-leg-raise": "positive"},
        },
        condition="lumbar-disc-herniation",
        root="L5",
        triage="routine",
    ),
    Vignette(
        "S1 radiculopathy: pain to the outer foot, weak calf, absent ankle jerk",
        {
            "age": 45,
            "duration_days": 21,
            "pain_regions": pain("right", "buttock", "thigh-posterior", "calf", "foot-lateral"),
            "sensory_changes": numb("right", "foot-lateral", "sole"),
            "weakness": weak("right", "ankle-plantarflexion"),
            "reflexes": [{"reflex": "achilles", "side": "right", "status": "absent"}],
            "symptoms": {"back-pain": True, "leg-pain-below-knee": True, "pain-sharp-shooting": True},
            "tests": {"straight-leg-raise": "positive"},
        },
        condition="lumbar-radiculopathy",
        root="S1",
        triage="routine",
    ),
    Vignette(
        "Sciatica without deficit: shooting pain down the back of the leg, positive slump test",
        {
            "age": 33,
            "duration_days": 10,
            "pain_regions": pain("left", "buttock", "thigh-posterior", "calf"),
            "symptoms": {
                "back-pain": True,
                "leg-pain-below-knee": True,
                "leg-pain-worse-than-back-pain": True,
                "pain-sharp-shooting": True,
                "pain-worse-cough-sneeze": True,
                **NO_CAUDA_EQUINA,
            },
            "tests": {"straight-leg-raise": "positive", "slump-test": "positive"},
        },
        condition="sciatica",
        triage="routine",
    ),
    Vignette(
        "L3 femoral nerve impingement: front of thigh pain, weak quadriceps, reduced knee jerk (seed 000)",
        {
            "age": 58,
            "duration_days": 20,
            "pain_regions": pain("right", "thigh-anterior", "groin", "knee-medial"),
            "sensory_changes": numb("right", "knee-medial"),
            "weakness": weak("right", "knee-extension"),
            "reflexes": [{"reflex": "patellar", "side": "right", "status": "reduced"}],
            "symptoms": {
                "difficulty-climbing-stairs": True,
                "knee-giving-way": True,
                "back-pain": True,
                "leg-pain-below-knee": False,
            },
            "tests": {"femoral-nerve-stretch": "positive", "straight-leg-raise": "negative"},
        },
        condition="femoral-nerve-impingement",
        root="L3",
        triage="routine",
        first=True,
    ),
    Vignette(
        "L2 root: groin and upper front thigh, weak hip flexion",
        {
            "age": 62,
            "duration_days": 30,
            "pain_regions": pain("left", "groin", "thigh-anterior"),
            "sensory_changes": numb("left", "thigh-anterior"),
            "weakness": weak("left", "hip-flexion"),
            "symptoms": {"back-pain": True, "difficulty-climbing-stairs": True},
            "tests": {"femoral-nerve-stretch": "positive"},
        },
        condition="femoral-nerve-impingement",
        root="L2",
        triage="routine",
    ),
    Vignette(
        "L4 radiculopathy: inner shin numbness, weak ankle dorsiflexion, reduced knee jerk",
        {
            "age": 50,
            "duration_days": 25,
            "pain_regions": pain("right", "lower-back", "thigh-anterior", "knee-anterior", "leg-medial"),
            "sensory_changes": numb("right", "leg-medial"),
            "weakness": weak("right", "ankle-dorsiflexion"),
            "reflexes": [{"reflex": "patellar", "side": "right", "status": "reduced"}],
            "symptoms": {"back-pain": True, "leg-pain-below-knee": True, "pain-sharp-shooting": True},
        },
        condition="lumbar-radiculopathy",
        root="L4",
        triage="routine",
    ),
    Vignette(
        "Common fibular neuropathy: foot drop and a numb top of the foot, no back pain, negative SLR",
        {
            "age": 30,
            "duration_days": 5,
            "pain_regions": pain("left", "leg-lateral"),
            "sensory_changes": numb("left", "foot-dorsum", "leg-lateral"),
            "weakness": weak("left", "ankle-dorsiflexion", "great-toe-extension", "ankle-eversion"),
            "symptoms": {"foot-drop": True, "back-pain": False, "pain-worse-cough-sneeze": False},
            "tests": {"straight-leg-raise": "negative", "slump-test": "negative"},
        },
        condition="common-fibular-neuropathy",
        nerve="common-fibular",
        triage="urgent",
        first=True,
        red_flags=("progressive-neurological-deficit",),
    ),
    Vignette(
        "Lumbar spinal stenosis: both legs ache on walking, eased by sitting or bending forward",
        {
            "age": 72,
            "duration_days": 200,
            "pain_regions": [*pain("both", "buttock", "thigh-posterior", "calf")],
            "symptoms": {
                "pain-worse-standing-walking": True,
                "pain-relieved-sitting-or-bending-forward": True,
                "back-pain": True,
                "pain-worse-back-extension": True,
                "pain-worse-sitting": False,
                **NO_CAUDA_EQUINA,
            },
            "tests": {"straight-leg-raise": "negative"},
        },
        condition="lumbar-spinal-stenosis",
        triage="routine",
        first=True,
    ),
    Vignette(
        "Lumbar spondylosis (facet joint pain): stiff aching back, worse leaning back, referred to the buttock",
        {
            "age": 60,
            "duration_days": 20,
            "pain_regions": [*pain("both", "lower-back"), *pain("right", "buttock")],
            "symptoms": {
                "back-pain": True,
                "pain-dull-ache": True,
                "morning-stiffness": True,
                "pain-worse-back-extension": True,
                "pain-brief-with-movement": True,
                "leg-pain-below-knee": False,
            },
            "tests": {"lumbar-extension-rotation-test": "positive", "straight-leg-raise": "negative"},
        },
        condition="lumbar-spondylosis",
        triage="self_care",
    ),
    Vignette(
        "Sacroiliac joint pain after pregnancy: upper buttock and groin (seed 000), positive SI cluster",
        {
            "age": 32,
            "duration_days": 30,
            "pain_regions": pain("left", "sacroiliac-area", "buttock", "groin"),
            "symptoms": {"pregnancy": True, "pain-dull-ache": True, "leg-pain-below-knee": False},
            "tests": {"si-provocation-cluster": "positive", "faber": "positive", "straight-leg-raise": "negative"},
        },
        condition="sacroiliac-joint-pain",
        triage="self_care",
        first=True,
    ),
    Vignette(
        "Piriformis syndrome in a runner: buttock pain worse sitting, positive FAIR test (seed 003)",
        {
            "age": 35,
            "duration_days": 21,
            "pain_regions": pain("right", "buttock", "thigh-posterior"),
            "symptoms": {
                "pain-worse-sitting": True,
                "regular-running-or-cycling": True,
                "back-pain": False,
                "pain-worse-cough-sneeze": False,
            },
            "tests": {"fair-test": "positive", "straight-leg-raise": "negative"},
        },
        condition="piriformis-syndrome",
        triage="self_care",
        first=True,
    ),
    Vignette(
        "Lumbar muscle strain after lifting: dull ache, tender muscles, no leg pain (seed 003)",
        {
            "age": 28,
            "duration_days": 3,
            "pain_regions": pain("both", "lower-back"),
            "symptoms": {
                "onset-after-lifting-or-strain": True,
                "back-pain": True,
                "pain-dull-ache": True,
                "leg-pain-below-knee": False,
                "pain-sharp-shooting": False,
                **NO_CAUDA_EQUINA,
            },
            "tests": {"paraspinal-tenderness": "positive", "straight-leg-raise": "negative"},
        },
        condition="lumbar-muscle-strain",
        triage="self_care",
        first=True,
    ),
    Vignette(
        "Lumbar muscle strain that has not settled after eight weeks",
        {
            "age": 36,
            "duration_days": 56,
            "pain_regions": pain("both", "lower-back"),
            "symptoms": {
                "onset-after-lifting-or-strain": True,
                "back-pain": True,
                "pain-dull-ache": True,
                "leg-pain-below-knee": False,
            },
            "tests": {"paraspinal-tenderness": "positive"},
        },
        condition="lumbar-muscle-strain",
        triage="routine",
    ),
    Vignette(
        "Cauda equina syndrome: saddle numbness and new bladder trouble with bilateral sciatica (seed 000)",
        {
            "age": 45,
            "duration_days": 2,
            "pain_regions": [*pain("both", "lower-back", "buttock", "thigh-posterior")],
            "sensory_changes": numb("both", "perineum"),
            "symptoms": {
                "saddle-anaesthesia": True,
                "bladder-dysfunction": True,
                "back-pain": True,
                "leg-pain-below-knee": True,
            },
        },
        condition="cauda-equina-syndrome",
        triage="emergency",
        first=True,
        red_flags=("cauda-equina",),
    ),
    Vignette(
        "Patellofemoral pain in a runner: front of knee pain on stairs and sitting (seed 000)",
        {
            "age": 24,
            "duration_days": 40,
            "pain_regions": pain("left", "knee-anterior", "thigh-anterior"),
            "symptoms": {
                "pain-worse-stairs": True,
                "pain-worse-sitting": True,
                "regular-running-or-cycling": True,
                "back-pain": False,
                "knee-locking-or-swelling": False,
            },
            "tests": {"knee-joint-line-tenderness": "negative"},
        },
        condition="patellofemoral-pain",
        triage="self_care",
        first=True,
    ),
    Vignette(
        "Knee osteoarthritis: stiff aching inner knee in an older adult, referred up the thigh (seed 000)",
        {
            "age": 67,
            "duration_days": 365,
            "pain_regions": pain("right", "knee-medial", "knee-anterior", "thigh-anterior"),
            "symptoms": {
                "morning-stiffness": True,
                "pain-worse-stairs": True,
                "pain-dull-ache": True,
                "back-pain": False,
                "knee-locking-or-swelling": True,
            },
            "tests": {"knee-joint-line-tenderness": "positive"},
        },
        condition="knee-osteoarthritis",
        triage="routine",
    ),
    Vignette(
        "Meniscal tear after a twisting injury: locking, giving way, joint line tenderness (seed 000)",
        {
            "age": 29,
            "duration_days": 7,
            "pain_regions": pain("left", "knee-medial"),
            "symptoms": {
                "knee-locking-or-swelling": True,
                "knee-giving-way": True,
                "onset-after-lifting-or-strain": True,
                "back-pain": False,
            },
            "tests": {"knee-joint-line-tenderness": "positive"},
        },
        condition="knee-meniscal-or-ligament-injury",
        triage="routine",
        first=True,
    ),
    Vignette(
        "Meralgia paresthetica: burning, numb outer thigh with a tight belt",
        {
            "age": 48,
            "duration_days": 60,
            "pain_regions": pain("right", "thigh-lateral"),
            "sensory_changes": numb("right", "thigh-lateral", kind="tingling"),
            "symptoms": {
                "pain-burning": True,
                "tight-clothing-or-obesity": True,
                "back-pain": False,
                "leg-pain-below-knee": False,
            },
            "tests": {"straight-leg-raise": "negative", "femoral-nerve-stretch": "negative"},
        },
        condition="meralgia-paresthetica",
        nerve="lateral-femoral-cutaneous",
        triage="routine",
        first=True,
    ),
    Vignette(
        "Hip osteoarthritis: groin and front of thigh ache, stiff, painful limited internal rotation",
        {
            "age": 68,
            "duration_days": 300,
            "pain_regions": pain("right", "groin", "thigh-anterior", "buttock"),
            "symptoms": {
                "morning-stiffness": True,
                "pain-worse-standing-walking": True,
                "pain-dull-ache": True,
                "back-pain": False,
                "leg-pain-below-knee": False,
            },
            "tests": {
                "hip-internal-rotation-painful-limited": "positive",
                "straight-leg-raise": "negative",
                "femoral-nerve-stretch": "negative",
            },
        },
        condition="hip-osteoarthritis",
        triage="routine",
        first=True,
    ),
    Vignette(
        "Greater trochanteric pain syndrome: outer hip pain lying on that side, tender trochanter",
        {
            "age": 55,
            "sex": "female",
            "duration_days": 90,
            "pain_regions": pain("left", "hip-lateral", "thigh-lateral"),
            "symptoms": {
                "pain-worse-lying-on-side": True,
                "pain-worse-stairs": True,
                "back-pain": False,
                "leg-pain-below-knee": False,
            },
            "tests": {
                "trochanteric-tenderness": "positive",
                "straight-leg-raise": "negative",
                "hip-internal-rotation-painful-limited": "negative",
            },
        },
        condition="greater-trochanteric-pain-syndrome",
        triage="routine",
        first=True,
    ),
    Vignette(
        "Spinal malignancy: new back pain, past cancer, night pain and weight loss",
        {
            "age": 66,
            "duration_days": 28,
            "pain_regions": pain("both", "lower-back"),
            "symptoms": {
                "history-of-cancer": True,
                "pain-at-night": True,
                "unexplained-weight-loss": True,
                "back-pain": True,
            },
        },
        condition="spinal-malignancy",
        triage="urgent",
        first=True,
        red_flags=("suspected-malignancy",),
    ),
    Vignette(
        "Spinal infection: back pain with fever in someone who injects drugs",
        {
            "age": 40,
            "duration_days": 6,
            "pain_regions": pain("both", "lower-back"),
            "symptoms": {"fever": True, "infection-risk": True, "back-pain": True},
        },
        condition="spinal-infection",
        triage="urgent",
        first=True,
        red_flags=("suspected-infection",),
    ),
    Vignette(
        "Vertebral fracture: sudden back pain after a strain in someone with osteoporosis",
        {
            "age": 78,
            "sex": "female",
            "duration_days": 4,
            "pain_regions": pain("both", "lower-back"),
            "symptoms": {"osteoporosis-or-steroid-use": True, "onset-after-lifting-or-strain": True, "back-pain": True},
        },
        condition="vertebral-fracture",
        triage="urgent",
        first=True,
        red_flags=("suspected-fracture",),
    ),
    Vignette(
        "Vertebral fracture after a fall from a ladder",
        {
            "age": 44,
            "duration_days": 1,
            "pain_regions": pain("both", "lower-back"),
            "symptoms": {"significant-trauma": True, "back-pain": True},
        },
        condition="vertebral-fracture",
        # v1 expected "urgent"; significant trauma with new back pain is an emergency (NICE NG41, audit v2).
        triage="emergency",
        first=True,
        red_flags=("suspected-fracture",),
    ),
    Vignette(
        "Progressive L5 deficit: worsening foot drop with sciatica (seed 000)",
        {
            "age": 50,
            "duration_days": 20,
            "pain_regions": pain("right", "buttock", "thigh-posterior", "leg-lateral"),
            "sensory_changes": numb("right", "foot-dorsum", "big-toe"),
            "weakness": weak("right", "great-toe-extension", "ankle-dorsiflexion", "hip-abduction"),
            "symptoms": {
                "progressive-weakness": True,
                "foot-drop": True,
                "back-pain": True,
                "leg-pain-below-knee": True,
                **NO_CAUDA_EQUINA,
            },
            "tests": {"straight-leg-raise": "positive"},
        },
        condition="lumbar-radiculopathy",
        root="L5",
        triage="urgent",
        red_flags=("progressive-neurological-deficit",),
    ),
    Vignette(
        "Weakness of both legs that is getting worse",
        {
            "age": 55,
            "duration_days": 3,
            "pain_regions": pain("both", "lower-back", "thigh-posterior"),
            "weakness": weak("both", "ankle-dorsiflexion", "ankle-plantarflexion"),
            "symptoms": {"progressive-weakness": True, "back-pain": True},
        },
        condition="cauda-equina-syndrome",
        triage="emergency",
        red_flags=("cauda-equina", "progressive-neurological-deficit"),
    ),
    Vignette(
        "Loss of bowel control alone is enough for an emergency",
        {"age": 39, "symptoms": {"bowel-dysfunction": True, "back-pain": True}},
        condition="cauda-equina-syndrome",
        triage="emergency",
        first=True,
        red_flags=("cauda-equina",),
    ),
]
