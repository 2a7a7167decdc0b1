"""Migrations that remove personal data left behind by earlier releases."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# Migrating needs real transactions, after which Django empties the tables of the available apps: only
# privacy's (it has no models), so the reused test database keeps its roles and knowledge.
pytestmark = pytest.mark.django_db(transaction=True, available_apps=["privacy"])


def test_the_old_plain_text_token_table_is_dropped_by_migrate():
    executor = MigrationExecutor(connection)
    executor.migrate([("privacy", None)])
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE authtoken_token (key varchar(40) PRIMARY KEY, user_id integer)")
        cursor.execute("INSERT INTO authtoken_token VALUES ('9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b', 1)")

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes("privacy"))

    assert "authtoken_token" not in connection.introspection.table_names()
