"""What changed, and in which knowledge version: each record's updated_version, what a list lost since a
version, and what each version added, changed and removed. All of it is read from the records' history.

A record changes when its own fields or cited sources change, or when a link row its API entry lists
changes (the registry's `belongs_to`: a dermatome row belongs to its root and its region). The change
belongs to the first knowledge version published at or after it.
"""

from bisect import bisect_left
from collections import defaultdict
from datetime import UTC, datetime

from django.core.cache import caches
from django.db.models import CharField, DateTimeField, F, Model, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Concat, Greatest

from .kinds import KINDS, KNOWLEDGE_MODELS, kind_of
from .models import KnowledgeVersion
from .versioning import knowledge_version_read

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def target_of(model: type[Model], path: str) -> type[Model]:
    """The model a field path from `model` ends at (`trigger__red_flag` from a criterion: the red flag)."""
    for name in path.split("__"):
        related = model._meta.get_field(name).related_model
        assert related is not None and related != "self", (model, path)
        model = related
    return model


def change_sources(model: type[Model]) -> list[tuple[type[Model], str]]:
    """The models whose history records a change to a record of `model`, each with its path to the record."""
    sources: list[tuple[type[Model], str]] = [(model, "id")]
    for kind in KINDS:
        sources += [(kind.model, path) for path in kind.belongs_to if target_of(kind.model, path) is model]
    return sources


def latest_change(history_model: type[Model], path: str) -> Coalesce:
    # The history model's own foreign keys and id hold the record's primary key.
    latest = (
        history_model.history.filter(**{path: OuterRef("pk")})  # type: ignore[attr-defined]
        .order_by("-history_date")
        .values("history_date")[:1]
    )
    return Coalesce(Subquery(latest), Value(EPOCH), output_field=DateTimeField())


def version_label():
    return Concat(Cast("number", CharField()), Value("."), "token", output_field=CharField())


def with_updated_version(queryset: QuerySet) -> QuerySet:
    """The records annotated with `changed_at`: the time of their last change, from the history (the epoch
    when it holds none). `published_in` turns it into the version that published the change."""
    latest = [latest_change(model, path) for model, path in change_sources(queryset.model)]
    return queryset.annotate(changed_at=Greatest(*latest) if len(latest) > 1 else latest[0])


def version_timeline() -> list[tuple[datetime, str]]:
    """Every published version's time and label, oldest first: read once per knowledge version and kept."""
    current = knowledge_version_read()
    key = f"knowledge:timeline:{current}"
    timeline = caches["knowledge"].get(key) if current else None
    if timeline is None:
        timeline = [(row["published_at"], row["label"]) for row in list(published_versions())[::-1]]
        if current:
            caches["knowledge"].set(key, timeline)
    return timeline


def published_in(changed_at: datetime | None, timeline: list[tuple[datetime, str]]) -> str | None:
    """The first version published at or after a change; None when none was yet, or the history is empty."""
    if changed_at is None or changed_at <= EPOCH:
        return None
    index = bisect_left(timeline, changed_at, key=lambda entry: entry[0])
    return timeline[index][1] if index < len(timeline) else None


def changed_since(queryset: QuerySet, moment: datetime) -> QuerySet:
    """The records (annotated by with_updated_version) changed after a version was published."""
    return queryset.filter(changed_at__gt=moment)


def removed_since(model: type[Model], moment: datetime) -> list[str]:
    """Codes of the records deleted after a version was published that do not exist now."""
    deleted = model.history.filter(history_type="-", history_date__gt=moment)  # type: ignore[attr-defined]
    present = model._default_manager.values("code")
    return list(deleted.exclude(code__in=present).order_by("code").values_list("code", flat=True).distinct())


class KeyNames:
    """Each record's natural key as text ('L5', 'L5/thigh-lateral'), read from the histories, so that records
    deleted since still have one."""

    def __init__(self):
        self.codes: dict[type[Model], dict[int, str]] = {}

    def code_of(self, model: type[Model], pk) -> str:
        if model not in self.codes:
            self.codes[model] = self.read(model)
        return self.codes[model].get(pk, str(pk))

    def read(self, model: type[Model]) -> dict[int, str]:
        names = {}
        for row in model.history.values("id", *self.columns(model)).distinct():  # type: ignore[attr-defined]
            names[row["id"]] = self.name(model, row)
        return names

    @staticmethod
    def columns(model) -> list[str]:
        kind = kind_of(model)
        fields = [model._meta.get_field(name) for name in (kind.identity if kind else ("code",))]
        return [field.attname for field in fields]

    def name(self, model, row: dict) -> str:
        kind = kind_of(model)
        parts = []
        for name in kind.identity if kind else ("code",):
            field = model._meta.get_field(name)
            value = row[field.attname]
            parts.append(self.code_of(field.related_model, value) if field.is_relation else str(value))
        return "/".join(parts)


def changes_by_version(windows: list[tuple[str, datetime | None, datetime]]) -> dict[str, dict]:
    """What each version added, changed and removed, by table and key: `windows` holds each version's label,
    the time of the version before it (None for the first) and its own."""
    if not windows:
        return {}
    starts = [start for _, start, _ in windows]
    earliest = None if None in starts else min(start for start in starts if start is not None)
    latest = max(end for _, _, end in windows)
    keys = KeyNames()
    summary: dict[str, dict] = {label: {"added": {}, "changed": {}, "removed": {}} for label, _, _ in windows}
    for model in KNOWLEDGE_MODELS:
        kind = kind_of(model)
        history = model.history.filter(history_date__lte=latest)  # type: ignore[attr-defined]
        if earliest is not None:
            history = history.filter(history_date__gt=earliest)
        rows = history.order_by("history_date", "history_id").values(
            "id", "history_type", "history_date", *keys.columns(model)
        )
        by_version: dict[str, dict[int, list[dict]]] = defaultdict(lambda: defaultdict(list))
        for row in rows:
            label = window_of(windows, row["history_date"])
            if label is not None:
                by_version[label][row["id"]].append(row)
        for label, records in by_version.items():
            for record_rows in records.values():
                change = net_change(record_rows)
                if change:
                    key = keys.name(model, record_rows[-1] if change != "removed" else record_rows[0])
                    summary[label][change].setdefault(kind.table if kind else model._meta.model_name, []).append(key)
    for entry in summary.values():
        for change in entry.values():
            for table in change:
                change[table].sort()
    return summary


def window_of(windows, moment: datetime) -> str | None:
    for label, start, end in windows:
        if (start is None or moment > start) and moment <= end:
            return label
    return None


def net_change(rows: list[dict]) -> str | None:
    """What a version did to one record, from its history rows in that version, oldest first."""
    created, deleted = rows[0]["history_type"] == "+", rows[-1]["history_type"] == "-"
    if created and deleted:
        return None  # added and removed again before anyone could read it
    return "added" if created else "removed" if deleted else "changed"


def published_versions() -> QuerySet:
    """Every version ever published, newest first: its label and when."""
    return (
        KnowledgeVersion.history.exclude(token="")
        .annotate(label=version_label(), published_at=F("history_date"))
        .order_by("-history_date")
        .values("label", "published_at")
    )
