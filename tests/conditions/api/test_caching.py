"""HTTP caching: ETags from the knowledge version, 304s without serialising, public Cache-Control."""

import gzip
import json
import shutil

import brotli
import pytest
from django.core.cache import caches

from conditions import models as m
from conditions.api import caching, serializers
from conditions.api.views import ExportView, KnowledgeViewSet
from refpain.http import answer_files
from refpain.http.release import release_id

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


@pytest.fixture
def knowledge_cache_of(settings):
    """The knowledge cache, bounded to the given number of bytes."""

    def bounded(max_bytes: int):
        settings.CACHES = {
            **settings.CACHES,
            "knowledge": {**settings.CACHES["knowledge"], "OPTIONS": {"MAX_BYTES": max_bytes}},
        }
        caches["knowledge"].clear()
        return caches["knowledge"]

    return bounded


def test_two_thousand_junk_urls_add_no_cache_entries(api, knowledge_cache_of, monkeypatch):
    cache = knowledge_cache_of(8 * 1024 * 1024)  # room for the export and a page of conditions
    for view in (ExportView, KnowledgeViewSet):  # 2,000 requests from one client: no rate limit here
        monkeypatch.setattr(view, "throttle_classes", [])
    for i in range(1000):
        assert api.get(f"/api/v1/export/?x={i}").status_code == 400  # unknown: refused, never cached
        assert api.get(f"/api/v1/conditions/?format={i}&page=1").status_code == 200  # ignored: one entry
    assert len(cache) == 2  # the page, and the times of the versions (for updated_version)
    assert cache.size_in_bytes <= 8 * 1024 * 1024


def test_the_cache_stays_under_its_byte_bound_when_every_answer_differs(api, knowledge_cache_of):
    cache = knowledge_cache_of(256 * 1024)
    sizes = []
    for i in range(120):
        assert api.get(f"/api/v1/conditions/?page_size={1 + i % 60}&ordering={'-' * (i % 2)}name").status_code == 200
        sizes.append(cache.size_in_bytes)
    assert max(sizes) <= 256 * 1024
    assert len(cache) < 120  # older answers were evicted to make room


def test_a_known_parameter_still_gets_its_own_answer(api):
    everything = api.get("/api/v1/conditions/?format=json").json()
    l4 = api.get("/api/v1/conditions/?nerve_root=L4&format=json").json()
    assert l4["count"] < everything["count"]
    assert api.get("/api/v1/conditions/?nerve_root=L4").json() == l4


def test_pagination_links_leave_out_ignored_parameters(api):
    body = api.get("/api/v1/conditions/?page_size=2&format=json").json()
    assert "page=2" in body["next"]
    assert "format" not in body["next"]


def test_a_new_release_changes_the_etag_of_unchanged_knowledge(api, monkeypatch):
    monkeypatch.setenv("RELEASE", "2026.11.30-a1b2c3")
    release_id.cache_clear()
    old = api.get("/api/v1/nerve-roots/L5/")["ETag"]
    assert api.get("/api/v1/nerve-roots/L5/", HTTP_IF_NONE_MATCH=old).status_code == 304

    monkeypatch.setenv("RELEASE", "2026.12.01-d4e5f6")
    release_id.cache_clear()
    response = api.get("/api/v1/nerve-roots/L5/", HTTP_IF_NONE_MATCH=old)
    assert response.status_code == 200
    assert response["ETag"] != old
    release_id.cache_clear()


def test_without_release_set_a_changed_source_file_changes_the_release(settings, tmp_path, monkeypatch):
    monkeypatch.delenv("RELEASE", raising=False)
    (tmp_path / "conditions").mkdir()
    serializer = tmp_path / "conditions" / "serializers.py"
    serializer.write_text("fields = ['code', 'name']\n")
    settings.BASE_DIR = tmp_path
    release_id.cache_clear()
    before = release_id()
    serializer.write_text("fields = ['code', 'name', 'summary']\n")
    release_id.cache_clear()
    assert release_id() != before
    release_id.cache_clear()


@pytest.mark.parametrize("url", URLS)
def test_a_cached_answer_is_refused_with_a_406_to_a_client_that_does_not_take_json(api, url):
    etag = api.get(url)["ETag"]  # now cached
    for headers in ({}, {"HTTP_IF_NONE_MATCH": etag}):
        response = api.get(url, HTTP_ACCEPT="application/xml", **headers)
        assert response.status_code == 406
        assert response.json()["code"] == "not_acceptable"
    assert api.get(url, HTTP_ACCEPT="application/xml;q=0.9, application/json").status_code == 200
    assert api.get(url, HTTP_ACCEPT="*/*").status_code == 200


