import json

from django.core.management.base import BaseCommand, CommandError

from conditions.history import UnknownVersion, knowledge_state_at


class Command(BaseCommand):
    """Print the curated knowledge as it was published at a version, rebuilt from history, as JSON."""

    help = "Print the knowledge as it stood at a version (for example the knowledge_version of an assessment)."

    def add_arguments(self, parser):
        parser.add_argument("version", help="A knowledge version such as 12.9f3a61c2 (or just 12).")

    def handle(self, version, **options):
        try:
            state = knowledge_state_at(version)
        except UnknownVersion as error:
            raise CommandError(f"No knowledge version {error} was ever published.") from error
        self.stdout.write(json.dumps({"knowledge_version": version, "records": state}, indent=2, default=str))
