"""The hardening probe: what one client, or one hung dependency, can do to everyone else, measured.

    .venv/bin/python -m bench.probe [--only host,slow,admin,headers,redis,postgres,xff,download] [--nginx]

Runs refpain under gunicorn with production settings (DEBUG off, 4 sync workers, the default limits, a
Redis and a throwaway PostgreSQL of its own) and prints one JSON line per measurement. A victim client
(source address 127.0.0.3) measures a cached read while an attacker (127.0.0.2) varies `Host`, holds
connections idle or guesses admin passwords; then Redis and PostgreSQL are frozen (SIGSTOP) in turn, a
large account is downloaded, and the answers written below Django are inspected. With `--nginx` the
clients go through nginx with deploy/nginx/refpain.conf over HTTPS, as production must.

A development tool like the benchmark: nothing in refpain/ imports it. Timings depend on the machine.
"""

import argparse
import contextlib
import http.client
import json
import os
import shutil
import signal
import socket
import ssl
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.servers import NginxProxy, PostgresCluster, RedisServer, Service, nginx_binary, postgres_bin

VICTIM = "127.0.0.3"
ATTACKER = "127.0.0.2"
LOAD = "127.0.0.4"  # the throughput measurements' own address, so they spend no one else's limits
CACHED_READ = "/api/v1/nerve-roots/L5/"
ASSESSMENT = {"age": 52, "symptoms": {"leg-pain-below-knee": True}, "tests": {"straight-leg-raise": "positive"}}
TLS = ssl.create_default_context()
TLS.check_hostname = False
TLS.verify_mode = ssl.CERT_NONE  # the throwaway nginx's certificate is self-signed


def report(probe: str, **figures) -> None:
    print(json.dumps({"probe": probe, **figures}), flush=True)


@dataclass(frozen=True)
class Target:
    """Where clients send their requests: gunicorn itself, or nginx in front of it (over HTTPS)."""

    port: int
    tls: bool = False

    @property
    def host(self) -> str:
        return "localhost" if self.tls else f"127.0.0.1:{self.port}"


class Client:
    """HTTP requests from one source address, a connection each (as a phone's app would reconnect)."""

    def __init__(self, target: Target, source: str, timeout: float = 30):
        self.target, self.source, self.timeout = target, source, timeout

    def send(self, method: str, path: str, body=None, headers: dict | None = None):
        """(status, headers, body bytes, seconds); status 0 when the connection failed or timed out."""
        started = time.monotonic()
        source = (self.source, 0)
        connection = (
            http.client.HTTPSConnection(
                "127.0.0.1", self.target.port, timeout=self.timeout, source_address=source, context=TLS
            )
            if self.target.tls
            else http.client.HTTPConnection("127.0.0.1", self.target.port, timeout=self.timeout, source_address=source)
        )
        headers = {"Host": self.target.host, **(headers or {})}
        if body is not None and not isinstance(body, bytes):
            body = json.dumps(body).encode()
            headers.setdefault("Content-Type", "application/json")
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
            return response.status, dict(response.getheaders()), content, time.monotonic() - started
        except OSError:
            return 0, {}, b"", time.monotonic() - started
        finally:
            connection.close()


def latencies(client: Client, seconds: float, per_second: float = 4) -> list[tuple[int, float]]:
    """A victim's cached reads at a steady pace: (status, seconds) each."""
    results, deadline = [], time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.monotonic()
        status, _, _, took = client.send("GET", CACHED_READ)
        results.append((status, took))
        time.sleep(max(0.0, 1 / per_second - (time.monotonic() - started)))
    return results


def summary(results: list[tuple[int, float]]) -> dict:
    ok = sorted(took for status, took in results if status == 200)
    return {
        "requests": len(results),
        "ok": len(ok),
        "p50_ms": round(statistics.median(ok) * 1000, 1) if ok else None,
        "p90_ms": round(ok[int(len(ok) * 0.9) - 1] * 1000, 1) if ok else None,
    }


def while_attacking(attack: Callable[[threading.Event], None], victim: Callable[[], list], threads: int) -> list:
    stop = threading.Event()
    workers = [threading.Thread(target=attack, args=(stop,), daemon=True) for _ in range(threads)]
    for worker in workers:
        worker.start()
    time.sleep(1)
    try:
        return victim()
    finally:
        stop.set()
        for worker in workers:
            worker.join(timeout=60)


