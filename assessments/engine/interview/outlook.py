"""What an answer is expected to do: how likely a yes is, where it would move the causes, what it would tell.

The estimate reads the same curated figures as the differential (a finding's sensitivity and likelihood
ratios per cause; the roots' dermatomes and myotomes for numbness and weakness), without the whole engine
run per question: good enough to choose a question, never used for an answer.
"""

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import islice
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
    """For each candidate: what a yes or a no is expected to do to the causes.

    A finding moves only the causes it has a figure for: every other cause keeps its weight. So each candidate's
    sums are the whole's, worked out once, corrected at its linked causes alone; its cost follows its links, not
    the number of causes in view.
    """
    figures = figures_of(knowledge)
    view = InView.of(draft)
    counted = counted_groups(draft, knowledge)
    found: dict[Item, Outlook] = {}
    for item in candidates:
        base_rate = figures.base_rates[item]
        shared = knowledge.evidence_groups.get(item) in counted  # its group is already counted
        linked = [
            (index, shared_effect(effect, shared)) for index, effect in view.linked(figures.effects.get(item, {}))
        ]
        p_yes = (view.total + view.rest) * base_rate + sum(view.priors[i] * (e.likely - base_rate) for i, e in linked)
        if not 0 < p_yes < 1:
            continue
        yes = [(i, view.priors[i] * e.yes) for i, e in linked]
        no = [(i, view.priors[i] * e.no) for i, e in linked]
        # What a "no" takes from the causes goes to the rest, so its weights still add up to the whole.
        no_rest = view.rest + sum(view.priors[i] - w for i, w in no)
        yes_total = view.total + view.rest + sum(w - view.priors[i] for i, w in yes)
        after = p_yes * view.entropy(yes, view.rest, yes_total) + (1 - p_yes) * view.entropy(
            no, no_rest, view.total + view.rest
        )
        # The chance that the answer changes which cause leads or which three come first.
        change = p_yes * (view.top_three(yes) != view.first_three) + (1 - p_yes) * (
            view.top_three(no) != view.first_three
        )
        found[item] = Outlook(
            p_yes=p_yes,
            after_yes=view.after(yes, yes_total, figures.lowest_escalate_at),
            gain=max(view.before - after, 0.0),
            telling=any(i < CONTENDERS and e.yes >= TELLING for i, e in linked),
            decisive=change >= MATTERS or view.before - after >= TELLS_MUCH,
        )
    return found


Moved = list[tuple[int, float]]  # the causes an answer moves, by position in view, with their new weights


@dataclass(frozen=True)
class InView:
    """The causes in view, most probable first, with the sums every candidate's outlook starts from."""

    codes: tuple[str, ...]
    priors: tuple[float, ...]
    position: Mapping[str, int]
    total: float  # of the priors
    rest: float  # the probability of every cause out of view
    plogp: float  # the sum of p log2 p over the priors
    before: float  # the entropy now, in bits
    first_three: tuple[int, frozenset[int]]

    @classmethod
    def of(cls, draft: Draft) -> "InView":
        causes = [(c.code, c.probability) for c in draft.causes if c.probability >= IN_VIEW]
        priors = tuple(p for _, p in causes)
        rest = max(1.0 - sum(priors), 0.0)
        return cls(
            codes=tuple(code for code, _ in causes),
            priors=priors,
            position={code: index for index, (code, _) in enumerate(causes)},
            total=sum(priors),
            rest=rest,
            plogp=sum(plogp(p) for p in priors),
            before=entropy([*priors, rest]),
            first_three=top_three(list(priors)),
        )

    def linked(self, effects: Mapping[str, "Effect"]) -> list[tuple[int, "Effect"]]:
        """The causes in view a finding has a figure for, by position: walking the shorter of the two, so the cost
        is the smaller of its links and the causes in view (a numbness is linked to every cause of a large
        knowledge base)."""
        if len(effects) <= len(self.codes):
            return sorted((i, effect) for code, effect in effects.items() if (i := self.position.get(code)) is not None)
        return [(i, effect) for i, code in enumerate(self.codes) if (effect := effects.get(code)) is not None]

    def entropy(self, moved: Moved, rest: float, total: float) -> float:
        """The entropy (bits) of the causes with `moved` reweighed and the rest at `rest`, normalised by `total`."""
        if total <= 0:
            return 0.0
        weighted = self.plogp + sum(plogp(w) - plogp(self.priors[i]) for i, w in moved) + plogp(rest)
        return math.log2(total) - weighted / total

    def top_three(self, moved: Moved) -> tuple[int, frozenset[int]]:
        """top_three() of the weights with `moved` reweighed: among the moved and the first three others."""
        changed = dict(moved)
        others = islice((i for i in range(len(self.priors)) if i not in changed), 3)
        weights = {**{i: self.priors[i] for i in others}, **changed}
        order = sorted(weights, key=lambda i: (-weights[i], i))
        return (order[0] if order else -1), frozenset(order[:3])

    def after(self, moved: Moved, total: float, lowest: float) -> dict[str, float]:
        """The causes' probabilities after the answer, for those that could set a floor: every one at least
        `lowest` likely, and the likeliest (moved or not), in the order of the causes in view."""
        changed = dict(moved)
        shown = {i: w / total for i, w in changed.items()}
        for i, prior in enumerate(self.priors):  # most probable first
            if i not in changed:
                shown[i] = prior / total
                if prior / total < lowest:
                    break  # the likeliest unmoved one is kept (it may lead); every later one is as unlikely
        return {self.codes[i]: shown[i] for i in sorted(shown)}


def plogp(p: float) -> float:
    return p * math.log2(p) if p > 0 else 0.0


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
