"""Every knowledge code the engine names, in one place.

The engine's rules are about the knowledge, so a few of them name its codes: the leg's regions, the
trunk's, the saddle area. A test checks that each still exists in the shipped knowledge, and
`missing_codes` tells the same of any snapshot, so a renamed record cannot silently switch a rule off.
"""

from collections.abc import Mapping

# The leg below the hip: buttock, groin, sacroiliac area and trunk pain say nothing about the legs' nerves.
LEG_REGIONS = frozenset(
    {
        "thigh-anterior",
        "thigh-medial",
        "thigh-lateral",
        "thigh-posterior",
        "knee-anterior",
        "knee-medial",
        "knee-posterior",
        "leg-lateral",
        "leg-medial",
        "calf",
        "foot-dorsum",
        "big-toe",
        "foot-lateral",
        "sole",
    }
)
# Pain in the back, the sacroiliac area or the buttock comes with L4, L5 and S1 alike: it follows no dermatome.
AXIAL_REGIONS = frozenset({"lower-back", "sacroiliac-area", "buttock"})
# Below the knee: radicular pain reaches here; referred joint and muscle pain seldom does.
BELOW_KNEE_REGIONS = frozenset({"leg-lateral", "leg-medial", "calf", "foot-dorsum", "big-toe", "foot-lateral", "sole"})
LEG_PAIN_BELOW_KNEE = "leg-pain-below-knee"
# Numbness or tingling marked on the perineum is saddle anaesthesia.
SADDLE_REGION = "perineum"
SADDLE_SYMPTOM = "saddle-anaesthesia"
# Pregnancy (or the six weeks after giving birth) is only refused with sex male.
PREGNANCY = "pregnancy"
PREGNANCY_20_WEEKS = "pregnancy-20-weeks-or-more"
BREASTFEEDING = "breastfeeding"
# A cold, pale or pulseless leg: its numbness and weakness are ischaemic, not a nerve root's.
ISCHAEMIA_SIGNS = {"symptoms": frozenset({"leg-cold-or-pale"}), "tests": frozenset({"foot-pulses-reduced-or-absent"})}
# Care the safety pass screens (safety.py): anti-inflammatories in pregnancy, blood thinning, joint replacement.
NSAIDS = "nsaids"
ANTICOAGULATION = "anticoagulation"
JOINT_REPLACEMENT = "joint-replacement"
# Exercises done lying flat on the back or front, changed from 20 weeks of pregnancy.
LYING_FLAT_EXERCISES = frozenset({"plank", "prone-press-up", "glute-bridge", "knee-to-chest-stretch"})
# Wear-and-tear joint disease, which the young rarely have.
OSTEOARTHRITIS = frozenset({"hip-osteoarthritis", "knee-osteoarthritis", "lumbar-spondylosis"})
# Weakness a person can report without an examiner, and the muscle actions it stands for.
REPORTED_WEAKNESS = {
    "foot-drop": ("ankle-dorsiflexion", "great-toe-extension"),
    "difficulty-climbing-stairs": ("knee-extension",),
}


def named_codes() -> Mapping[str, frozenset[str]]:
    """The codes the engine names, by the knowledge table they belong to."""
    return {
        "body_regions": LEG_REGIONS | BELOW_KNEE_REGIONS | AXIAL_REGIONS | {SADDLE_REGION},
        "symptoms": frozenset(
            {SADDLE_SYMPTOM, PREGNANCY, PREGNANCY_20_WEEKS, BREASTFEEDING, LEG_PAIN_BELOW_KNEE}
            | ISCHAEMIA_SIGNS["symptoms"]
            | set(REPORTED_WEAKNESS)
        ),
        "clinical_tests": ISCHAEMIA_SIGNS["tests"],
        "muscle_actions": frozenset(action for actions in REPORTED_WEAKNESS.values() for action in actions),
        "treatments": frozenset({NSAIDS, ANTICOAGULATION, JOINT_REPLACEMENT}),
        "exercises": LYING_FLAT_EXERCISES,
        "conditions": OSTEOARTHRITIS,
    }


def missing_codes(codes: Mapping[str, frozenset[str]]) -> dict[str, list[str]]:
    """The codes the engine names that a knowledge snapshot's codes (by table) do not hold."""
    missing = {table: sorted(named - codes.get(table, frozenset())) for table, named in named_codes().items()}
    return {table: found for table, found in missing.items() if found}
