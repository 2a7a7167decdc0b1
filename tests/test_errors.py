"""Django's own answers are JSON in the error shape too: CSRF refusals, methods /healthz does not take, and
unknown paths and unreadable bodies even with DEBUG on (as under the development server)."""

import io
import json
from wsgiref.util import setup_testing_defaults

import pytest
from django.core.signals import request_started
from django.db import close_old_connections
from django.middleware.csrf import CsrfViewMiddleware
from django.test import Client, RequestFactory

from refpain.http.errors import error_code_for_status
from refpain.wsgi import application

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


def wsgi_request(method: str, path: str, body: bytes = b"", content_type: str = "") -> tuple[int, dict, dict]:
    """A request through the WSGI application the servers run (not the test client's handler)."""
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "HTTP_HOST": "127.0.0.1", "wsgi.input": io.BytesIO(body)}
    environ |= {"CONTENT_LENGTH": str(len(body)), "CONTENT_TYPE": content_type} if body else {}
    setup_testing_defaults(environ)
    started: dict = {}
    # As Django's test client does: the test's database connection must outlive the request.
    request_started.disconnect(close_old_connections)
    try:
        chunks = application(environ, lambda status, headers: started.update(status=status, headers=dict(headers)))
        content = b"".join(chunks)
    finally:
        request_started.connect(close_old_connections)
    return int(started["status"].split()[0]), started["headers"], json.loads(content)


@pytest.mark.django_db
@pytest.mark.parametrize("debug", [True, False], ids=["DEBUG on", "DEBUG off"])
@pytest.mark.parametrize(
    ("method", "path", "body", "status", "code"),
    [
        ("GET", "/no-such-page", b"", 404, "not_found"),
        ("GET", "/api/v1/no-such-list/", b"", 404, "not_found"),
        ("GET", "/static/no-such-file.css", b"", 404, "not_found"),
        ("PUT", "/api/v1/conditions/", b"{}", 405, "method_not_allowed"),
        ("POST", "/api/v1/assessments/", b'{"age": ' + b" " * 3_000_000 + b"40}", 413, "request_too_large"),
        ("POST", "/api/v1/assessments/", b'{"age": 40', 400, "parse_error"),
    ],
    ids=["unknown path", "unknown API list", "unknown static file", "wrong method", "3 MB body", "malformed JSON"],
)
def test_a_hostile_request_gets_the_json_error_shape_whatever_debug_is(
    settings, debug, method, path, body, status, code
):
    settings.DEBUG = debug
    answer_status, headers, error = wsgi_request(method, path, body, "application/json")
    assert answer_status == status
    assert headers["Content-Type"] == "application/json"
    assert error["status"] == status and error["code"] == code and error["message"]


@pytest.mark.parametrize(
    ("status", "code"),
    [(400, "bad_request"), (414, "uri_too_long"), (431, "request_header_fields_too_large"), (500, "server_error")],
)
def test_a_servers_own_error_is_named_by_its_status(status, code):
    assert error_code_for_status(status) == code
