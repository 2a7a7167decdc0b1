"""HTTP caching: ETags from the knowledge version, 304s without serialising, public Cache-Control."""

import pytest

from conditions import models as m
from conditions.api import serializers

pytestmark = pytest.mark.django_db

URLS = [
    "/api/v1/nerve-roots/L5/",
    "/api/v1/conditions/?nerve_root=L4",
    "/api/v1/body-regions/thigh-lateral/",
    "/api/v1/export/",
]


@pytest.mark.parametrize("url", URLS)
def test_reads_carry_an_etag_and_public_cache_control(api, url, settings):
    response = api.get(url)
    assert response.status_code == 200
    assert response["ETag"].startswith('W/"knowledge-')
    assert "public" in response["Cache-Control"]
    assert f"max-age={settings.KNOWLEDGE_CACHE_MAX_AGE}" in response["Cache-Control"]


@pytest.mark.parametrize("url", URLS)
def test_matching_if_none_match_answers_304_with_no_body(api, url):
    etag = api.get(url)["ETag"]
    response = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_304_does_not_serialise_anything(api, monkeypatch):
    etag = api.get("/api/v1/conditions/sciatica/")["ETag"]

    def explode(*args, **kwargs):
        raise AssertionError("serialised on a conditional hit")

    monkeypatch.setattr(serializers.ConditionDetailSerializer, "to_representation", explode)
    assert api.get("/api/v1/conditions/sciatica/", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_stale_etag_gets_the_full_response(api):
    response = api.get("/api/v1/conditions/sciatica/", HTTP_IF_NONE_MATCH='W/"knowledge-0"')
    assert response.status_code == 200
    assert response.json()["code"] == "sciatica"


def test_changing_any_curated_record_changes_the_etag(api, django_capture_on_commit_callbacks):
    before = api.get("/api/v1/nerve-roots/L5/")["ETag"]
    link = m.ConditionTest.objects.get(condition__code="piriformis-syndrome", test__code="fair-test")
    link.note += " Reviewed."
    with django_capture_on_commit_callbacks(execute=True):
        link.save()
    after = api.get("/api/v1/nerve-roots/L5/", HTTP_IF_NONE_MATCH=before)
    assert after.status_code == 200
    assert after["ETag"] != before


@pytest.mark.parametrize(
    ("url", "status"),
    [("/api/v1/nerve-roots/NOPE/", 404), ("/api/v1/conditions/?nerve_root=L9", 400)],
)
def test_a_matching_etag_does_not_hide_a_404_or_400(api, url, status):
    etag = api.get("/api/v1/nerve-roots/L5/")["ETag"]
    assert api.get(url, HTTP_IF_NONE_MATCH=etag).status_code == status
    assert api.get(url, HTTP_IF_NONE_MATCH="*").status_code == status


@pytest.mark.parametrize(
    "headers",
    [{"HTTP_IF_MATCH": '"junk"'}, {"HTTP_IF_UNMODIFIED_SINCE": "Sat, 01 Jan 2000 00:00:00 GMT"}],
)
def test_reads_ignore_preconditions_other_than_if_none_match(api, headers):
    assert api.get("/api/v1/nerve-roots/L5/", **headers).status_code == 200


def test_errors_are_not_publicly_cached(api):
    response = api.get("/api/v1/conditions/?nerve_root=L9")
    assert response.status_code == 400
    assert "public" not in response.get("Cache-Control", "")
