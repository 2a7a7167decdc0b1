"""refpain behind nginx with the shipped site (deploy/nginx/refpain.conf), as in production: clients that hold
connections idle, trickle their requests or read slowly never hold a gunicorn worker; the service sees each
client's own address and HTTPS; nginx's own answers are JSON with the security headers."""

import contextlib
import http.client
import json
import socket
import ssl
import time
from dataclasses import dataclass

import pytest

from bench.servers import NginxProxy, Service, free_port
from tests.live.client import start_of_a_fresh_minute

pytestmark = pytest.mark.live
READ = "/api/v1/nerve-roots/L5/"
TLS = ssl.create_default_context()
TLS.check_hostname = False
TLS.verify_mode = ssl.CERT_NONE  # the proxy's certificate is self-signed


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self):
        return json.loads(self.body)


@pytest.fixture(scope="module")
def proxied(cluster, redis_server, nginx):
    service = Service(
        {
            "DATABASE_URL": cluster.url,
            "REDIS_URL": redis_server.url,  # one count of sign-ins across the workers
            "WEB_CONCURRENCY": "2",  # fewer workers than the connections held below
            "NUM_PROXIES": "1",
            "SECURE_SSL_REDIRECT": "1",
            "ALLOWED_HOSTS": "localhost,127.0.0.1",
            "SIGN_IN_RATE": "5/minute",
        },
        load_knowledge=True,
    )
    proxy = NginxProxy([service.port], binary=nginx)
    yield proxy
    proxy.stop()
    service.stop()


def send(port: int, method: str, path: str, body: bytes | None = None, source: str = "127.0.0.1",
         timeout: float = 10, headers: dict | None = None) -> Answer:  # fmt: skip
    """One HTTPS request to the proxy, from a given loopback address."""
    connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=timeout, context=TLS,
                                             source_address=(source, 0))  # fmt: skip
    try:
        connection.request(method, path, body=body, headers={"Host": "localhost", **(headers or {})})
        response = connection.getresponse()
        return Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
    finally:
        connection.close()


def tls_socket(port: int) -> ssl.SSLSocket:
    return TLS.wrap_socket(socket.create_connection(("127.0.0.1", port), timeout=10), server_hostname="localhost")


