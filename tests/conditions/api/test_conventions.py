"""API conventions: JSON only, one error shape, read-only for anonymous users, throttling, CORS."""

import pytest
from rest_framework.throttling import AnonRateThrottle

pytestmark = pytest.mark.django_db

ERROR_KEYS = {"status", "code", "message"}


def test_unknown_url_is_a_json_404(api):
    response = api.get("/api/v1/no-such-thing/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": 404, "code": "not_found", "message": "Not found."}


def test_unknown_code_is_a_json_404(api):
    body = api.get("/api/v1/conditions/no-such-condition/").json()
    assert body["status"] == 404 and body["code"] == "not_found"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("url", ["/api/v1/conditions/", "/api/v1/conditions/sciatica/", "/api/v1/export/"])
def test_unsafe_methods_are_refused_with_405(api, method, url):
    response = getattr(api, method)(url, {"name": "x"}, format="json")
    assert response.status_code == 405
    assert set(response.json()) >= ERROR_KEYS


def test_nothing_is_changed_by_a_refused_write(api):
    before = api.get("/api/v1/conditions/sciatica/").json()
    api.put("/api/v1/conditions/sciatica/", {"name": "Hacked"}, format="json")
    assert api.get("/api/v1/conditions/sciatica/").json() == before


def test_responses_are_json_only(api):
    response = api.get("/api/v1/conditions/", HTTP_ACCEPT="text/html")
    assert response.status_code == 406
    assert set(response.json()) >= ERROR_KEYS


def test_anonymous_clients_are_rate_limited(api, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    statuses = [api.get("/api/v1/reflexes/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert api.get("/api/v1/reflexes/").json()["code"] == "throttled"


def test_cors_allows_configured_origins_only(api, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.example.org"]
    allowed = api.get("/api/v1/reflexes/", HTTP_ORIGIN="https://app.example.org")
    other = api.get("/api/v1/reflexes/", HTTP_ORIGIN="https://evil.example.com")
    assert allowed["Access-Control-Allow-Origin"] == "https://app.example.org"
    assert "Access-Control-Allow-Origin" not in other
