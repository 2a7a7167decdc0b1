"""Operations: production settings pass Django's deploy checks; health and database outages are JSON;
the database bin/serve runs on is created when missing."""

import fnmatch
import io
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.db import OperationalError, connection
from rest_framework.test import APIClient

ROOT = Path(__file__).resolve().parents[1]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "refpain.example.org",
    "DATABASE_URL": "postgres://refpain@db.example.org:5432/refpain",
    "REDIS_URL": "redis://cache.example.org:6379/0",
}


def check_deploy(**changes: str | None) -> subprocess.CompletedProcess:
    """`manage.py check --deploy` under production settings, with some variables changed (None: unset)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("SECURE_", "DEBUG", "DJANGO_"))}
    env = {key: value for key, value in (env | PRODUCTION | changes).items() if value is not None}
    command = [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)


def test_check_deploy_passes_under_production_settings():
    result = check_deploy()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_without_redis():
    result = check_deploy(REDIS_URL=None)
    assert result.returncode != 0
    assert "refpain.W001" in result.stderr and "REDIS_URL is not set" in result.stderr


def test_check_deploy_warns_on_sqlite():
    result = check_deploy(DATABASE_URL="sqlite:////srv/refpain/db.sqlite3")
    assert result.returncode != 0
    assert "refpain.W002" in result.stderr and "The database is SQLite" in result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = {key: value for key, value in os.environ.items() if key not in ("SECRET_KEY", "DEBUG")}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env | {"DEBUG": "0"}, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_healthz_reports_the_database_up():
    response = APIClient().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "redis": "not configured"}


@pytest.mark.django_db
def test_healthz_reports_the_database_down(monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("django.db.backends.utils.CursorWrapper.execute", refuse)
    response = APIClient().get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "down"
    assert response["Retry-After"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v1/conditions/", "/api/v1/nerve-roots/L5/"])
def test_a_lost_database_is_a_json_503_with_retry_after(monkeypatch, url):
    def refuse(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr("conditions.versioning.knowledge_version", refuse)
    response = APIClient().get(url)
    assert response.status_code == 503
    assert response.json()["code"] == "database_unavailable"
    assert int(response["Retry-After"]) > 0


@pytest.mark.django_db
def test_a_knowledge_read_asks_a_lost_database_once_before_its_503(monkeypatch):
    # A hung database costs a timeout for each question: the answer must not wait for two.
    calls = []

    def refuse(*args, **kwargs):
        calls.append(1)
        raise OperationalError("the database did not answer in time")

    monkeypatch.setattr("conditions.versioning.knowledge_version", refuse)
    response = APIClient().get("/api/v1/nerve-roots/L5/")
    assert response.status_code == 503 and response.json()["code"] == "database_unavailable"
    assert len(calls) == 1


@pytest.mark.django_db
def test_a_lost_database_during_a_post_is_a_503_and_stores_nothing(monkeypatch):
    from assessments.api import views as assessment_views
    from assessments.models import Assessment

    def refuse(*args, **kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(assessment_views, "assessment_create", refuse)
    response = APIClient().post("/api/v1/assessments/", {"age": 40, "symptoms": {"back-pain": True}}, format="json")
    assert response.status_code == 503
    assert response["Retry-After"]
    assert Assessment.objects.count() == 0


@pytest.mark.django_db
def test_ensure_database_leaves_an_existing_database_alone():
    output = io.StringIO()
    call_command("ensure_database", stdout=output)
    assert output.getvalue() == ""


def ensure_database(url: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "ensure_database"],
        cwd=ROOT,
        env=os.environ | {"DATABASE_URL": url},
        capture_output=True,
        text=True,
    )


@pytest.mark.django_db
def test_ensure_database_creates_a_missing_postgresql_database():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    server = connection.settings_dict
    name = f"refpain_ensure_{secrets.token_hex(4)}"
    credentials = quote(server["USER"]) + (f":{quote(server['PASSWORD'])}" if server["PASSWORD"] else "")
    url = f"postgres://{credentials}@{server['HOST']}:{server['PORT']}/{name}"
    try:
        created = ensure_database(url)
        assert created.returncode == 0, created.stderr
        assert f"Created the PostgreSQL database {name}." in created.stdout
        again = ensure_database(url)
        assert again.returncode == 0 and again.stdout == ""
    finally:
        with connection._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(name)}")


def test_git_ignores_database_dumps_wherever_they_are_written():
    patterns = [line.strip() for line in (ROOT / ".gitignore").read_text().splitlines()]
    assert any(fnmatch.fnmatch("refpain.dump", pattern) for pattern in patterns)


def test_make_audit_checks_the_pinned_requirements_and_fails_on_any_it_could_not_check():
    makefile = (ROOT / "Makefile").read_text()
    assert "\naudit:\n\t./bin/audit\n" in makefile
    assert "pip-audit --requirement requirements.txt --strict" in (ROOT / "bin" / "audit").read_text()
    assert re.search(r"^pip-audit==[0-9.]+$", (ROOT / "requirements-dev.txt").read_text(), re.MULTILINE)
