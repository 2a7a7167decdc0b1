"""The engine's knowledge snapshot built straight from the shipped fixture files, with no database."""

import json
from collections import defaultdict
from functools import cache
from pathlib import Path

from assessments.engine import Knowledge, build_knowledge
from assessments.snapshot import ROW_SPECS

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def value_at(fields: dict, path: str):
    """A row value from fixture fields: natural-key references become the code they name."""
    head, *rest = path.split("__")
    if not rest:
        return fields.get(head)
    reference = fields.get(head)
    if not reference:
        return None
    # A trigger is referred to by (red flag code, trigger code).
    return reference[1] if rest == ["code"] and head == "trigger" else reference[0]


@cache
def fixture_knowledge() -> Knowledge:
    records = defaultdict(list)
    for path in sorted(FIXTURES.glob("*.json")):
        for record in json.loads(path.read_text()):
            records[record["model"]].append(record["fields"])
    rows = {
        name: [{key: value_at(fields, path) for key, path in spec.items()} for fields in records[label]]
        for name, (label, spec) in ROW_SPECS.items()
    }
    return build_knowledge("fixtures", rows)
