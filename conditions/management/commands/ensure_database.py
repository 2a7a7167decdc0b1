from django.core.management.base import BaseCommand
from django.db import connection


class Command(BaseCommand):
    """Create the PostgreSQL database that DATABASE_URL names when it does not exist yet."""

    help = "Create the configured PostgreSQL database if it is missing (SQLite creates its own file)."

    def handle(self, **options):
        if connection.vendor != "postgresql":
            return
        name = connection.settings_dict["NAME"]
        # The database itself cannot be connected to yet: ask the server through its maintenance
        # database, as Django does when it creates a test database.
        with connection._nodb_cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone():
                return
            cursor.execute(f"CREATE DATABASE {connection.ops.quote_name(name)}")
        self.stdout.write(f"Created the PostgreSQL database {name}.")
