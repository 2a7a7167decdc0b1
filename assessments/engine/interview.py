"""The interview: the next best question, safety first, so an app can ask one thing at a time.

Stateless: the app sends everything gathered so far (an assessment request), with the items already asked
(`AssessmentInput.asked`, so that a "no" to a numbness question or a self-check is remembered) and those the
person could not answer (`skipped`, never asked again). The answer is the next question, or none.

- Safety first: while an unasked item could by itself raise the triage (complete a red-flag trigger more
  urgent than the answer, or make a dangerous cause as likely as its `escalate_at`), ask the one that would
  raise it most.
- Then the item with the greatest expected information about the exclusive causes (the expected fall in
  their entropy, in bits), per unit of the question's cost: a self-check costs more than a yes or no.
- Stop at once when a flag needs action now (emergency); otherwise only when no safety item is left and no
  question is expected to change the picture enough to matter, or after MAX_QUESTIONS.

Examination tests are asked only of an examiner; numbness and self-check questions only once the painful side
is known (the answer records a finding on that side).
"""

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from conditions.vocabulary import ConditionCategory, ModifierKind, TriageLevel, Typicality

from .codes import SADDLE_REGION
from .criteria import Outcome
from .differential import GROUP_SHARE, NEURAL_MATCH, NEURAL_MISS, NO_DEFICIT_EXPECTED, NON_NEURAL_CATEGORIES
from .draft import Draft
from .items import Item, ItemKind
from .knowledge import NEURAL_CATEGORIES, ConditionFacts, Knowledge
from .localisation import CONTRIBUTION_SHARE, TYPICALITY_SHARE
from .messages import in_sentence, message
from .pipeline import conclude
from .presentation import present
from .red_flags import trigger_check
from .types import (
    AssessmentInput,
    ConditionResult,
    Message,
    ReflexFinding,
    SensoryFinding,
    Triage,
    WeaknessFinding,
    sides_of,
)

MAX_QUESTIONS = 15
MIN_INFORMATION = 0.02  # bits: a question expected to tell less than this is not worth a person's time
FITS = 0.25  # a cause whose age and sex modifiers multiply its odds by less than this does not fit the person
IN_PLAY = 0.01  # an urgent (not emergency) cause this likely already is one whose warning signs are asked
SHOWN_CONDITIONS = 5
MATTERS = 0.2  # a question matters when its answer has at least this chance of changing the first three
IN_VIEW = 0.002  # causes less likely than this are left out of the reckoning (they are in "the rest")
CONTENDERS = 5  # the likeliest causes: a question asked for information points to one of them
TELLING = 2.0  # a finding with at least this likelihood ratio for a cause points to it
COST = {ItemKind.SYMPTOM: 1.0, ItemKind.SENSORY: 1.1, ItemKind.WEAKNESS: 1.5, ItemKind.TEST: 1.2, ItemKind.REFLEX: 1.2}
KIND_NAMES = {
    ItemKind.SYMPTOM: "symptom",
    ItemKind.SENSORY: "sensory",
    ItemKind.WEAKNESS: "self_check",
    ItemKind.TEST: "test",
    ItemKind.REFLEX: "test",  # an examiner's too: a reflex is examined, not reported
}
ON_A_SIDE = frozenset({ItemKind.SENSORY, ItemKind.WEAKNESS, ItemKind.REFLEX})  # recorded on the painful side
BASE_RATE = 0.1  # how often a finding with no figure for a cause is found with it
NEURAL_FINDS = 0.5  # how often a root or nerve that supplies a region or action shows a deficit there
OTHERS_FIND = 0.05  # how often a cause that does not supply it does
# Asked only after another answer: the stage of a pregnancy once pregnancy is known.
ASKED_AFTER = {"pregnancy-20-weeks-or-more": "pregnancy"}
NOT_ASKED_OF_MEN = frozenset({"pregnancy", "pregnancy-20-weeks-or-more", "breastfeeding"})


@dataclass(frozen=True)
class Answer:
    """One answer to a question, and what the app adds to its request for it."""

    value: bool | str | None
    text: str
    message: str
    record: Mapping[str, Any] | None  # merged into the request (None: nothing to add)
    then: str  # "asked" or "skipped": the list the item joins


