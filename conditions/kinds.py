"""The one list of the kinds of knowledge: every other list of them is derived from KINDS.

From a kind's entry follow its fixture file and load order, its API route, its export section and
place, versioning (every kind moves the knowledge version and keeps a history), review capture (every
admin edit of it becomes a change request) and the rows of the assessment engine's snapshot.

Adding a kind takes more than the entry; tests/conditions/test_kinds.py fails until each is there:
- the model (with its history) and its generated migration, in conditions/models/;
- its admin class, a ReviewedAdmin, in curation/admin/ (records.py, or links.py for a link);
- a data migration granting the Editors and Reviewers roles its view, add, change and delete
  permissions (as conditions/migrations/0004 does for modifiers);
- with an API: its selectors, serializers, filter set and viewset, and the viewset in VIEWSETS
  (conditions/api/urls.py);
- in the export: its EXPORT_CONTENT entry and ExportSerializer field (conditions/api/views.py);
- its fixture records in the file its entry names;
- for the engine: code in assessments/engine/ that reads its snapshot rows.
"""

from dataclasses import dataclass, field

from django.db.models import Model

from conditions import models as m


@dataclass(frozen=True)
class ApiRoute:
    """Where a kind is listed under /api/v1/, and the router basename its URL names start with."""

    path: str
    basename: str


@dataclass(frozen=True)
class ExportSection:
    """A kind's section of the bulk export: its key, and its place in the document."""

    name: str
    position: int


@dataclass(frozen=True)
class SnapshotTable:
    """The rows the assessment engine reads of a kind: the table's name and each row key's field path."""

    name: str
    fields: dict[str, str] = field(hash=False)


@dataclass(frozen=True)
class KnowledgeKind:
    """One kind of curated knowledge record and every place it appears."""

    model: type[Model]
    fixture: str  # the fixtures file its records are shipped in (files load in the order of KINDS)
    api: ApiRoute | None = None
    export: ExportSection | None = None
    snapshot: SnapshotTable | None = None
    # The fields that identify a record (its natural key) where the model does not name them and they are
    # not simply its code.
    natural_key: tuple[str, ...] = ()
    # The records whose API entry lists a row of this kind (a dermatome row shows on its root and its region),
    # as field paths from the row: a change to the row is a change to them, for updated_version and changed_since.
    belongs_to: tuple[str, ...] = ()
    # The kind's table in the CSV export and its name in version summaries, where its export section or its
    # engine table does not name it.
    table_name: str = ""

    @property
    def label(self) -> str:
        return self.model._meta.label_lower

    @property
    def table(self) -> str:
        """The kind's name in the CSV export and in version summaries."""
        return self.table_name or (self.export.name if self.export else self.snapshot.name if self.snapshot else "")

    @property
    def identity(self) -> tuple[str, ...]:
        return self.natural_key or getattr(self.model, "natural_key_fields", ()) or ("code",)


def rows(**fields: str) -> dict[str, str]:
    """Row keys of a snapshot table and their field paths, written as keyword arguments."""
    return fields


EVIDENCE_FIGURES = rows(
    sensitivity="sensitivity",
    specificity="specificity",
    lr_positive="lr_positive",
    lr_negative="lr_negative",
    provenance="provenance",
    absent_counts_after_days="absent_counts_after_days",
)

