"""The rooms depend one way: curation, assessments, privacy and benchmarks build on the knowledge store,
never the reverse; nothing in production imports the benchmarks."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


@pytest.mark.parametrize(
    "path", sorted((ROOT / "conditions").rglob("*.py")), ids=lambda path: str(path.relative_to(ROOT))
)
def test_the_knowledge_store_imports_no_other_room(path):
    rooms = {"curation", "assessments", "privacy", "bench"}
    assert not {name for name in imported_modules(path) if name.split(".")[0] in rooms}


PRODUCTION = ["refpain", "conditions", "curation", "assessments", "privacy"]


@pytest.mark.parametrize(
    "path",
    sorted(path for room in PRODUCTION for path in (ROOT / room).rglob("*.py")),
    ids=lambda path: str(path.relative_to(ROOT)),
)
def test_production_code_imports_nothing_from_the_benchmarks(path):
    assert not {name for name in imported_modules(path) if name.split(".")[0] == "bench"}
