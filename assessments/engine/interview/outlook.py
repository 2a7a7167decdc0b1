"""What an answer is expected to do: how likely a yes is, where it would move the causes, what it would tell.

The estimate reads the same curated figures as the differential (a finding's sensitivity and likelihood
ratios per cause; the roots' dermatomes and myotomes for numbness and weakness), without the whole engine
run per question: good enough to choose a question, never used for an answer.
"""

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from weakref import finalize

from conditions.vocabulary import ConditionCategory

from ..differential import GROUP_SHARE, NEURAL_MATCH, NEURAL_MISS, NO_DEFICIT_EXPECTED, NON_NEURAL_CATEGORIES
from ..draft import Draft
from ..items import Item, ItemKind
from ..knowledge import DEFAULT_THRESHOLDS, NEURAL_CATEGORIES, ConditionFacts, Knowledge
from ..localisation import CONTRIBUTION_SHARE, TYPICALITY_SHARE
from .candidates import ON_A_SIDE

IN_VIEW = 0.002  # causes less likely than this are left out of the reckoning (they are in "the rest")
CONTENDERS = 8  # the likeliest causes: a question asked for information points to one of them
TELLING = 2.0  # a finding with at least this likelihood ratio for a cause points to it
MATTERS = 0.1  # an answer matters when it has at least this chance of changing the first three causes,
TELLS_MUCH = 0.1  # or is expected to tell at least this much (bits): a rare but telling sign, such as a groin lump
BASE_RATE = 0.1  # how often a finding with no figure for a cause is found with it
NEURAL_FINDS = 0.5  # how often a root or nerve that supplies a region or action shows a deficit there
OTHERS_FIND = 0.05  # how often a cause that does not supply it does


@dataclass(frozen=True)
class Outlook:
    """What asking an item is expected to bring: the chance of a yes, the causes after a yes, the expected
    information in bits, whether it points to one of the likeliest causes and whether its answer matters."""

    p_yes: float
    after_yes: Mapping[str, float]  # cause code: its probability after a yes
    gain: float
    telling: bool
    decisive: bool


@dataclass(frozen=True)
class Effect:
    """How a finding bears on one cause: how often it is found with it, and the ratios of a yes and a no."""

    likely: float
    yes: float
    no: float


def outlooks(draft: Draft, knowledge: Knowledge, candidates: Iterable[Item]) -> dict[Item, Outlook]:
    """For each candidate: what a yes or a no is expected to do to the causes."""
    figures = figures_of(knowledge)
    causes = [(c.code, c.probability) for c in draft.causes if c.probability >= IN_VIEW]
    priors = [p for _, p in causes]
    rest = max(1.0 - sum(priors), 0.0)
    before = entropy([*priors, rest])
    first_three = top_three(priors)
    counted = counted_groups(draft, knowledge)
    found: dict[Item, Outlook] = {}
    for item in candidates:
        by_cause, unlinked = figures.effects.get(item, {}), figures.unlinked[item]
        shared = knowledge.evidence_groups.get(item) in counted  # its group is already counted
        effects = [shared_effect(by_cause.get(code, unlinked), shared) for code, _ in causes]
        p_yes = sum(p * e.likely for p, e in zip(priors, effects, strict=True)) + rest * figures.base_rates[item]
        if not 0 < p_yes < 1:
            continue
        yes = [p * e.yes for p, e in zip(priors, effects, strict=True)]
        no = [p * e.no for p, e in zip(priors, effects, strict=True)]
        no_rest = rest + sum(priors) - sum(no)  # what a "no" takes from the causes goes to the rest
        after_yes = normalised([*yes, rest])
        after = p_yes * entropy(after_yes) + (1 - p_yes) * entropy(normalised([*no, no_rest]))
        # The chance that the answer changes which cause leads or which three come first.
        change = p_yes * (top_three(yes) != first_three) + (1 - p_yes) * (top_three(no) != first_three)
        found[item] = Outlook(
            p_yes=p_yes,
            after_yes={code: p for (code, _), p in zip(causes, after_yes, strict=False)},
            gain=max(before - after, 0.0),
            telling=any(e.yes >= TELLING for e in effects[:CONTENDERS]),
            decisive=change >= MATTERS or before - after >= TELLS_MUCH,
        )
    return found


@dataclass(frozen=True)
class Figures:
    """Every askable item's effect on every cause, and its base rate: worked out once per knowledge version."""

    base_rates: Mapping[Item, float]
    unlinked: Mapping[Item, Effect]  # with a cause that has no figure for it
    effects: Mapping[Item, Mapping[str, Effect]]  # by cause code, where it differs from unlinked
    lowest_escalate_at: float  # the lowest probability at which any cause can raise the triage


# By the id of the knowledge they were worked out for, while it lives (a Knowledge holds dicts: not hashable).
_FIGURES: dict[int, Figures] = {}


def figures_of(knowledge: Knowledge) -> Figures:
    """The knowledge's figures for the interview, worked out on first use and kept while the knowledge lives."""
    key = id(knowledge)
    if (figures := _FIGURES.get(key)) is None:
        figures = _FIGURES[key] = figures_for(knowledge)
        finalize(knowledge, _FIGURES.pop, key, None)
    return figures