def probe_host(target: Target) -> None:
    victim, attacker = Client(target, VICTIM), Client(target, ATTACKER)
    victim.send("GET", CACHED_READ)
    report("host", phase="idle", **summary(latencies(victim, 15)))
    counter = iter(range(10**9))
    statuses: dict[int, int] = {}

    def attack(stop):
        # Within its limit (API_ANON_RATE, 600 a minute): 8 connections, 10 requests a second in all.
        while not stop.is_set():
            started = time.monotonic()
            host = f"127.0.0.1:{next(counter) % 60000 + 1}"
            status, *_ = attacker.send("GET", "/api/v1/export/", headers={"Host": host})
            statuses[status] = statuses.get(status, 0) + 1
            time.sleep(max(0.0, 0.8 - (time.monotonic() - started)))

    results = while_attacking(attack, lambda: latencies(victim, 20), threads=8)
    report("host", phase="attacked", **summary(results), attacker_statuses=statuses)


def probe_slow_clients(target: Target, idle_connections: int = 8, seconds: float = 40) -> None:
    victim = Client(target, VICTIM, timeout=5)
    held: list[socket.socket] = []

    def hold(stop):
        # Connections that never finish their request (every other one sends half a request line).
        while not stop.is_set():
            while len(held) < idle_connections:
                sock = socket.socket()
                sock.bind((ATTACKER, 0))
                try:
                    sock.connect(("127.0.0.1", target.port))
                    if len(held) % 2:
                        sock.sendall(b"GET /api/v1/export/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                except OSError:
                    sock.close()
                    continue
                held.append(sock)
            time.sleep(0.2)
            for sock in list(held):  # reopen what the server closed
                with contextlib.suppress(BlockingIOError):
                    if sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b"":
                        held.remove(sock)
                        sock.close()

    def victim_run() -> list:
        results, deadline = [], time.monotonic() + seconds
        while time.monotonic() < deadline:
            status, _, _, took = victim.send("GET", CACHED_READ)
            results.append((status, took))
            time.sleep(max(0.0, 2 - took))
        return results

    results = while_attacking(hold, victim_run, threads=1)
    for sock in held:
        sock.close()
    report("slow_clients", idle_connections=idle_connections, seconds=seconds, **summary(results))


def probe_admin_guesses(target: Target, seconds: float = 30) -> None:
    victim, attacker = Client(target, VICTIM), Client(target, ATTACKER)
    report("admin_guesses", phase="idle", **summary(latencies(victim, 10)))
    statuses: dict[int, int] = {}
    counter = iter(range(10**9))

    def attack(stop):
        _, headers, _, _ = attacker.send("GET", "/admin/login/")
        cookie = headers.get("Set-Cookie", "")
        token = cookie.split("csrftoken=")[1].split(";")[0] if "csrftoken=" in cookie else ""
        form = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={token}"}
        if target.tls:
            form["Referer"] = "https://localhost/admin/login/"  # Django's CSRF check over HTTPS
        # 8 connections, at most 20 guesses a second in all (the probe got 7.6 a second checked); an
        # unpaced flood from this same machine would take the victim's CPU client-side as well.
        while not stop.is_set():
            started = time.monotonic()
            body = f"csrfmiddlewaretoken={token}&username=guess-{next(counter)}&password=wrong&next=/admin/".encode()
            status, *_ = attacker.send("POST", "/admin/login/", body=body, headers=form)
            statuses[status] = statuses.get(status, 0) + 1
            time.sleep(max(0.0, 0.4 - (time.monotonic() - started)))

    results = while_attacking(attack, lambda: latencies(victim, seconds), threads=8)
    checked = statuses.get(200, 0)  # the form again: a password was checked
    report("admin_guesses", phase="attacked", **summary(results), attacker_statuses=statuses,
           passwords_checked_per_minute=round(checked * 60 / (seconds + 1)))  # fmt: skip


def probe_forwarded_for(target: Target) -> None:
    client = Client(target, VICTIM)
    forms = ["203.0.113.5", "203.0.113.5:51234", "[2001:db8::1]:443", "2001:db8::1", "unknown", "_hidden",
             "203.0.113.5, 198.51.100.7:80", "", "999.1.1.1", "[::1", "a" * 300]  # fmt: skip
    for form in forms:
        credentials = {"username": "nobody", "password": "x"}
        status, *_ = client.send("POST", "/api/v1/auth/token/", credentials, headers={"X-Forwarded-For": form})
        report("forwarded_for", header=form[:40], status=status)


def process_tree(root: int) -> list[int]:
    pids = [root]
    for pid in pids:
        pids.extend(int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split())
    return pids


def signal_all(pids: list[int], sig: int) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, sig)