def test_clients_that_hold_connections_idle_trickle_or_read_slowly_leave_the_workers_free(proxied):
    port = proxied.https_port
    held: list[socket.socket] = []
    try:
        held += [socket.create_connection(("127.0.0.1", port)) for _ in range(16)]  # connect, then nothing
        for _ in range(8):  # half a request, then nothing
            sock = tls_socket(port)
            sock.sendall(b"GET /api/v1/export/ HTTP/1.1\r\nHost: localhost\r\n")
            held.append(sock)
        for _ in range(8):  # a body that never finishes
            sock = tls_socket(port)
            sock.sendall(b"POST /api/v1/assessments/ HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                         b"\r\nContent-Length: 10000\r\n\r\n{\"age\": ")  # fmt: skip
            held.append(sock)
        for _ in range(4):  # the whole export asked for, never read
            sock = socket.socket()
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            sock.connect(("127.0.0.1", port))
            sock = TLS.wrap_socket(sock, server_hostname="localhost")
            sock.sendall(b"GET /api/v1/export/ HTTP/1.1\r\nHost: localhost\r\n\r\n")
            held.append(sock)

        answers = [send(port, "GET", READ, source="127.0.0.3", timeout=5) for _ in range(20)]
    finally:
        for sock in held:
            sock.close()
    assert [answer.status for answer in answers] == [200] * 20


def test_the_service_sees_https_and_the_host_without_a_port(proxied):
    page = send(proxied.https_port, "GET", "/api/v1/conditions/?page_size=1").json()
    assert page["next"].startswith("https://localhost/api/v1/conditions/?")


def test_the_sign_in_limit_counts_each_client_behind_the_proxy_on_its_own(proxied):
    def sign_in(source: str) -> int:
        body = json.dumps({"username": "nobody", "password": "wrong"}).encode()
        answer = send(proxied.https_port, "POST", "/api/v1/auth/token/", body, source=source,
                      headers={"Content-Type": "application/json"})  # fmt: skip
        print(answer.status, answer.headers.get("ratelimit-remaining"), answer.headers.get("ratelimit-reset"))
        return answer.status

    start_of_a_fresh_minute()
    assert [sign_in("127.0.0.5") for _ in range(6)] == [400] * 5 + [429]
    assert sign_in("127.0.0.6") == 400


def test_a_flood_of_sign_in_attempts_is_refused_by_nginx_before_it_reaches_a_worker(proxied):
    body = json.dumps({"username": "nobody", "password": "wrong"}).encode()
    started = time.monotonic()
    answers = [
        send(proxied.https_port, "POST", "/api/v1/auth/token/", body, source="127.0.0.8",
             headers={"Content-Type": "application/json"})
        for _ in range(40)
    ]  # fmt: skip
    elapsed = time.monotonic() - started
    from_the_app = [answer for answer in answers if "ratelimit-limit" in answer.headers]
    from_nginx = [answer for answer in answers if "ratelimit-limit" not in answer.headers]
    # The first burst (30 and the one the rate allows), and one more for every 2 s the flood took (30 a minute):
    # the app's own limit refused all but 5 of them.
    assert len(from_the_app) <= 31 + int(elapsed / 2)
    assert from_nginx and all(answer.status == 429 and int(answer.headers["retry-after"]) > 0 for answer in from_nginx)
    assert from_nginx[0].json()["code"] == "throttled"


def test_plain_http_serves_health_checks_and_moves_everything_else_to_https(proxied):
    with contextlib.closing(http.client.HTTPConnection("127.0.0.1", proxied.http_port, timeout=10)) as connection:
        connection.request("GET", "/healthz", headers={"Host": "localhost"})
        assert connection.getresponse().status == 200
    with contextlib.closing(http.client.HTTPConnection("127.0.0.1", proxied.http_port, timeout=10)) as connection:
        connection.request("GET", READ, headers={"Host": "localhost"})
        response = connection.getresponse()
        assert (response.status, response.getheader("Location")) == (301, f"https://localhost{READ}")


def security_headers(answer: Answer) -> dict:
    names = ["permissions-policy", "x-content-type-options", "x-frame-options", "referrer-policy",
             "cross-origin-opener-policy"]  # fmt: skip
    policy = dict(part.strip().split(" ", 1) for part in answer.headers["content-security-policy"].split(";"))
    return {"content-security-policy": policy, **{name: answer.headers[name] for name in names}}


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "code"),
    [
        ("POST", "/api/v1/assessments/", b"x" * 3_000_000, 413, "request_too_large"),
        ("GET", "/api/v1/?q=" + "x" * 10_000, None, 414, "uri_too_long"),
    ],
    ids=["3 MB body", "10 kB URI"],
)
def test_nginx_answers_what_it_refuses_itself_in_json_with_the_security_headers(proxied, method, path, body, status,
                                                                                code):  # fmt: skip
    refused = send(proxied.https_port, method, path, body, headers={"Content-Type": "application/json"})
    from_django = send(proxied.https_port, "GET", "/healthz")
    assert refused.status == status and refused.headers["content-type"] == "application/json"
    assert refused.json() == {"status": status, "code": code, "message": refused.json()["message"]}
    assert security_headers(refused) == security_headers(from_django)


def test_an_app_node_that_is_down_is_a_json_503_with_retry_after(nginx):
    proxy = NginxProxy([free_port()], binary=nginx)  # nothing listens there
    try:
        answer = send(proxy.https_port, "GET", READ)
    finally:
        proxy.stop()
    assert answer.status == 503 and int(answer.headers["retry-after"]) > 0
    assert answer.json()["code"] == "service_unavailable"
