"""The assessment as the pipeline's stages build it, before anything is rounded or put into words.

Each stage (see pipeline.py) reads what the stages before it wrote and returns the draft with its own part
added; only the last, `present`, rounds figures and writes sentences. So triage and care decide on exact
probabilities and on every cause weighed, not on a display list.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from conditions.vocabulary import TriageLevel

from .items import Item
from .types import AssessmentInput, LocationResult, Params, Recommendations, RedFlagHit


@dataclass(frozen=True)
class Factor:
    """One item's effect on a condition: the natural log of its likelihood ratio, and where the ratio comes from."""

    item: Item
    value: str | bool | int
    weight: float
    provenance: str  # "study", "curator_estimate", or "engine_rule" (pain map, deficits, reflexes)
    note: str = ""  # how the engine read it, when that changes the sentence (a pain map outside a fixed territory)


@dataclass(frozen=True)
class Weighed:
    """A condition's exact posterior probability and the factors that moved it."""

    code: str
    probability: float
    factors: tuple[Factor, ...]


@dataclass(frozen=True)
class Flagged:
    """A cause that fired red flags point to: the most urgent of them, and which they are."""

    urgency: TriageLevel
    flags: tuple[str, ...]


@dataclass(frozen=True)
class Listed:
    """A condition the answer shows, in its place: a cause to rule out, a likely cause, or a syndrome."""

    code: str
    probability: float | None  # exact; None for a cause to rule out, which is never shown as a number
    rule_out: bool
    flagged_by: tuple[str, ...]
    explained_by: tuple[str, ...]  # for a syndrome: the shown causes that explain it
    factors: tuple[Factor, ...]


@dataclass(frozen=True)
class Reason:
    """Why the triage is at least some level: a message key, its params, and how the text shows them."""

    level: TriageLevel
    message: str
    params: Params = field(default_factory=dict)
    shown: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class TriageDecision:
    """The triage level and the reasons that set it."""

    level: TriageLevel
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Draft:
    """Everything the stages have concluded so far."""

    data: AssessmentInput
    hits: tuple[RedFlagHit, ...] = ()
    flagged: Mapping[str, Flagged] = field(default_factory=dict)  # a cause fired red flags point to
    causes: tuple[Weighed, ...] = ()  # every cause weighed one by one, most probable first
    syndromes: tuple[Weighed, ...] = ()  # every syndrome, as probable as the causes that explain it
    other_causes: float = 0.0  # exact: causes outside the knowledge and those weighed in bulk
    listed: tuple[Listed, ...] = ()
    triage: TriageDecision = field(default_factory=lambda: TriageDecision(TriageLevel.SELF_CARE, ()))
    roots: tuple[LocationResult, ...] = ()
    nerves: tuple[LocationResult, ...] = ()
    recommendations: Recommendations = field(default_factory=lambda: Recommendations((), (), ()))
