"""What a pending change does to assessments: the reference cases run on the published knowledge and on the
knowledge with the change applied, in memory, by the pure engine. Nothing is written.

The published rows are read as the engine's snapshot reads them (assessments.snapshot.knowledge_rows); the
change request's records, as Django's serialiser wrote them, become rows of the same shape and replace,
join or leave their tables; a second snapshot is built from those rows. The "before" outcomes are kept per
published state, so a review costs one run of the cases with the change.
"""

import hashlib
import json
import time
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.apps import apps

from assessments.engine import AssessmentResult, Knowledge, assess, build_knowledge
from assessments.snapshot import ROW_SPECS, knowledge_rows
from conditions.kinds import kind_of
from conditions.versioning import consistent_read, knowledge_version
from conditions.vocabulary import TriageLevel
from curation.reference_cases import ReferenceCase, reference_cases

Rows = dict[str, list[dict]]

TABLE_OF = {label.lower(): name for name, (label, _) in ROW_SPECS.items()}
SHIFTS_SHOWN = 10
SMALLEST_SHIFT = 0.005  # below half a percentage point, a shift is rounding, not news


# --- the change, as rows -------------------------------------------------------------------------


def natural_key_paths(model) -> list[str]:
    """The field path of each value in a record's natural key, as the serialiser writes references."""
    kind = kind_of(model)
    identity = kind.identity if kind else ("code",)
    paths = []
    for name in identity:
        model_field = model._meta.get_field(name)
        if model_field.is_relation:
            paths += [f"{name}__{path}" for path in natural_key_paths(model_field.related_model)]
        else:
            paths.append(name)
    return paths


def value_at(model, fields: Mapping, path: str):
    """A snapshot row's value from a serialised record: a reference's natural key gives the code it needs."""
    head, _, rest = path.partition("__")
    model_field = model._meta.get_field(head)
    if not rest:
        return model_field.to_python(fields.get(head))
    reference = fields.get(head)
    if reference is None:
        return None
    return reference[natural_key_paths(model_field.related_model).index(rest)]


def state_row(model, state: dict | None, spec: Mapping[str, str]) -> dict | None:
    if state is None:
        return None
    return {key: value_at(model, state["fields"], path) for key, path in spec.items()}


@dataclass
class AppliedChanges:
    """The published rows with a proposal applied, and the records the proposal no longer matches."""

    rows: Rows
    stale: list[str] = field(default_factory=list)


def rows_with_changes(rows: Rows, changes: list[dict]) -> AppliedChanges:
    """The rows the engine would read once the changes were published; the published rows are not touched."""
    applied = AppliedChanges({name: list(table) for name, table in rows.items()})
    for change in changes:
        model = apps.get_model(change["model"])
        name = TABLE_OF.get(model._meta.label_lower)
        if name is None:
            continue  # a kind the engine does not read (sources)
        spec = ROW_SPECS[name][1]
        table = applied.rows[name]
        before, after = state_row(model, change["before"], spec), state_row(model, change["after"], spec)
        if before is None:
            if after is not None:
                table.append(after)
            continue
        if before not in table:
            applied.stale.append(change["label"])
            continue
        index = table.index(before)
        if after is None:
            del table[index]
        else:
            table[index] = after
    return applied


# --- the cases, run ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseOutcome:
    """What one assessment concluded, in the terms a reviewer compares."""

    triage: TriageLevel
    causes: tuple[str, ...]  # the first three causes: a cause to rule out comes first
    root: str | None  # the nerve root the findings point to first
    probabilities: Mapping[str, float]  # each listed condition with a number
    names: Mapping[str, str]

    @property
    def first_cause(self) -> str | None:
        return self.causes[0] if self.causes else None


def outcome(result: AssessmentResult) -> CaseOutcome:
    causes = [c for c in result.conditions if c.role == "cause" or c.rule_out]
    names = {c.code: c.name for c in result.conditions} | {r.code: r.name for r in result.nerve_roots}
    return CaseOutcome(
        triage=TriageLevel(result.triage.level),
        causes=tuple(c.code for c in causes[:3]),
        root=result.nerve_roots[0].code if result.nerve_roots else None,
        probabilities={c.code: c.probability for c in result.conditions if c.probability is not None},
        names=names,
    )


def run_cases(knowledge: Knowledge) -> tuple[CaseOutcome, ...]:
    return tuple(outcome(assess(case.findings, knowledge)) for case in reference_cases())


@dataclass(frozen=True)
class Shift:
    """A condition's probability in one case, before and after (None: not listed, under 1% or not in the ten)."""

    case: ReferenceCase
    condition: str
    name: str
    before: float | None
    after: float | None

    @property
    def size(self) -> float:
        return abs((self.after or 0.0) - (self.before or 0.0))


