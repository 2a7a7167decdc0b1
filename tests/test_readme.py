"""The README's curl examples are shell a reader can paste: each parses, and each body is JSON."""

import json
import shlex
import subprocess
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"


def shell_blocks(text: str) -> list[str]:
    """The README's shell examples: fenced `sh` blocks and indented code blocks, as written."""
    lines = text.splitlines()
    blocks, i = [], 0
    while i < len(lines):
        if lines[i].startswith("```sh"):
            end = lines.index("```", i + 1)
            blocks.append("\n".join(lines[i + 1 : end]))
            i = end + 1
        elif lines[i].startswith("    ") and (i == 0 or not lines[i - 1].strip()):
            end = i
            while end < len(lines) and lines[end].startswith("    "):
                end += 1
            blocks.append("\n".join(line[4:] for line in lines[i:end]))
            i = end
        else:
            i += 1
    return blocks


CURL_EXAMPLES = [block for block in shell_blocks(README.read_text()) if "curl " in block]


def test_the_readme_has_its_curl_examples():
    # Guards the extraction itself: the README shows reads, revalidation and an assessment.
    assert len(CURL_EXAMPLES) >= 3
    assert any("If-None-Match" in block for block in CURL_EXAMPLES)
    assert any("/assessments/" in block and "-X POST" in block for block in CURL_EXAMPLES)


@pytest.mark.parametrize("example", CURL_EXAMPLES, ids=lambda example: example.split("\n")[0][:60])
def test_a_curl_example_parses_as_shell(example):
    result = subprocess.run(["bash", "-n"], input=example, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("example", [block for block in CURL_EXAMPLES if "-X POST" in block])
def test_a_curl_example_posts_json(example):
    words = shlex.split(example)
    assert json.loads(words[words.index("-d", words.index("curl")) + 1])
