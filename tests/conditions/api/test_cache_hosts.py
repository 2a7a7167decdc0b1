"""The Host header cannot force a cache miss: one cached answer serves every host name a client sends, its
pagination links completed with each request's own host; a host outside ALLOWED_HOSTS costs nothing."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches

from conditions.api.views import ExportView, KnowledgeViewSet

pytestmark = pytest.mark.django_db


@pytest.fixture
def unthrottled(monkeypatch):
    for view in (ExportView, KnowledgeViewSet):  # many requests from one client: no rate limit here
        monkeypatch.setattr(view, "throttle_classes", [])


def test_every_port_in_the_host_header_shares_one_cached_export(api, unthrottled, monkeypatch):
    builds = []
    build_export = ExportView.build_export
    monkeypatch.setattr(ExportView, "build_export", lambda view: builds.append(1) or build_export(view))
    for port in range(1, 41):
        assert api.get("/api/v1/export/", HTTP_HOST=f"127.0.0.1:{port}").status_code == 200
    assert len(builds) == 1
    assert len(caches["knowledge"]) == 1  # the times of the versions (for updated_version); the export is a file
    assert len([entry for entry in Path(settings.ANSWER_FILES_DIR).iterdir() if entry.is_dir()]) == 1


def test_a_cached_page_links_to_the_host_of_each_request(api, unthrottled):
    url = "/api/v1/conditions/?page_size=2&page=2"
    first = api.get(url, HTTP_HOST="127.0.0.1:8000").json()
    second = api.get(url, HTTP_HOST="localhost").json()
    secure = api.get(url, HTTP_HOST="localhost", secure=True).json()

    assert len(caches["knowledge"]) == 2  # the page, and the times of the versions (for updated_version)
    assert first["next"] == "http://127.0.0.1:8000/api/v1/conditions/?page=3&page_size=2"
    assert first["previous"] == "http://127.0.0.1:8000/api/v1/conditions/?page_size=2"
    assert second["next"] == "http://localhost/api/v1/conditions/?page=3&page_size=2"
    assert secure["next"] == "https://localhost/api/v1/conditions/?page=3&page_size=2"
    assert {**first, "next": None, "previous": None} == {**second, "next": None, "previous": None}


def test_a_page_from_the_cache_is_the_page_as_rendered(api, unthrottled):
    url = "/api/v1/nerves/?page_size=3"
    rendered = api.get(url, HTTP_HOST="localhost:8001")
    cached = api.get(url, HTTP_HOST="localhost:8001")
    assert cached.content == rendered.content
    assert rendered.json()["next"].startswith("http://localhost:8001/api/v1/nerves/?")


@pytest.mark.parametrize("url", ["/api/v1/export/", "/api/v1/conditions/", "/api/v1/nerve-roots/L5/"])
def test_a_host_outside_allowed_hosts_is_refused_before_any_work(api, url, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = api.get(url, HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"
    assert len(caches["knowledge"]) == 0
