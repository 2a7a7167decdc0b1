"""Logs keep no assessment ids: gunicorn's access and error lines, and Django's request errors."""

import io
import logging
import runpy
import uuid
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from gunicorn.config import Config
from rest_framework.test import APIClient

from assessments.models import Assessment
from privacy.logs import RedactingLogger, redact_ids
from tests.assessments.examples import SPEC_EXAMPLE

ROOT = Path(__file__).resolve().parents[2]
ID = "b71c8e39-4ef0-4c70-a8a0-47159e076b80"


@pytest.mark.parametrize(
    "written",
    [
        ID,
        ID.upper(),
        ID.replace("-", ""),  # the same UUID without its hyphens
        "b71c8e394ef04c70a8a047159e076b80----",  # or with them moved: the route still finds it
        ID.replace("-", "%2D", 1),
        "%62" + ID[1:],
    ],
)
def test_an_id_is_redacted_however_it_is_written(written):
    assert redact_ids(f"GET /api/v1/assessments/{written}/?next={written} HTTP/1.1") == (
        "GET /api/v1/assessments/<id>/?next=<id> HTTP/1.1"
    )


def test_other_parts_of_a_line_are_left_alone():
    line = "GET /api/v1/conditions/?nerve_root=L3-S1&page=2 HTTP/1.1 200 2026-12-02"
    assert redact_ids(line) == line


def gunicorn_access_line(tmp_path, raw_uri: str, referer: str) -> str:
    log_file = tmp_path / "access.log"
    config = Config()
    config.set("accesslog", str(log_file))
    logger = RedactingLogger(config)
    path, _, query = raw_uri.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": raw_uri,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "192.0.2.7",
        "HTTP_REFERER": referer,
        "HTTP_USER_AGENT": "test-agent",
    }
    response = SimpleNamespace(status="200 OK", headers=[("Content-Type", "application/json")], sent=1234)
    request = SimpleNamespace(headers=[("REFERER", referer)])
    logger.access(response, request, environ, timedelta(milliseconds=12))
    for handler in logger.access_log.handlers:
        handler.flush()
    return log_file.read_text()


def test_gunicorns_access_line_for_an_assessment_has_no_id(tmp_path):
    line = gunicorn_access_line(
        tmp_path, f"/api/v1/assessments/{ID}/?then={ID}", referer=f"https://app.example.org/results/{ID}"
    )
    assert ID not in line and ID.replace("-", "") not in line
    assert '"GET /api/v1/assessments/<id>/?then=<id> HTTP/1.1" 200 1234' in line
    assert "https://app.example.org/results/<id>" in line


def test_gunicorn_is_configured_with_the_redacting_logger():
    assert runpy.run_path(str(ROOT / "gunicorn.conf.py"))["logger_class"] == "privacy.logs.RedactingLogger"


@pytest.mark.django_db
def test_djangos_log_of_a_server_error_on_an_assessment_has_no_id(monkeypatch):
    assessment = Assessment.objects.create(
        input=SPEC_EXAMPLE, result={"triage": {"level": "routine"}}, engine_version="x", knowledge_version="x"
    )

    def fail(assessment):
        raise RuntimeError(f"cannot show /api/v1/assessments/{assessment.id}/")

    monkeypatch.setattr("assessments.api.views.assessment_representation", fail)
    console = next(h for h in logging.getLogger("django.request").handlers if isinstance(h, logging.StreamHandler))
    stream = io.StringIO()
    monkeypatch.setattr(console, "stream", stream)

    response = APIClient(raise_request_exception=False).get(f"/api/v1/assessments/{assessment.id}/")

    assert response.status_code == 500
    logged = stream.getvalue()
    assert "Internal Server Error: /api/v1/assessments/<id>/" in logged
    assert "RuntimeError: cannot show /api/v1/assessments/<id>/" in logged  # the traceback too
    assert str(assessment.id) not in logged and uuid.UUID(str(assessment.id)).hex not in logged
