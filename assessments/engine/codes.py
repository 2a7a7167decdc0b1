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
# Pain here comes with L4, L5 and S1 alike: it hardly localises.
AXIAL_REGIONS = frozenset({"lower-back", "sacroiliac-area", "buttock"})
# Numbness or tingling marked on the perineum is saddle anaesthesia.
SADDLE_REGION = "perineum"
SADDLE_SYMPTOM = "saddle-anaesthesia"
# Pregnancy (or the six weeks after giving birth) is only refused with sex male.
PREGNANCY = "pregnancy"


def named_codes() -> Mapping[str, frozenset[str]]:
    """The codes the engine names, by the knowledge table they belong to."""
    return {
        "body_regions": LEG_REGIONS | AXIAL_REGIONS | {SADDLE_REGION},
        "symptoms": frozenset({SADDLE_SYMPTOM, PREGNANCY}),
    }


def missing_codes(codes: Mapping[str, frozenset[str]]) -> dict[str, list[str]]:
    """The codes the engine names that a knowledge snapshot's codes (by table) do not hold."""
    missing = {table: sorted(named - codes.get(table, frozenset())) for table, named in named_codes().items()}
    return {table: found for table, found in missing.items() if found}
