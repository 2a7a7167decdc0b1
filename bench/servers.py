"""Throwaway servers for the benchmark, the probe and the live tests: a PostgreSQL cluster, refpain under
gunicorn, Redis, and nginx in front as in production.

Development tools, not production code: nothing in refpain/ imports them. They need no Django.
"""

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_bin() -> Path | None:
    """The newest PostgreSQL server binaries on this machine, or None."""
    candidates = [*sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True), Path("/usr/local/pgsql/bin")]
    return next((path for path in candidates if (path / "pg_ctl").exists()), None)


class PostgresCluster:
    """A PostgreSQL server in a temporary directory, run as an unprivileged user when we are root."""

    def __init__(self, bin_dir: Path):
        self.bin = bin_dir
        self.dir = Path(tempfile.mkdtemp(prefix="refpain-pg."))
        self.port = free_port()
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(self.dir, user="postgres")
        self.run("initdb", "-D", str(self.dir / "data"), "-U", "postgres", "-A", "trust", "--no-sync")
        self.start()
        subprocess.run([str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                        "refpain"], check=True)  # fmt: skip
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/refpain"

    def run(self, tool: str, *args: str) -> None:
        subprocess.run([*self.as_user, str(self.bin / tool), *args], check=True, capture_output=True)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.run("pg_ctl", "-D", str(self.dir / "data"), "-l", str(self.dir / "log"), "-w", "-o", options, "start")

    def stop(self) -> None:
        self.run("pg_ctl", "-D", str(self.dir / "data"), "-m", "fast", "-w", "stop")

    def destroy(self) -> None:
        subprocess.run([*self.as_user, str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-m", "immediate",
                        "stop"], capture_output=True)  # fmt: skip
        shutil.rmtree(self.dir, ignore_errors=True)


class Service:
    """refpain under gunicorn with production settings (DEBUG off), serving plain HTTP on loopback.

    `env` adds to or overrides the defaults below (e.g. DATABASE_URL, WEB_CONCURRENCY, or
    DJANGO_SETTINGS_MODULE=bench.settings); with `load_knowledge` the database is migrated and the
    shipped knowledge loaded first.
    """

    def __init__(self, env: dict[str, str] | None = None, *, load_knowledge: bool = False):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {
            # The caller's Django settings (pytest's, say) are not the service's: it chooses its own.
            **{key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")},
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_COOKIES": "0",
            # Load is the point: no client may be rate limited.
            "API_ANON_RATE": "1000000000/minute",
            "ASSESSMENT_RATE": "1000000000/minute",
            "INTERVIEW_RATE": "1000000000/minute",
            "API_USER_RATE": "1000000000/minute",
            **(env or {}),
            "BIND": f"127.0.0.1:{self.port}",
        }
        if load_knowledge:
            self.manage("migrate", "-v0")
            self.manage("load_knowledge", "-v0")
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.process = subprocess.Popen([str(gunicorn), "-c", "gunicorn.conf.py", "refpain.wsgi"], cwd=ROOT,
                                        env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        try:
            # Generous: on a busy machine the workers take a while to import Django and connect.
            self.wait_until(lambda: self.status("/healthz") == 200, seconds=120)
        except AssertionError:
            self.stop()
            raise

    def manage(self, *args: str) -> None:
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, check=True, capture_output=True)

    def status(self, path: str) -> int:
        try:
            with urllib.request.urlopen(f"{self.base}{path}", timeout=5) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            return 0

    @staticmethod
    def wait_until(condition: Callable[[], bool], seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if condition():
                return
            time.sleep(0.2)
        raise AssertionError("timed out waiting for the service")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


class RedisServer:
    """A redis-server on a free loopback port, keeping nothing on disk."""

    def __init__(self, binary: str):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = subprocess.Popen([binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                                         "--appendonly", "no"], stdout=subprocess.DEVNULL)  # fmt: skip
        deadline = time.monotonic() + 10
        while not self.answers():
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.1)

    def answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


NGINX_SITE = ROOT / "deploy" / "nginx" / "refpain.conf"


def nginx_binary() -> str | None:
    """Debian's nginx (in /usr/sbin, which an unprivileged PATH may leave out), or None."""
    return shutil.which("nginx", path=f"{os.environ.get('PATH', '')}:/usr/sbin")


class NginxProxy:
    """nginx with deploy/nginx/refpain.conf in front of refpain's gunicorn instances, as in production.

    The shipped site, changed only where a throwaway instance must differ: it listens on free loopback ports
    (`http_port`, `https_port`), with a self-signed certificate for localhost, and passes requests to the
    given gunicorn ports (one upstream line each: several app nodes behind one proxy).
    """

    def __init__(self, upstream_ports: list[int], binary: str = "nginx"):
        self.dir = Path(tempfile.mkdtemp(prefix="refpain-nginx."))
        self.dir.chmod(0o755)  # nginx's workers (another user when we are root) keep temporary files here
        self.http_port, self.https_port = free_port(), free_port()
        self.base = f"https://localhost:{self.https_port}"
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                        "/CN=localhost", "-keyout", str(self.dir / "key.pem"), "-out", str(self.dir / "cert.pem")],
                       check=True, capture_output=True)  # fmt: skip
        (self.dir / "refpain.conf").write_text(self.site(upstream_ports))
        (self.dir / "nginx.conf").write_text(
            f"worker_processes 1;\npid {self.dir}/nginx.pid;\nevents {{ worker_connections 1024; }}\n"
            f"http {{\n    include {self.dir}/refpain.conf;\n}}\n"
        )
        self.process = subprocess.Popen([binary, "-p", str(self.dir), "-e", str(self.dir / "error.log"), "-c",
                                         str(self.dir / "nginx.conf"), "-g", "daemon off;"])  # fmt: skip
        deadline = time.monotonic() + 10
        while not self.answers():
            assert self.process.poll() is None, (self.dir / "error.log").read_text()
            assert time.monotonic() < deadline, "nginx did not start"
            time.sleep(0.1)

    def site(self, upstream_ports: list[int]) -> str:
        site = NGINX_SITE.read_text()
        servers = "".join(f"    server 127.0.0.1:{port};\n" for port in upstream_ports)
        replacements = [
            (r"(?m)^    server 127\.0\.0\.1:8000;\n", servers),
            (r"(?m)^    listen \[::\]:.*\n", ""),
            (r"listen 80;", f"listen 127.0.0.1:{self.http_port};"),
            (r"listen 443 ssl", f"listen 127.0.0.1:{self.https_port} ssl"),
            (r"ssl_certificate \S+;", f"ssl_certificate {self.dir}/cert.pem;"),
            (r"ssl_certificate_key \S+;", f"ssl_certificate_key {self.dir}/key.pem;"),
        ]
        for pattern, replacement in replacements:
            site, count = re.subn(pattern, replacement, site)
            assert count, f"{NGINX_SITE} no longer has {pattern!r}: update NginxProxy"
        return site

    def answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.http_port), timeout=1):
                return True
        except OSError:
            return False

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        shutil.rmtree(self.dir, ignore_errors=True)
