"""The published knowledge as the engine needs it: read in plain rows, snapshotted once per version."""

import threading

from django.apps import apps
from django.conf import settings
from django.db.models import F, TextField, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import translation

from assessments.engine import Knowledge, build_knowledge
from conditions.kinds import KINDS
from conditions.translation import ENGLISH, texts_of
from conditions.versioning import consistent_read, knowledge_version, knowledge_version_recent

# One entry per table the engine reads: the model, and each row key with the field path it comes from.
ROW_SPECS: dict[str, tuple[str, dict[str, str]]] = {
    kind.snapshot.name: (kind.label, kind.snapshot.fields) for kind in KINDS if kind.snapshot
}


def knowledge_rows(language: str = ENGLISH) -> dict[str, list[dict]]:
    """Read every table the engine needs, one query each, as plain dicts keyed as ROW_SPECS says; each text in
    the language, or in English where it has no translation yet."""
    rows = {}
    with translation.override(ENGLISH):  # the original fields read as themselves, whatever the request's language
        for name, (label, fields) in ROW_SPECS.items():
            model = apps.get_model(label)
            texts = set(texts_of(model))
            # values() may not reuse a field's own name as an alias, so every row key is an annotation.
            annotations = {f"_{key}": in_language(path, language, texts) for key, path in fields.items()}
            rows[name] = [
                {key: row[f"_{key}"] for key in fields}
                for row in model._default_manager.order_by("pk").values(**annotations)
            ]
    return rows


def in_language(path: str, language: str, texts: set[str]):
    """A column as the snapshot reads it: a text in the language, falling back to the English; else itself."""
    if language == ENGLISH or path not in texts:
        return F(path)
    return Coalesce(NullIf(F(f"{path}_{language}"), Value("")), F(path), output_field=TextField())


_lock = threading.Lock()
_snapshots: dict[str, Knowledge] = {}  # per language


def published_knowledge(language: str = ENGLISH) -> Knowledge:
    """The snapshot of the current knowledge version in a language: at most one query when it is cached, a
    rebuild when not.

    Like knowledge reads, a worker may use the version it read up to KNOWLEDGE_VERSION_TTL seconds ago;
    a result is always stamped with the version of the snapshot that produced it.
    """
    snapshot = _snapshots.get(language)
    if snapshot is not None and snapshot.version == knowledge_version_recent(settings.KNOWLEDGE_VERSION_TTL):
        return snapshot
    return rebuild_snapshot(language)


def rebuild_snapshot(language: str = ENGLISH) -> Knowledge:
    with _lock:
        # Version and rows are read in one consistent transaction, so they always belong together;
        # whoever holds the lock last installs what was committed last.
        with consistent_read():
            version = knowledge_version()
            snapshot = _snapshots.get(language)
            if snapshot is None or snapshot.version != version:
                _snapshots[language] = build_knowledge(version, knowledge_rows(language), language)
        return _snapshots[language]


def forget_snapshot() -> None:
    """Drop the cached snapshots (tests that change the knowledge without moving the version)."""
    _snapshots.clear()
