"""Which nerve roots and peripheral nerves explain the findings, and on which side.

Only numbness, weakness and reduced or absent reflexes implicate a root or nerve: pain, which comes with L4,
L5 and S1 alike and with joints and muscles too, adds nothing; brisk reflexes are upper motor neurone signs
and implicate none of them. A weakness a person reports (a foot drop) points to its roots at lower
confidence, as `"basis": "reported"`. A cold, pale or pulseless leg's numbness and weakness are its blood
supply's, not a root's; and a pattern one peripheral nerve explains fully, and no root does, names no root.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import partial
from typing import TypeVar

from conditions.vocabulary import Contribution, Typicality

from .codes import AXIAL_REGIONS, ISCHAEMIA_SIGNS, REPORTED_WEAKNESS
from .criteria import leg_findings
from .draft import Draft
from .items import ItemKind
from .knowledge import Knowledge, NerveFacts, RootFacts
from .types import AssessmentInput, LocationResult, sides_of

# How much each kind of finding localises: numbness, weakness and a reduced reflex alike.
SENSORY_WEIGHT = 2.0
WEAKNESS_WEIGHT = 2.0
REFLEX_WEIGHT = 2.0
# A weakness a person tells of (a foot that slaps) weighs half as much, and a root it alone points to is named
# at half the score: nobody examined it.
REPORTED_WEIGHT = 1.0
REPORTED_CONFIDENCE = 0.5

# How fully a structure explains a finding: a typical dermatome region or principal root fully,
# a region only some maps show or a contributing root half.
TYPICALITY_SHARE = {Typicality.TYPICAL: 1.0, Typicality.VARIABLE: 0.5}
CONTRIBUTION_SHARE = {Contribution.PRINCIPAL: 1.0, Contribution.CONTRIBUTING: 0.5}

# A finding a structure cannot explain counts against it, at this fraction of its weight.
UNEXPLAINED_PENALTY = 0.5

EXAMINED, REPORTED = "examined", "reported"
MOSTLY_EXPLAINED = 0.5  # a root scoring this much explains most of a pattern, whatever a nerve explains

Structure = TypeVar("Structure", RootFacts, NerveFacts)


@dataclass(frozen=True)
class Finding:
    """A localising finding: what it is, where, how much it weighs, and whether it was found or told of."""

    item: str
    kind: str  # "sensory", "motor" or "reflex"
    code: str
    side: str  # "left", "right", "both", or "" when nobody said
    weight: float
    basis: str = EXAMINED


def deficit_findings(data: AssessmentInput) -> list[Finding]:
    """The numbness, weakness and reduced or absent reflexes found."""
    findings = [
        Finding(f"sensory_changes.{f.region}", "sensory", f.region, f.side, SENSORY_WEIGHT)
        for f in data.sensory_changes
    ]
    findings += [Finding(f"weakness.{f.action}", "motor", f.action, f.side, WEAKNESS_WEIGHT) for f in data.weakness]
    findings += [
        Finding(f"reflexes.{f.reflex}", "reflex", f.reflex, f.side, REFLEX_WEIGHT)
        for f in data.reflexes
        if f.is_diminished
    ]
    return findings


def reported_weakness(data: AssessmentInput) -> list[Finding]:
    """Weakness a person reports (a foot drop), on the side of the leg pain if it is on one side."""
    sides = sides_of(finding for item, finding in leg_findings(data) if item.kind == ItemKind.PAIN_REGION)
    side = sides[0] if len(sides) == 1 else ""
    examined = {f.action for f in data.weakness}
    return [
        Finding(f"symptoms.{symptom}", "motor", action, side, REPORTED_WEIGHT, REPORTED)
        for symptom, actions in sorted(REPORTED_WEAKNESS.items())
        if data.symptoms.get(symptom) is True
        for action in actions
        if action not in examined
    ]


def is_ischaemic(data: AssessmentInput) -> bool:
    """A cold, pale or pulseless leg: its numbness and weakness are its blood supply's, not a nerve's."""
    return any(data.symptoms.get(code) is True for code in ISCHAEMIA_SIGNS["symptoms"]) or any(
        data.tests.get(code) == "positive" for code in ISCHAEMIA_SIGNS["tests"]
    )


def typicality_share(typicality: Typicality | None) -> float:
    """How fully a region or root of this typicality explains a finding; not at all when it is not listed."""
    return TYPICALITY_SHARE[typicality] if typicality else 0.0


def root_share(root: RootFacts, finding: Finding) -> float:
    """How fully a root explains a finding, from 0 to 1."""
    if finding.kind == "sensory":
        return typicality_share(root.dermatome.get(finding.code))
    contribution = (root.myotome if finding.kind == "motor" else root.reflexes).get(finding.code)
    return CONTRIBUTION_SHARE[contribution] if contribution else 0.0


def nerve_share(nerve: NerveFacts, finding: Finding) -> float:
    """How fully a peripheral nerve explains a finding, from 0 to 1 (nerves carry no reflex arcs here)."""
    if finding.kind == "sensory":
        return 1.0 if finding.code in nerve.sensory_regions else 0.0
    if finding.kind == "motor":
        return 1.0 if finding.code in nerve.motor_actions else 0.0
    return 0.0


def fit(findings: list[Finding], share: Callable[[Finding], float]) -> tuple[float, float, list[Finding]]:
    """Weight explained, weight unexplained, and the findings that were explained at all."""
    explained = unexplained = 0.0
    used: list[Finding] = []
    for finding in findings:
        portion = share(finding)
        explained += finding.weight * portion
        unexplained += finding.weight * (1 - portion)
        if portion:
            used.append(finding)
    return explained, unexplained, used


def score_structures(
    structures: Iterable[Structure],
    findings: list[Finding],
    share: Callable[[Structure, Finding], float],
    size: Callable[[Structure], int],
    pain: Callable[[Structure], float] = lambda structure: 0.0,
) -> list[LocationResult]:
    """Score each structure by how much of the findings it explains, less a penalty for what it cannot.

    Ties go to the structure whose territory the pain follows best (pain orders, it never scores), then to the
    one with the smaller territory: the most specific explanation.
    """
    total = sum(f.weight for f in findings)
    if not total:
        return []  # nothing localises: an empty answer is honest
    sizes: dict[str, int] = {}
    results: list[LocationResult] = []
    for structure in structures:
        explained, unexplained, used = fit(findings, partial(share, structure))
        score = max(explained - UNEXPLAINED_PENALTY * unexplained, 0.0) / total
        if not used or score <= 0:
            continue
        examined = any(f.basis == EXAMINED for f in used)
        sizes[structure.code] = size(structure)
        results.append(
            LocationResult(
                code=structure.code,
                name=structure.name,
                score=round(score if examined else score * REPORTED_CONFIDENCE, 3),
                sides=sides_of(used),
                evidence=tuple(describe(f, share(structure, f)) for f in used),
                basis=EXAMINED if examined else REPORTED,
            )
        )
    by_code = {structure.code: structure for structure in structures}
    return sorted(results, key=lambda r: (-r.score, -pain(by_code[r.code]), sizes[r.code], r.code))


def describe(finding: Finding, portion: float) -> str:
    strength = "fully" if portion >= 1 else "partly"
    side = f" ({finding.side})" if finding.side else ""
    return f"{finding.item}{side} {strength} explained"


def localise(draft: Draft, knowledge: Knowledge) -> Draft:
    """Stage: the nerve roots and peripheral nerves the deficits implicate."""
    roots, nerves = locate(draft.data, knowledge)
    return replace(draft, roots=tuple(roots), nerves=tuple(nerves))


def locate(data: AssessmentInput, knowledge: Knowledge) -> tuple[list[LocationResult], list[LocationResult]]:
    """Score every nerve root and every peripheral nerve against the localising findings."""
    if is_ischaemic(data):
        return [], []
    examined = deficit_findings(data)
    findings = examined + reported_weakness(data)
    painful = {f.region for f in data.pain_regions} - AXIAL_REGIONS

    def pain_in_dermatome(root: RootFacts) -> float:
        return sum(typicality_share(root.dermatome.get(region)) for region in painful)

    roots = score_structures(
        knowledge.roots.values(), findings, root_share, lambda root: root.position, pain_in_dermatome
    )
    nerves = score_structures(
        knowledge.nerves.values(),
        findings,
        nerve_share,
        lambda nerve: len(nerve.sensory_regions) + len(nerve.motor_actions),
    )
    if is_a_nerves_pattern(examined, knowledge, roots):
        return [], nerves
    return roots, nerves


def is_a_nerves_pattern(examined: list[Finding], knowledge: Knowledge, roots: list[LocationResult]) -> bool:
    """One peripheral nerve explains everything found, on one side, and no root explains even most of it.

    (The numb outer thigh of meralgia: a skin nerve's territory that no dermatome covers well. A foot drop with a
    numb top of the foot stays an L5 question: the root explains most of it too. Both legs at once is a root's,
    or the cauda equina's, pattern, not two nerves'.)
    """
    if not examined or len(sides_of(examined)) != 1:
        return False
    one_nerve = any(all(nerve_share(n, f) >= 1 for f in examined) for n in knowledge.nerves.values())
    return one_nerve and not any(r.score >= MOSTLY_EXPLAINED for r in roots)
