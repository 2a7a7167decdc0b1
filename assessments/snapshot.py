"""The published knowledge as the engine needs it: read in plain rows, snapshotted once per version."""

import threading

from django.apps import apps
from django.conf import settings
from django.db.models import F

from assessments.engine import Knowledge, build_knowledge
from conditions.kinds import KINDS
from conditions.versioning import consistent_read, knowledge_version, knowledge_version_recent

# One entry per table the engine reads: the model, and each row key with the field path it comes from.
ROW_SPECS: dict[str, tuple[str, dict[str, str]]] = {
    kind.snapshot.name: (kind.label, kind.snapshot.fields) for kind in KINDS if kind.snapshot
}


def knowledge_rows() -> dict[str, list[dict]]:
    """Read every table the engine needs, one query each, as plain dicts keyed as ROW_SPECS says."""
    rows = {}
    for name, (label, fields) in ROW_SPECS.items():
        model = apps.get_model(label)
        # values() may not reuse a field's own name as an alias, so every row key is an annotation.
        annotations = {f"_{key}": F(path) for key, path in fields.items()}
        rows[name] = [
            {key: row[f"_{key}"] for key in fields}
            for row in model._default_manager.order_by("pk").values(**annotations)
        ]
    return rows


_lock = threading.Lock()
_snapshot: Knowledge | None = None


def published_knowledge() -> Knowledge:
    """The snapshot of the current knowledge version: at most one query when it is cached, a rebuild when not.

    Like knowledge reads, a worker may use the version it read up to KNOWLEDGE_VERSION_TTL seconds ago;
    a result is always stamped with the version of the snapshot that produced it.
    """
    snapshot = _snapshot
    if snapshot is not None and snapshot.version == knowledge_version_recent(settings.KNOWLEDGE_VERSION_TTL):
        return snapshot
    return rebuild_snapshot()


def rebuild_snapshot() -> Knowledge:
    global _snapshot
    with _lock:
        # Version and rows are read in one consistent transaction, so they always belong together;
        # whoever holds the lock last installs what was committed last.
        with consistent_read():
            version = knowledge_version()
            if _snapshot is None or _snapshot.version != version:
                _snapshot = build_knowledge(version, knowledge_rows())
        return _snapshot


def forget_snapshot() -> None:
    """Drop the cached snapshot (tests that change the knowledge without moving the version)."""
    global _snapshot
    _snapshot = None
