"""The engine stays pure: no Django, and results made of plain data."""

import json
import subprocess
import sys
from pathlib import Path

from assessments.engine import AssessmentInput, assess
from tests.assessments.examples import SPEC_EXAMPLE
from tests.assessments.fixture_snapshot import fixture_knowledge

ROOT = Path(__file__).resolve().parents[2]

DJANGO_MODULES_AFTER_IMPORT = """
import sys
import assessments.engine
print([name for name in sorted(sys.modules) if name == "django" or name.startswith("django.")])
"""


def leaves(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from leaves(item)
    elif isinstance(value, list):
        for item in value:
            yield from leaves(item)
    else:
        yield value


def test_the_engine_imports_no_django():
    result = subprocess.run(
        [sys.executable, "-c", DJANGO_MODULES_AFTER_IMPORT], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout.replace("'", '"')) == []


def test_a_result_as_a_dict_holds_plain_strings_not_vocabulary_members():
    result = assess(AssessmentInput.from_dict(SPEC_EXAMPLE), fixture_knowledge()).to_dict()
    strings = [value for value in leaves(result) if isinstance(value, str)]
    assert result["triage"]["level"] in strings
    assert {type(value) for value in strings} == {str}