def reads_per_second(target: Target, seconds: float = 8, threads: int = 4) -> float:
    """Cached reads answered a second (200, or 429 once the load's own limit is spent: answered either way)."""
    count, stop = [0], threading.Event()

    def read():
        client = Client(target, LOAD, timeout=20)
        while not stop.is_set():
            if client.send("GET", CACHED_READ)[0] in (200, 429):
                count[0] += 1

    workers = [threading.Thread(target=read, daemon=True) for _ in range(threads)]
    for worker in workers:
        worker.start()
    time.sleep(seconds)
    stop.set()
    for worker in workers:
        worker.join(timeout=30)
    return round(count[0] / seconds, 1)


def timed(client: Client, method: str, path: str, body=None) -> dict:
    status, headers, content, took = client.send(method, path, body)
    try:
        parsed = json.loads(content)
    except ValueError:
        parsed = None
    code = parsed.get("code") if isinstance(parsed, dict) else None
    answer = {"status": status, "seconds": round(took, 2), "code": code, "retry_after": headers.get("Retry-After")}
    return {**answer, "body": parsed} if path == "/healthz" else answer


def probe_redis_frozen(target: Target, redis: RedisServer) -> None:
    client = Client(target, VICTIM)
    report("redis_frozen", phase="before", reads_per_second=reads_per_second(target))
    signal_all([redis.process.pid], signal.SIGSTOP)
    try:
        time.sleep(0.5)
        healthz, post = timed(client, "GET", "/healthz"), timed(client, "POST", "/api/v1/assessments/", ASSESSMENT)
        report("redis_frozen", phase="frozen", healthz=healthz, post=post)
        report("redis_frozen", phase="frozen", reads_per_second=reads_per_second(target))
    finally:
        signal_all([redis.process.pid], signal.SIGCONT)
    time.sleep(6)  # until every worker asks Redis again (it leaves a Redis that failed alone for 5 s)


def probe_postgres_frozen(target: Target, cluster: PostgresCluster) -> None:
    client = Client(target, "127.0.0.6", timeout=40)
    client.send("GET", CACHED_READ)
    postmaster = int((cluster.dir / "data" / "postmaster.pid").read_text().split()[0])
    signal_all(process_tree(postmaster), signal.SIGSTOP)
    requests = {
        "healthz": ("GET", "/healthz", None),
        "cached_read": ("GET", CACHED_READ, None),
        "condition_list": ("GET", "/api/v1/conditions/?nerve_root=L4", None),
        "post": ("POST", "/api/v1/assessments/", ASSESSMENT),
    }
    results: dict[str, dict] = {}
    try:
        time.sleep(1.5)  # past the knowledge version's reuse time
        threads = [
            threading.Thread(target=lambda name=name, r=r: results.__setitem__(name, timed(client, *r)))
            for name, r in requests.items()
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        report("postgres_frozen", **results)
    finally:
        signal_all(process_tree(postmaster), signal.SIGCONT)
    time.sleep(1)


def raw(port: int, data: bytes) -> tuple[int, dict[str, str]]:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(data)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head = answer.partition(b"\r\n\r\n")[0].decode("latin-1").split("\r\n")
    headers = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in head[1:])}
    return int(head[0].split()[1]), headers


SECURITY_HEADERS = ["content-security-policy", "permissions-policy", "x-content-type-options", "referrer-policy",
                    "x-frame-options", "cross-origin-opener-policy"]  # fmt: skip


def probe_security_headers(gunicorn_port: int) -> None:
    requests = {
        "gunicorn 400": b"NOT A REQUEST LINE\r\n\r\n",
        "gunicorn 414": b"GET /?q=" + b"x" * 10_000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "gunicorn 431": b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " + b"x" * 65_536 + b"\r\n\r\n",
        "charset 415": b"GET /api/v1/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain; charset=rot13\r\n"
        b"Connection: close\r\n\r\n",
        "django 404": b"GET /nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
    }
    for name, data in requests.items():
        status, headers = raw(gunicorn_port, data)
        missing = [header for header in SECURITY_HEADERS if header not in headers]
        report("security_headers", answer=name, status=status, missing=missing)


