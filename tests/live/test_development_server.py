"""The development server of bin/serve (runserver, DEBUG on) answers hostile requests in the JSON error shape,
as gunicorn and the production handlers do: its own parse errors and Django's debug pages included."""

import json
import os
import socket
import subprocess
import sys

import pytest

from bench.servers import ROOT, Service, free_port

pytestmark = pytest.mark.live


@pytest.fixture(scope="module")
def development_server(tmp_path_factory):
    """`manage.py runserver` as bin/serve runs it (DEBUG on), on a migrated SQLite database of its own."""
    database = tmp_path_factory.mktemp("devserver") / "db.sqlite3"
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "SECRET_KEY"))}
    env |= {"DEBUG": "1", "DATABASE_URL": f"sqlite:///{database}", "SECURE_SSL_REDIRECT": "0"}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        Service.wait_until(lambda: answer(port, b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")[0] == 200, 120)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def answer(port: int, data: bytes) -> tuple[int, dict[str, str], bytes]:
    """Send bytes as they are and read the whole answer: its status, headers and body (0 when refused)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            sock.sendall(data)
            sock.shutdown(socket.SHUT_WR)
            received = b""
            while chunk := sock.recv(65536):
                received += chunk
    except OSError:
        return 0, {}, b""
    head, _, body = received.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in header_lines)}
    return int(status_line.split()[1]), headers, body


def http(method: str, path: str, body: bytes = b"") -> bytes:
    head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n"
    return head.encode() + f"Content-Length: {len(body)}\r\n\r\n".encode() + body


@pytest.mark.parametrize(
    ("request_bytes", "status", "code"),
    [
        (http("GET", "/no-such-page"), 404, "not_found"),
        (http("GET", "/api/v1/conditions/no-such-condition/"), 404, "not_found"),
        (http("PUT", "/api/v1/conditions/", b"{}"), 405, "method_not_allowed"),
        (http("POST", "/api/v1/assessments/", b'{"age": ' + b" " * 3_000_000 + b"40}"), 413, "request_too_large"),
        (http("POST", "/api/v1/assessments/", b'{"age": 40'), 400, "parse_error"),
        (b"NOT A REQUEST LINE\r\n\r\n", 400, "bad_request"),
        (
            b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + b"x" * 65_536 + b"\r\n\r\n",
            431,
            "request_header_fields_too_large",
        ),
    ],
    ids=["unknown path", "unknown code", "wrong method", "3 MB body", "bad JSON", "bad request line", "64 kB header"],
)
def test_the_development_server_answers_a_hostile_request_in_the_json_error_shape(
    development_server, request_bytes, status, code
):
    answer_status, headers, body = answer(development_server, request_bytes)
    assert answer_status == status
    assert headers["content-type"] == "application/json"
    error = json.loads(body)
    assert error["status"] == status and error["code"] == code
    assert error["message"]
