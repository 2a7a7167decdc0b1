"""A real service for tests that load it: its own throwaway PostgreSQL cluster and gunicorn on loopback.

These tests start and stop PostgreSQL themselves, so they never touch the suite's test database.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_bin() -> Path | None:
    candidates = [*sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True), Path("/usr/local/pgsql/bin")]
    return next((path for path in candidates if (path / "pg_ctl").exists()), None)


class PostgresCluster:
    """A PostgreSQL server in a temporary directory, run as an unprivileged user when we are root."""

    def __init__(self, bin_dir: Path):
        self.bin = bin_dir
        self.dir = Path(tempfile.mkdtemp(prefix="refpain-live-pg."))
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
    """refpain under gunicorn with production settings, on a cluster of its own."""

    def __init__(self, database_url: str, **env: str):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {
            **{key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")},
            "DATABASE_URL": database_url,
            "DEBUG": "0",
            "SECRET_KEY": "live-test-only-secret-key-that-is-long-enough-for-django-checks",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_COOKIES": "0",
            "BIND": f"127.0.0.1:{self.port}",
            "WEB_CONCURRENCY": "3",
            "API_ANON_RATE": "1000000/minute",
            "ASSESSMENT_RATE": "1000000/minute",
            "DB_CONNECT_TIMEOUT": "2",
            **env,
        }
        manage = [sys.executable, "manage.py"]
        subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=self.env, check=True)
        subprocess.run([*manage, "load_knowledge", "-v0"], cwd=ROOT, env=self.env, check=True, capture_output=True)
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.process = subprocess.Popen([str(gunicorn), "-c", "gunicorn.conf.py", "refpain.wsgi"], cwd=ROOT,
                                        env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        self.wait_until(lambda: self.status("/healthz") == 200, seconds=120)

    def status(self, path: str) -> int:
        try:
            with urllib.request.urlopen(f"{self.base}{path}", timeout=5) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            return 0

    @staticmethod
    def wait_until(condition, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if condition():
                return
            time.sleep(0.2)
        raise AssertionError("timed out waiting for the service")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def cluster():
    bin_dir = postgres_bin()
    if bin_dir is None:
        if os.environ.get("REQUIRE_POSTGRES"):
            pytest.fail("PostgreSQL server binaries are needed: apt-get install postgresql")
        pytest.skip("PostgreSQL server binaries not found")
    cluster = PostgresCluster(bin_dir)
    yield cluster
    cluster.destroy()


@pytest.fixture(scope="module")
def service(cluster):
    service = Service(cluster.url)
    yield service
    service.stop()
