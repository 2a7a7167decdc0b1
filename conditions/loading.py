"""Loading and dumping the shipped knowledge, without ever losing a clinician's curated value.

The fixtures (one file per kind of content, one record per line, natural keys) load in one order. A load
remembers each record's state as the fixtures gave it. On the next load a fixture change is applied field
by field, only where the database still holds what the previous load put there; where a clinician has
changed the field since, the curated value is kept and the difference reported (unless forced). Every
write goes through the ORM, so each record's history shows what the load did.
"""

import json
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction

from .kinds import fixture_files, kind_of
from .models import LoadedFixtureRecord
from .translation import mirrors_of
from .versioning import bump_knowledge_version, knowledge_fingerprint, natural_rows, version_bumps_suspended

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"

# Each file only refers to records of the files before it; within a file, records come model by model.
FIXTURE_FILES = fixture_files()
FIXTURE_ORDER = tuple(FIXTURE_FILES)

LOADED_REASON = "Loaded from the shipped fixtures"
FORCED_REASON = "Overwritten from the fixtures by load_knowledge --force"


@dataclass(frozen=True)
class Conflict:
    """A record a clinician changed since the last load, where the fixtures now say something else."""

    model: str
    key: tuple
    differences: dict[str, tuple[object, object]]  # field: (curated value, fixture value)

    def describe(self, *, forced: bool = False) -> str:
        name = apps.get_model(self.model)._meta.verbose_name
        what = "; ".join(
            f"{field} {'was' if forced else 'kept curated value'} {curated!r}; fixture says {fixture!r}"
            for field, (curated, fixture) in sorted(self.differences.items())
        )
        return f"{name} {'/'.join(map(str, self.key))}: {what}"


@dataclass
class LoadReport:
    """What a load did: records added, updated from the fixtures, left alone, and the conflicts it found."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    forced: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


def normalised(value):
    """A value as JSON holds it (natural keys as lists), so fixture and database states compare equal."""
    return json.loads(json.dumps(value, default=str))


def m2m_fields(model) -> list:
    """The many-to-many fields a record carries itself (a link with a model of its own is a record of its own)."""
    return [f for f in model._meta.many_to_many if f.remote_field.through._meta.auto_created]


def defaults(model) -> dict:
    """The state of a record whose fixture leaves every field out."""
    state = {}
    for f in model._meta.concrete_fields:
        if not f.primary_key and f.name not in mirrors_of(model):
            state[f.name] = None if f.is_relation or (not f.has_default() and f.null) else f.get_default()
    return normalised({**state, **{f.name: [] for f in m2m_fields(model)}})


def fixture_state(model, fields: dict) -> dict:
    state = {**defaults(model), **normalised(fields)}
    for f in m2m_fields(model):
        state[f.name] = sorted(state[f.name])
    return state


def natural_key_of(model, fields: dict) -> str:
    """A record's natural key, as JSON, from its fields as the fixtures (or the serialiser) write them."""
    key: list[object] = []
    for name in identity(model):
        value = fields.get(name)
        key += value if isinstance(value, list | tuple) else [value]
    return json.dumps(normalised(key))


def stored_states(model) -> dict[str, tuple[int, dict]]:
    """Every stored record of a model: its natural key, primary key and state, in a few queries."""
    states = {}
    for row in natural_rows(model, with_pk=True):
        state = fixture_state(model, row["fields"])
        states[natural_key_of(model, state)] = (row["pk"], state)
    return states


def loaded_by_history(model, pk) -> bool:
    """Before load states were kept: whether the record's latest history entry is a fixture load."""
    latest = model.history.filter(id=pk).order_by("-history_date", "-history_id").first()
    reason = (latest.history_change_reason or "") if latest is not None else ""
    return reason.startswith((LOADED_REASON, FORCED_REASON))


def knowledge_load(*, fixtures_dir: Path | None = None, force: bool = False, verbosity: int = 0) -> LoadReport:
    """Load every fixture file in order, keeping curated values; move the version once if anything changed."""
    directory = Path(fixtures_dir or FIXTURES_DIR)
    report = LoadReport(forced=force)
    with transaction.atomic():
        before = knowledge_fingerprint()
        loaded = {(r.model, r.natural_key): r.state for r in LoadedFixtureRecord.objects.all()}
        states: dict[tuple[str, str], dict] = {}
        with version_bumps_suspended():
            for name in FIXTURE_ORDER:
                records = json.loads((directory / f"{name}.json").read_text())
                stored = {label: stored_states(apps.get_model(label)) for label in {r["model"] for r in records}}
                pending = records
                while pending:
                    waiting = []  # records that refer to a record later in the same file
                    for record in pending:
                        if not load_record(record, stored, loaded, states, report, force):
                            waiting.append(record)
                    if len(waiting) == len(pending):
                        # They refer to a record that is in no fixture: one a clinician deleted, say.
                        for record in waiting:
                            model = apps.get_model(record["model"])
                            key = tuple(json.loads(natural_key_of(model, record["fields"])))
                            report.conflicts.append(
                                Conflict(model._meta.label, key, {"(record)": ("refers to a deleted record", "new")})
                            )
                        break
                    pending = waiting
        remember(states)
        if knowledge_fingerprint() != before:
            bump_knowledge_version()
    return report


