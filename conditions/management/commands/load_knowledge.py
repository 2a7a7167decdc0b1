from django.core.management.base import BaseCommand

from conditions.knowledge import FIXTURE_ORDER, knowledge_load
from conditions.versioning import knowledge_version


class Command(BaseCommand):
    """Load the shipped knowledge fixtures in their documented order (safe to run again)."""

    help = "Load the shipped knowledge (fixtures/) in order. Loading twice changes nothing."

    def handle(self, *args, verbosity=1, **options):
        changed = knowledge_load(verbosity=max(verbosity - 1, 0))
        state = "updated to" if changed else "unchanged at"
        self.stdout.write(f"Loaded {len(FIXTURE_ORDER)} fixture files; knowledge {state} v{knowledge_version()}.")
