"""The curl examples of the README and docs/ are shell a reader can paste: each parses, and each body is JSON."""

import json
import re
import shlex
import subprocess

import pytest

from tests.helpers import DOCUMENTS, README, documented_shell_blocks, shell_blocks

CURL_EXAMPLES = [block for block in documented_shell_blocks() if "curl " in block]


def test_the_guides_of_every_audience_are_among_the_tested_documents():
    assert {document.name for document in DOCUMENTS} >= {
        "README.md",
        "apps.md",
        "clinicians.md",
        "researchers.md",
        "operations.md",
        "architecture.md",
    }


def test_the_documents_have_their_curl_examples():
    # Guards the extraction itself: the docs show reads, revalidation, sign-in and an assessment.
    assert len(CURL_EXAMPLES) >= 5
    assert any("If-None-Match" in block for block in CURL_EXAMPLES)
    assert any("/auth/token/" in block for block in CURL_EXAMPLES)
    assert any("/auth/register/" in block for block in CURL_EXAMPLES)
    assert any("/assessments/" in block and "-X POST" in block for block in CURL_EXAMPLES)


def test_the_readme_is_a_front_page_with_a_tested_tour_of_the_api():
    text = README.read_text()
    assert len(text.splitlines()) <= 250
    tour = [block for block in shell_blocks(text) if "curl " in block]
    assert any("/assessments/" in block and "-X POST" in block for block in tour)


@pytest.mark.parametrize("example", CURL_EXAMPLES, ids=lambda example: example.split("\n")[0][:60])
def test_a_curl_example_parses_as_shell(example):
    result = subprocess.run(["bash", "-n"], input=example, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("example", [block for block in CURL_EXAMPLES if "-X POST" in block])
def test_a_curl_example_posts_json(example):
    words = shlex.split(example)
    bodies = [words[index + 1] for index, word in enumerate(words) if word == "-d"]
    assert bodies and all(json.loads(body) for body in bodies)


def heading_anchors(text: str) -> set[str]:
    """The anchors a Markdown renderer gives a document's headings (lower case, punctuation dropped)."""
    headings = re.findall(r"^#+ (.+)$", text, flags=re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-") for heading in headings}


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda document: document.name)
def test_every_link_between_the_documents_leads_to_a_file_and_a_heading_that_exist(document):
    for target, anchor in re.findall(r"\]\(([^)#:\s]*)(?:#([^)\s]+))?\)", document.read_text()):
        linked = (document.parent / target).resolve() if target else document
        assert linked.exists(), f"{document.name} links to {target}, which does not exist"
        if anchor and linked.suffix == ".md":
            assert anchor in heading_anchors(linked.read_text()), f"{document.name} links to {target}#{anchor}"