def test_a_large_answer_is_gzipped_once_when_cached_and_served_so_to_clients_that_take_gzip(api, monkeypatch):
    compressions = []
    real = caching.gzip.compress
    monkeypatch.setattr(caching.gzip, "compress", lambda *a, **k: compressions.append(1) or real(*a, **k))
    plain = api.get("/api/v1/nerve-roots/L5/")
    assert "Content-Encoding" not in plain and len(plain.content) > caching.PRECOMPRESS_FROM
    answers = [api.get("/api/v1/nerve-roots/L5/", HTTP_ACCEPT_ENCODING="gzip, br") for _ in range(3)]
    assert len(compressions) == 1, "compressed when it was cached, not per request"
    for answer in answers:
        assert answer["Content-Encoding"] == "gzip" and "Accept-Encoding" in answer["Vary"]
        assert json.loads(gzip.decompress(answer.content)) == plain.json()
    # A list whose links are completed per request is left to the middleware, with this request's host.
    listed = api.get("/api/v1/conditions/?page_size=2", HTTP_ACCEPT_ENCODING="gzip")
    assert json.loads(gzip.decompress(listed.content))["next"].startswith("http://testserver/")


def test_the_export_is_built_once_kept_as_a_file_and_served_gzipped_from_it(api, monkeypatch):
    builds = []
    build_export = ExportView.build_export
    monkeypatch.setattr(ExportView, "build_export", lambda view: builds.append(1) or build_export(view))
    plain = api.get("/api/v1/export/")
    zipped = api.get("/api/v1/export/", HTTP_ACCEPT_ENCODING="gzip")
    assert builds == [1] and zipped["Content-Encoding"] == "gzip" and "Accept-Encoding" in zipped["Vary"]
    assert json.loads(gzip.decompress(zipped.content)) == plain.json()
    assert int(zipped["Content-Length"]) == len(zipped.content) < len(plain.content) / 3
    assert api.get("/api/v1/export/", HTTP_IF_NONE_MATCH=plain["ETag"]).status_code == 304
    csv = api.get("/api/v1/export/csv/")
    again = api.get("/api/v1/export/csv/", HTTP_ACCEPT_ENCODING="gzip")  # no gzip form is kept of a zip
    assert gzip.decompress(again.content) == csv.content
    assert again["Content-Disposition"] == csv["Content-Disposition"] and "attachment" in csv["Content-Disposition"]


def test_an_export_file_removed_between_keeping_and_reading_is_built_again(api, monkeypatch):
    first = api.get("/api/v1/export/").json()
    caches["knowledge"].clear()  # the version is read again, and the file found
    real = caching.file_answer
    removed = []

    def removed_once(path, content_type):
        if not removed:  # another worker removed it as a day old, just after this one found it
            removed.append(path)
            shutil.rmtree(path.parent)
        return real(path, content_type)

    monkeypatch.setattr(caching, "file_answer", removed_once)
    again = api.get("/api/v1/export/")
    assert removed and again.status_code == 200 and again.json()["knowledge_version"] == first["knowledge_version"]


def test_a_big_kept_answer_is_streamed_from_its_file_with_its_length(api, monkeypatch):
    whole = api.get("/api/v1/export/")
    csv = api.get("/api/v1/export/csv/")
    monkeypatch.setattr(answer_files, "READ_WHOLE_UP_TO", 0)  # every kept answer counts as big
    streamed = api.get("/api/v1/export/")
    assert streamed.streaming and b"".join(streamed.streaming_content) == whole.content
    assert int(streamed["Content-Length"]) == len(whole.content) and "Content-Disposition" not in streamed
    zipped = api.get("/api/v1/export/", HTTP_ACCEPT_ENCODING="gzip")
    assert zipped.streaming and zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(b"".join(zipped.streaming_content)) == whole.content
    download = api.get("/api/v1/export/csv/")
    assert download.streaming and b"".join(download.streaming_content) == csv.content
    assert download["Content-Disposition"] == csv["Content-Disposition"]


@pytest.mark.parametrize(
    ("accept_encoding", "encoding"),
    [
        ("gzip, deflate, br", "br"),
        ("br;q=1.0, gzip;q=0.8", "br"),
        ("gzip, br;q=0", "gzip"),
        ("identity", None),
    ],
)
def test_the_export_is_sent_in_brotli_to_a_client_that_takes_it(api, accept_encoding, encoding):
    plain = api.get("/api/v1/export/")
    answer = api.get("/api/v1/export/", HTTP_ACCEPT_ENCODING=accept_encoding)
    assert answer.get("Content-Encoding") == encoding and "Accept-Encoding" in answer["Vary"]
    decode = {"br": brotli.decompress, "gzip": gzip.decompress, None: bytes}[encoding]
    assert decode(answer.content) == plain.content
    assert int(answer["Content-Length"]) == len(answer.content)
    if encoding == "br":  # smaller than gzip: what it is kept for
        assert len(answer.content) < len(api.get("/api/v1/export/", HTTP_ACCEPT_ENCODING="gzip").content)
