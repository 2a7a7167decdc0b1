"""The differential: each condition's prior, moved by the likelihood ratio of every known finding."""

import math

from .knowledge import NEURAL_CATEGORIES, ConditionFacts, Knowledge
from .localisation import TYPICALITY_SHARE, Finding, deficit_findings, fit, nerve_share, root_share
from .types import AssessmentInput, ConditionResult, Evidence

# Pain regions: one combined likelihood ratio from how well the condition's pain map covers
# the regions reported, from PAIN_MISS (none covered) to PAIN_MATCH (all typical).
PAIN_MATCH = 3.0
PAIN_MISS = 0.4

# Neurological deficits: for root and nerve conditions, one likelihood ratio from how well the
# condition's roots or nerves explain them; joint, muscle and referred pain cause no deficit.
NEURAL_MATCH = 3.0
NEURAL_MISS = 0.3
NO_DEFICIT_EXPECTED = {"motor": 0.35, "sensory": 0.6}
NON_NEURAL_CATEGORIES = {"joint", "muscle", "referred_somatic"}
MULTI_LEVEL_DISCOUNT = 0.75  # several roots explaining the deficits together is less likely than one

ENGINE_RULE = "engine_rule"  # a ratio set by the engine's own rules (pain map, deficits), not a stored figure
PRIOR_BOUND = 1e-6
MIN_WEIGHT = 0.05  # evidence that moves the log odds less than this is not reported


RANKED_PER_CATEGORY = 10  # conditions no finding touches, per category, kept in the running (by prior)


def candidates(data: AssessmentInput, deficits: list[Finding], knowledge: Knowledge, always=()) -> set[str]:
    """The conditions that can rank: those the findings touch, and the likeliest few of the rest.

    A condition no finding touches moves exactly as every other untouched condition of its category
    (pain elsewhere, a deficit it cannot explain), so among those only the highest priors can rank.
    """
    index = knowledge.index
    touched = set(always)
    for item in [*(f"symptoms.{code}" for code in data.symptoms), *(f"tests.{code}" for code in data.tests)]:
        touched.update(index.by_evidence.get(item, ()))
    for finding in data.pain_regions:
        touched.update(index.by_region.get(finding.region, ()))
    for finding in deficits:
        for root in knowledge.roots.values():
            if root_share(root, finding):
                touched.update(index.by_root.get(root.code, ()))
        for nerve in knowledge.nerves.values():
            if nerve_share(nerve, finding):
                touched.update(index.by_nerve.get(nerve.code, ()))
    for codes in index.by_prior.values():
        touched.update(codes[:RANKED_PER_CATEGORY])
    return touched


def differential(data: AssessmentInput, knowledge: Knowledge, always=()) -> list[ConditionResult]:
    deficits = deficit_findings(data)
    results = []
    for code in sorted(candidates(data, deficits, knowledge, always)):
        condition = knowledge.conditions[code]
        evidence = [
            *finding_evidence(data, condition),
            *pain_evidence(data, condition),
            *deficit_evidence(deficits, condition, knowledge),
        ]
        prior = min(max(condition.prior, PRIOR_BOUND), 1 - PRIOR_BOUND)  # the database keeps it inside (0, 1)
        log_odds = math.log(prior / (1 - prior)) + sum(e.weight for e in evidence)
        probability = 1 / (1 + math.exp(-log_odds))
        reported = sorted((e for e in evidence if abs(e.weight) >= MIN_WEIGHT), key=lambda e: (-abs(e.weight), e.item))
        results.append(ConditionResult(condition.code, condition.name, round(probability, 3), False, tuple(reported)))
    return sorted(results, key=lambda r: (-r.probability, r.code))


def evidence_item(item: str, value, ratio: float, provenance: str = ENGINE_RULE) -> Evidence:
    weight = round(math.log(ratio), 3)
    return Evidence(item, value, "supports" if weight > 0 else "against", weight, provenance)


def finding_evidence(data: AssessmentInput, condition: ConditionFacts) -> list[Evidence]:
    answers = [(f"symptoms.{code}", present, present) for code, present in sorted(data.symptoms.items())]
    answers += [(f"tests.{code}", result, result == "positive") for code, result in sorted(data.tests.items())]
    evidence = []
    for item, value, present in answers:
        accuracy = condition.evidence.get(item)
        ratio = accuracy.likelihood_ratio(present) if accuracy else None
        if ratio is not None and ratio != 1:
            evidence.append(evidence_item(item, value, ratio, accuracy.provenance))
    return evidence


def pain_evidence(data: AssessmentInput, condition: ConditionFacts) -> list[Evidence]:
    regions = sorted({finding.region for finding in data.pain_regions})
    if not regions:
        return []
    cover = sum(TYPICALITY_SHARE.get(condition.pain_regions.get(region), 0.0) for region in regions) / len(regions)
    ratio = PAIN_MISS + (PAIN_MATCH - PAIN_MISS) * cover
    return [evidence_item("pain_regions", ", ".join(regions), ratio)]


def deficit_evidence(deficits: list[Finding], condition: ConditionFacts, knowledge: Knowledge) -> list[Evidence]:
    if not deficits:
        return []
    value = ", ".join(sorted({f.item for f in deficits}))
    if condition.category in NON_NEURAL_CATEGORIES:
        kind = "motor" if any(f.kind != "sensory" for f in deficits) else "sensory"
        return [evidence_item("neurological_deficit", value, NO_DEFICIT_EXPECTED[kind])]
    if condition.category not in NEURAL_CATEGORIES:
        return []
    explained = deficit_fit(deficits, condition, knowledge)
    return [evidence_item("neurological_deficit", value, NEURAL_MISS + (NEURAL_MATCH - NEURAL_MISS) * explained)]


def deficit_fit(deficits: list[Finding], condition: ConditionFacts, knowledge: Knowledge) -> float:
    """How well the condition's roots (or, for an entrapment, its nerves) explain the deficits, 0 to 1."""
    total = sum(f.weight for f in deficits)
    if condition.category == "nerve_entrapment":
        nerves = [knowledge.nerves[code] for code in sorted(condition.nerves)]
        return max((fit(deficits, lambda f, n=n: nerve_share(n, f))[0] / total for n in nerves), default=0.0)
    roots = [(knowledge.roots[code], TYPICALITY_SHARE[typicality]) for code, typicality in condition.roots.items()]
    single = max((fit(deficits, lambda f, r=r: root_share(r, f))[0] * t / total for r, t in roots), default=0.0)
    union = sum(f.weight * max((root_share(r, f) * t for r, t in roots), default=0.0) for f in deficits) / total
    return max(single, MULTI_LEVEL_DISCOUNT * union)
