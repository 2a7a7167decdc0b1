"""Which nerve roots and peripheral nerves explain the findings, and on which side."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import partial
from typing import TypeVar

from conditions.vocabulary import Contribution, Typicality

from .codes import AXIAL_REGIONS
from .draft import Draft
from .knowledge import Knowledge, NerveFacts, RootFacts
from .types import AssessmentInput, LocationResult, Sided

# How much each kind of finding localises. Sensory loss and weakness localise well; pain
# localises poorly, and pain in the back or buttock hardly at all (it comes with L4, L5 and S1 alike).
SENSORY_WEIGHT = 2.0
WEAKNESS_WEIGHT = 2.0
REFLEX_WEIGHT = 2.0
PAIN_WEIGHT = 0.5
AXIAL_PAIN_WEIGHT = 0.1

# How fully a structure explains a finding: a typical dermatome region or principal root fully,
# a region only some maps show or a contributing root half.
TYPICALITY_SHARE = {Typicality.TYPICAL: 1.0, Typicality.VARIABLE: 0.5}
CONTRIBUTION_SHARE = {Contribution.PRINCIPAL: 1.0, Contribution.CONTRIBUTING: 0.5}

# A finding a structure cannot explain counts against it, at this fraction of its weight.
UNEXPLAINED_PENALTY = 0.5

Structure = TypeVar("Structure", RootFacts, NerveFacts)


@dataclass(frozen=True)
class Finding:
    """A localising finding: what it is, where, how much it weighs."""

    item: str
    kind: str
    code: str
    side: str
    weight: float


def localising_findings(data: AssessmentInput) -> list[Finding]:
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
    findings += [
        Finding(
            f"pain_regions.{f.region}",
            "pain",
            f.region,
            f.side,
            AXIAL_PAIN_WEIGHT if f.region in AXIAL_REGIONS else PAIN_WEIGHT,
        )
        for f in data.pain_regions
    ]
    return findings


def typicality_share(typicality: Typicality | None) -> float:
    """How fully a region or root of this typicality explains a finding; not at all when it is not listed."""
    return TYPICALITY_SHARE[typicality] if typicality else 0.0


def root_share(root: RootFacts, finding: Finding) -> float:
    """How fully a root explains a finding, from 0 to 1."""
    if finding.kind in ("sensory", "pain"):
        return typicality_share(root.dermatome.get(finding.code))
    contribution = (root.myotome if finding.kind == "motor" else root.reflexes).get(finding.code)
    return CONTRIBUTION_SHARE[contribution] if contribution else 0.0


def nerve_share(nerve: NerveFacts, finding: Finding) -> float:
    """How fully a peripheral nerve explains a finding, from 0 to 1 (nerves carry no reflex arcs here)."""
    if finding.kind in ("sensory", "pain"):
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
) -> list[LocationResult]:
    """Score each structure by how much of the findings it explains, less a penalty for what it cannot.

    Ties go to the structure with the smaller territory: the most specific explanation.
    """
    total = sum(f.weight for f in findings)
    if not any(f.kind != "pain" for f in findings):
        return []  # pain alone localises too little to name a root or nerve: an empty answer is honest
    sizes: dict[str, int] = {}
    results: list[LocationResult] = []
    for structure in structures:
        explained, unexplained, used = fit(findings, partial(share, structure))
        if not any(f.kind != "pain" for f in used):
            continue  # a structure is named only for the numbness, weakness or reflexes it explains
        score = max(explained - UNEXPLAINED_PENALTY * unexplained, 0.0) / total
        if score <= 0:
            continue
        sizes[structure.code] = size(structure)
        results.append(
            LocationResult(
                code=structure.code,
                name=structure.name,
                score=round(score, 3),
                sides=sides_of(used),
                evidence=tuple(describe(f, share(structure, f)) for f in used),
            )
        )
    return sorted(results, key=lambda r: (-r.score, sizes[r.code], r.code))


def sides_of(findings: Iterable[Sided]) -> tuple[str, ...]:
    """The sides, left and right, that findings cover ('both' counts as each)."""
    sides: set[str] = set()
    for finding in findings:
        sides |= {"left", "right"} if finding.side == "both" else {finding.side}
    return tuple(sorted(sides))


def describe(finding: Finding, portion: float) -> str:
    strength = "fully" if portion >= 1 else "partly"
    return f"{finding.item} ({finding.side}) {strength} explained"


def localise(draft: Draft, knowledge: Knowledge) -> Draft:
    """Stage: the nerve roots and peripheral nerves the deficits implicate."""
    roots, nerves = locate(draft.data, knowledge)
    return replace(draft, roots=tuple(roots), nerves=tuple(nerves))


def locate(data: AssessmentInput, knowledge: Knowledge) -> tuple[list[LocationResult], list[LocationResult]]:
    """Score every nerve root and every peripheral nerve against the localising findings.

    Only numbness, weakness and reduced or absent reflexes implicate a root or nerve (pain adds a little to
    those it implicates); brisk reflexes are upper motor neurone signs and implicate none of them.
    """
    findings = localising_findings(data)
    roots = score_structures(knowledge.roots.values(), findings, root_share, lambda root: root.position)
    nerves = score_structures(
        knowledge.nerves.values(),
        findings,
        nerve_share,
        lambda nerve: len(nerve.sensory_regions) + len(nerve.motor_actions),
    )
    return roots, nerves


def deficit_findings(data: AssessmentInput) -> list[Finding]:
    return [f for f in localising_findings(data) if f.kind != "pain"]
