"""The shipped fixtures and the curated database live together: a load never loses a clinician's work."""

import json
import shutil
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from conditions import models as m
from conditions.kinds import KNOWLEDGE_MODELS
from conditions.loading import FIXTURES_DIR, dump_knowledge, knowledge_load
from conditions.versioning import knowledge_fingerprint, knowledge_version
from curation.capture import proposed_changes
from curation.services import change_request_approve, change_request_submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_and_reviewer():
    users = get_user_model().objects
    return users.create_user("editor-e"), users.create_user("reviewer-r")


def curate(editor, reviewer, edit) -> None:
    """Make an edit as a clinician would: proposed by one, approved by another."""
    with proposed_changes() as proposal:
        edit()
    change_request = change_request_submit(author=editor, changes=proposal["changes"], reason="A curated value.")
    change_request_approve(change_request=change_request, reviewer=reviewer)


def set_prior(code: str, prior: float):
    def edit():
        condition = m.Condition.objects.get(code=code)
        condition.prior = prior
        condition.save()

    return edit


def set_sensitivity(condition: str, test: str, sensitivity: float):
    """A new sensitivity as a curator's estimate: the cited study does not report it."""

    def edit():
        link = m.ConditionTest.objects.get(condition__code=condition, test__code=test)
        link.sensitivity = sensitivity
        link.provenance, link.rationale = "curator_estimate", "Re-estimated for a test."
        link.source, link.sample_size, link.confidence_interval = None, None, ""
        link.save()

    return edit


def test_a_curated_value_survives_a_reload_and_the_conflict_is_reported(editor_and_reviewer):
    curate(*editor_and_reviewer, set_prior("hip-osteoarthritis", 0.04))
    curate(*editor_and_reviewer, set_sensitivity("piriformis-syndrome", "fair-test", 0.85))
    version = knowledge_version()
    report = knowledge_load()
    assert m.Condition.objects.get(code="hip-osteoarthritis").prior == 0.04
    assert (
        m.ConditionTest.objects.get(condition__code="piriformis-syndrome", test__code="fair-test").sensitivity == 0.85
    )
    described = [conflict.describe() for conflict in report.conflicts]
    assert "condition hip-osteoarthritis: prior kept curated value 0.04; fixture says 0.08" in described
    assert any("sensitivity kept curated value 0.85; fixture says 0.88" in line for line in described)
    assert knowledge_version() == version  # nothing was changed


def test_a_reload_still_applies_fixture_changes_to_records_nobody_curated(editor_and_reviewer, tmp_path):
    curate(*editor_and_reviewer, set_prior("hip-osteoarthritis", 0.04))
    fixtures = copy_fixtures(tmp_path)
    edit_fixture(fixtures / "conditions.json", "meralgia-paresthetica", prior=0.03)
    edit_fixture(fixtures / "conditions.json", "hip-osteoarthritis", prior=0.09)
    report = knowledge_load(fixtures_dir=fixtures)
    assert m.Condition.objects.get(code="meralgia-paresthetica").prior == 0.03
    assert m.Condition.objects.get(code="hip-osteoarthritis").prior == 0.04
    assert report.updated == 1 and [c.key for c in report.conflicts] == [("hip-osteoarthritis",)]


def test_force_overwrites_a_curated_value_through_history(editor_and_reviewer):
    curate(*editor_and_reviewer, set_prior("hip-osteoarthritis", 0.04))
    report = knowledge_load(force=True)
    condition = m.Condition.objects.get(code="hip-osteoarthritis")
    assert condition.prior == 0.08
    assert [c.key for c in report.conflicts] == [("hip-osteoarthritis",)]
    latest = condition.history.order_by("-history_date", "-history_id").first()
    assert latest.history_change_reason.startswith("Overwritten from the fixtures")
    assert knowledge_load().conflicts == []  # the fixtures' value is now the loaded one


def test_a_record_a_clinician_deleted_stays_deleted(editor_and_reviewer):
    def delete():
        m.ConditionExercise.objects.get(condition__code="sciatica", exercise__code="pigeon-pose").delete()

    curate(*editor_and_reviewer, delete)
    report = knowledge_load()
    assert not m.ConditionExercise.objects.filter(condition__code="sciatica", exercise__code="pigeon-pose").exists()
    assert [c.key for c in report.conflicts] == [("sciatica", "pigeon-pose")]


def test_new_records_in_the_fixtures_are_added(tmp_path):
    fixtures = copy_fixtures(tmp_path)
    path = fixtures / "symptoms.json"
    records = json.loads(path.read_text())
    records.append(
        {
            "model": "conditions.symptom",
            "fields": {"code": "new-symptom", "name": "A new symptom", "summary": "Added.", "sources": [["nice-ng59"]]},
        }
    )
    path.write_text(json.dumps(records))
    report = knowledge_load(fixtures_dir=fixtures)
    assert report.created == 1
    assert m.Symptom.objects.get(code="new-symptom").sources.get().code == "nice-ng59"