# In load order: each fixture file only refers to records of the files before it.
KINDS: tuple[KnowledgeKind, ...] = (
    KnowledgeKind(m.Source, "sources", ApiRoute("sources", "source"), ExportSection("sources", 0)),
    KnowledgeKind(
        m.BodyRegion,
        "body_regions",
        ApiRoute("body-regions", "body-region"),
        ExportSection("body_regions", 1),
        SnapshotTable("body_regions", rows(code="code", name="name", sensory_question="sensory_question")),
    ),
    KnowledgeKind(m.BodyMapView, "body_map", export=ExportSection("body_map", 12), table_name="body_map_views"),
    KnowledgeKind(
        m.RegionShape,
        "body_map",
        natural_key=("region", "view", "side"),
        belongs_to=("region",),
        table_name="region_shapes",
    ),
    KnowledgeKind(
        m.MuscleAction,
        "muscle_actions",
        ApiRoute("muscle-actions", "muscle-action"),
        ExportSection("muscle_actions", 3),
        SnapshotTable("muscle_actions", rows(code="code", name="name", self_check="self_check")),
    ),
    KnowledgeKind(
        m.Reflex,
        "reflexes",
        ApiRoute("reflexes", "reflex"),
        ExportSection("reflexes", 4),
        SnapshotTable("reflexes", rows(code="code", name="name", how_to_elicit="how_to_elicit")),
    ),
    KnowledgeKind(
        m.NerveRoot,
        "nerve_roots",
        ApiRoute("nerve-roots", "nerve-root"),
        ExportSection("nerve_roots", 2),
        SnapshotTable("nerve_roots", rows(code="code", name="name", position="position")),
    ),
    KnowledgeKind(
        m.Dermatome,
        "nerve_roots",
        snapshot=SnapshotTable(
            "dermatomes", rows(root_code="root__code", region_code="region__code", typicality="typicality")
        ),
        belongs_to=("root", "region"),
    ),
    KnowledgeKind(
        m.Myotome,
        "nerve_roots",
        snapshot=SnapshotTable(
            "myotomes", rows(root_code="root__code", action_code="action__code", contribution="contribution")
        ),
        belongs_to=("root", "action"),
    ),
    KnowledgeKind(
        m.ReflexRoot,
        "nerve_roots",
        snapshot=SnapshotTable(
            "reflex_roots", rows(root_code="root__code", reflex_code="reflex__code", contribution="contribution")
        ),
        belongs_to=("root", "reflex"),
    ),
    KnowledgeKind(
        m.Nerve,
        "nerves",
        ApiRoute("nerves", "nerve"),
        ExportSection("nerves", 5),
        SnapshotTable("nerves", rows(code="code", name="name")),
        belongs_to=("parent",),  # a nerve's detail lists its branches
    ),
    KnowledgeKind(
        m.NerveRootOrigin,
        "nerves",
        snapshot=SnapshotTable("nerve_origins", rows(nerve_code="nerve__code", root_code="root__code")),
        belongs_to=("nerve", "root"),
    ),
    KnowledgeKind(
        m.NerveSensoryRegion,
        "nerves",
        snapshot=SnapshotTable("nerve_regions", rows(nerve_code="nerve__code", region_code="region__code")),
        belongs_to=("nerve", "region"),
    ),
    KnowledgeKind(
        m.NerveMotorAction,
        "nerves",
        snapshot=SnapshotTable("nerve_actions", rows(nerve_code="nerve__code", action_code="action__code")),
        belongs_to=("nerve", "action"),
    ),
    KnowledgeKind(
        m.Symptom,
        "symptoms",
        ApiRoute("symptoms", "symptom"),
        ExportSection("symptoms", 6),
        SnapshotTable(
            "symptoms",
            rows(
                code="code",
                name="name",
                minimum_triage="minimum_triage",
                evidence_group="evidence_group",
                question="question",
            ),
        ),
    ),
    KnowledgeKind(
        m.ClinicalTest,
        "clinical_tests",
        ApiRoute("clinical-tests", "clinical-test"),
        ExportSection("clinical_tests", 7),
        SnapshotTable(
            "clinical_tests",
            rows(
                code="code",
                name="name",
                minimum_triage="minimum_triage",
                evidence_group="evidence_group",
                how_to_perform="how_to_perform",
            ),
        ),
    ),
    KnowledgeKind(
        m.Condition,
        "conditions",
        ApiRoute("conditions", "condition"),
        ExportSection("conditions", 8),
        SnapshotTable(
            "conditions",
            rows(
                code="code",
                name="name",
                category="category",
                role="role",
                upper_motor_neurone="upper_motor_neurone",
                prior="prior",
                care_level="care_level",
                escalate_at="escalate_at",
                leads_at="leads_at",
                guides_care_at="guides_care_at",
                invasive_care_at="invasive_care_at",
                confined_to_pain_map="confined_to_pain_map",
            ),
        ),
    ),
    KnowledgeKind(
        m.ConditionNerveRoot,
        "conditions",
        snapshot=SnapshotTable(
            "condition_roots",
            rows(condition_code="condition__code", root_code="root__code", typicality="typicality"),
        ),
        belongs_to=("condition", "root"),
    ),
    KnowledgeKind(
        m.ConditionNerve,
        "conditions",
        snapshot=SnapshotTable("condition_nerves", rows(condition_code="condition__code", nerve_code="nerve__code")),
        belongs_to=("condition", "nerve"),
    ),
    KnowledgeKind(
        m.ConditionPainRegion,
        "conditions",
        snapshot=SnapshotTable(
            "condition_regions",
            rows(condition_code="condition__code", region_code="region__code", typicality="typicality"),
        ),
        belongs_to=("condition", "region"),
    ),
    KnowledgeKind(
        m.ConditionRelation,
        "conditions",
        snapshot=SnapshotTable(
            "condition_relations",
            rows(from_code="from_condition__code", to_code="to_condition__code", kind="kind"),
        ),
        belongs_to=("from_condition", "to_condition"),
    ),
    KnowledgeKind(
        m.ConditionSymptom,
        "evidence",
        snapshot=SnapshotTable(
            "condition_symptoms",
            rows(condition_code="condition__code", symptom_code="symptom__code", **EVIDENCE_FIGURES),
        ),
        belongs_to=("condition", "symptom"),
    ),
    KnowledgeKind(
        m.ConditionTest,
        "evidence",
        snapshot=SnapshotTable(
            "condition_tests", rows(condition_code="condition__code", test_code="test__code", **EVIDENCE_FIGURES)
        ),
        belongs_to=("condition", "test"),
    ),
    KnowledgeKind(
        m.ConditionModifier,
        "evidence",
        snapshot=SnapshotTable(
            "condition_modifiers",
            rows(
                condition_code="condition__code",
                kind="kind",
                minimum="minimum",
                maximum="maximum",
                sex="sex",
                likelihood_ratio="likelihood_ratio",
                provenance="provenance",
            ),
        ),
        natural_key=("condition", "code"),
        belongs_to=("condition",),
    ),
    KnowledgeKind(
        m.Treatment,
        "treatments",
        ApiRoute("treatments", "treatment"),
        ExportSection("treatments", 10),
        SnapshotTable("treatments", rows(code="code", name="name", kind="kind", minimum_triage="minimum_triage")),
    ),
    KnowledgeKind(
        m.ConditionTreatment,
        "treatments",
        snapshot=SnapshotTable(
            "condition_treatments",
            rows(
                condition_code="condition__code",
                treatment_code="treatment__code",
                recommendation="recommendation",
                evidence_note="evidence_note",
                needs_neurological_deficit="needs_neurological_deficit",
            ),
        ),
        belongs_to=("condition", "treatment"),
    ),
    KnowledgeKind(
        m.Exercise,
        "exercises",
        ApiRoute("exercises", "exercise"),
        ExportSection("exercises", 11),
        SnapshotTable("exercises", rows(code="code", name="name")),
    ),
    KnowledgeKind(
        m.ConditionExercise,
        "exercises",
        snapshot=SnapshotTable(
            "condition_exercises",
            rows(
                condition_code="condition__code",
                exercise_code="exercise__code",
                suitability="suitability",
                reason="reason",
            ),
        ),
        belongs_to=("condition", "exercise"),
    ),
    KnowledgeKind(
        m.RedFlag,
        "red_flags",
        ApiRoute("red-flags", "red-flag"),
        ExportSection("red_flags", 9),
        SnapshotTable("red_flags", rows(code="code", name="name", urgency="urgency")),
    ),
    KnowledgeKind(
        m.RedFlagCondition,
        "red_flags",
        snapshot=SnapshotTable(
            "red_flag_conditions", rows(red_flag_code="red_flag__code", condition_code="condition__code")
        ),
        belongs_to=("condition",),
    ),
    KnowledgeKind(
        m.RedFlagTrigger,
        "red_flags",
        snapshot=SnapshotTable(
            "triggers",
            rows(
                red_flag_code="red_flag__code",
                code="code",
                description="description",
                urgency="urgency",
                action="action",
                group_minimum="group_minimum",
            ),
        ),
        natural_key=("red_flag", "code"),
        belongs_to=("red_flag",),
    ),
    KnowledgeKind(
        m.TriggerCriterion,
        "red_flags",
        snapshot=SnapshotTable(
            "criteria",
            rows(
                red_flag_code="trigger__red_flag__code",
                trigger_code="trigger__code",
                position="position",
                kind="kind",
                number="number",
                group="group",
                symptom_code="symptom__code",
                test_code="test__code",
                region_code="region__code",
                action_code="action__code",
                reflex_code="reflex__code",
            ),
        ),
        natural_key=("trigger", "position"),
        belongs_to=("trigger__red_flag",),
    ),
)

# The models of the knowledge store that are not knowledge: its bookkeeping.
INTERNAL_MODELS = (m.KnowledgeVersion, m.LoadedFixtureRecord)

# Every kind is versioned (a change moves the knowledge version; the record keeps a history) and reviewed
# (an admin edit becomes a change request another clinician approves).
KNOWLEDGE_MODELS = tuple(kind.model for kind in KINDS)
API_KINDS = tuple(kind for kind in KINDS if kind.api)
EXPORTED_KINDS = tuple(
    sorted((kind for kind in KINDS if kind.export), key=lambda kind: kind.export.position if kind.export else 0)
)

_BY_LABEL = {kind.label: kind for kind in KINDS}


def kind_of(model) -> KnowledgeKind | None:
    """The registry's entry for a model, or None for a model that is not knowledge."""
    return _BY_LABEL.get(model._meta.label_lower)


def fixture_files() -> dict[str, tuple[str, ...]]:
    """Each fixture file, in load order, with the models its records belong to (as app_label.model)."""
    files: dict[str, tuple[str, ...]] = {}
    for kind in KINDS:
        files[kind.fixture] = (*files.get(kind.fixture, ()), kind.label)
    return files
