"""The code keeps one name per concept (no class name defined twice), short modules, and is all type-checked."""

import ast
import tomllib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Django names these classes itself: one per migration and one per management command.
CONVENTIONAL = {"Migration", "Command"}


def project_modules():
    for package in sorted(path.parent for path in ROOT.glob("*/__init__.py")):
        if package.name in {"tests", ".venv"}:
            continue
        yield from (path for path in package.rglob("*.py") if "migrations" not in path.parts)


def test_no_class_name_is_defined_twice_in_the_project():
    homes = defaultdict(list)
    for path in project_modules():
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.ClassDef) and node.name not in CONVENTIONAL:
                homes[node.name].append(str(path.relative_to(ROOT)))
    assert {name: paths for name, paths in homes.items() if len(paths) > 1} == {}


def test_the_knowledge_api_modules_are_each_under_400_lines():
    lengths = {
        str(path.relative_to(ROOT)): len(path.read_text().splitlines())
        for path in (ROOT / "conditions" / "api").rglob("*.py")
    }
    assert {path: length for path, length in lengths.items() if length >= 400} == {}


def test_every_test_module_is_under_400_lines():
    lengths = {
        str(path.relative_to(ROOT)): len(path.read_text().splitlines()) for path in (ROOT / "tests").rglob("test_*.py")
    }
    assert {path: length for path, length in lengths.items() if length >= 400} == {}


def test_the_type_checker_checks_every_package_of_the_project():
    checked = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mypy"]["files"])
    packages = {path.parent.name for path in ROOT.glob("*/__init__.py")} - {".venv"}
    assert packages <= checked
