"""The shell examples in docs/ are shell a reader can paste: each parses, and each JSON body is JSON."""

import json
import shlex
import subprocess
from pathlib import Path

import pytest

from tests.helpers import shell_blocks

DOCS = Path(__file__).resolve().parents[1] / "docs"
BLOCKS = {
    f"{path.name}: {block.splitlines()[0][:50]}": block
    for path in sorted(DOCS.glob("*.md"))
    for block in shell_blocks(path.read_text())
}


def test_the_apps_and_operations_guides_have_their_examples():
    assert any("Idempotency-Key" in block for block in BLOCKS.values())
    assert any("-X DELETE" in block and "/api/v1/account/" in block for block in BLOCKS.values())
    assert any("make audit" in block for block in BLOCKS.values())


@pytest.mark.parametrize("example", BLOCKS.values(), ids=BLOCKS.keys())
def test_a_shell_example_parses(example):
    result = subprocess.run(["bash", "-n"], input=example, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


CURL_BODIES = {name: block for name, block in BLOCKS.items() if " -d " in block}


@pytest.mark.parametrize("example", CURL_BODIES.values(), ids=CURL_BODIES.keys())
def test_a_curl_body_is_json(example):
    for line in example.splitlines():
        if line.startswith("curl ") and " -d " in line:
            words = shlex.split(line)
            assert json.loads(words[words.index("-d") + 1])
