"""The last stage: the draft as the API shows it, with figures rounded and every sentence written.

Each sentence is a message (messages.py): a key, its params (codes and numbers) and its text. Names inside a
sentence keep their own capitals where a word needs them (an acronym such as FAIR) and start lower-case
otherwise; a finding's name at the start of a sentence, or quoted, keeps its capital.
"""

from conditions.vocabulary import ConditionRole, Sex, TriageLevel

from .differential import OUTSIDE_TERRITORY
from .draft import Draft, Factor, Listed
from .items import ItemKind
from .knowledge import Knowledge
from .messages import in_sentence, message, word
from .triage import shown
from .types import AssessmentResult, ConditionResult, Evidence, Message, Triage

ENGINE_VERSION = "3.0.0"
MIN_WEIGHT = 0.05  # evidence that moves the log odds less than this is not reported

# The words that name the items that are not a record of the knowledge.
ITEM_WORDS = {
    ItemKind.AGE: "item.age",
    ItemKind.SEX: "item.sex",
    ItemKind.DURATION: "item.duration",
    ItemKind.PAIN_REGION: "item.pain_region",
    ItemKind.DEFICIT: "item.deficit",
    ItemKind.BRISK_REFLEXES: "item.brisk_reflexes",
}


def present(draft: Draft, knowledge: Knowledge) -> AssessmentResult:
    """The result: exact figures rounded for display, and every item, condition and reason in words."""
    conditions = tuple(condition_result(entry, knowledge) for entry in draft.listed)
    # The causes exclude each other; a syndrome's probability is theirs again, so only the causes count.
    numbered = sum(c.probability for c in conditions if c.probability is not None and c.role == ConditionRole.CAUSE)
    decision = draft.triage
    reasons = tuple(message(r.message, r.params, r.shown) for r in decision.reasons)
    return AssessmentResult(
        engine_version=ENGINE_VERSION,
        knowledge_version=knowledge.version,
        triage=Triage(decision.level, advice(decision.level), reasons, draft.hits),
        conditions=conditions,
        other_causes=max(round(1 - numbered, 3), 0.0),
        nerve_roots=draft.roots,
        nerves=draft.nerves,
        recommendations=draft.recommendations,
        disclaimer=message("disclaimer", {}).text,
        language=knowledge.language,
    )


def advice(level: TriageLevel) -> Message:
    return message(f"advice.{level.value}", {"level": level.value})


def condition_result(entry: Listed, knowledge: Knowledge) -> ConditionResult:
    condition = knowledge.conditions[entry.code]
    return ConditionResult(
        code=condition.code,
        name=condition.name,
        role=condition.role,
        probability=None if entry.probability is None else shown(entry.probability),
        rule_out=entry.rule_out,
        flagged_by=entry.flagged_by,
        explained_by=entry.explained_by,
        evidence=evidence(entry.factors, condition.code, knowledge),
    )


def item_name(factor: Factor, knowledge: Knowledge) -> str:
    if factor.item.code is None:
        return word(ITEM_WORDS[factor.item.kind]) if factor.item.kind in ITEM_WORDS else ""
    return knowledge.names.of(factor.item)


def evidence(factors: tuple[Factor, ...], condition: str, knowledge: Knowledge) -> tuple[Evidence, ...]:
    """The factors worth showing, strongest first, weights rounded (the sums used them unrounded), in words."""
    shown = sorted((f for f in factors if abs(f.weight) >= MIN_WEIGHT), key=lambda f: (-abs(f.weight), str(f.item)))
    items = []
    for factor in shown:
        said = sentence(factor, condition, knowledge)
        items.append(
            Evidence(
                item=str(factor.item),
                name=item_name(factor, knowledge),
                value=factor.value,
                effect="supports" if factor.weight > 0 else "against",
                weight=round(factor.weight, 3),
                provenance=factor.provenance,
                text=said.text,
                message=said.message,
                params=said.params,
            )
        )
    return tuple(items)


def sentence(factor: Factor, condition: str, knowledge: Knowledge) -> Message:
    """The factor's message: why it makes the condition more or less likely."""
    item, value = factor.item, factor.value
    more = "more" if factor.weight > 0 else "less"
    name = knowledge.conditions[condition].name
    params: dict[str, str | int | float | bool | None] = {"condition": condition}
    shown = {"condition": in_sentence(name)}
    if item.kind == ItemKind.SYMPTOM:
        key = f"evidence.symptom_{'present' if value is True else 'absent'}.{more}"
        return message(key, {**params, "finding": str(item)}, {**shown, "finding": knowledge.names.of(item)})
    if item.kind == ItemKind.TEST:
        params |= {"finding": str(item), "result": str(value)}
        return message(f"evidence.test.{more}", params, {**shown, "finding": knowledge.names.of(item)})
    if item.kind == ItemKind.PAIN_REGION:
        codes = str(value).split(",")
        regions = ", ".join(in_sentence(knowledge.names.regions.get(code, code)) for code in codes)
        if factor.note == OUTSIDE_TERRITORY:
            return message(
                "evidence.pain_map.outside", {**params, "regions": str(value)}, {"condition": name, "regions": regions}
            )
        key = "evidence.pain_map.fits" if factor.weight > 0 else "evidence.pain_map.misfits"
        return message(key, {**params, "regions": str(value)}, {**shown, "regions": regions})
    if item.kind == ItemKind.DEFICIT:
        key = "evidence.deficit.fits" if factor.weight > 0 else "evidence.deficit.misfits"
        return message(key, {**params, "findings": str(value)}, shown)
    if item.kind == ItemKind.BRISK_REFLEXES:
        return message(f"evidence.brisk_reflexes.{more}", {**params, "reflexes": str(value)}, shown)
    if item.kind == ItemKind.AGE:
        return message(f"evidence.age.{more}", {**params, "age": value}, shown)
    if item.kind == ItemKind.SEX:
        plural = word("word.women") if value == Sex.FEMALE else word("word.men")
        return message(f"evidence.sex.{more}", {**params, "sex": str(value)}, {**shown, "sex_plural": plural})
    return message(f"evidence.duration.{more}", {**params, "days": value}, shown)
