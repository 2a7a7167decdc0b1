"""The differential: which cause explains the findings, as probabilities of causes that exclude each other.

Each cause's weight is its prior (moved by the person's age band, sex and how long symptoms have lasted)
times the likelihood ratio of every known finding, of how well its pain map covers the painful regions, and
of how well its roots or nerves explain any deficit. The weights, with a fixed share for causes outside the
knowledge, are normalised, so the probabilities of all causes sum to 1. A syndrome (sciatica, radiculopathy)
is not a competitor: it is as likely as the causes that explain it together.
"""

import math
from collections.abc import Iterable
from dataclasses import replace
from functools import partial

from conditions.vocabulary import ConditionCategory, ModifierKind, Provenance

from .draft import Draft, Factor, Weighed
from .items import Item, ItemKind
from .knowledge import NEURAL_CATEGORIES, Accuracy, ConditionFacts, Knowledge
from .localisation import TYPICALITY_SHARE, Finding, deficit_findings, fit, nerve_share, root_share, typicality_share
from .types import AssessmentInput

# Pain regions: one combined likelihood ratio from how well the condition's pain map covers
# the regions reported, from PAIN_MISS (none covered) to PAIN_MATCH (all typical).
PAIN_MATCH = 3.0
PAIN_MISS = 0.4
# A trapped nerve with a fixed skin territory (meralgia, obturator, fibular) hurts nowhere else.
PAIN_OUTSIDE_TERRITORY = 0.05

# Neurological deficits: for root and nerve conditions, one likelihood ratio from how well the
# condition's roots or nerves explain them; joint, muscle and referred pain cause no deficit.
NEURAL_MATCH = 3.0
NEURAL_MISS = 0.3
NO_DEFICIT_EXPECTED = {"motor": 0.2, "sensory": 0.5}
# Causes that never damage a nerve: a deficit argues against them (the serious causes may well cause one).
NON_NEURAL_CATEGORIES = frozenset(
    {
        ConditionCategory.JOINT,
        ConditionCategory.MUSCLE,
        ConditionCategory.REFERRED_SOMATIC,
        ConditionCategory.VASCULAR,
        ConditionCategory.INFLAMMATORY,
        ConditionCategory.VISCERAL,
    }
)
MULTI_LEVEL_DISCOUNT = 0.75  # several roots explaining the deficits together is less likely than one

# Brisk reflexes are an upper motor neurone sign: they point to the cord, and away from a root or nerve.
UPPER_MOTOR_NEURONE_MATCH = 3.0
LOWER_MOTOR_NEURONE_MISS = 0.3

# The prior share of causes that the knowledge does not hold (non-specific pain among them): findings
# do not move it, so a picture that fits nothing known leaves the probability there.
OTHER_CAUSES_SHARE = 0.1
# Findings of one evidence group (the sciatic signs, say) measure the same thing: beyond the strongest of them,
# each counts this share of its weight.
GROUP_SHARE = 0.35
# On curator estimates alone, no cause is ever more than this likely: the rest stays with other causes.
MAX_ESTIMATED = 0.97

ENGINE_RULE = "engine_rule"  # a ratio set by the engine's own rules (pain map, deficits), not a stored figure
RANKED_PER_CATEGORY = 10  # conditions no finding touches, per category, kept in the running (by prior)


def candidates(
    data: AssessmentInput, deficits: list[Finding], knowledge: Knowledge, always: Iterable[str] = ()
) -> set[str]:
    """The causes to weigh one by one: those the findings touch, those always weighed, the likeliest few others.

    A cause no finding touches moves exactly as every other untouched cause of its category (pain
    elsewhere, a deficit it cannot explain, no modifier), so the rest of each category is weighed in bulk.
    """
    index = knowledge.index
    touched = set(always) | index.always
    for item in [*map(Item.symptom, data.symptoms), *map(Item.test, data.tests)]:
        touched.update(index.by_evidence.get(item, ()))
    for finding in data.pain_regions:
        touched.update(index.by_region.get(finding.region, ()))
    for deficit in deficits:
        for root in knowledge.roots.values():
            if root_share(root, deficit):
                touched.update(index.by_root.get(root.code, ()))
        for nerve in knowledge.nerves.values():
            if nerve_share(nerve, deficit):
                touched.update(index.by_nerve.get(nerve.code, ()))
    for codes in index.by_prior.values():
        touched.update(codes[:RANKED_PER_CATEGORY])
    return {code for code in touched if not knowledge.conditions[code].is_syndrome}


