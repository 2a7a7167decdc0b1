"""The front page: a small index of the service's entry points, as JSON or as a page of links."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

LINKS = {
    "api": "/api/v1/",
    "docs": "/api/docs/",
    "schema": "/api/schema/",
    "admin": "/admin/",
    "health": "/healthz",
}
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def test_the_index_is_json_by_default_with_the_links():
    response = APIClient().get("/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"name": "refpain", **LINKS}


def test_the_index_is_json_for_any_type_and_for_json():
    for accept in ("*/*", "application/json", "image/png"):
        response = APIClient().get("/", HTTP_ACCEPT=accept)
        assert response["Content-Type"] == "application/json", accept


def test_the_index_is_a_page_of_links_for_a_browser():
    response = APIClient().get("/", HTTP_ACCEPT=BROWSER_ACCEPT)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert page.startswith("<!doctype html>")
    for url in LINKS.values():
        assert f'<a href="{url}">' in page


@pytest.mark.django_db
def test_the_index_is_cacheable_per_type_and_asks_nothing_of_the_database():
    with CaptureQueriesContext(connection) as queries:
        response = APIClient().get("/")
    assert len(queries) == 0
    assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]
    assert "Accept" in response["Vary"]


def test_a_post_to_the_index_is_a_405_in_the_error_shape():
    # CSRF checks on, as for a real client: the answer is still a 405, not a 403.
    response = APIClient(enforce_csrf_checks=True).post("/", {"name": "x"})
    assert response.status_code == 405
    assert response.json() == {"status": 405, "code": "method_not_allowed", "message": 'Method "POST" not allowed.'}
    assert response["Allow"] == "GET, HEAD"