@dataclass(frozen=True)
class Question:
    """The next question: what it asks about, in words, the possible answers, and why it is asked."""

    item: str
    kind: str  # "symptom", "sensory", "self_check" or "test"
    code: str
    side: str | None  # the painful side a numbness or self-check question is about
    text: str
    answers: tuple[Answer, ...]
    why: Message


@dataclass(frozen=True)
class InterviewResult:
    """Where the interview stands: the next question (or none), whether to stop, and the answer so far."""

    question: Question | None
    should_stop: bool
    triage: Triage
    conditions: tuple[ConditionResult, ...]
    asked_for_safety: tuple[str, ...]


def interview(
    data: AssessmentInput, knowledge: Knowledge, *, skipped: Iterable[Item] = (), examiner: bool = False
) -> InterviewResult:
    """The next question for what is known so far, safety first."""
    skipped = frozenset(skipped)
    draft = conclude(data, knowledge)
    result = present(draft, knowledge)
    shown = result.conditions[:SHOWN_CONDITIONS]
    if draft.triage.level == TriageLevel.EMERGENCY:
        return InterviewResult(None, True, result.triage, shown, ())
    side = painful_side(data)
    candidates = askable(data, knowledge, skipped, examiner, side)
    prospects = information(draft, knowledge, candidates)
    safety = safety_items(draft, knowledge, candidates, side)
    asked_for_safety = tuple(sorted(str(item) for item in safety))
    if len(data.asked | skipped) >= MAX_QUESTIONS:
        return InterviewResult(None, True, result.triage, shown, asked_for_safety)
    if safety:
        item = max(safety, key=lambda i: (safety[i][0], prospects[i].p_yes if i in prospects else 0.0, str(i)))
        why = safety[item][1]
    else:
        worth = {i: p.gain / COST[i.kind] for i, p in prospects.items() if p.decisive and p.gain >= MIN_INFORMATION}
        if not worth:
            return InterviewResult(None, True, result.triage, shown, ())
        item = max(worth, key=lambda i: (worth[i], str(i)))
        why = reason_to_ask(item, draft, knowledge)
    question = ask(item, side, knowledge, why)
    return InterviewResult(question, False, result.triage, shown, asked_for_safety)


def painful_side(data: AssessmentInput) -> str | None:
    """The side numbness and self-check questions are about: the side of the pain ('both' when both)."""
    sides = sides_of(data.pain_regions)
    return None if not sides else sides[0] if len(sides) == 1 else "both"


def answered(data: AssessmentInput) -> set[Item]:
    found = {Item.symptom(code) for code in data.symptoms} | {Item.test(code) for code in data.tests}
    found |= {Item(ItemKind.SENSORY, f.region) for f in data.sensory_changes}
    found |= {Item(ItemKind.REFLEX, f.reflex) for f in data.reflexes}
    return found | {Item(ItemKind.WEAKNESS, f.action) for f in data.weakness} | set(data.asked)


def askable(
    data: AssessmentInput, knowledge: Knowledge, skipped: frozenset[Item], examiner: bool, side: str | None
) -> list[Item]:
    """Every item the interview could still ask this person about."""
    questions = knowledge.questions
    items = [Item.symptom(code) for code in questions.symptoms if fits(code, data)]
    if side is not None:
        # Numbness of the saddle area is asked as saddle anaesthesia, the symptom it counts as.
        items += [Item(ItemKind.SENSORY, code) for code in questions.regions if code != SADDLE_REGION]
        items += [Item(ItemKind.WEAKNESS, code) for code in questions.actions]
    if examiner:
        items += [Item.test(code) for code in questions.tests]
        if side is not None:
            items += [Item(ItemKind.REFLEX, code) for code in questions.reflexes]
    done = answered(data) | skipped
    return [item for item in items if item not in done]


