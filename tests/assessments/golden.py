"""Golden files: every vignette's exact engine output, pinned to ENGINE_VERSION.

Any change to the engine's output (or to the shipped knowledge) shows as a diff of these files, to be
reviewed like code. Regenerate them with one command after a deliberate change:

    bin/golden

The files live in tests/data/golden/, one per vignette set, each stamped with the engine version that
wrote it; a test fails when the version moved without new files, or the output moved without them.
"""

import json
import sys
from pathlib import Path

from assessments.engine import ENGINE_VERSION, AssessmentInput, assess
from tests.assessments.fixture_snapshot import fixture_knowledge
from tests.assessments.vignettes import SETS

DIRECTORY = Path(__file__).resolve().parents[1] / "data" / "golden"


def outputs(set_name: str) -> dict:
    """The engine version and each vignette's result, by name, as the engine gives them now."""
    knowledge = fixture_knowledge()
    return {
        "engine_version": ENGINE_VERSION,
        "results": {
            case.name: assess(AssessmentInput.from_dict(case.request), knowledge).to_dict() for case in SETS[set_name]
        },
    }


def render(data: dict) -> str:
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def path_of(set_name: str) -> Path:
    return DIRECTORY / f"{set_name}.json"


def write() -> list[Path]:
    DIRECTORY.mkdir(parents=True, exist_ok=True)
    written = []
    for set_name in SETS:
        path = path_of(set_name)
        path.write_text(render(outputs(set_name)))
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write():
        print(f"wrote {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}", file=sys.stderr)
