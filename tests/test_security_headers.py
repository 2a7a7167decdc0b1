"""Security headers: a Content-Security-Policy and a Permissions-Policy on every response (the answers
written below Django included), and X-Forwarded-Proto trusted only when a proxy is configured."""

import email
import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from wsgiref.util import setup_testing_defaults

import pytest
from csp.decorators import csp_exempt, csp_update
from csp.exceptions import CSPNonceError
from csp.middleware import CSPMiddleware
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from refpain.http.csp import SettingsPolicyCSPMiddleware
from refpain.http.headers import security_headers
from refpain.http.workers import write_json_error
from refpain.wsgi import application

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/api/v1/nerve-roots/", "/api/docs/", "/admin/login/", "/healthz"])
def test_every_response_carries_a_strict_content_security_policy(client, path):
    policy = client.get(path)["Content-Security-Policy"]
    directives = dict(directive.strip().split(" ", 1) for directive in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["object-src"] == directives["frame-ancestors"] == "'none'"
    assert "unsafe" not in policy


def test_the_docs_page_has_no_inline_script_and_nonces_its_styles(client):
    response = client.get("/api/docs/")
    page = response.content.decode()
    assert "<script>" not in page
    nonce = response["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'<style nonce="{nonce}">' in page


def library_policy(path: str) -> str:
    """The Content-Security-Policy django-csp's own middleware gives an answer."""
    response = CSPMiddleware(lambda request: HttpResponse())(RequestFactory().get(path))
    assert isinstance(response, HttpResponse)
    return response["Content-Security-Policy"]


@pytest.mark.parametrize("path", ["/api/v1/nerve-roots/", "/api/v1/conditions/sciatica/", "/healthz"])
def test_an_answer_without_a_nonce_gets_the_policy_django_csp_would_give(client, path):
    response = client.get(path)
    assert response["Content-Security-Policy"] == library_policy(path)


def test_an_api_answer_does_not_build_the_policy_again(client, monkeypatch):
    policy = client.get("/api/v1/nerve-roots/")["Content-Security-Policy"]

    def build_policy(*args, **kwargs):
        raise AssertionError("built again")

    monkeypatch.setattr("csp.middleware.build_policy", build_policy)
    assert client.get("/api/v1/nerve-roots/")["Content-Security-Policy"] == policy


def test_a_view_of_its_own_policy_or_exempt_still_gets_what_django_csp_gives():
    exempt = SettingsPolicyCSPMiddleware(csp_exempt()(lambda request: HttpResponse()))
    assert "Content-Security-Policy" not in exempt(RequestFactory().get("/"))
    updated = SettingsPolicyCSPMiddleware(csp_update({"img-src": "https://example.org"})(lambda r: HttpResponse()))
    assert "https://example.org" in updated(RequestFactory().get("/"))["Content-Security-Policy"]


def test_a_changed_policy_is_built_again(client):
    with override_settings(CONTENT_SECURITY_POLICY={"DIRECTIVES": {"default-src": ["'none'"]}}):
        assert client.get("/healthz")["Content-Security-Policy"] == "default-src 'none'"
    assert "default-src 'self'" in client.get("/healthz")["Content-Security-Policy"]


def test_a_nonce_asked_for_after_the_header_is_written_is_an_error():
    request = RequestFactory().get("/")
    SettingsPolicyCSPMiddleware(lambda request: HttpResponse())(request)
    with pytest.raises(CSPNonceError):
        str(request.csp_nonce)


def test_every_response_denies_devices_and_sensors(client):
    policy = client.get("/api/v1/nerve-roots/")["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy


SECURE_REQUEST_PROBE = """
import json
from django.test import Client, RequestFactory
forged = RequestFactory().get("/", HTTP_X_FORWARDED_PROTO="https")
response = Client().get("/api/v1/", HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="localhost")
health = Client().get("/healthz", HTTP_HOST="localhost")
print(json.dumps({"secure": forged.is_secure(), "status": response.status_code, "to": response.get("Location"),
                  "health": health.status_code}))
"""


def run_with_proxies(num_proxies: str) -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("SECURE_", "DEBUG", "DJANGO_"))}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SECURE_REQUEST_PROBE],
        cwd=ROOT,
        env=env | {"NUM_PROXIES": num_proxies, "DEBUG": "0", "SECRET_KEY": "x" * 60},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_forged_forwarded_proto_is_not_trusted_without_a_proxy():
    answer = run_with_proxies("0")
    assert answer["secure"] is False
    assert (answer["status"], answer["to"]) == (301, "https://localhost/api/v1/")


def test_health_checks_over_plain_http_are_not_redirected():
    # Load balancers check over plain HTTP on the private side; a redirect would read as down.
    assert run_with_proxies("0")["health"] in (200, 503)


def test_the_forwarded_proto_of_a_configured_proxy_is_trusted():
    answer = run_with_proxies("1")
    assert answer["secure"] is True
    assert answer["status"] != 301


SECURITY_HEADER_NAMES = [
    "Content-Security-Policy",
    "Permissions-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "X-Frame-Options",
    "Cross-Origin-Opener-Policy",
]


def test_the_headers_for_answers_below_django_are_the_ones_its_middleware_sends(client):
    django_answer = client.get("/healthz")
    below = dict(security_headers())
    assert sorted(below) == sorted(SECURITY_HEADER_NAMES)
    assert below == {name: django_answer[name] for name in SECURITY_HEADER_NAMES}


def test_the_415_for_an_unreadable_charset_carries_the_security_headers():
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/api/v1/", "CONTENT_TYPE": "text/plain; charset=rot13"}
    setup_testing_defaults(environ)
    started: dict = {}
    b"".join(application(environ, lambda status, headers: started.update(status=status, headers=dict(headers))))
    assert started["status"].startswith("415")
    assert started["headers"].items() >= dict(security_headers()).items()


def test_gunicorns_own_error_answers_carry_the_security_headers():
    server, client = socket.socketpair()
    with server, client:
        write_json_error(server, 431, "Request Header Fields Too Large", "")
        server.shutdown(socket.SHUT_WR)
        answer = client.makefile("rb").read()
    message = email.message_from_bytes(answer.split(b"\r\n", 1)[1])
    assert answer.startswith(b"HTTP/1.1 431 ")
    assert {name: message[name] for name in SECURITY_HEADER_NAMES} == dict(security_headers())
