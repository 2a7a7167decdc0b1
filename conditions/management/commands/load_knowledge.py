from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from conditions.loading import FIXTURE_ORDER, FIXTURES_DIR, knowledge_load
from conditions.versioning import knowledge_version


class Command(BaseCommand):
    """Load the knowledge fixtures in their documented order, keeping every value a clinician curated."""

    help = (
        "Load the shipped knowledge (fixtures/) in order. A fixture change is applied only where the database "
        "still holds what the last load put there; a value curated since is kept and reported."
    )

    def add_arguments(self, parser):
        parser.add_argument("--fixtures", type=Path, default=FIXTURES_DIR, help="Load from this directory.")
        parser.add_argument(
            "--force", action="store_true", help="Overwrite curated values with the fixtures' (recorded in history)."
        )
        parser.add_argument("--strict", action="store_true", help="Exit with an error when a conflict is reported.")

    def handle(self, *args, fixtures, force, strict, verbosity=1, **options):
        report = knowledge_load(fixtures_dir=fixtures, force=force)
        for conflict in report.conflicts:
            self.stdout.write(("Overwrote " if force else "Kept curated value: ") + conflict.describe(forced=force))
        state = "updated to" if report.changed else "unchanged at"
        self.stdout.write(
            f"Loaded {len(FIXTURE_ORDER)} fixture files from {fixtures}: {report.created} added, {report.updated} "
            f"updated, {report.unchanged} unchanged, {len(report.conflicts)} conflict(s)"
            f"{' overwritten' if force else ' kept'}; knowledge {state} v{knowledge_version()}."
        )
        if strict and report.conflicts and not force:
            raise CommandError(f"{len(report.conflicts)} curated value(s) differ from the fixtures (--strict).")
