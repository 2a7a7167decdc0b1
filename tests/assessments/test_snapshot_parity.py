"""The engine's tests read the knowledge built from the fixture files; production reads the database.

The two must be the same knowledge, or 60-odd engine tests check something production never runs.
"""

from dataclasses import fields, replace

import pytest

from assessments.engine.build import build_knowledge
from assessments.snapshot import knowledge_rows
from tests.assessments.fixture_snapshot import fixture_knowledge


@pytest.mark.django_db
def test_the_snapshot_built_from_the_fixtures_equals_the_one_built_from_the_database():
    from_fixtures = fixture_knowledge()
    from_database = replace(build_knowledge("database", knowledge_rows()), version=from_fixtures.version)
    different = [
        f.name for f in fields(from_fixtures) if getattr(from_fixtures, f.name) != getattr(from_database, f.name)
    ]
    assert different == []
    assert from_database == from_fixtures


@pytest.mark.django_db
def test_the_parity_check_would_see_a_changed_figure():
    from conditions.models import ConditionSymptom

    row = ConditionSymptom.objects.filter(sensitivity__isnull=False).first()
    ConditionSymptom.objects.filter(pk=row.pk).update(sensitivity=round(1 - row.sensitivity, 3) or 0.5)
    assert build_knowledge("database", knowledge_rows()).conditions != fixture_knowledge().conditions