def curated_fields(current: dict, wanted: dict, last: dict | None, history_says_loaded) -> list[str]:
    """The fields a clinician changed since the last load, where the fixtures now say something else.

    A field is the load's own when the database still holds what the last load put there (or the field is
    newer than that load); with no record of the last load, the record's history decides.
    """
    differing = [f for f in wanted if current.get(f) != wanted[f]]
    if last is None:
        return [] if history_says_loaded() else differing
    return [f for f in differing if f in last and current.get(f) != last[f]]


def load_record(record: dict, stored: dict, loaded: dict, states: dict, report: LoadReport, force) -> bool:
    """Add, update, keep or overwrite one record; False when it refers to a record not loaded yet."""
    model = apps.get_model(record["model"])
    label = model._meta.label
    wanted = fixture_state(model, record["fields"])
    key = natural_key_of(model, wanted)
    pk, current = stored[record["model"]].get(key, (None, None))
    last = loaded.get((label, key))
    states[(label, key)] = wanted
    if current == wanted:
        report.unchanged += 1
        return True
    natural = tuple(json.loads(key))
    if current is None and last is not None and not force:
        # The last load put it there and a clinician has since deleted it: keep it deleted.
        report.conflicts.append(Conflict(label, natural, {"(record)": ("deleted", "present")}))
        return True
    try:
        deserialized = next(serializers.deserialize("python", [record], handle_forward_references=True))
    except ObjectDoesNotExist:
        del states[(label, key)]
        return False  # its natural key names a record not loaded yet
    if deserialized.deferred_fields:
        del states[(label, key)]
        return False
    m2m = {f.name: wanted[f.name] for f in m2m_fields(model)}
    if current is None:
        write(deserialized.object, m2m, LOADED_REASON)
        report.created += 1
        return True
    curated = curated_fields(current, wanted, last, lambda: loaded_by_history(model, pk))
    if curated:
        report.conflicts.append(Conflict(label, natural, {f: (current[f], wanted[f]) for f in curated}))
    apply = [f for f in wanted if current.get(f) != wanted[f] and (force or f not in curated)]
    if apply:
        instance = model._default_manager.get(pk=pk)
        for name in apply:
            field = model._meta.get_field(name)
            if not field.many_to_many:
                setattr(instance, field.attname, getattr(deserialized.object, field.attname))
        write(
            instance,
            {name: keys for name, keys in m2m.items() if name in apply},
            FORCED_REASON if curated else LOADED_REASON,
        )
        report.updated += 1
    return True


def write(obj, m2m: dict[str, list], reason: str) -> None:
    """Save a record through the ORM, so its history records the change and why."""
    obj._change_reason = reason
    obj.save()
    for name, keys in m2m.items():
        related = obj._meta.get_field(name).related_model
        getattr(obj, name).set([related._default_manager.get_by_natural_key(*k) for k in keys])


def remember(states: dict[tuple[str, str], dict]) -> None:
    """Store every record's state as the fixtures gave it, for the next load to compare with."""
    rows = [LoadedFixtureRecord(model=m, natural_key=k, state=state) for (m, k), state in states.items()]
    LoadedFixtureRecord.objects.bulk_create(
        rows,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["model", "natural_key"],
        update_fields=["state", "loaded_at"],
    )


def dump_knowledge(directory: Path) -> list[Path]:
    """Write the published knowledge as fixtures in the shipped format: same files, natural keys, stable order."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, labels in FIXTURE_FILES.items():
        lines = []
        for label in labels:
            model = apps.get_model(label)
            rows = natural_rows(model)
            records = sorted(
                ({"model": row["model"], "fields": row["fields"]} for row in rows),
                key=partial(natural_order, model),
            )
            lines += [json.dumps(record, ensure_ascii=False, default=str) for record in records]
        path = directory / f"{name}.json"
        path.write_text("[\n" + ",\n".join(f"  {line}" for line in lines) + "\n]\n")
        written.append(path)
    return written


def identity(model) -> tuple[str, ...]:
    """The fields that identify a record of a model: its natural key."""
    kind = kind_of(model)
    return kind.identity if kind else getattr(model, "natural_key_fields", ()) or ("code",)


def natural_order(model, record: dict) -> str:
    """Records sort by their natural key, so a curated change moves no other line of the file."""
    return natural_key_of(model, record["fields"])
