"""The bulk export: the whole knowledge graph with sources, stamped with the knowledge version."""

import pytest

from conditions import models as m
from conditions.versioning import knowledge_version
from tests.helpers import VOCABULARY_MODELS

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
