"""Loading the shipped knowledge: the fixture files and the one order they load in."""

from django.core.management import call_command
from django.db import transaction

from .models import KnowledgeVersion
from .versioning import knowledge_fingerprint

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
        call_command("loaddata", *FIXTURE_ORDER, verbosity=verbosity)
        fingerprint = knowledge_fingerprint()
        version, _ = KnowledgeVersion.objects.get_or_create(pk=1)
        if version.fingerprint == fingerprint:
            return False
        version.number += 1
        version.fingerprint = fingerprint
        version.save()
        return True