def test_strict_exits_with_an_error_on_a_conflict(editor_and_reviewer, capsys):
    curate(*editor_and_reviewer, set_prior("hip-osteoarthritis", 0.04))
    with pytest.raises(CommandError, match="differ from the fixtures"):
        call_command("load_knowledge", "--strict")
    assert "Kept curated value: condition hip-osteoarthritis: prior kept curated value 0.04" in capsys.readouterr().out
    call_command("load_knowledge")  # without --strict the same conflict is reported, not an error


@pytest.mark.slow
def test_dump_then_load_into_a_fresh_database_round_trips(editor_and_reviewer, tmp_path, django_db_blocker):
    curate(*editor_and_reviewer, set_prior("hip-osteoarthritis", 0.04))
    first = dump_knowledge(tmp_path / "first")
    fingerprint = knowledge_fingerprint()
    wipe_knowledge()
    knowledge_load(fixtures_dir=tmp_path / "first")
    assert m.Condition.objects.get(code="hip-osteoarthritis").prior == 0.04
    assert knowledge_fingerprint() == fingerprint
    second = dump_knowledge(tmp_path / "second")
    assert [path.read_text() for path in first] == [path.read_text() for path in second]


def test_the_shipped_fixtures_are_in_the_dump_format():
    """A diff of fixtures/ after dump_knowledge shows only what clinicians changed."""
    for path in sorted(FIXTURES_DIR.glob("*.json")):
        shipped = path.read_text()
        assert shipped.startswith("[\n  {") and shipped.endswith("}\n]\n"), path.name
        assert all(line.startswith('  {"model": ') for line in shipped.splitlines()[1:-1]), path.name


def test_dumping_the_shipped_knowledge_reproduces_the_shipped_files(tmp_path):
    for path in dump_knowledge(tmp_path):
        assert path.read_text() == (FIXTURES_DIR / path.name).read_text(), path.name


def copy_fixtures(tmp_path: Path) -> Path:
    target = tmp_path / "fixtures"
    shutil.copytree(FIXTURES_DIR, target)
    return target


def edit_fixture(path: Path, code: str, **fields) -> None:
    records = json.loads(path.read_text())
    for record in records:
        if record["fields"].get("code") == code:
            record["fields"].update(fields)
    path.write_text(json.dumps(records))


def wipe_knowledge() -> None:
    """An empty knowledge store, as a fresh database has (inside the test's transaction)."""
    m.LoadedFixtureRecord.objects.all().delete()
    m.Nerve.objects.update(parent=None)  # branches protect their parent nerve
    for model in reversed(KNOWLEDGE_MODELS):
        model._default_manager.all().delete()


def test_a_curated_value_is_kept_on_every_load_even_without_a_record_of_the_last_load(editor_and_reviewer):
    m.LoadedFixtureRecord.objects.all().delete()  # a database loaded before load states were kept
    curate(*editor_and_reviewer, set_prior("hip-osteoarthritis", 0.04))
    for _ in range(2):
        report = knowledge_load()
        assert [c.key for c in report.conflicts] == [("hip-osteoarthritis",)]
        assert m.Condition.objects.get(code="hip-osteoarthritis").prior == 0.04


def test_a_field_newer_than_the_last_load_takes_the_fixture_value(tmp_path):
    record = m.LoadedFixtureRecord.objects.get(model="conditions.Condition", natural_key='["meralgia-paresthetica"]')
    del record.state["care_level"]  # as if the field had been added to the model since that load
    record.save()
    fixtures = copy_fixtures(tmp_path)
    edit_fixture(fixtures / "conditions.json", "meralgia-paresthetica", care_level="routine")
    report = knowledge_load(fixtures_dir=fixtures)
    assert m.Condition.objects.get(code="meralgia-paresthetica").care_level == "routine"
    assert report.conflicts == [] and report.updated == 1


def test_a_new_link_to_a_record_that_no_longer_exists_is_reported_not_fatal(tmp_path):
    fixtures = copy_fixtures(tmp_path)
    path = fixtures / "evidence.json"
    records = json.loads(path.read_text())
    records.append(
        {
            "model": "conditions.conditionsymptom",
            "fields": {
                "condition": ["sciatica"],
                "symptom": ["a-deleted-symptom"],
                "sensitivity": 0.5,
                "specificity": 0.5,
                "provenance": "curator_estimate",
                "rationale": "Test.",
            },
        }
    )
    path.write_text(json.dumps(records))
    report = knowledge_load(fixtures_dir=fixtures)
    assert [c.key for c in report.conflicts] == [("sciatica", "a-deleted-symptom")]
