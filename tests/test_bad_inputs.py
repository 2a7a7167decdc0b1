"""Inputs a security probe found to give a 500 are a 4xx in the JSON error shape, through the WSGI
application gunicorn serves (Django's test client builds its request before any project code runs)."""

import io
import json
from wsgiref.util import setup_testing_defaults

import pytest
from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from refpain.wsgi import application
from tests.assessments.examples import SPEC_EXAMPLE


@pytest.fixture
def serve(db):
    """Call the WSGI application directly; return (status code, headers, parsed JSON body)."""
    for alias in ("default", "knowledge"):
        caches[alias].clear()
    # Like the test client, keep the test's database connection open between requests.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)

    def call(path: str, query: str = "", *, method: str = "GET", content_type: str = "", body: bytes = b""):
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "CONTENT_TYPE": content_type,
            "CONTENT_LENGTH": str(len(body)),
            "wsgi.input": io.BytesIO(body),
        }
        setup_testing_defaults(environ)
        started: dict = {}
        content = b"".join(application(environ, lambda status, headers: started.update(status=status, headers=headers)))
        return int(started["status"].split()[0]), dict(started["headers"]), json.loads(content)

    yield call
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def assessment_with(field: str, raw_json: str) -> bytes:
    """The example assessment with one field's value written as raw JSON text."""
    # Written by hand: json.dumps would escape the backslash of a lone surrogate escape.
    rest = json.dumps({key: value for key, value in SPEC_EXAMPLE.items() if key != field})
    return f'{rest[:-1]}, "{field}": {raw_json}}}'.encode()


PROBE_INPUTS = {
    "a superscript digit as page size": (dict(path="/api/v1/conditions/", query="page_size=%C2%B2"), 400, "page_size"),
    "a lone surrogate in an assessment": (
        dict(path="/api/v1/assessments/", method="POST", content_type="application/json",
             body=assessment_with("symptoms", '{"\\ud800": true}')),
        400,
        "symptoms",
    ),
    "a NUL as schema version": (dict(path="/api/schema/", query="version=%00"), 400, "version"),
    "a newline as schema version": (dict(path="/api/schema/", query="version=%0a"), 400, "version"),
    "a quote as schema version": (dict(path="/api/schema/", query="version=a%22b"), 400, "version"),
    "a charset that is not a text encoding": (
        dict(path="/api/v1/nerve-roots/", query="x=%41", content_type="text/plain; charset=rot13"),
        415,
        "Content-Type",
    ),
}  # fmt: skip


@pytest.mark.parametrize("request_kwargs, status, field", PROBE_INPUTS.values(), ids=PROBE_INPUTS.keys())
def test_probe_inputs_get_a_4xx_naming_the_field(serve, request_kwargs, status, field):
    code, headers, body = serve(**request_kwargs)
    assert (code, body["status"]) == (status, status)
    assert headers["Content-Type"] == "application/json"
    assert field in [error["field"] for error in body["errors"]]


@pytest.mark.parametrize("path", ["/healthz", "/admin/login/", "/api/v1/nerve-roots/", "/no-such-page"])
def test_an_unreadable_charset_is_refused_on_every_url(serve, path):
    code, _, body = serve(path, "x=%41", content_type="text/plain; charset=rot13")
    assert code == 415
    assert body["errors"][0]["code"] == "unsupported_charset"


@pytest.mark.parametrize("charset", ["base64", "undefined", "utf-7", "unicode_escape", "no-such-charset", "a\x00b"])
def test_charsets_that_could_crash_django_or_smuggle_surrogates_are_refused(serve, charset):
    code, _, _ = serve("/healthz", "x=%41", content_type=f"application/json; charset={charset}")
    assert code == 415


@pytest.mark.parametrize("charset", ["utf-8", "UTF8", "us-ascii", "iso-8859-1"])
def test_utf8_and_its_plain_subsets_are_read(serve, charset):
    code, _, body = serve("/api/v1/nerve-roots/", "page_size=2", content_type=f"application/json; charset={charset}")
    assert code == 200
    assert len(body["results"]) == 2


def test_a_lone_surrogate_in_a_value_names_its_dotted_path(serve):
    code, _, body = serve(
        "/api/v1/assessments/",
        method="POST",
        content_type="application/json",
        body=assessment_with("reflexes", '[{"reflex": "achilles", "side": "left", "status": "\\udfff"}]'),
    )
    assert code == 400
    assert body["errors"] == [
        {
            "field": "reflexes.0.status",
            "code": "invalid_unicode",
            "message": "Text must be valid Unicode: a lone surrogate escape such as \\ud800 is not.",
        }
    ]