def weigh(draft: Draft, knowledge: Knowledge) -> Draft:
    """Stage: every cause's probability (the causes a red flag points to always among them), and the syndromes'."""
    causes, syndromes, other_causes = weighed_causes(draft.data, knowledge, draft.flagged)
    return replace(draft, causes=tuple(causes), syndromes=tuple(syndromes), other_causes=other_causes)


def differential(
    data: AssessmentInput, knowledge: Knowledge, always: Iterable[str] = ()
) -> tuple[list[Weighed], list[Weighed]]:
    """The causes weighed one by one, most probable first, and every syndrome with its explaining causes' sum."""
    causes, syndromes, _ = weighed_causes(data, knowledge, always)
    return causes, syndromes


def weighed_causes(
    data: AssessmentInput, knowledge: Knowledge, always: Iterable[str] = ()
) -> tuple[list[Weighed], list[Weighed], float]:
    """The causes and syndromes weighed, and the exact probability left to causes outside the knowledge."""
    deficits = deficit_findings(data)
    weighed = candidates(data, deficits, knowledge, always)
    answers = findings_by_cause(data, knowledge)
    weights: dict[str, float] = {}
    factors: dict[str, tuple[Factor, ...]] = {}
    taken_by_no = 0.0  # what "no" answers took from the causes they argue against: it goes to other causes
    for code in sorted(weighed):
        condition = knowledge.conditions[code]
        items = grouped(
            [
                *modifier_evidence(data, condition),
                *finding_evidence(answers.get(code, ()), data.duration_days),
                *pain_evidence(data, condition, knowledge),
                *deficit_evidence(deficits, condition, knowledge),
                *reflex_evidence(data, condition),
            ],
            knowledge,
        )
        prior = prior_share(condition, knowledge)
        weights[code] = prior * math.exp(sum(e.weight for e in items))
        without_no = prior * math.exp(sum(e.weight for e in items if not is_a_no(e)))
        taken_by_no += max(without_no - weights[code], 0.0)
        factors[code] = tuple(items)  # rounded and put into words only for the conditions shown
    other = OTHER_CAUSES_SHARE + taken_by_no
    total = sum(weights.values()) + untouched_weight(data, deficits, knowledge, weighed) + other
    probability = {code: weight / total for code, weight in weights.items()}
    other_causes = other / total
    for code, value in probability.items():
        if value > MAX_ESTIMATED and not carried_by_a_study(factors[code]):
            # Curator estimates alone never make one cause more than this sure; the rest is "other causes".
            probability[code] = MAX_ESTIMATED
            other_causes += value - MAX_ESTIMATED
    causes = [Weighed(code, probability[code], factors[code]) for code in weights]
    causes.sort(key=lambda c: (-c.probability, c.code))
    syndromes = [
        Weighed(code, sum(probability.get(cause, 0.0) for cause in explained_by), ())
        for code, explained_by in knowledge.index.syndromes  # the few syndromes, not every condition
    ]
    return causes, sorted(syndromes, key=lambda s: (-s.probability, s.code)), other_causes


def is_a_no(factor: Factor) -> bool:
    """A symptom answered "no" or a test found negative, arguing against the condition."""
    return factor.item.kind in (ItemKind.SYMPTOM, ItemKind.TEST) and factor.value in (False, "negative")


def carried_by_a_study(factors: Iterable[Factor]) -> bool:
    return any(f.provenance == Provenance.STUDY and f.weight > 0 for f in factors)


