"""The last stage: the draft as the API shows it, with figures rounded and every finding put into words."""

import math

from conditions.vocabulary import ConditionRole

from .draft import Draft, Factor, Listed
from .explanations import sentence
from .items import Item, ItemKind
from .knowledge import Knowledge
from .triage import ADVICE
from .types import AssessmentResult, ConditionResult, Evidence, Triage

ENGINE_VERSION = "2.0.0"
DISCLAIMER = (
    "refpain gives information, not a diagnosis. It cannot examine you and can be wrong. If you are worried, "
    "or your symptoms change or get worse, contact a clinician; in an emergency call 999 or go to an "
    "emergency department."
)
MIN_WEIGHT = 0.05  # evidence that moves the log odds less than this is not reported

# Display names of the items that are not a record of the knowledge.
ITEM_NAMES = {
    ItemKind.AGE: "Age",
    ItemKind.SEX: "Sex",
    ItemKind.DURATION: "How long it has lasted",
    ItemKind.PAIN_REGION: "Where the pain is",
    ItemKind.DEFICIT: "Numbness, weakness or reflex changes",
    ItemKind.BRISK_REFLEXES: "Brisk reflexes",
}


def present(draft: Draft, knowledge: Knowledge) -> AssessmentResult:
    """The result: exact figures rounded for display, and every item and condition named."""
    conditions = tuple(condition_result(entry, knowledge) for entry in draft.listed)
    # The causes exclude each other; a syndrome's probability is theirs again, so only the causes count.
    numbered = sum(c.probability for c in conditions if c.probability is not None and c.role == ConditionRole.CAUSE)
    triage = draft.triage
    return AssessmentResult(
        engine_version=ENGINE_VERSION,
        knowledge_version=knowledge.version,
        triage=Triage(triage.level, ADVICE[triage.level], tuple(r.text for r in triage.reasons), draft.hits),
        conditions=conditions,
        other_causes=max(round(1 - numbered, 3), 0.0),
        nerve_roots=draft.roots,
        nerves=draft.nerves,
        recommendations=draft.recommendations,
        disclaimer=DISCLAIMER,
    )


def floor3(probability: float) -> float:
    """Rounded down to three places, so rounding never makes the causes sum to more than 1."""
    return math.floor(probability * 1000) / 1000


def condition_result(entry: Listed, knowledge: Knowledge) -> ConditionResult:
    condition = knowledge.conditions[entry.code]
    return ConditionResult(
        code=condition.code,
        name=condition.name,
        role=condition.role,
        probability=None if entry.probability is None else floor3(entry.probability),
        rule_out=entry.rule_out,
        red_flag=entry.rule_out,
        explained_by=entry.explained_by,
        evidence=evidence(entry.factors, condition.name, knowledge),
    )


def item_name(item: Item, knowledge: Knowledge) -> str:
    return ITEM_NAMES.get(item.kind, "") if item.code is None else knowledge.names.of(item)


def evidence(factors: tuple[Factor, ...], condition_name: str, knowledge: Knowledge) -> tuple[Evidence, ...]:
    """The factors worth showing, strongest first, weights rounded (the sums used them unrounded), in words."""
    shown = sorted((f for f in factors if abs(f.weight) >= MIN_WEIGHT), key=lambda f: (-abs(f.weight), str(f.item)))
    items = []
    for factor in shown:
        effect = "supports" if factor.weight > 0 else "against"
        plain = Evidence(
            str(factor.item),
            item_name(factor.item, knowledge),
            factor.value,
            effect,
            round(factor.weight, 3),
            factor.provenance,
            "",
        )
        items.append(Evidence(**{**plain.__dict__, "text": sentence(plain, condition_name)}))
    return tuple(items)
