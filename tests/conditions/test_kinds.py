"""The registry of knowledge kinds is the only list of them: each kind is loaded, served, exported, versioned,
kept in history, reviewed and snapshotted, as its entry says (checked by what happens, not by re-deriving)."""

import json
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib import admin
from django.db.models import ForeignKey
from django.db.models.signals import pre_save
from simple_history.models import HistoricalChanges

from assessments.snapshot import knowledge_rows
from conditions.kinds import INTERNAL_MODELS, KINDS, KNOWLEDGE_MODELS
from conditions.loading import FIXTURE_FILES, FIXTURES_DIR
from conditions.versioning import knowledge_version
from curation.admin.review import ReviewedAdmin
from curation.capture import on_pre_save

ROUTED = [kind for kind in KINDS if kind.api]


def store_models() -> set:
    """The knowledge store's own models: not simple-history's copies, not Django's many-to-many tables."""
    models = apps.get_app_config("conditions").get_models()
    return {model for model in models if not issubclass(model, HistoricalChanges)}


def test_every_model_of_the_knowledge_store_is_a_kind_unless_it_is_bookkeeping():
    assert store_models() == set(KNOWLEDGE_MODELS) | set(INTERNAL_MODELS)


def test_each_kind_is_listed_once():
    assert len(KNOWLEDGE_MODELS) == len(set(KNOWLEDGE_MODELS))


def test_the_load_order_puts_every_record_after_the_records_it_refers_to():
    position = {label: index for index, labels in enumerate(FIXTURE_FILES.values()) for label in labels}
    for label, index in position.items():
        for field in apps.get_model(label)._meta.concrete_fields:
            if isinstance(field, ForeignKey) and field.related_model._meta.label_lower in position:
                assert position[field.related_model._meta.label_lower] <= index, (label, field.name)


@pytest.mark.parametrize("name", list(FIXTURE_FILES))
def test_each_fixture_file_holds_exactly_the_kinds_the_registry_puts_in_it(name):
    records = json.loads((Path(FIXTURES_DIR) / f"{name}.json").read_text())
    assert {record["model"] for record in records} == set(FIXTURE_FILES[name])


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.label)
def test_saving_a_record_of_any_kind_moves_the_version_and_adds_to_its_history(
    kind, django_capture_on_commit_callbacks
):
    record = kind.model._default_manager.order_by("pk").first()
    before, kept = knowledge_version(), record.history.count()
    with django_capture_on_commit_callbacks(execute=True):
        record.save()
    assert knowledge_version() != before
    assert record.history.count() == kept + 1


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.label)
def test_every_kind_is_edited_in_the_admin_through_review(kind):
    assert isinstance(admin.site._registry[kind.model], ReviewedAdmin)
    assert on_pre_save in [receiver for receiver in pre_save._live_receivers(kind.model)[0]]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ROUTED, ids=lambda kind: kind.label)
def test_the_api_lists_every_record_of_each_kind_the_registry_routes(api, kind):
    body = api.get(f"/api/v1/{kind.api.path}/?page_size=200").json()
    assert {item["code"] for item in body["results"]} == set(kind.model.objects.values_list("code", flat=True))


@pytest.mark.django_db
def test_the_export_has_a_section_of_every_exported_kind_in_the_published_order(api):
    document = api.get("/api/v1/export/").json()
    sections = [name for name in document if name not in ("knowledge_version", "generated_at")]
    # The document's order is part of the API: the registry keeps it.
    assert sections == [
        "sources", "body_regions", "nerve_roots", "muscle_actions", "reflexes", "nerves", "symptoms",
        "clinical_tests", "conditions", "red_flags", "treatments", "exercises", "body_map",
    ]  # fmt: skip
    for kind in KINDS:
        if kind.export:
            assert len(document[kind.export.name]) == kind.model.objects.count(), kind.label


@pytest.mark.django_db
def test_the_engine_snapshot_holds_a_row_for_every_record_of_each_kind_it_reads():
    rows = knowledge_rows()
    for kind in KINDS:
        if kind.snapshot:
            assert len(rows[kind.snapshot.name]) == kind.model.objects.count(), kind.label
            assert set(rows[kind.snapshot.name][0]) == set(kind.snapshot.fields), kind.label


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.label)
def test_a_kinds_natural_key_tells_its_records_apart(kind):
    keys = list(kind.model.objects.values_list(*kind.identity))
    assert len(keys) == len(set(keys)) > 0


@pytest.mark.django_db
def test_the_clinician_roles_may_propose_changes_to_every_kind(clinician_roles):
    for role in ("Editors", "Reviewers"):
        granted = set(clinician_roles[role])
        for model in KNOWLEDGE_MODELS:
            meta = model._meta
            wanted = {(meta.app_label, f"{action}_{meta.model_name}") for action in ("view", "add", "change", "delete")}
            assert wanted <= granted, (role, meta.label)