def worker_memory(master: int) -> tuple[int, int]:
    """(VmRSS, VmHWM) in kB of the one worker."""
    worker = process_tree(master)[1]
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{worker}/status").read_text().splitlines())
    return int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])


ACCOUNT_SETUP = """
from django.contrib.auth import get_user_model
from assessments.models import Assessment
user = get_user_model().objects.create_user("probe-user", password="probe-password-123")
first = Assessment.objects.order_by("created_at").first()
Assessment.objects.bulk_create(
    [Assessment(owner=user, input=first.input, result=first.result, engine_version=first.engine_version,
                knowledge_version=first.knowledge_version) for _ in range({count})], batch_size=100)
"""


def probe_account_download(service: Service, count: int = 5000) -> None:
    client = Client(Target(service.port), VICTIM, timeout=300)
    client.send("POST", "/api/v1/assessments/", ASSESSMENT)
    service.manage("shell", "-c", ACCOUNT_SETUP.format(count=count))
    credentials = {"username": "probe-user", "password": "probe-password-123"}
    token = json.loads(client.send("POST", "/api/v1/auth/token/", credentials)[2])["token"]
    before, _ = worker_memory(service.process.pid)
    status, _, content, took = client.send("GET", "/api/v1/account/data/", headers={"Authorization": f"Token {token}"})
    after, peak = worker_memory(service.process.pid)
    report("account_download", assessments=count, status=status, megabytes=round(len(content) / 1e6, 1),
           seconds=round(took, 1), worker_rss_mb=[round(before / 1024, 1), round(after / 1024, 1)],
           worker_growth_mb=round((after - before) / 1024, 1),
           worker_peak_growth_mb=round((peak - before) / 1024, 1))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--only", default="host,slow,admin,headers,redis,postgres,xff,download")
    parser.add_argument("--nginx", action="store_true", help="send the clients through nginx, over HTTPS")
    args = parser.parse_args()
    only = set(args.only.split(","))
    bin_dir, redis_binary = postgres_bin(), shutil.which("redis-server")
    assert bin_dir and redis_binary, "PostgreSQL's server binaries and redis-server are needed"
    cluster, redis = PostgresCluster(bin_dir), RedisServer(redis_binary)
    running: list = []
    try:
        env = {
            "DATABASE_URL": cluster.url,
            "REDIS_URL": redis.url,
            "WEB_CONCURRENCY": "4",
            "API_ANON_RATE": "600/minute",
            "ASSESSMENT_RATE": "30/minute",
            "API_USER_RATE": "1200/minute",
        }
        if args.nginx:  # the production shape: a proxy in front, trusted for the client's address and HTTPS
            env |= {"NUM_PROXIES": "1", "ALLOWED_HOSTS": "localhost,127.0.0.1"}
        service = Service(env, load_knowledge=True)
        running.append(service)
        target = Target(service.port)
        if args.nginx:
            proxy = NginxProxy([service.port], binary=nginx_binary() or "nginx")
            running.append(proxy)
            target = Target(proxy.https_port, tls=True)
        probes: dict[str, Callable[[], None]] = {
            "host": lambda: probe_host(target),
            "slow": lambda: probe_slow_clients(target),
            "admin": lambda: probe_admin_guesses(target),
            "headers": lambda: probe_security_headers(service.port),
            "redis": lambda: probe_redis_frozen(target, redis),
            "postgres": lambda: probe_postgres_frozen(target, cluster),
        }
        for name, probe in probes.items():
            if name in only:
                probe()
        if "xff" in only:
            proxied = Service({**env, "NUM_PROXIES": "1", "WEB_CONCURRENCY": "1"})
            running.append(proxied)
            probe_forwarded_for(Target(proxied.port))
        if "download" in only:
            single = Service({**env, "WEB_CONCURRENCY": "1", "SIGN_IN_RATE": "100/minute"})
            running.append(single)
            probe_account_download(single)
    finally:
        for server in reversed(running):
            server.stop()
        redis.stop()
        cluster.destroy()


if __name__ == "__main__":
    main()
