"""The interview: the next best question, safety first, so an app can ask one thing at a time.

Stateless: the app sends everything gathered so far (an assessment request), with the items already asked
(`AssessmentInput.asked`, so that a "no" to a numbness question or a self-check is remembered) and those the
person could not answer (`skipped`, never asked again). The answer is the next question, or none.

1. Safety first (safety.py): while an unasked item could raise the triage, ask the one that would raise it
   most, with the other warning signs of its kind on the same checklist.
2. Then information (outlook.py): the items with the greatest expected fall in the entropy of the exclusive
   causes, per unit of the question's cost (a self-check costs more than a yes or no), among those that point
   to one of the likeliest causes.
3. Stop at once when a flag needs action now (emergency); otherwise only when no safety item is left and no
   question is likely enough to change the first three causes to matter.

Examination tests are asked only of an examiner. Numbness and self-check answers record a finding on the painful
side (both sides when the pain is on both, or when nothing says which).
"""

from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Any

from conditions.vocabulary import TriageLevel

from ..draft import Draft
from ..items import Item, ItemKind
from ..knowledge import Knowledge
from ..messages import Wording, worded
from ..pipeline import conclude
from ..presentation import present
from ..types import AssessmentInput, ConditionResult, Triage, to_json
from .candidates import askable, painful_side
from .outlook import Outlook, outlooks
from .questions import Answer, Question, next_question, reason_to_ask
from .safety import SafetyItem, safety_items

__all__ = ["Answer", "InterviewResult", "Question", "interview"]

SHOWN_CONDITIONS = 5
MIN_INFORMATION = 0.02  # bits: a question expected to tell less than this is not worth a person's time
MAX_ITEMS = 60  # asked or skipped: after this many, no more questions for information
WARNING_SIGNS_LISTED = 10  # at most this many warning signs on one checklist
OTHERS_LISTED = 8  # at most this many other items on one checklist
COST = {ItemKind.SYMPTOM: 1.0, ItemKind.SENSORY: 1.1, ItemKind.WEAKNESS: 1.5, ItemKind.TEST: 1.2, ItemKind.REFLEX: 1.2}


@dataclass(frozen=True)
class InterviewResult:
    """Where the interview stands: the next question (or none), whether to stop, and the answer so far."""

    engine_version: str
    knowledge_version: str
    question: Question | None
    should_stop: bool
    triage: Triage
    conditions: tuple[ConditionResult, ...]
    asked_for_safety: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """The answer as the API sends it: a checklist's questions have no checklist of their own."""
        answer = {item.name: to_json(getattr(self, item.name)) for item in fields(self)}
        if isinstance(question := answer["question"], dict):
            for entry in question["items"]:
                del entry["items"]
        return answer


def interview(
    data: AssessmentInput, knowledge: Knowledge, *, skipped: Iterable[Item] = (), examiner: bool = False
) -> InterviewResult:
    """The next question for what is known so far, safety first."""
    with worded(Wording.of(knowledge.language, data.country)):  # as assess() writes its answer
        return interview_step(data, knowledge, frozenset(skipped), examiner)


def interview_step(
    data: AssessmentInput, knowledge: Knowledge, skipped: frozenset[Item], examiner: bool
) -> InterviewResult:
    """The interview's reasoning, in the answer's wording."""
    draft = conclude(data, knowledge)
    result = present(draft, knowledge)
    shown = result.conditions[:SHOWN_CONDITIONS]
    stamp = (result.engine_version, result.knowledge_version)
    if draft.triage.level == TriageLevel.EMERGENCY:  # act now: no question is worth the delay
        return InterviewResult(*stamp, None, True, result.triage, shown, ())
    side = painful_side(data)
    candidates = askable(data, knowledge, skipped, examiner)
    expected = outlooks(draft, knowledge, candidates)
    safety = safety_items(draft, knowledge, candidates, side, expected)
    asked_for_safety = tuple(sorted(str(item) for item in safety))
    question = safety_question(safety, expected, side, knowledge)
    if question is None and len(data.asked | skipped) < MAX_ITEMS:  # never cut short the safety questions
        question = information_question(draft, expected, side, knowledge)
    return InterviewResult(*stamp, question, question is None, result.triage, shown, asked_for_safety)


def safety_question(
    safety: dict[Item, SafetyItem], expected: dict[Item, Outlook], side: str, knowledge: Knowledge
) -> Question | None:
    """The warning sign that could raise the triage most (the likeliest first), with others of its kind."""
    if not safety:
        return None

    def rank(item: Item) -> tuple[bool, int, float, str]:
        outlook = expected.get(item)
        return (*safety[item].key(), outlook.p_yes if outlook else 0.0, str(item))

    ranked = sorted(safety, key=rank, reverse=True)
    return next_question(
        ranked, WARNING_SIGNS_LISTED, side, knowledge, lambda item: safety[item].why, "question.warning_signs"
    )


def information_question(
    draft: Draft, expected: dict[Item, Outlook], side: str, knowledge: Knowledge
) -> Question | None:
    """The items that tell most about the causes, per unit of cost; None when none is worth asking."""
    worth = {
        item: outlook.gain / COST[item.kind]
        for item, outlook in expected.items()
        if outlook.telling and outlook.decisive and outlook.gain >= MIN_INFORMATION
    }
    if not worth:
        return None
    ranked = sorted(worth, key=lambda item: (worth[item], str(item)), reverse=True)
    return next_question(
        ranked, OTHERS_LISTED, side, knowledge, lambda item: reason_to_ask(item, draft, knowledge), "question.symptoms"
    )
