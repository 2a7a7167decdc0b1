"""Assessments stored before the summary columns get them from their results when the database is migrated."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from assessments.models import Assessment

BEFORE = [("assessments", "0003_idempotency_key")]

pytestmark = [pytest.mark.commits, pytest.mark.django_db(transaction=True)]


def test_assessments_stored_before_the_summary_columns_are_counted_after_the_migration():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = MigrationExecutor(connection).loader.project_state(BEFORE).apps.get_model("assessments", "Assessment")
    result = {"triage": {"level": "urgent"}, "conditions": [{"code": "sciatica"}], "nerve_roots": [{"code": "L5"}]}
    earlier = old.objects.create(input={"age": 40}, result=result, engine_version="2.0.0", knowledge_version="1")
    bare = old.objects.create(
        input={}, result={"triage": {"level": "self_care"}}, engine_version="2", knowledge_version="1"
    )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    summaries = Assessment.objects.values_list("pk", "triage_level", "leading_condition", "nerve_root_codes")
    assert set(summaries) == {(earlier.pk, "urgent", "sciatica", ",L5,"), (bare.pk, "self_care", "", "")}