def grouped(factors: list[Factor], knowledge: Knowledge) -> list[Factor]:
    """Findings of one evidence group measure the same thing: the strongest counts fully, the rest in part.

    Within a group, the strongest finding for and the strongest against keep their weight, and every other
    finding of the group counts GROUP_SHARE of its own, so five sciatic signs do not multiply as five
    independent tests would. Each factor carries its share, so the weights shown still add up.
    """
    groups = [knowledge.evidence_groups.get(factor.item) for factor in factors]
    if not any(groups):
        return factors
    strongest: dict[tuple[str, bool], Factor] = {}
    for factor, group in zip(factors, groups, strict=True):
        if group is None:
            continue
        key = (group, factor.weight > 0)
        if key not in strongest or abs(factor.weight) > abs(strongest[key].weight):
            strongest[key] = factor
    kept = set(map(id, strongest.values()))
    return [
        factor if group is None or id(factor) in kept else replace(factor, weight=factor.weight * GROUP_SHARE)
        for factor, group in zip(factors, groups, strict=True)
    ]


def prior_share(condition: ConditionFacts, knowledge: Knowledge) -> float:
    """The cause's prior as a share of all the causes', leaving OTHER_CAUSES_SHARE for the unknown ones."""
    return condition.prior / knowledge.index.prior_total * (1 - OTHER_CAUSES_SHARE)


def untouched_weight(data: AssessmentInput, deficits: list[Finding], knowledge: Knowledge, weighed: set[str]) -> float:
    """The summed weight of the causes not weighed one by one: each category's remaining prior, moved alike."""
    index = knowledge.index
    total = 0.0
    for category, prior in index.prior_by_category.items():
        remaining = prior - sum(
            knowledge.conditions[c].prior for c in weighed if knowledge.conditions[c].category == category
        )
        if remaining <= 1e-12:
            continue
        ratio = PAIN_MISS if data.pain_regions else 1.0
        if deficits and category in NON_NEURAL_CATEGORIES:
            ratio *= NO_DEFICIT_EXPECTED[deficit_kind(deficits)]
        elif deficits and category in NEURAL_CATEGORIES:
            ratio *= NEURAL_MISS
        if data.has_brisk_reflex and category in NEURAL_CATEGORIES:
            ratio *= LOWER_MOTOR_NEURONE_MISS
        total += remaining / index.prior_total * (1 - OTHER_CAUSES_SHARE) * ratio
    return total


def factor(item: Item, value: str | bool | int, ratio: float, provenance: str = ENGINE_RULE) -> Factor:
    return Factor(item, value, math.log(ratio), provenance)


MODIFIER_ITEMS = {
    ModifierKind.AGE: Item(ItemKind.AGE),
    ModifierKind.SEX: Item(ItemKind.SEX),
    ModifierKind.DURATION: Item(ItemKind.DURATION),
}


def modifier_evidence(data: AssessmentInput, condition: ConditionFacts) -> list[Factor]:
    """The person's age band, sex and the duration of symptoms, as the condition's modifiers weigh them."""
    evidence = []
    for modifier in condition.modifiers:
        value = modifier.value_for(data.age, data.sex, data.duration_days)
        if value is not None and modifier.likelihood_ratio != 1:
            item = MODIFIER_ITEMS[modifier.kind]
            evidence.append(factor(item, value, modifier.likelihood_ratio, modifier.provenance))
    return evidence


Answer = tuple[Item, str | bool, bool, Accuracy]  # a finding, its answer, whether that is "present", its accuracy


def findings_by_cause(data: AssessmentInput, knowledge: Knowledge) -> dict[str, list[Answer]]:
    """Each answered symptom and test, listed under the causes with an accuracy for it (from the index).

    Only the links an answer touches are visited, so the cost follows the answers, not the size of the knowledge.
    """
    answers: list[tuple[Item, str | bool, bool]]
    answers = [(Item.symptom(code), present, present) for code, present in sorted(data.symptoms.items())]
    answers += [(Item.test(code), result, result == "positive") for code, result in sorted(data.tests.items())]
    by_cause: dict[str, list[Answer]] = {}
    for item, value, present in answers:
        for code in knowledge.index.by_evidence.get(item, ()):
            accuracy = knowledge.conditions[code].evidence[item]
            by_cause.setdefault(code, []).append((item, value, present, accuracy))
    return by_cause