def fits(symptom: str, data: AssessmentInput) -> bool:
    """Whether a symptom question makes sense for this person (no pregnancy question for a man)."""
    if data.sex == "male" and symptom in NOT_ASKED_OF_MEN:
        return False
    after = ASKED_AFTER.get(symptom)
    return after is None or data.symptoms.get(after) is True


def answered_yes(data: AssessmentInput, item: Item, side: str | None) -> AssessmentInput:
    """The request with the item answered the way that could matter: present, numb, weak or positive."""
    if item.kind == ItemKind.SYMPTOM:
        return replace(data, symptoms={**data.symptoms, item.code or "": True})
    if item.kind == ItemKind.TEST:
        return replace(data, tests={**data.tests, item.code or "": "positive"})
    if item.kind == ItemKind.SENSORY:
        finding = SensoryFinding(item.code or "", side or "both", "numbness")
        return replace(data, sensory_changes=(*data.sensory_changes, finding))
    if item.kind == ItemKind.REFLEX:
        return replace(data, reflexes=(*data.reflexes, ReflexFinding(item.code or "", side or "both", "absent")))
    return replace(data, weakness=(*data.weakness, WeaknessFinding(item.code or "", side or "both")))


def safety_items(
    draft: Draft, knowledge: Knowledge, candidates: list[Item], side: str | None
) -> dict[Item, tuple[int, Message]]:
    """Each unasked item that could by itself raise the triage to urgent or emergency: the level, and why."""
    level = max(draft.triage.level.rank, TriageLevel.ROUTINE.rank)  # dangerous if missed: urgent or emergency
    askable_items = set(candidates)
    found: dict[Item, tuple[int, Message]] = {}

    def offer(item: Item, rank: int, why: Message) -> None:
        if rank > found.get(item, (0, why))[0]:
            found[item] = (rank, why)

    probability = {cause.code: cause.probability for cause in draft.causes}

    def relevant(code: str, rank: int) -> bool:
        # An emergency's warning signs are asked of everyone they fit; an urgent one's once its cause is in play.
        fits = fits_person(knowledge.conditions[code], draft.data)
        return fits and (rank >= TriageLevel.EMERGENCY.rank or probability.get(code, 0.0) >= IN_PLAY)

    for flag in knowledge.red_flags:
        for trigger in flag.triggers:
            if trigger.urgency.rank <= level:
                continue
            if not any(relevant(code, trigger.urgency.rank) for code in flag.conditions):
                continue
            checked = trigger_check(trigger, draft.data)
            if checked.outcome != Outcome.UNKNOWN:
                continue
            for item in checked.open_items:
                if item in askable_items and trigger_check(trigger, answered_yes(draft.data, item, side)).fires:
                    offer(
                        item,
                        trigger.urgency.rank,
                        message("why.red_flag", {"flag": flag.code}, {"flag": in_sentence(flag.name)}),
                    )
    for cause in draft.causes:
        condition = knowledge.conditions[cause.code]
        if not condition.is_dangerous or condition.care_level.rank <= level:
            continue
        if not relevant(cause.code, condition.care_level.rank):
            continue
        odds = cause.probability / max(1 - cause.probability, 1e-9)
        for item, accuracy in condition.evidence.items():
            ratio = accuracy.likelihood_ratio(True)
            if item not in askable_items or not ratio or ratio <= 1:
                continue
            if odds * ratio / (1 + odds * ratio) >= condition.thresholds.escalate_at:
                why = message(
                    "why.dangerous_cause", {"condition": cause.code}, {"condition": in_sentence(condition.name)}
                )
                offer(item, condition.care_level.rank, why)
    return found


def fits_person(condition: ConditionFacts, data: AssessmentInput) -> bool:
    """Whether a cause fits the person's pain map (one of its typical regions hurts), age and sex well enough for
    its warning signs to be asked."""
    typical = {region for region, typicality in condition.pain_regions.items() if typicality == Typicality.TYPICAL}
    if data.pain_regions and not {f.region for f in data.pain_regions} & typical:
        return False
    ratio = 1.0
    for modifier in condition.modifiers:
        if modifier.kind != ModifierKind.DURATION and modifier.value_for(data.age, data.sex, None) is not None:
            ratio *= modifier.likelihood_ratio
    return ratio >= FITS


