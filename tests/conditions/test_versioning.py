"""The knowledge version moves when curated content changes, and only then."""

import pytest

from conditions import models as m
from conditions.versioning import knowledge_version, version_bumps_suspended
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_saving_a_record_moves_the_version_when_it_commits(django_capture_on_commit_callbacks):
    before = knowledge_version()
    condition = m.Condition.objects.get(code="sciatica")
    condition.summary += " Edited."
    with django_capture_on_commit_callbacks(execute=True):
        condition.save()
        assert knowledge_version() == before  # not yet: the version row stays out of the transaction
    assert knowledge_version() != before


def test_changing_a_link_moves_the_version(django_capture_on_commit_callbacks):
    link = m.ConditionTest.objects.filter(provenance="curator_estimate").first()
    before = knowledge_version()
    link.sensitivity = 0.42
    with django_capture_on_commit_callbacks(execute=True):
        link.save()
    assert knowledge_version() != before


def test_deleting_a_record_moves_the_version(django_capture_on_commit_callbacks):
    with version_bumps_suspended():
        source = f.make_source()
    before = knowledge_version()
    with django_capture_on_commit_callbacks(execute=True):
        source.delete()
    assert knowledge_version() != before


def test_changing_cited_sources_moves_the_version(django_capture_on_commit_callbacks):
    symptom = m.Symptom.objects.get(code="fever")
    before = knowledge_version()
    with django_capture_on_commit_callbacks(execute=True):
        symptom.sources.add(f.make_source())
    assert knowledge_version() != before


def test_many_changes_in_one_transaction_move_the_version_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        for link in m.ConditionTest.objects.all()[:5]:
            link.save()
        m.Symptom.objects.get(code="fever").save()
    assert len(callbacks) == 1


def test_a_version_never_repeats_across_databases(django_capture_on_commit_callbacks):
    number, _, token = knowledge_version().partition(".")
    with django_capture_on_commit_callbacks(execute=True):
        m.Symptom.objects.get(code="fever").save()
    new_number, _, new_token = knowledge_version().partition(".")
    assert int(new_number) == int(number) + 1
    assert len(new_token) == 8 and new_token != token


def test_changes_to_other_models_leave_the_version_alone(django_user_model, django_capture_on_commit_callbacks):
    before = knowledge_version()
    with django_capture_on_commit_callbacks(execute=True):
        django_user_model.objects.create_user("someone")
    assert knowledge_version() == before


def test_reading_does_not_move_the_version():
    before = knowledge_version()
    list(m.Condition.objects.prefetch_related("symptom_links"))
    assert knowledge_version() == before
