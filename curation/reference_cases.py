"""The reference cases: the project's clinical vignettes, shipped with the curation app as curated data.

Every pending change is run against them before a reviewer approves it (curation/impact.py). They are a copy
of the test suite's vignettes (tests/data/vignettes/), made by bin/reference-cases, because the running
service never reads the tests; a test fails when the two copies differ.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from assessments.engine import AssessmentInput
from conditions.vocabulary import TriageLevel

CASES_FILE = Path(__file__).resolve().parent / "data" / "reference_cases.json"


@dataclass(frozen=True)
class ReferenceCase:
    """A presentation from the vignettes, with the lowest triage it safely calls for."""

    set_name: str  # the vignette file it comes from: ours, blind-v1 …
    name: str
    findings: AssessmentInput
    min_triage: TriageLevel
    expected: tuple[str, ...]  # the conditions that answer it


@cache
def reference_cases() -> tuple[ReferenceCase, ...]:
    """Every reference case, read once per process."""
    sets = json.loads(CASES_FILE.read_text())
    return tuple(
        ReferenceCase(
            set_name=set_name,
            name=entry["name"],
            findings=AssessmentInput.from_dict(entry["request"]),
            min_triage=TriageLevel(entry["min_triage"]),
            expected=tuple(entry["expected"]),
        )
        for set_name, entries in sets.items()
        for entry in entries
    )
