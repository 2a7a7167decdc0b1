"""The shell examples in docs/ are shell a reader can paste: each parses, and each JSON body is JSON."""

import json
import re
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


def commands(block: str) -> str:
    """A block's shell: in a transcript (commands after `$ `, then what they print), only the commands."""
    typed = [line[2:] for line in block.splitlines() if line.startswith("$ ")]
    return "\n".join(typed) if typed else block


@pytest.mark.parametrize("example", BLOCKS.values(), ids=BLOCKS.keys())
def test_a_shell_example_parses(example):
    result = subprocess.run(["bash", "-n"], input=commands(example), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


# A curl body is what follows -d: a JSON document in single quotes, on one line or several.
CURL_BODIES = {name: block for name, block in BLOCKS.items() if re.search(r"curl [^\n]* -d '\s*[\[{]", block)}


@pytest.mark.parametrize("example", CURL_BODIES.values(), ids=CURL_BODIES.keys())
def test_a_curl_body_is_json(example):
    words = shlex.split(commands(example))  # a body may run over several lines
    bodies = [words[at + 1] for at, word in enumerate(words) if word == "-d" and words[at + 1].lstrip()[:1] in "[{"]
    assert bodies
    for body in bodies:
        assert json.loads(body)
