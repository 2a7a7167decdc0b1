"""The registry of knowledge kinds is the only list of them: every other list is its projection."""

import json
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse
from simple_history.models import HistoricalChanges

from assessments.snapshot import ROW_SPECS
from conditions.api.urls import KNOWLEDGE_ROUTES, VIEWSETS
from conditions.api.views import EXPORT_SECTIONS, ExportSerializer
from conditions.kinds import INTERNAL_MODELS, KINDS, KNOWLEDGE_MODELS, REVIEWED_MODELS, VERSIONED_MODELS
from conditions.loading import FIXTURE_FILES, FIXTURES_DIR, identity
from conditions.versioning import curated_models
from curation.admin.review import CURATED, ReviewedAdmin
from curation.capture import CAPTURED


def store_models() -> set:
    """The knowledge store's own models: not simple-history's copies, not Django's many-to-many tables."""
    models = apps.get_app_config("conditions").get_models()
    return {model for model in models if not issubclass(model, HistoricalChanges)}


def test_every_model_of_the_knowledge_store_is_a_kind_unless_it_is_bookkeeping():
    assert store_models() == set(KNOWLEDGE_MODELS) | set(INTERNAL_MODELS)


def test_each_kind_is_listed_once():
    assert len(KNOWLEDGE_MODELS) == len(set(KNOWLEDGE_MODELS))


def test_the_fixture_files_load_the_kinds_in_registry_order():
    assert [label for labels in FIXTURE_FILES.values() for label in labels] == [kind.label for kind in KINDS]


@pytest.mark.parametrize("name", list(FIXTURE_FILES))
def test_each_fixture_file_holds_exactly_the_kinds_the_registry_puts_in_it(name):
    records = json.loads((Path(FIXTURES_DIR) / f"{name}.json").read_text())
    assert {record["model"] for record in records} == set(FIXTURE_FILES[name])


def test_versioning_covers_every_versioned_kind_and_its_cited_sources():
    versioned = [model for model in curated_models() if not model._meta.auto_created]
    assert set(versioned) == set(VERSIONED_MODELS)
    cited = {model.sources.through for model in VERSIONED_MODELS if hasattr(model, "sources")}
    assert cited <= set(curated_models())


def test_every_versioned_kind_keeps_a_history():
    assert all(hasattr(model, "history") for model in VERSIONED_MODELS)


def test_review_captures_every_reviewed_kind_and_the_admin_sends_its_edits_to_review():
    assert CAPTURED == CURATED == set(REVIEWED_MODELS)
    for model in REVIEWED_MODELS:
        assert isinstance(admin.site._registry[model], ReviewedAdmin), model


def test_the_api_serves_every_kind_the_registry_routes():
    routed = [kind for kind in KINDS if kind.api]
    assert [(kind.api.path, VIEWSETS[kind.api.path], kind.api.basename) for kind in routed] == KNOWLEDGE_ROUTES
    assert set(VIEWSETS) == {kind.api.path for kind in routed}
    for kind in routed:
        assert VIEWSETS[kind.api.path](action="list").get_queryset().model is kind.model
        assert reverse(f"v1:{kind.api.basename}-list") == f"/api/v1/{kind.api.path}"


def test_the_export_has_one_section_per_exported_kind_in_the_published_order():
    assert list(EXPORT_SECTIONS) == [
        kind.export.name for kind in sorted((k for k in KINDS if k.export), key=lambda k: k.export.position)
    ]
    # The document's order is part of the API: the registry keeps it.
    assert list(EXPORT_SECTIONS) == [
        "sources", "body_regions", "nerve_roots", "muscle_actions", "reflexes", "nerves", "symptoms",
        "clinical_tests", "conditions", "red_flags", "treatments", "exercises", "body_map",
    ]  # fmt: skip
    assert set(EXPORT_SECTIONS) <= set(ExportSerializer().fields)


def test_the_engine_snapshot_reads_the_table_each_kind_names():
    expected = {kind.snapshot.name: (kind.label, kind.snapshot.fields) for kind in KINDS if kind.snapshot}
    assert expected == ROW_SPECS


def test_a_records_natural_key_comes_from_the_registry():
    for kind in KINDS:
        assert identity(kind.model) == kind.identity
    assert identity(apps.get_model("conditions.redflagtrigger")) == ("red_flag", "code")


@pytest.mark.django_db
def test_the_clinician_roles_may_propose_changes_to_every_reviewed_kind(clinician_roles):
    for role in ("Editors", "Reviewers"):
        granted = set(clinician_roles[role])
        for model in REVIEWED_MODELS:
            meta = model._meta
            wanted = {(meta.app_label, f"{action}_{meta.model_name}") for action in ("view", "add", "change", "delete")}
            assert wanted <= granted, (role, meta.label)
