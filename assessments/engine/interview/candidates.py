"""What the interview may still ask this person: the items with a curated question, not yet answered or skipped."""

from collections.abc import Iterable
from dataclasses import replace

from ..codes import SADDLE_REGION
from ..items import Item, ItemKind
from ..knowledge import Knowledge
from ..types import AssessmentInput, ReflexFinding, SensoryFinding, WeaknessFinding, sides_of

# Asked only after another answer: the stage of a pregnancy once pregnancy is known.
ASKED_AFTER = {"pregnancy-20-weeks-or-more": "pregnancy"}
# Asked only of women of an age to be (or have lately been) pregnant.
ABOUT_PREGNANCY = frozenset({"pregnancy", "pregnancy-20-weeks-or-more", "breastfeeding"})
CHILDBEARING_AGES = range(12, 56)
ON_A_SIDE = frozenset({ItemKind.SENSORY, ItemKind.WEAKNESS, ItemKind.REFLEX})  # recorded on the painful side


def painful_side(data: AssessmentInput) -> str:
    """The side numbness and self-check questions are about: the side of the pain, or of the other findings when
    no pain was drawn ('both' when both, or when nothing says)."""
    sides = sides_of(data.pain_regions) or sides_of([*data.sensory_changes, *data.weakness])
    return sides[0] if len(sides) == 1 else "both"


def one_side(side: str) -> str:
    """One side of the painful side(s): where a single numbness or weakness is, when it hurts on both."""
    return "left" if side == "both" else side


def answered(data: AssessmentInput) -> set[Item]:
    """Every item the request already holds an answer for, or says was asked."""
    found = {Item.symptom(code) for code in data.symptoms} | {Item.test(code) for code in data.tests}
    found |= {Item(ItemKind.SENSORY, f.region) for f in data.sensory_changes}
    found |= {Item(ItemKind.REFLEX, f.reflex) for f in data.reflexes}
    return found | {Item(ItemKind.WEAKNESS, f.action) for f in data.weakness} | set(data.asked)


def askable(data: AssessmentInput, knowledge: Knowledge, skipped: frozenset[Item], examiner: bool) -> list[Item]:
    """Every item the interview could still ask this person about."""
    questions = knowledge.questions
    items = [Item.symptom(code) for code in questions.symptoms if fits(code, data)]
    # Numbness of the saddle area is asked as saddle anaesthesia, the symptom it counts as.
    items += [Item(ItemKind.SENSORY, code) for code in questions.regions if code != SADDLE_REGION]
    items += [Item(ItemKind.WEAKNESS, code) for code in questions.actions]
    if examiner:
        items += [Item.test(code) for code in questions.tests]
        items += [Item(ItemKind.REFLEX, code) for code in questions.reflexes]
    done = answered(data) | skipped
    return [item for item in items if item not in done]


def fits(symptom: str, data: AssessmentInput) -> bool:
    """Whether a symptom question makes sense for this person (no pregnancy question for a man)."""
    if symptom in ABOUT_PREGNANCY and (data.sex == "male" or data.age not in CHILDBEARING_AGES):
        return False
    after = ASKED_AFTER.get(symptom)
    return after is None or data.symptoms.get(after) is True


def answered_yes(data: AssessmentInput, items: Iterable[Item], side: str) -> AssessmentInput:
    """The request with the items answered the way that could matter: present, numb, weak or positive."""
    for item in items:
        code = item.code or ""
        where = side or "both"
        if item.kind == ItemKind.SYMPTOM:
            data = replace(data, symptoms={**data.symptoms, code: True})
        elif item.kind == ItemKind.TEST:
            data = replace(data, tests={**data.tests, code: "positive"})
        elif item.kind == ItemKind.SENSORY:
            data = replace(data, sensory_changes=(*data.sensory_changes, SensoryFinding(code, where, "numbness")))
        elif item.kind == ItemKind.REFLEX:
            data = replace(data, reflexes=(*data.reflexes, ReflexFinding(code, where, "absent")))
        else:
            data = replace(data, weakness=(*data.weakness, WeaknessFinding(code, where)))
    return data
