"""Clinical vignettes, in one format: JSON files in tests/data/vignettes/, read into `Vignette`s.

Five sets. Ours (ours.json) were written from the clinical reference and the seed articles: each is a
typical presentation, with the condition expected among the first three (or first), the root expected
first where the findings localise to one, and the triage level the case needs. Two more were written
blind by a separate reviewer, from the clinical reference, the vocabulary and the request format only,
before the engine ever ran them: blind-v1.json for version 1 (a condition expected among the first
three, a range of acceptable triage) and blind-v2.json for version 2 (a condition expected first, or
one of its look-alikes, an exact triage and a minimum); blind-v3.json for version 3 and blind-v4.json for
the interview, mostly sparse lay inputs, in blind-v2's form. Items left out of a request are unknown on purpose.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

DIRECTORY = Path(__file__).resolve().parents[1] / "data" / "vignettes"


@dataclass(frozen=True)
class Vignette:
    """A presentation and what a careful clinician would conclude from it."""

    name: str
    request: dict
    expected: tuple[str, ...]  # any of these conditions answers the case
    root: str | None
    triage: str | None  # the exact level expected; None where the set gives only a range
    min_triage: str  # the lowest safe level
    max_triage: str
    must_be_first: bool  # an expected condition must be the very first, not just in the first three
    nerve: str | None = None
    red_flags: tuple[str, ...] = ()
    notes: str = field(default="", compare=False)


def load(name: str) -> list[Vignette]:
    entries = json.loads((DIRECTORY / f"{name}.json").read_text())
    return [
        Vignette(**{**entry, "expected": tuple(entry["expected"]), "red_flags": tuple(entry["red_flags"])})
        for entry in entries
    ]


VIGNETTES = load("ours")
HOLDOUT = load("blind-v1")
HOLDOUT_V2 = load("blind-v2")
HOLDOUT_V3 = load("blind-v3")
HOLDOUT_V4 = load("blind-v4")

# Every set, by the name of its file.
SETS = {
    "ours": VIGNETTES,
    "blind-v1": HOLDOUT,
    "blind-v2": HOLDOUT_V2,
    "blind-v3": HOLDOUT_V3,
    "blind-v4": HOLDOUT_V4,
}
