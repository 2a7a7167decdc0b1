"""The bulk export: the whole knowledge graph with sources, stamped with the knowledge version."""

import pytest

from conditions import models as m
from conditions.versioning import knowledge_version
from tests.conditions.test_fixtures import VOCABULARY_MODELS

pytestmark = pytest.mark.django_db


def test_export_holds_every_record_of_every_kind(api):
    body = api.get("/api/v1/export/").json()
    assert body["knowledge_version"] == knowledge_version()
    expected = {"sources": m.Source, **VOCABULARY_MODELS}
    for section, model in expected.items():
        assert {item["code"] for item in body[section]} == set(model.objects.values_list("code", flat=True))


def test_export_carries_links_with_their_provenance(api):
    body = api.get("/api/v1/export/").json()
    hip_oa = next(c for c in body["conditions"] if c["code"] == "hip-osteoarthritis")
    test = next(t for t in hip_oa["tests"] if t["code"] == "hip-internal-rotation-painful-limited")
    assert test["source"] == "altman-1991-hip-oa"
    cited = {s["code"] for c in body["conditions"] for s in c["sources"]}
    assert cited <= {s["code"] for s in body["sources"]}
