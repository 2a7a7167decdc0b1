"""The README's curl examples are shell a reader can paste: each parses, and each body is JSON."""

import json
import shlex
import subprocess

import pytest

from tests.helpers import README, shell_blocks

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
