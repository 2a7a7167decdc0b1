from pathlib import Path

from django.core.management.base import BaseCommand

from conditions.loading import FIXTURES_DIR, dump_knowledge


class Command(BaseCommand):
    """Write the published knowledge back as fixtures in the shipped format, to review and commit."""

    help = (
        "Write the published knowledge as fixtures (the shipped files, natural keys, one record per line, stable "
        "order) into DIR (default: fixtures/), so a diff shows exactly what the clinicians changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", nargs="?", type=Path, default=FIXTURES_DIR)

    def handle(self, *args, directory, **options):
        written = dump_knowledge(directory)
        self.stdout.write(f"Wrote {len(written)} fixture files to {directory}.")
