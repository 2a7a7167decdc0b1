"""The bulk export: the whole knowledge graph with sources, stamped with the knowledge version."""

import re
import subprocess
import sys

import pytest

from conditions import models as m
from conditions.versioning import knowledge_version
from tests.helpers import ROOT, VOCABULARY_MODELS, shell_blocks

pytestmark = pytest.mark.django_db


def test_export_holds_every_record_of_every_kind(api):
    body = api.get("/api/v1/export/").json()
    assert body["knowledge_version"] == knowledge_version()
    expected = {"sources": m.Source, **VOCABULARY_MODELS}
    for section, model in expected.items():
        assert {item["code"] for item in body[section]} == set(model.objects.values_list("code", flat=True))


def test_export_carries_links_with_their_provenance(api):
    body = api.get("/api/v1/export/").json()
    # (v1 checked hip rotation for hip osteoarthritis: the audit made that row a curator estimate.)
    aneurysm = next(c for c in body["conditions"] if c["code"] == "abdominal-aortic-aneurysm")
    test = next(t for t in aneurysm["tests"] if t["code"] == "pulsatile-abdominal-mass")
    assert (test["provenance"], test["source"]["code"]) == ("study", "lederle-1999-aaa")
    assert test["confidence_interval"]
    assert {"care_level", "modifiers", "note"} <= set(aneurysm)
    assert {m["kind"] for m in aneurysm["modifiers"]} >= {"age", "sex"}
    lederle = next(s for s in body["sources"] if s["code"] == "lederle-1999-aaa")
    assert (lederle["doi"], lederle["pmid"]) == ("10.1001/jama.281.1.77", "9892455")
    cited = {s["code"] for c in body["conditions"] for s in c["sources"]}
    assert cited <= {s["code"] for s in body["sources"]}


def test_the_researchers_guide_counts_the_study_figures_and_estimates_as_its_command_does(api):
    # The guide's figures come from the shipped knowledge: its command, run on the export, must give them.
    guide = (ROOT / "docs" / "researchers.md").read_text()
    command = next(block for block in shell_blocks(guide) if "prior_provenance" in block)
    script = command.split("python3 -c '", 1)[1].rstrip().removesuffix("'")
    export = api.get("/api/v1/export/").content
    printed = subprocess.run([sys.executable, "-c", script], input=export, capture_output=True, check=True).stdout
    counted = {
        (kind, provenance): int(n) for kind, provenance, n in (line.split() for line in printed.decode().splitlines())
    }

    # The guide's table: a row per kind of figure (named by its field), then studies and estimates.
    documented = {}
    for field, study, estimates in re.findall(r"^  \| [^`]*`(\w+)`.*\| (\d+) \| (\d+) \|$", guide, re.MULTILINE):
        kind = "priors" if field == "prior_provenance" else field
        documented |= {(kind, "study"): int(study), (kind, "curator_estimate"): int(estimates)}
    assert counted == {key: n for key, n in documented.items() if n}
    studies = sum(n for (_, provenance), n in counted.items() if provenance == "study")
    assert f"{studies} of the {sum(counted.values())} figures" in guide


@pytest.mark.parametrize("url", ["/api/v1/export/", "/api/v1/export/csv/"])
def test_an_empty_version_is_a_400_naming_it(api, url):
    response = api.get(f"{url}?version=")
    assert response.status_code == 400
    assert response.json()["errors"][0] == {
        "field": "version",
        "code": "blank",
        "message": "Give a knowledge version as GET /api/v1/versions/ lists them, or leave out version.",
    }