@dataclass(frozen=True)
class CaseImpact:
    """A reference case whose triage, first cause, first three causes or first nerve root the change moves."""

    case: ReferenceCase
    before: CaseOutcome
    after: CaseOutcome

    @property
    def unsafe(self) -> bool:
        """The change lowers the case's triage below its safe minimum."""
        after, before, minimum = self.after.triage.rank, self.before.triage.rank, self.case.min_triage.rank
        return after < before and after < minimum

    @property
    def moved(self) -> list[str]:
        """What moved, in words: triage, first cause, first three, nerve root."""
        moves = []
        if self.before.triage != self.after.triage:
            moves.append("triage")
        if self.before.first_cause != self.after.first_cause:
            moves.append("first cause")
        if self.before.causes != self.after.causes:
            moves.append("first three")
        if self.before.root != self.after.root:
            moves.append("nerve root")
        return moves

    def name_of(self, code: str | None) -> str:
        if code is None:
            return "none"
        return self.after.names.get(code) or self.before.names.get(code) or code


@dataclass(frozen=True)
class Impact:
    """What a proposal does to the reference cases."""

    cases_run: int
    changed: tuple[CaseImpact, ...] = ()
    shifts: tuple[Shift, ...] = ()
    stale: tuple[str, ...] = ()  # records the published knowledge no longer holds as the proposal found them
    error: str = ""  # the knowledge with the change could not be built or assessed
    seconds: float = 0.0

    @property
    def unsafe(self) -> tuple[CaseImpact, ...]:
        return tuple(case for case in self.changed if case.unsafe)

    @property
    def needs_second_approval(self) -> bool:
        """A change that lowers a case below its safe triage, or whose effect could not be worked out."""
        return bool(self.unsafe or self.error)


def compare(
    before: tuple[CaseOutcome, ...], after: tuple[CaseOutcome, ...]
) -> tuple[tuple[CaseImpact, ...], tuple[Shift, ...]]:
    """The cases whose triage, first cause, first three or root moved, and the largest probability shifts."""
    changed, shifts = [], []
    for case, old, new in zip(reference_cases(), before, after, strict=True):
        impact = CaseImpact(case, old, new)
        if impact.moved:
            changed.append(impact)
        for code in old.probabilities.keys() | new.probabilities.keys():
            shift = Shift(case, code, impact.name_of(code), old.probabilities.get(code), new.probabilities.get(code))
            if shift.size >= SMALLEST_SHIFT:
                shifts.append(shift)
    changed.sort(key=lambda impact: (not impact.unsafe, impact.case.set_name, impact.case.name))
    shifts.sort(key=lambda shift: (-shift.size, shift.case.name, shift.condition))
    return tuple(changed), tuple(shifts[:SHIFTS_SHOWN])


# --- caches --------------------------------------------------------------------------------------

# The published state changes rarely and each review asks about it again: its outcomes are kept by a digest
# of the rows themselves (so a change that did not move the version is never served stale), and so is each
# proposal's impact on that state.
_before: OrderedDict[str, tuple[CaseOutcome, ...]] = OrderedDict()
_impacts: OrderedDict[tuple[str, str], Impact] = OrderedDict()
KEPT_STATES = 2
KEPT_IMPACTS = 32


def digest(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


def remember(cache: OrderedDict, key, value, limit: int):
    cache[key] = value
    cache.move_to_end(key)
    while len(cache) > limit:
        cache.popitem(last=False)
    return value


def before_outcomes(version: str, rows: Rows, key: str) -> tuple[CaseOutcome, ...]:
    if key in _before:
        return _before[key]
    return remember(_before, key, run_cases(build_knowledge(version, rows)), KEPT_STATES)


def forget_impacts() -> None:
    """Drop the kept outcomes and impacts (tests)."""
    _before.clear()
    _impacts.clear()


# --- the impact ----------------------------------------------------------------------------------


def change_impact(changes: list[dict]) -> Impact:
    """The reference cases with the published knowledge and with these changes applied in memory."""
    started = time.perf_counter()
    with consistent_read():
        version = knowledge_version()
        rows = knowledge_rows()
    state = digest(rows)
    key = (state, digest(changes))
    if key in _impacts:
        return _impacts[key]
    applied = rows_with_changes(rows, changes)
    count = len(reference_cases())
    if applied.stale:
        return Impact(count, stale=tuple(applied.stale), seconds=time.perf_counter() - started)
    if applied.rows == rows:  # nothing the engine reads changes (a summary, a note, a source's title)
        return remember(_impacts, key, Impact(count, seconds=time.perf_counter() - started), KEPT_IMPACTS)
    try:
        before = before_outcomes(version, rows, state)
        after = run_cases(build_knowledge(f"{version}+proposed", applied.rows))
    except Exception as error:  # any failure is shown to the reviewer, and asks for two approvals
        return Impact(count, error=f"{type(error).__name__}: {error}", seconds=time.perf_counter() - started)
    changed, shifts = compare(before, after)
    impact = Impact(count, changed, shifts, seconds=time.perf_counter() - started)
    return remember(_impacts, key, impact, KEPT_IMPACTS)