def entropy(probabilities: Iterable[float]) -> float:
    return -sum(p * math.log2(p) for p in probabilities if p > 0)


@dataclass(frozen=True)
class Prospect:
    """What asking an item is expected to bring: how likely a yes is, the expected information in bits, and
    whether its answer is likely enough to change which causes come first to be worth asking."""

    p_yes: float
    gain: float
    decisive: bool


def information(draft: Draft, knowledge: Knowledge, candidates: list[Item]) -> dict[Item, Prospect]:
    """For each candidate: the chance of a yes, the expected fall in the causes' entropy, and whether it matters."""
    causes = [(knowledge.conditions[c.code], c.probability) for c in draft.causes if c.probability >= IN_VIEW]
    rest = max(1.0 - sum(p for _, p in causes), 0.0)
    before = entropy([p for _, p in causes] + [rest])
    first_three = top_three([p for _, p in causes])
    positive_groups = {
        group: True
        for item, group in knowledge.evidence_groups.items()
        if (item.kind == ItemKind.SYMPTOM and draft.data.symptoms.get(item.code or "") is True)
        or (item.kind == ItemKind.TEST and draft.data.tests.get(item.code or "") == "positive")
    }
    prospects: dict[Item, Prospect] = {}
    for item in candidates:
        effects = [effect(item, condition, knowledge, positive_groups) for condition, _ in causes]
        base = base_rate(item, knowledge)
        p_yes = sum(p * likely for (_, p), (likely, _, _) in zip(causes, effects, strict=True)) + rest * base
        if not 0 < p_yes < 1:
            continue
        if not any(ratio >= TELLING for (_, ratio, _) in effects[:CONTENDERS]):
            continue  # it would point to none of the likeliest causes: not a question a clinician would ask next
        yes = [p * ratio for (_, p), (_, ratio, _) in zip(causes, effects, strict=True)]
        no = [p * ratio for (_, p), (_, _, ratio) in zip(causes, effects, strict=True)]
        no_rest = rest + sum(p for _, p in causes) - sum(no)  # what a "no" takes goes to the rest
        after = p_yes * entropy(normalised([*yes, rest])) + (1 - p_yes) * entropy(normalised([*no, no_rest]))
        # The chance that the answer changes which cause leads or which three come first.
        change = p_yes * (top_three(yes) != first_three) + (1 - p_yes) * (top_three(no) != first_three)
        prospects[item] = Prospect(p_yes, max(before - after, 0.0), change >= MATTERS)
    return prospects


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


def effect(
    item: Item, condition: ConditionFacts, knowledge: Knowledge, positive_groups: Mapping[str, bool]
) -> tuple[float, float, float]:
    """How likely the finding is with this cause, and the ratios a yes and a no would move it by."""
    if item.kind in ON_A_SIDE:
        share = supply(item, condition, knowledge)
        if condition.category in NEURAL_CATEGORIES:
            return NEURAL_FINDS * share or OTHERS_FIND, NEURAL_MISS + (NEURAL_MATCH - NEURAL_MISS) * share, 1.0
        if condition.category in NON_NEURAL_CATEGORIES:
            kind = "sensory" if item.kind == ItemKind.SENSORY else "motor"
            return OTHERS_FIND, NO_DEFICIT_EXPECTED[kind], 1.0
        return OTHERS_FIND, 1.0, 1.0
    accuracy = condition.evidence.get(item)
    if accuracy is None:
        return base_rate(item, knowledge), 1.0, 1.0
    yes = accuracy.likelihood_ratio(True) or 1.0
    no = min(accuracy.likelihood_ratio(False) or 1.0, 1.0)
    if knowledge.evidence_groups.get(item) in positive_groups:  # its group is already counted
        yes, no = yes**GROUP_SHARE, no**GROUP_SHARE
    likely = accuracy.sensitivity if accuracy.sensitivity is not None else min(base_rate(item, knowledge) * yes, 0.95)
    return likely, yes, no


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


