"""Security headers: a Content-Security-Policy and a Permissions-Policy on every response, and
X-Forwarded-Proto trusted only when a proxy is configured."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

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