def figures_for(knowledge: Knowledge) -> Figures:
    questions = knowledge.questions
    items = [Item.symptom(code) for code in questions.symptoms] + [Item.test(code) for code in questions.tests]
    items += [Item(ItemKind.SENSORY, code) for code in questions.regions]
    items += [Item(ItemKind.WEAKNESS, code) for code in questions.actions]
    items += [Item(ItemKind.REFLEX, code) for code in questions.reflexes]
    base_rates = {item: base_rate(item, knowledge) for item in items}
    unlinked = {item: Effect(base_rates[item], 1.0, 1.0) for item in items}
    effects = {
        item: {
            code: found
            for code, condition in knowledge.conditions.items()
            if (found := effect(item, condition, knowledge, base_rates[item])) != unlinked[item]
        }
        for item in items
    }
    thresholds = [condition.thresholds.escalate_at for condition in knowledge.conditions.values()]
    return Figures(base_rates, unlinked, effects, min([DEFAULT_THRESHOLDS.escalate_at, *thresholds]))


def shared_effect(found: Effect, shared: bool) -> Effect:
    """A finding whose evidence group another present finding already counts moves the odds less."""
    if not shared:
        return found
    return Effect(found.likely, found.yes**GROUP_SHARE, found.no**GROUP_SHARE)


def counted_groups(draft: Draft, knowledge: Knowledge) -> frozenset[str]:
    """The evidence groups a finding already present counts for (another of the group adds less)."""
    data = draft.data
    return frozenset(
        group
        for item, group in knowledge.evidence_groups.items()
        if (item.kind == ItemKind.SYMPTOM and data.symptoms.get(item.code or "") is True)
        or (item.kind == ItemKind.TEST and data.tests.get(item.code or "") == "positive")
    )


def entropy(probabilities: Iterable[float]) -> float:
    return -sum(p * math.log2(p) for p in probabilities if p > 0)


def top_three(weights: list[float]) -> tuple[int, frozenset[int]]:
    """Which cause (by position) leads, and which three come first: what an answer must change to matter."""
    order = sorted(range(len(weights)), key=lambda i: -weights[i])
    return (order[0] if order else -1), frozenset(order[:3])


def normalised(weights: list[float]) -> list[float]:
    total = sum(weights)
    return [w / total for w in weights] if total > 0 else weights


def base_rate(item: Item, knowledge: Knowledge) -> float:
    """How often the finding is found in people without the causes that have a figure for it: the false-positive
    rate of its most specific figure (a warning sign's is low; a common symptom's, high).
    """
    if item.kind in ON_A_SIDE:
        return OTHERS_FIND
    rates = [
        1 - accuracy.specificity
        for condition in knowledge.conditions.values()
        if (accuracy := condition.evidence.get(item)) is not None and accuracy.specificity is not None
    ]
    return min(rates) if rates else BASE_RATE


def effect(item: Item, condition: ConditionFacts, knowledge: Knowledge, base: float) -> Effect:
    """How likely the finding is with this cause, and the ratios a yes and a no would move it by (`base`: the
    item's base rate)."""
    if item.kind in ON_A_SIDE:
        share = supply(item, condition, knowledge)
        if condition.category in NEURAL_CATEGORIES:
            return Effect(NEURAL_FINDS * share or OTHERS_FIND, NEURAL_MISS + (NEURAL_MATCH - NEURAL_MISS) * share, 1.0)
        if condition.category in NON_NEURAL_CATEGORIES:
            kind = "sensory" if item.kind == ItemKind.SENSORY else "motor"
            return Effect(OTHERS_FIND, NO_DEFICIT_EXPECTED[kind], 1.0)
        return Effect(OTHERS_FIND, 1.0, 1.0)
    accuracy = condition.evidence.get(item)
    if accuracy is None:
        return Effect(base, 1.0, 1.0)
    yes = accuracy.likelihood_ratio(True) or 1.0
    no = min(accuracy.likelihood_ratio(False) or 1.0, 1.0)
    likely = accuracy.sensitivity if accuracy.sensitivity is not None else min(base * yes, 0.95)
    return Effect(likely, yes, no)


def supply(item: Item, condition: ConditionFacts, knowledge: Knowledge) -> float:
    """How fully the cause's roots (or, for an entrapment, its nerves) supply the region or action, 0 to 1."""
    code = item.code or ""
    if condition.category == ConditionCategory.NERVE_ENTRAPMENT:
        nerves = [knowledge.nerves[n] for n in condition.nerves]
        table = "sensory_regions" if item.kind == ItemKind.SENSORY else "motor_actions"
        return 1.0 if any(code in getattr(n, table) for n in nerves) else 0.0
    best = 0.0
    for root_code, typicality in condition.roots.items():
        root = knowledge.roots[root_code]
        if item.kind == ItemKind.SENSORY:
            share = TYPICALITY_SHARE[root.dermatome[code]] if code in root.dermatome else 0.0
        elif item.kind == ItemKind.WEAKNESS:
            share = CONTRIBUTION_SHARE[root.myotome[code]] if code in root.myotome else 0.0
        else:
            share = CONTRIBUTION_SHARE[root.reflexes[code]] if code in root.reflexes else 0.0
        best = max(best, share * TYPICALITY_SHARE[typicality])
    return best
