"""Loading the shipped knowledge: the fixture files and the one order they load in."""

from django.core.management import call_command
from django.db import transaction

from .models import KNOWLEDGE_MODELS
from .versioning import bump_knowledge_version, knowledge_fingerprint, version_bumps_suspended

# Each file only refers to records of the files before it.
FIXTURE_ORDER = (
    "sources",
    "body_regions",
    "muscle_actions",
    "reflexes",
    "nerve_roots",
    "nerves",
    "symptoms",
    "clinical_tests",
    "conditions",
    "evidence",
    "treatments",
    "exercises",
    "red_flags",
)


def knowledge_load(*, verbosity: int = 0) -> bool:
    """Load every fixture in order; move the knowledge version only if the content changed."""
    with transaction.atomic():
        before = knowledge_fingerprint()
        with version_bumps_suspended():
            call_command("loaddata", *FIXTURE_ORDER, verbosity=verbosity)
        changed = knowledge_fingerprint() != before
        if changed:
            record_loaded_history()
            bump_knowledge_version()
        return changed


def record_loaded_history() -> None:
    """Fixture loads save raw, which keeps no history: record every record's loaded state at once."""
    for model in KNOWLEDGE_MODELS:
        model.history.bulk_history_create(
            list(model._default_manager.all()), default_change_reason="Loaded from the shipped fixtures"
        )
