"""The questions themselves: an item's curated text, its possible answers, what each adds to the request, and why.

Symptoms, numbness, self-checks and examination tests can be asked several at a time, as a checklist whose
items are questions of their own.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from conditions.vocabulary import Typicality

from ..draft import Draft
from ..items import Item, ItemKind
from ..knowledge import Knowledge
from ..messages import in_sentence, message, word
from ..types import Message
from .outlook import figures_of

KIND_NAMES = {
    ItemKind.SYMPTOM: "symptom",
    ItemKind.SENSORY: "sensory",
    ItemKind.WEAKNESS: "self_check",
    ItemKind.TEST: "test",
    ItemKind.REFLEX: "test",  # an examiner's too: a reflex is examined, not reported
}
CHECKLIST = "checklist"
SIDES = ("left", "right", "both")
# The kinds of item asked several at a time, with their checklists' lead-ins (a warning-sign checklist has its own).
LISTED = {
    ItemKind.SYMPTOM: "question.symptoms",
    ItemKind.SENSORY: "question.numbness",
    ItemKind.WEAKNESS: "question.self_checks",
    ItemKind.TEST: "question.tests",
    ItemKind.REFLEX: "question.tests",
}
CONTENDERS_NAMED = 5  # a question's reason names two of the likeliest causes it tells apart


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
    """The next question: what it asks about, in words, the possible answers, and why it is asked.

    A checklist (kind "checklist") asks about several items on one screen: its `items` are questions of their
    own, each with its answers; it has no item, code or answers of its own.
    """

    item: str | None
    kind: str  # "symptom", "sensory", "self_check", "test" or "checklist"
    code: str | None
    side: str | None  # the painful side a numbness or self-check question is about
    text: str
    answers: tuple[Answer, ...]
    why: Message
    items: tuple["Question", ...] = ()


def next_question(
    ranked: list[Item],
    most: int,
    side: str,
    knowledge: Knowledge,
    reason: Callable[[Item], Message],
    lead_in: str,
) -> Question:
    """The first item's question; when its kind is listed, a checklist of it and the next items of its kind."""
    first = ranked[0]
    # An examiner's tests and reflexes share a checklist: each item has its own answers.
    same = [item for item in ranked if KIND_NAMES[item.kind] == KIND_NAMES[first.kind]][:most]
    if first.kind not in LISTED or len(same) < 2:
        return ask(first, side, knowledge, reason(first))
    items = tuple(ask(item, side, knowledge, reason(item)) for item in same)
    lead = message(lead_in if first.kind == ItemKind.SYMPTOM else LISTED[first.kind], {})
    why = message("why.warning_signs" if lead_in == "question.warning_signs" else "why.narrows_down", {})
    return Question(None, CHECKLIST, None, None, lead.text, (), why, items)


def reason_to_ask(item: Item, draft: Draft, knowledge: Knowledge) -> Message:
    """Why an information question is asked: the roots it points to, or the two causes it tells apart."""
    if item.kind in (ItemKind.SENSORY, ItemKind.WEAKNESS):  # a reflex's question is for an examiner: no roots
        roots = roots_for(item, knowledge)
        if roots:
            key = "why.numbness" if item.kind == ItemKind.SENSORY else "why.self_check"
            params = {"item": str(item), "roots": ",".join(roots)}
            joined = f" {word('word.or')} ".join(roots)
            return message(key, params, {"roots": joined, "name": in_sentence(knowledge.names.of(item))})
    top = [knowledge.conditions[c.code] for c in draft.causes[:CONTENDERS_NAMED]]
    figures = figures_of(knowledge)
    by_cause = figures.effects.get(item, {})
    ratios = sorted(((by_cause.get(c.code, figures.unlinked[item]).yes, c) for c in top), key=first)
    if len(ratios) >= 2 and ratios[-1][0] > ratios[0][0]:
        more, less = ratios[-1][1], ratios[0][1]
        params = {"more": more.code, "less": less.code}
        return message("why.tells_apart", params, {"more": in_sentence(more.name), "less": in_sentence(less.name)})
    return message("why.narrows_down", {})


def first(pair: tuple[float, Any]) -> float:
    return pair[0]


def roots_for(item: Item, knowledge: Knowledge) -> list[str]:
    """The roots whose dermatome (typically) or myotome (principally or in part) hold the item, top to bottom."""
    code = item.code or ""
    roots = sorted(knowledge.roots.values(), key=lambda root: root.position)
    if item.kind == ItemKind.SENSORY:
        return [r.code for r in roots if r.dermatome.get(code) == Typicality.TYPICAL]
    return [r.code for r in roots if code in r.myotome]


def ask(item: Item, side: str, knowledge: Knowledge, why: Message) -> Question:
    """The question for an item, with its possible answers and what each adds to the request."""
    code = item.code or ""
    text = knowledge.questions.of(item)
    on_side = side if item.kind in (ItemKind.SENSORY, ItemKind.WEAKNESS) else None
    return Question(str(item), KIND_NAMES[item.kind], code, on_side, text, answers_to(item, side), why)


def answers_to(item: Item, side: str) -> tuple[Answer, ...]:
    """The possible answers to an item's question, each with what it adds to the request."""
    code = item.code or ""
    if item.kind == ItemKind.SYMPTOM:
        return (
            Answer(True, *said("answer.yes"), {"symptoms": {code: True}}, "asked"),
            Answer(False, *said("answer.no"), {"symptoms": {code: False}}, "asked"),
            Answer(None, *said("answer.not_sure"), None, "skipped"),
        )
    if item.kind == ItemKind.SENSORY:
        if side == "both":  # it hurts on both sides: which side is numb or tingling is the answer
            return (
                *(
                    Answer(where, *said(f"answer.sensory_{where}"), sensory(code, where, "numbness"), "asked")
                    for where in SIDES
                ),
                Answer(False, *said("answer.no"), None, "asked"),
                Answer(None, *said("answer.not_sure"), None, "skipped"),
            )
        return (
            *(
                Answer(kind, *said(f"answer.{key}"), sensory(code, side, kind), "asked")
                for kind, key in (("numbness", "numb"), ("tingling", "tingling"))
            ),
            Answer(False, *said("answer.no"), None, "asked"),
            Answer(None, *said("answer.not_sure"), None, "skipped"),
        )
    if item.kind == ItemKind.WEAKNESS:
        if side == "both":  # which side cannot do it is the answer
            return (
                Answer(True, *said("answer.self_check_both_well"), None, "asked"),
                *(
                    Answer(
                        where, *said(f"answer.weak_{where}"), {"weakness": [{"action": code, "side": where}]}, "asked"
                    )
                    for where in SIDES
                ),
                Answer(None, *said("answer.could_not_try"), None, "skipped"),
            )
        return (
            Answer(True, *said("answer.yes"), None, "asked"),
            Answer(False, *said("answer.no"), {"weakness": [{"action": code, "side": side}]}, "asked"),
            Answer(None, *said("answer.could_not_try"), None, "skipped"),
        )
    if item.kind == ItemKind.REFLEX:
        return (
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
    return (
        Answer("positive", *said("answer.positive"), {"tests": {code: "positive"}}, "asked"),
        Answer("negative", *said("answer.negative"), {"tests": {code: "negative"}}, "asked"),
        Answer(None, *said("answer.not_done"), None, "skipped"),
    )


def sensory(code: str, side: str, kind: str) -> dict[str, Any]:
    return {"sensory_changes": [{"region": code, "side": side, "kind": kind}]}


def said(key: str) -> tuple[str, str]:
    """An answer's text and message key."""
    return message(key, {}).text, key