def reason_to_ask(item: Item, draft: Draft, knowledge: Knowledge) -> Message:
    """Why an information question is asked: the roots it points to, or the two causes it tells apart."""
    if item.kind in (ItemKind.SENSORY, ItemKind.WEAKNESS):  # a reflex's question is for an examiner: no roots
        roots = roots_for(item, knowledge)
        if roots:
            key = "why.numbness" if item.kind == ItemKind.SENSORY else "why.self_check"
            name = knowledge.names.of(item)
            return message(
                key,
                {"item": str(item), "roots": ",".join(roots)},
                {"roots": " or ".join(roots), "name": in_sentence(name)},
            )
    top = [(knowledge.conditions[c.code], c.probability) for c in draft.causes[:SHOWN_CONDITIONS]]
    ratios = sorted(
        ((effect(item, condition, knowledge, {})[1], condition) for condition, _ in top), key=lambda pair: pair[0]
    )
    if len(ratios) >= 2 and ratios[-1][0] > ratios[0][0]:
        more, less = ratios[-1][1], ratios[0][1]
        params = {"more": more.code, "less": less.code}
        return message("why.tells_apart", params, {"more": in_sentence(more.name), "less": in_sentence(less.name)})
    return message("why.narrows_down", {})


def roots_for(item: Item, knowledge: Knowledge) -> list[str]:
    """The roots whose dermatome (typically) or myotome (principally or in part) hold the item, top to bottom."""
    code = item.code or ""
    roots = sorted(knowledge.roots.values(), key=lambda root: root.position)
    if item.kind == ItemKind.SENSORY:
        return [r.code for r in roots if r.dermatome.get(code) == Typicality.TYPICAL]
    return [r.code for r in roots if code in r.myotome]


def ask(item: Item, side: str | None, knowledge: Knowledge, why: Message) -> Question:
    """The question for an item, with its possible answers and what each adds to the request."""
    code = item.code or ""
    kind = KIND_NAMES[item.kind]
    text = knowledge.questions.of(item)
    skip = Answer(None, *said("answer.not_sure"), None, "skipped")
    answers: tuple[Answer, ...]
    if item.kind == ItemKind.SYMPTOM:
        answers = (
            Answer(True, *said("answer.yes"), {"symptoms": {code: True}}, "asked"),
            Answer(False, *said("answer.no"), {"symptoms": {code: False}}, "asked"),
            skip,
        )
    elif item.kind == ItemKind.SENSORY:
        answers = (
            Answer(
                "numbness",
                *said("answer.numb"),
                {"sensory_changes": [{"region": code, "side": side, "kind": "numbness"}]},
                "asked",
            ),
            Answer(
                "tingling",
                *said("answer.tingling"),
                {"sensory_changes": [{"region": code, "side": side, "kind": "tingling"}]},
                "asked",
            ),
            Answer(False, *said("answer.no"), None, "asked"),
            skip,
        )
    elif item.kind == ItemKind.WEAKNESS:
        answers = (
            Answer(True, *said("answer.yes"), None, "asked"),
            Answer(False, *said("answer.no"), {"weakness": [{"action": code, "side": side}]}, "asked"),
            Answer(None, *said("answer.could_not_try"), None, "skipped"),
        )
    elif item.kind == ItemKind.REFLEX:
        answers = (
            *(
                Answer(
                    status,
                    *said(f"answer.reflex_{status}"),
                    {"reflexes": [{"reflex": code, "side": side, "status": status}]},
                    "asked",
                )
                for status in ("normal", "reduced", "absent", "brisk")
            ),
            Answer(None, *said("answer.not_done"), None, "skipped"),
        )
    else:
        answers = (
            Answer("positive", *said("answer.positive"), {"tests": {code: "positive"}}, "asked"),
            Answer("negative", *said("answer.negative"), {"tests": {code: "negative"}}, "asked"),
            Answer(None, *said("answer.not_done"), None, "skipped"),
        )
    return Question(
        str(item), kind, code, side if item.kind in (ItemKind.SENSORY, ItemKind.WEAKNESS) else None, text, answers, why
    )


def said(key: str) -> tuple[str, str]:
    """An answer's text and message key."""
    return message(key, {}).text, key
