"""Typed keys for what an assessment holds: a symptom, a test, a region of pain or numbness, a weak action, ...

Every finding the engine reads, weighs or cites is an `Item`; its text form ("symptoms.fever",
"tests.straight-leg-raise", "pain_regions") is what the API shows.
"""

from dataclasses import dataclass
from enum import StrEnum


class ItemKind(StrEnum):
    """What an item is about; the value is its text form's prefix (or its whole text, for a code-less item)."""

    SYMPTOM = "symptoms"
    TEST = "tests"
    PAIN_REGION = "pain_regions"  # without a code: the pain map as a whole
    SENSORY = "sensory_changes"
    WEAKNESS = "weakness"
    REFLEX = "reflexes"
    AGE = "age"
    SEX = "sex"
    DURATION = "duration_days"
    DEFICIT = "neurological_deficit"  # numbness, weakness or reduced reflexes, weighed together
    BRISK_REFLEXES = "reflexes.brisk"  # any brisk reflex: an upper motor neurone sign


@dataclass(frozen=True, order=True)
class Item:
    """One item of an assessment, by kind and (for most kinds) the knowledge code it is about."""

    kind: ItemKind
    code: str | None = None

    def __str__(self) -> str:
        return f"{self.kind.value}.{self.code}" if self.code else self.kind.value

    @classmethod
    def parse(cls, text: str) -> "Item":
        """The item a text form names ("symptoms.fever"); the inverse of str()."""
        for kind in ItemKind:
            if text == kind.value:
                return cls(kind)
        kind_text, _, code = text.partition(".")
        return cls(ItemKind(kind_text), code)

    @classmethod
    def symptom(cls, code: str) -> "Item":
        return cls(ItemKind.SYMPTOM, code)

    @classmethod
    def test(cls, code: str) -> "Item":
        return cls(ItemKind.TEST, code)
