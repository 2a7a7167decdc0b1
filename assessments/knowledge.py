"""The published knowledge as the engine needs it: read in plain rows, snapshotted once per version."""

import threading

from django.apps import apps
from django.conf import settings
from django.db.models import F

from assessments.engine import Knowledge, build_knowledge
from conditions.versioning import consistent_read, knowledge_version, knowledge_version_recent

# One entry per table the engine reads: the model, and each row key with the field path it comes from.
ROW_SPECS: dict[str, tuple[str, dict[str, str]]] = {
    "body_regions": ("conditions.bodyregion", {"code": "code", "name": "name"}),
    "muscle_actions": ("conditions.muscleaction", {"code": "code"}),
    "reflexes": ("conditions.reflex", {"code": "code"}),
    "symptoms": ("conditions.symptom", {"code": "code", "name": "name", "minimum_triage": "minimum_triage"}),
    "clinical_tests": (
        "conditions.clinicaltest",
        {"code": "code", "name": "name", "minimum_triage": "minimum_triage"},
    ),
    "treatments": ("conditions.treatment", {"code": "code", "name": "name", "kind": "kind"}),
    "exercises": ("conditions.exercise", {"code": "code", "name": "name"}),
    "nerve_roots": ("conditions.nerveroot", {"code": "code", "name": "name", "position": "position"}),
    "dermatomes": (
        "conditions.dermatome",
        {"root_code": "root__code", "region_code": "region__code", "typicality": "typicality"},
    ),
    "myotomes": (
        "conditions.myotome",
        {"root_code": "root__code", "action_code": "action__code", "contribution": "contribution"},
    ),
    "reflex_roots": (
        "conditions.reflexroot",
        {"root_code": "root__code", "reflex_code": "reflex__code", "contribution": "contribution"},
    ),
    "nerves": ("conditions.nerve", {"code": "code", "name": "name"}),
    "nerve_origins": ("conditions.nerverootorigin", {"nerve_code": "nerve__code", "root_code": "root__code"}),
    "nerve_regions": ("conditions.nervesensoryregion", {"nerve_code": "nerve__code", "region_code": "region__code"}),
    "nerve_actions": ("conditions.nervemotoraction", {"nerve_code": "nerve__code", "action_code": "action__code"}),
    "conditions": (
        "conditions.condition",
        {
            "code": "code",
            "name": "name",
            "category": "category",
            "role": "role",
            "upper_motor_neurone": "upper_motor_neurone",
            "prior": "prior",
            "care_level": "care_level",
        },
    ),
    "condition_relations": (
        "conditions.conditionrelation",
        {"from_code": "from_condition__code", "to_code": "to_condition__code", "kind": "kind"},
    ),
    "condition_modifiers": (
        "conditions.conditionmodifier",
        {
            "condition_code": "condition__code",
            "kind": "kind",
            "minimum": "minimum",
            "maximum": "maximum",
            "sex": "sex",
            "likelihood_ratio": "likelihood_ratio",
            "provenance": "provenance",
        },
    ),
    "condition_roots": (
        "conditions.conditionnerveroot",
        {"condition_code": "condition__code", "root_code": "root__code", "typicality": "typicality"},
    ),
    "condition_nerves": (
        "conditions.conditionnerve",
        {"condition_code": "condition__code", "nerve_code": "nerve__code"},
    ),
    "condition_regions": (
        "conditions.conditionpainregion",
        {"condition_code": "condition__code", "region_code": "region__code", "typicality": "typicality"},
    ),
    "condition_symptoms": (
        "conditions.conditionsymptom",
        {
            "condition_code": "condition__code",
            "symptom_code": "symptom__code",
            "sensitivity": "sensitivity",
            "specificity": "specificity",
            "lr_positive": "lr_positive",
            "lr_negative": "lr_negative",
            "provenance": "provenance",
        },
    ),
    "condition_tests": (
        "conditions.conditiontest",
        {
            "condition_code": "condition__code",
            "test_code": "test__code",
            "sensitivity": "sensitivity",
            "specificity": "specificity",
            "lr_positive": "lr_positive",
            "lr_negative": "lr_negative",
            "provenance": "provenance",
        },
    ),
    "condition_treatments": (
        "conditions.conditiontreatment",
        {
            "condition_code": "condition__code",
            "treatment_code": "treatment__code",
            "recommendation": "recommendation",
            "evidence_note": "evidence_note",
            "needs_neurological_deficit": "needs_neurological_deficit",
        },
    ),
    "condition_exercises": (
        "conditions.conditionexercise",
        {
            "condition_code": "condition__code",
            "exercise_code": "exercise__code",
            "suitability": "suitability",
            "reason": "reason",
        },
    ),
    "red_flags": (
        "conditions.redflag",
        {"code": "code", "name": "name", "urgency": "urgency", "action": "action", "condition_code": "condition__code"},
    ),
    "triggers": (
        "conditions.redflagtrigger",
        {
            "red_flag_code": "red_flag__code",
            "code": "code",
            "description": "description",
            "urgency": "urgency",
            "group_minimum": "group_minimum",
        },
    ),
    "criteria": (
        "conditions.triggercriterion",
        {
            "red_flag_code": "trigger__red_flag__code",
            "trigger_code": "trigger__code",
            "position": "position",
            "kind": "kind",
            "number": "number",
            "group": "group",
            "symptom_code": "symptom__code",
            "test_code": "test__code",
            "region_code": "region__code",
            "action_code": "action__code",
            "reflex_code": "reflex__code",
        },
    ),
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
