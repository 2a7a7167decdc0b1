"""Plain-English sentences for the evidence that moved a condition, for a lay reader."""

from conditions.vocabulary import Sex

from .types import Evidence


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def direction(evidence: Evidence) -> str:
    return "more likely" if evidence.effect == "supports" else "less likely"


def sentence(evidence: Evidence, condition_name: str) -> str:
    """The evidence in a sentence, for example 'Pain worse when you cough ... makes X more likely.'"""
    item, value, name, more = evidence.item, evidence.value, evidence.name, direction(evidence)
    condition = lower_first(condition_name)
    if item.startswith("symptoms."):
        if value is True:
            return f"{name} makes {condition} {more}."
        return f"Not having {lower_first(name)} makes {condition} {more}."
    if item.startswith("tests."):
        return f"A {value} {lower_first(name)} makes {condition} {more}."
    if item == "pain_regions":
        fits = "fits" if evidence.effect == "supports" else "does not fit"
        return f"Pain in the {value} {fits} the usual pattern of {condition}."
    if item == "neurological_deficit":
        fits = "fit" if evidence.effect == "supports" else "do not fit"
        return f"The numbness, weakness or reflex changes found {fits} {condition}."
    if item == "reflexes.brisk":
        return f"Brisk reflexes point to the spinal cord rather than a nerve root, so {condition} is {more}."
    if item == "age":
        return f"At {value}, {condition} is {more}."
    if item == "sex":
        return f"In {'women' if value == Sex.FEMALE else 'men'}, {condition} is {more}."
    if item == "duration_days":
        return f"After {value} days of symptoms, {condition} is {more}."
    return f"{name} makes {condition} {more}."
