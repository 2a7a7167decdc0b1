"""The engine's typed input and output."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

import orjson

from conditions.vocabulary import ConditionRole, Recommendation, TreatmentKind, TriageLevel

from .items import Item

SIDES = ("left", "right", "both")
SENSORY_KINDS = ("numbness", "tingling")
REFLEX_STATUSES = ("normal", "reduced", "absent", "brisk")
TEST_RESULTS = ("positive", "negative")


class Sided(Protocol):
    """Anything found on a side: "left", "right" or "both"."""

    @property
    def side(self) -> str: ...


def sides_of(findings: Iterable[Sided]) -> tuple[str, ...]:
    """The sides, left and right, that findings cover ('both' counts as each; an unknown side as none)."""
    sides: set[str] = set()
    for finding in findings:
        sides |= {"left", "right"} if finding.side == "both" else {finding.side} if finding.side else set()
    return tuple(sorted(sides))


@dataclass(frozen=True)
class RegionFinding:
    """Pain felt in a body region, on a side."""

    region: str
    side: str


@dataclass(frozen=True)
class SensoryFinding:
    """Numbness or tingling in a body region, on a side."""

    region: str
    side: str
    kind: str


@dataclass(frozen=True)
class WeaknessFinding:
    """A muscle action found weak, on a side."""

    action: str
    side: str


@dataclass(frozen=True)
class ReflexFinding:
    """A reflex examined, on a side, and what was found."""

    reflex: str
    side: str
    status: str

    @property
    def is_diminished(self) -> bool:
        return self.status in ("reduced", "absent")


@dataclass(frozen=True)
class AssessmentInput:
    """What a person reported and an examiner found; a symptom or test left out is unknown."""

    age: int
    sex: str | None = None
    duration_days: int | None = None
    pain_regions: tuple[RegionFinding, ...] = ()
    sensory_changes: tuple[SensoryFinding, ...] = ()
    weakness: tuple[WeaknessFinding, ...] = ()
    reflexes: tuple[ReflexFinding, ...] = ()
    symptoms: Mapping[str, bool] = field(default_factory=dict)
    tests: Mapping[str, str] = field(default_factory=dict)
    asked: frozenset[Item] = frozenset()  # items asked in an interview, so that an answer left out means "no"
    country: str | None = None  # ISO 3166 alpha-2: whose emergency number and urgent care the advice names

    @property
    def has_deficit(self) -> bool:
        """Numbness, tingling, weakness or a reduced reflex: a neurological deficit."""
        return bool(self.sensory_changes or self.weakness or any(f.is_diminished for f in self.reflexes))

    @property
    def has_brisk_reflex(self) -> bool:
        return any(f.status == "brisk" for f in self.reflexes)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "AssessmentInput":
        return cls(
            age=data["age"],
            sex=data.get("sex"),
            duration_days=data.get("duration_days"),
            pain_regions=tuple(RegionFinding(**item) for item in data.get("pain_regions", ())),
            sensory_changes=tuple(SensoryFinding(**item) for item in data.get("sensory_changes", ())),
            weakness=tuple(WeaknessFinding(**item) for item in data.get("weakness", ())),
            reflexes=tuple(ReflexFinding(**item) for item in data.get("reflexes", ())),
            symptoms=dict(data.get("symptoms", {})),
            tests=dict(data.get("tests", {})),
            asked=frozenset(Item.parse(item) for item in data.get("asked", ())),
            country=data.get("country"),
        )


Params = Mapping[str, str | int | float | bool | None]


@dataclass(frozen=True)
class Evidence:
    """One finding that moved a condition, by how much (natural log of its likelihood ratio), and why in words.

    `text` is the sentence in the answer's language; `message` and `params` let an app write it itself.
    """

    item: str
    name: str
    value: str | bool | int
    effect: str
    weight: float
    provenance: str  # "study", "curator_estimate", or "engine_rule" (pain map, deficits, reflexes)
    text: str
    message: str
    params: Params


@dataclass(frozen=True)
class ConditionResult:
    """A cause or syndrome, how likely it is (or that it must be ruled out), and the evidence for and against.

    Causes exclude each other: their probabilities sum to at most 1. A syndrome is as likely as the causes that
    explain it together. A cause a fired red flag points to has no probability: it must be ruled out.
    """

    code: str
    name: str
    role: ConditionRole
    probability: float | None
    rule_out: bool
    flagged_by: tuple[str, ...]  # the red flags that fired and point to it
    explained_by: tuple[str, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class LocationResult:
    """A nerve root or peripheral nerve that the findings point to."""

    code: str
    name: str
    score: float
    sides: tuple[str, ...]
    evidence: tuple[str, ...]
    basis: str = "examined"  # "examined": numbness, weakness or reflexes found; "reported": a symptom told of it


@dataclass(frozen=True)
class RedFlagHit:
    """A red flag that fired, with what fired it."""

    code: str
    name: str
    urgency: TriageLevel
    trigger: str  # the most urgent of its triggers that fired, whose action this is
    action: str
    triggered_by: tuple[str, ...]


@dataclass(frozen=True)
class Message:
    """A sentence of the answer: its text, and the message key and parameters an app can write it from."""

    text: str
    message: str
    params: Params


@dataclass(frozen=True)
class Triage:
    """How soon to seek care, and why."""

    level: TriageLevel
    advice: Message
    reasons: tuple[Message, ...]
    red_flags: tuple[RedFlagHit, ...]


@dataclass(frozen=True)
class TreatmentAdvice:
    """A treatment for the likely causes, with the condition it is for, its status and the reason."""

    code: str
    name: str
    kind: TreatmentKind
    recommendation: Recommendation
    condition: str
    condition_name: str
    reason: str
    invasive: bool
    discuss_with_specialist: bool
    message: str = "knowledge.condition_treatment"  # the reason is the curated one of this link, unless a rule's
    params: Params = field(default_factory=dict)


@dataclass(frozen=True)
class ExerciseAdvice:
    """An exercise to do, or to avoid, with the condition it is for and why."""

    code: str
    name: str
    condition: str
    condition_name: str
    reason: str


@dataclass(frozen=True)
class Recommendations:
    """Treatments and exercises for the likely causes, and exercises to avoid."""

    treatments: tuple[TreatmentAdvice, ...]
    exercises: tuple[ExerciseAdvice, ...]
    exercises_to_avoid: tuple[ExerciseAdvice, ...]


@dataclass(frozen=True)
class AssessmentResult:
    """Everything the engine concludes from one assessment."""

    engine_version: str
    knowledge_version: str
    triage: Triage
    conditions: tuple[ConditionResult, ...]
    other_causes: float
    nerve_roots: tuple[LocationResult, ...]
    nerves: tuple[LocationResult, ...]
    recommendations: Recommendations
    disclaimer: str
    language: str = "en"  # of its texts

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = to_json(self)  # type: ignore[assignment]  # a dataclass gives an object
        return result


def to_json(value: object) -> object:
    """Plain JSON data from the result's dataclasses, enums and tuples: orjson walks them in C (several times
    faster than a walk in Python, which was a fifth of a request's time)."""
    return orjson.loads(orjson.dumps(value, default=plain))


def plain(value: object) -> object:
    """What orjson cannot write itself: a read-only mapping, as a dict."""
    if isinstance(value, Mapping):
        return dict(value)
    raise TypeError(f"{type(value).__name__} is not JSON")
