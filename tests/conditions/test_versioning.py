"""The knowledge version moves when curated content changes, and only then."""

import pytest

from conditions import models as m
from conditions.versioning import knowledge_version
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_saving_a_record_moves_the_version():
    before = knowledge_version()
    condition = m.Condition.objects.get(code="sciatica")
    condition.summary += " Edited."
    condition.save()
    assert knowledge_version() != before


def test_changing_a_link_moves_the_version():
    link = m.ConditionTest.objects.filter(provenance="curator_estimate").first()
    before = knowledge_version()
    link.sensitivity = 0.42
    link.save()
    assert knowledge_version() != before


def test_deleting_a_record_moves_the_version():
    source = f.make_source()
    before = knowledge_version()
    source.delete()
    assert knowledge_version() != before


def test_changing_cited_sources_moves_the_version():
    symptom = m.Symptom.objects.get(code="fever")
    before = knowledge_version()
    symptom.sources.add(f.make_source())
    assert knowledge_version() != before


def test_reading_does_not_move_the_version():
    before = knowledge_version()
    list(m.Condition.objects.prefetch_related("symptom_links"))
    assert knowledge_version() == before
