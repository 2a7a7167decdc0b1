"""Benchmark the assessments: the engine's time per assessment, and POST throughput through gunicorn.

Run by bin/bench, on the database of DATABASE_URL (bin/bench starts a throwaway PostgreSQL). Prints a
markdown report. The figures are measurements of this machine, not assertions.
"""

import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "refpain.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from assessments.engine import AssessmentInput, assess  # noqa: E402
from assessments.knowledge import published_knowledge  # noqa: E402
from assessments.models import Assessment  # noqa: E402
from tests.assessments.vignettes import VIGNETTES  # noqa: E402

ENGINE_ROUNDS = 5
ENGINE_PER_ROUND = 2000
WRK_SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
WRK_CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))


def engine_microseconds() -> list[float]:
    knowledge = published_knowledge()
    inputs = [AssessmentInput.from_dict(v.request) for v in VIGNETTES]
    rounds = []
    for _ in range(ENGINE_ROUNDS):
        start = time.perf_counter()
        for index in range(ENGINE_PER_ROUND):
            assess(inputs[index % len(inputs)], knowledge)
        rounds.append((time.perf_counter() - start) / ENGINE_PER_ROUND * 1e6)
    return rounds


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer at {url}")


def run_wrk(url: str, body_file: str) -> dict:
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{WRK_CONNECTIONS}",
            f"-d{WRK_SECONDS}s",
            "--latency",
            "-s",
            str(ROOT / "bench" / "post_assessment.lua"),
            url,
        ],
        env={**os.environ, "ASSESSMENT_BODY": body_file},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)$", output, re.MULTILINE))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "per_second": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": latency.get("50"),
        "p99": latency.get("99"),
        "non_2xx": int(errors.group(1)) if errors else 0,
    }


def post_throughput() -> dict:
    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "BIND": f"127.0.0.1:{port}",
        "ASSESSMENT_RATE": "100000000/minute",
        "API_ANON_RATE": "100000000/minute",
    }
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", str(ROOT / "gunicorn.conf.py"), "refpain.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(f"{base}/api/v1/reflexes/")
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as body:
            json.dump(VIGNETTES[0].request, body)
        before = Assessment.objects.count()
        run_wrk(f"{base}/api/v1/assessments/", body.name)  # warm-up: snapshots built in every worker
        stats = run_wrk(f"{base}/api/v1/assessments/", body.name)
        stats["stored"] = Assessment.objects.count() - before
        return stats
    finally:
        server.terminate()
        server.wait(timeout=20)


def main() -> None:
    call_command("migrate", verbosity=0)
    call_command("load_knowledge", verbosity=0)
    engine = engine_microseconds()
    post = post_throughput()
    vendor = django.db.connection.vendor
    print("## Assessment benchmark\n")
    print(
        f"- machine: {os.cpu_count()} cores; database: {vendor}; gunicorn workers: "
        f"{os.environ.get('WEB_CONCURRENCY', os.cpu_count() * 2)}"
    )
    print(
        f"- engine alone, {ENGINE_ROUNDS} rounds of {ENGINE_PER_ROUND} assessments over "
        f"{len(VIGNETTES)} vignettes: median {statistics.median(engine):.0f} µs per assessment "
        f"(min {min(engine):.0f}, max {max(engine):.0f})"
    )
    print(
        f"- POST /api/v1/assessments/ through gunicorn, wrk {WRK_CONNECTIONS} connections for {WRK_SECONDS} s: "
        f"{post['per_second']:.0f} requests/s, p50 {post['p50']}, p99 {post['p99']}, "
        f"non-2xx {post['non_2xx']}, stored {post['stored']} (two runs: warm-up and measured)"
    )


if __name__ == "__main__":
    main()