def finding_evidence(answers: Iterable[Answer], duration_days: int | None) -> list[Factor]:
    """The likelihood ratio of each answer the cause has an accuracy for."""
    evidence = []
    for item, value, present, accuracy in answers:
        if not present and too_early_to_miss(accuracy, duration_days):
            continue
        ratio = accuracy.likelihood_ratio(present)
        if ratio is not None and not present:
            # A "no" only argues against the causes that expect the finding; it never makes another more likely.
            ratio = min(ratio, 1.0)
        if ratio is not None and ratio != 1:
            evidence.append(factor(item, value, ratio, accuracy.provenance))
    return evidence


def too_early_to_miss(accuracy: Accuracy, duration_days: int | None) -> bool:
    """A finding that appears only some days in (a rash after the pain) is not yet missed, or cannot be told."""
    after = accuracy.absent_counts_after_days
    return after is not None and (duration_days is None or duration_days <= after)


PAIN_MAP = Item(ItemKind.PAIN_REGION)
OUTSIDE_TERRITORY = "outside_territory"


def pain_evidence(data: AssessmentInput, condition: ConditionFacts, knowledge: Knowledge) -> list[Factor]:
    regions = sorted({finding.region for finding in data.pain_regions})
    if not regions:
        return []
    cover = sum(typicality_share(condition.pain_regions.get(region)) for region in regions) / len(regions)
    value = ",".join(regions)
    if condition.confined_to_pain_map and cover == 0:
        return [Factor(PAIN_MAP, value, math.log(PAIN_OUTSIDE_TERRITORY), ENGINE_RULE, OUTSIDE_TERRITORY)]
    return [factor(PAIN_MAP, value, PAIN_MISS + (PAIN_MATCH - PAIN_MISS) * cover)]


def deficit_kind(deficits: list[Finding]) -> str:
    return "motor" if any(f.kind != "sensory" for f in deficits) else "sensory"


DEFICIT = Item(ItemKind.DEFICIT)
BRISK_REFLEXES = Item(ItemKind.BRISK_REFLEXES)


def deficit_evidence(deficits: list[Finding], condition: ConditionFacts, knowledge: Knowledge) -> list[Factor]:
    if not deficits:
        return []
    value = ", ".join(sorted({f.item for f in deficits}))
    if condition.category in NON_NEURAL_CATEGORIES:
        return [factor(DEFICIT, value, NO_DEFICIT_EXPECTED[deficit_kind(deficits)])]
    if condition.category not in NEURAL_CATEGORIES:
        return []
    explained = deficit_fit(deficits, condition, knowledge)
    return [factor(DEFICIT, value, NEURAL_MISS + (NEURAL_MATCH - NEURAL_MISS) * explained)]


def reflex_evidence(data: AssessmentInput, condition: ConditionFacts) -> list[Factor]:
    """Brisk reflexes: for the cord, against a root or a peripheral nerve."""
    if not data.has_brisk_reflex:
        return []
    value = ", ".join(sorted({f"reflexes.{f.reflex}" for f in data.reflexes if f.status == "brisk"}))
    if condition.upper_motor_neurone:
        return [factor(BRISK_REFLEXES, value, UPPER_MOTOR_NEURONE_MATCH)]
    if condition.category in NEURAL_CATEGORIES:
        return [factor(BRISK_REFLEXES, value, LOWER_MOTOR_NEURONE_MISS)]
    return []


def deficit_fit(deficits: list[Finding], condition: ConditionFacts, knowledge: Knowledge) -> float:
    """How well the condition's roots (or, for an entrapment, its nerves) explain the deficits, 0 to 1."""
    total = sum(f.weight for f in deficits)
    if condition.category == ConditionCategory.NERVE_ENTRAPMENT:
        nerves = [knowledge.nerves[code] for code in sorted(condition.nerves)]
        return max((fit(deficits, partial(nerve_share, n))[0] / total for n in nerves), default=0.0)
    roots = [(knowledge.roots[code], TYPICALITY_SHARE[typicality]) for code, typicality in condition.roots.items()]
    single = max((fit(deficits, partial(root_share, r))[0] * t / total for r, t in roots), default=0.0)
    union = sum(f.weight * max((root_share(r, f) * t for r, t in roots), default=0.0) for f in deficits) / total
    return max(single, MULTI_LEVEL_DISCOUNT * union)
