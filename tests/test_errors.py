"""Django's own answers are JSON in the error shape too: CSRF refusals, methods /healthz does not take."""

import json

import pytest
from django.middleware.csrf import CsrfViewMiddleware
from django.test import Client, RequestFactory

ERROR_KEYS = {"status", "code", "message"}


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_healthz_answers_other_methods_with_a_json_405_even_with_csrf_checks_on(method):
    response = Client(enforce_csrf_checks=True).generic(method, "/healthz")
    assert response.status_code == 405
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body == {"status": 405, "code": "method_not_allowed", "message": f'Method "{method}" not allowed.'}
    assert response["Allow"] == "GET, HEAD"


def test_a_refused_csrf_check_is_a_json_403_in_the_error_shape():
    request = RequestFactory().post("/api/v1/anything/")
    response = CsrfViewMiddleware(lambda request: None).process_view(request, lambda request: None, (), {})
    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"
    body = json.loads(response.content)
    assert set(body) == ERROR_KEYS
    assert body["code"] == "csrf_failed"


@pytest.mark.django_db
def test_the_admin_keeps_djangos_csrf_page_for_clinicians():
    response = Client(enforce_csrf_checks=True).post("/admin/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.django_db
def test_a_body_over_the_upload_limit_is_a_413_naming_the_limit(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = json.dumps({"age": 40, "symptoms": ["x" * 20] * 100})
    response = client.post("/api/v1/assessments/", body, content_type="application/json")
    assert response.status_code == 413
    assert response.json()["code"] == "request_too_large"
    assert response.json()["errors"][0]["field"] == "body"
