"""Requests gunicorn refuses before Django sees them get the JSON error shape and the security headers too,
not gunicorn's HTML page."""

import json
import socket

import pytest

pytestmark = pytest.mark.live


def send_raw(port: int, data: bytes) -> tuple[int, dict[str, str], bytes]:
    """Send bytes as they are and read the whole answer: its status, headers and body."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(data)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in header_lines)}
    return int(status_line.split()[1]), headers, body


@pytest.mark.parametrize(
    ("request_bytes", "status", "code"),
    [
        (b"NOT A REQUEST LINE\r\n\r\n", 400, "bad_request"),
        (b"GET /api/v1/?q=" + b"x" * 10_000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 414, "uri_too_long"),
        (
            b"GET /api/v1/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + b"x" * 65_536 + b"\r\n\r\n",
            431,
            "request_header_fields_too_large",
        ),
    ],
    ids=["bad request line", "10 kB URI", "64 kB header"],
)
def test_gunicorn_refuses_a_malformed_request_in_the_json_error_shape(service, request_bytes, status, code):
    answer_status, headers, body = send_raw(service.port, request_bytes)
    assert answer_status == status
    assert headers["content-type"] == "application/json"
    error = json.loads(body)
    assert error["status"] == status and error["code"] == code and error["message"]
    assert set(error) == {"status", "code", "message"}
    assert {"content-security-policy", "permissions-policy", "x-content-type-options"} <= set(headers)


def test_gunicorn_takes_no_forged_forwarded_proto_without_a_proxy(service):
    # gunicorn trusts X-Forwarded-Proto from loopback peers unless told not to; no proxy is configured here.
    request = (
        b"GET /api/v1/conditions/?page_size=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"X-Forwarded-Proto: https\r\nConnection: close\r\n\r\n"
    )
    answer_status, _, body = send_raw(service.port, request)
    assert answer_status == 200
    assert json.loads(body)["next"].startswith("http://127.0.0.1")
