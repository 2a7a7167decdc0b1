"""The benchmark: each endpoint against a single-query baseline, alternating, on shipped and scaled data.

Run by `make bench` (bin/bench), which provides a throwaway PostgreSQL server. For each data set it
starts gunicorn with production settings plus the benchmark app (bench.settings), then for every
endpoint runs wrk on the baseline and on the endpoint in turn, ROUNDS times, and reports throughput,
p50 and p99 latency and the endpoint/baseline ratio (median of the rounds, with min and max). It writes
bench/results/latest.md and latest.png. `--quick` is a smoke run of a few seconds per data set that
writes no results.
"""

import argparse
import cProfile
import http.client
import io
import json
import os
import pstats
import re
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# The baseline URL and the scale-data command exist only in the benchmark's settings.
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key")
# The profiles run requests in this process: no limit may refuse them.
for rate in ("ASSESSMENT_RATE", "INTERVIEW_RATE", "API_ANON_RATE", "API_USER_RATE"):
    os.environ[rate] = "1000000000/minute"
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from knox.models import AuthToken  # noqa: E402

from assessments.api.examples import INTERVIEW_START  # noqa: E402
from assessments.engine import AssessmentInput, assess  # noqa: E402
from assessments.engine.interview import interview  # noqa: E402
from assessments.models import Assessment  # noqa: E402
from assessments.snapshot import published_knowledge  # noqa: E402
from bench.servers import Service  # noqa: E402
from conditions.models import BodyRegion  # noqa: E402
from tests.assessments.vignettes import VIGNETTES  # noqa: E402

RESULTS = ROOT / "bench" / "results"


@dataclass(frozen=True)
class Plan:
    """How long and how large a run is: from the BENCH_* environment, or a quick smoke run."""

    seconds: int
    rounds: int
    connections: int
    scale_factor: int
    scale_assessments: int
    engine_runs: int = 2000
    write_results: bool = True

    @classmethod
    def from_environment(cls) -> "Plan":
        return cls(
            seconds=int(os.environ.get("BENCH_SECONDS", "5")),
            rounds=int(os.environ.get("BENCH_ROUNDS", "5")),
            connections=int(os.environ.get("BENCH_CONNECTIONS", "16")),
            scale_factor=int(os.environ.get("BENCH_SCALE_FACTOR", "100")),
            scale_assessments=int(os.environ.get("BENCH_SCALE_ASSESSMENTS", "200000")),
        )

    @classmethod
    def quick(cls) -> "Plan":
        # Every step once, briefly: shows the harness works, measures nothing worth keeping.
        return cls(seconds=1, rounds=1, connections=4, scale_factor=2, scale_assessments=500, engine_runs=50,
                   write_results=False)  # fmt: skip


ENDPOINTS: dict[str, dict[str, Any]] = {
    "nerve root detail": {"path": "/api/v1/nerve-roots/L5/", "target": 0.8},
    "condition detail": {"path": "/api/v1/conditions/lumbar-disc-herniation/", "target": 0.8},
    "condition detail (tr)": {"path": "/api/v1/conditions/lumbar-disc-herniation/?lang=tr", "target": 0.8},
    "conditions by nerve root": {"path": "/api/v1/conditions/?nerve_root=L4", "target": 0.8},
    "body region detail": {"path": "/api/v1/body-regions/thigh-lateral/", "target": 0.8},
    "dermatome SVG": {"path": "/api/v1/nerve-roots/L5/dermatome.svg", "target": 0.8},
    "versions": {"path": "/api/v1/versions/", "target": 0.8},
    "export": {"path": "/api/v1/export/", "target": 1.0},
    # As apps fetch it: compressed.
    "export (gzip)": {"path": "/api/v1/export/", "target": 1.0, "headers": ["Accept-Encoding: gzip"]},
    "CSV export": {"path": "/api/v1/export/csv/", "target": 1.0},
    "conditional GET (304)": {"path": "/api/v1/conditions/lumbar-disc-herniation/", "target": 2.0, "etag": True},
    "POST assessment": {"path": "/api/v1/assessments/", "target": 0.5, "post": "assessment"},
    "POST interview": {"path": "/api/v1/interview/", "target": 0.5, "post": "interview"},
    # Last: at 200,000 assessments its first count keeps the workers busy past what wrk waits.
    "statistics (staff)": {"path": "/api/v1/statistics/assessments/", "target": 0.5, "staff": True},
}


def wrk(plan: Plan, url: str, *, headers=(), script: str | None = None, body_file: str | None = None) -> dict:
    command = ["wrk", "-t2", f"-c{plan.connections}", f"-d{plan.seconds}s", "--latency"]
    for header in headers:
        command += ["-H", header]
    if script:
        command += ["-s", script]
    output = subprocess.run(
        [*command, url],
        env={**os.environ, "ASSESSMENT_BODY": body_file or ""},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)$", output, re.MULTILINE))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    failures = re.search(r"Socket errors: .*timeout (\d+)", output)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "p50_ms": milliseconds(latency["50"]) if "50" in latency else float("nan"),
        "p99_ms": milliseconds(latency["99"]) if "99" in latency else float("nan"),
        "errors": (int(errors.group(1)) if errors else 0) + (int(failures.group(1)) if failures else 0),
    }


def milliseconds(text: str) -> float:
    match = re.match(r"([\d.]+)(\w+)", text)
    if match is None:
        raise ValueError(f"wrk printed a latency without a unit: {text!r}")
    value, unit = match.groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def bodies() -> dict[str, str]:
    """The body each kind of POST sends, in a file for wrk's script."""
    files = {}
    for kind, request in (("assessment", VIGNETTES[0].request), ("interview", INTERVIEW_START)):
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as body:
            json.dump(request, body)
        files[kind] = body.name
    return files


def staff_token() -> str:
    """A staff user's API token, for the statistics (staff or the research permission only)."""
    user, _ = get_user_model().objects.get_or_create(username="bench-staff", defaults={"is_staff": True})
    return AuthToken.objects.create(user)[1]


def measure(plan: Plan, server: Service) -> dict:
    region = BodyRegion.objects.order_by("pk").values_list("pk", flat=True)[0]
    baseline_url = f"{server.base}/bench/baseline/{region}/"
    files = bodies()
    context = {"files": files, "token": staff_token(), "post_script": str(ROOT / "bench" / "post_assessment.lua")}
    context["etag"] = urllib.request.urlopen(f"{server.base}{ENDPOINTS['conditional GET (304)']['path']}").headers[
        "ETag"
    ]
    results: dict[str, list[dict[str, Any]]] = {name: [] for name in ENDPOINTS}
    warm_up(server)
    for spec in ENDPOINTS.values():  # warm every worker's snapshot and response cache
        run_endpoint(plan, server, spec, context)
    for round_number in range(1, plan.rounds + 1):
        for name, spec in ENDPOINTS.items():
            base = wrk(plan, baseline_url)
            endpoint = run_endpoint(plan, server, spec, context)
            ratio = endpoint["rps"] / base["rps"] if base["rps"] else float("nan")
            results[name].append({"baseline": base, "endpoint": endpoint, "ratio": ratio})
        print(f"  round {round_number}/{plan.rounds} done", file=sys.stderr)
    return results


def warm_up(server) -> None:
    """Build each worker's cached answers (the scaled export takes long) before anything is timed."""
    workers = int(os.environ.get("WEB_CONCURRENCY", (os.cpu_count() or 1) * 2))
    for spec in ENDPOINTS.values():
        if spec.get("post") or spec.get("etag") or spec.get("staff"):
            continue
        quick = 0
        for _ in range(workers * 6):  # requests land on workers at random: stop once several are quick
            start = time.monotonic()
            urllib.request.urlopen(f"{server.base}{spec['path']}", timeout=900).read()
            quick = quick + 1 if time.monotonic() - start < 1 else 0
            if quick >= workers * 2:
                break


def run_endpoint(plan, server, spec, context):
    url = f"{server.base}{spec['path']}"
    if spec.get("post"):
        return wrk(plan, url, script=context["post_script"], body_file=context["files"][spec["post"]])
    headers = [f"If-None-Match: {context['etag']}"] if spec.get("etag") else []
    headers += spec.get("headers", [])
    if spec.get("staff"):
        headers.append(f"Authorization: Token {context['token']}")
    return wrk(plan, url, headers=headers)


def worker_memory(server: Service) -> list[float]:
    """Each gunicorn worker's resident memory (MB), read from /proc after the run."""
    children = Path(f"/proc/{server.process.pid}/task/{server.process.pid}/children")
    sizes = []
    for pid in children.read_text().split() if children.exists() else []:
        status = Path(f"/proc/{pid}/status").read_text()
        match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
        if match:
            sizes.append(int(match.group(1)) / 1024)
    return sizes


# The exports' time to first byte: the target is that at 100 times the knowledge it stays within 2x of shipped.
FIRST_BYTE = ("export", "export (gzip)", "CSV export")


def first_byte_ms(server: Service, spec: dict, tries: int = 15) -> float:
    """The median time (ms) from sending a request to reading the first byte of the answer's body."""
    times = []
    for _ in range(tries):
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=900)
        headers = dict(header.split(": ", 1) for header in spec.get("headers", []))
        start = time.perf_counter()
        connection.request("GET", spec["path"], headers=headers)
        response = connection.getresponse()
        response.read(1)
        times.append((time.perf_counter() - start) * 1000)
        connection.close()
    return statistics.median(times)


def profiles(runs: int) -> dict[str, str]:
    """A CPU profile (top functions by own time) of the POSTs, a 304 and the statistics, each run in this process
    through Django's test client: the whole request path, as a worker runs it."""
    client = Client()
    condition = ENDPOINTS["conditional GET (304)"]["path"]
    etag = client.get(condition)["ETag"]
    token = staff_token()
    calls = {
        "POST assessment": lambda: client.post("/api/v1/assessments/", VIGNETTES[0].request, "application/json"),
        "POST interview": lambda: client.post("/api/v1/interview/", INTERVIEW_START, "application/json"),
        "conditional GET (304)": lambda: client.get(condition, HTTP_IF_NONE_MATCH=etag),
        "statistics (staff)": lambda: client.get(
            ENDPOINTS["statistics (staff)"]["path"], HTTP_AUTHORIZATION=f"Token {token}"
        ),
    }
    summaries = {}
    for name, call in calls.items():
        assert call().status_code in (200, 201, 304)  # warm: the snapshot, the interview's figures, the counts
        profile = cProfile.Profile()
        start = time.perf_counter()
        profile.enable()
        for _ in range(runs):
            call()
        profile.disable()
        per_call = (time.perf_counter() - start) / runs * 1000
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(15)
        pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(25)  # where the time goes, by caller
        # Paths relative to the checkout (and to the installed packages), not to this machine.
        text = re.sub(r"\S*/site-packages/", "", out.getvalue().replace(f"{ROOT}/", ""))
        text = text.replace(f"{sysconfig.get_paths()['stdlib']}/", "")
        summaries[name] = f"{name}: {per_call:.2f} ms a request in-process (profiled), {runs} runs\n{text}"
    return summaries


def engine_microseconds(runs: int) -> float:
    knowledge = published_knowledge()
    inputs = [AssessmentInput.from_dict(v.request) for v in VIGNETTES]
    start = time.perf_counter()
    for index in range(runs):
        assess(inputs[index % len(inputs)], knowledge)
    return (time.perf_counter() - start) / runs * 1e6


def interview_microseconds(runs: int) -> float:
    knowledge = published_knowledge()
    interview(AssessmentInput.from_dict(INTERVIEW_START), knowledge)  # the figures, worked out once per version
    start = time.perf_counter()
    for _ in range(runs):
        interview(AssessmentInput.from_dict(INTERVIEW_START), knowledge)
    return (time.perf_counter() - start) / runs * 1e6


def run_phase(plan: Plan, label: str) -> dict:
    print(f"== {label}: engine alone, then gunicorn under wrk", file=sys.stderr)
    engine = engine_microseconds(plan.engine_runs)
    server = Service(
        {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            # The scaled export takes minutes to build once per worker: let it finish.
            "GUNICORN_TIMEOUT": "900",
            "GUNICORN_MAX_REQUESTS": "0",  # no worker restarts (and cold caches) in the middle of a run
        }
    )
    try:
        results = measure(plan, server)
        first_byte = {name: first_byte_ms(server, ENDPOINTS[name]) for name in FIRST_BYTE}
        memory = worker_memory(server)
    finally:
        server.stop()
    return {
        "engine_us": engine,
        "interview_us": interview_microseconds(plan.engine_runs // 10),
        "results": results,
        "first_byte_ms": first_byte,
        "assessments": Assessment.objects.count(),
        "worker_mb": memory,
        "profiles": profiles(max(plan.engine_runs // 20, 5)),
    }


def summary(samples: list[dict]) -> dict:
    ratios = [sample["ratio"] for sample in samples]
    return {
        "ratio": statistics.median(ratios),
        "min": min(ratios),
        "max": max(ratios),
        "rps": statistics.median(s["endpoint"]["rps"] for s in samples),
        "baseline_rps": statistics.median(s["baseline"]["rps"] for s in samples),
        "p50": statistics.median(s["endpoint"]["p50_ms"] for s in samples),
        "p99": statistics.median(s["endpoint"]["p99_ms"] for s in samples),
        "errors": sum(s["endpoint"]["errors"] for s in samples),
    }


def report(plan: Plan, phases: dict) -> str:
    lines = [
        "# refpain benchmark",
        "",
        f"{os.cpu_count()} cores; PostgreSQL, gunicorn ({os.environ.get('WEB_CONCURRENCY', (os.cpu_count() or 1) * 2)} "
        f"sync workers) and wrk ({plan.connections} connections) on one machine; {plan.rounds} alternating rounds of "
        f"{plan.seconds} s per endpoint and baseline. Ratio = endpoint requests/s ÷ baseline requests/s in the same "
        "round: median (min to max).",
        "",
        "| endpoint | data | req/s | baseline req/s | p50 ms | p99 ms | ratio | target | met | non-2xx |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, spec in ENDPOINTS.items():
        for label, phase in phases.items():
            s = summary(phase["results"][name])
            met = "yes" if s["ratio"] >= spec["target"] else "no"
            lines.append(
                f"| {name} | {label} | {s['rps']:.0f} | {s['baseline_rps']:.0f} | {s['p50']:.2f} | {s['p99']:.2f} | "
                f"{s['ratio']:.2f} ({s['min']:.2f} to {s['max']:.2f}) | ≥ {spec['target']} | {met} | {s['errors']} |"
            )
    if len(phases) == 2:
        shipped, scaled = phases.values()
        lines += ["", "| endpoint | scaled ÷ shipped ratio | within 20% |", "|---|---|---|"]
        for name in ENDPOINTS:
            change = summary(scaled["results"][name])["ratio"] / summary(shipped["results"][name])["ratio"]
            lines.append(f"| {name} | {change:.2f} | {'yes' if 0.8 <= change <= 1.2 else 'no'} |")
        lines += ["", "| export | time to first byte, shipped ms | scaled ms | scaled ÷ shipped | within 2x |"]
        lines += ["|---|---|---|---|---|"]
        for name in FIRST_BYTE:
            before, after = shipped["first_byte_ms"][name], scaled["first_byte_ms"][name]
            within = "yes" if after <= 2 * before else "no"
            lines.append(f"| {name} | {before:.1f} | {after:.1f} | {after / before:.2f} | {within} |")
    lines += [""] + [
        f"- {label}: engine alone {phase['engine_us']:.0f} µs per assessment, {phase['interview_us']:.0f} µs per "
        f"interview question; {phase['assessments']} stored assessments; worker memory after the run "
        f"{', '.join(f'{mb:.0f}' for mb in phase['worker_mb'])} MB"
        for label, phase in phases.items()
    ]
    lines += ["", "CPU profiles (own and cumulative time) of the POSTs, a 304 and the statistics: profile-<data>.txt."]
    return "\n".join(lines) + "\n"


def chart(phases: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(ENDPOINTS)
    figure, axis = plt.subplots(figsize=(11, 5))
    width = 0.8 / len(phases)
    for offset, (label, phase) in enumerate(phases.items()):
        stats = [summary(phase["results"][name]) for name in names]
        positions = [i + offset * width for i in range(len(names))]
        errors = [[s["ratio"] - s["min"] for s in stats], [s["max"] - s["ratio"] for s in stats]]
        axis.bar(positions, [s["ratio"] for s in stats], width, yerr=errors, capsize=3, label=label)
    for i, name in enumerate(names):
        axis.hlines(
            ENDPOINTS[name]["target"],
            i - width / 2,
            i + width * len(phases) - width / 2,
            colors="black",
            linestyles="dashed",
        )
    axis.set_xticks([i + width * (len(phases) - 1) / 2 for i in range(len(names))], names, rotation=20, ha="right")
    axis.set_ylabel("throughput ÷ single-query baseline")
    axis.set_title("refpain endpoints against the baseline (dashed: target)")
    axis.legend()
    figure.tight_layout()
    figure.savefig(path, dpi=110)


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark every measured endpoint against the baseline.")
    parser.add_argument("--quick", action="store_true", help="a smoke run of a few seconds; writes no results")
    plan = Plan.quick() if parser.parse_args().quick else Plan.from_environment()
    call_command("migrate", verbosity=0)
    call_command("load_knowledge", verbosity=0)
    phases = {"shipped": run_phase(plan, "shipped knowledge")}
    if plan.scale_factor:
        scale = f"x{plan.scale_factor}, {plan.scale_assessments} assessments"
        print(f"== generating the scale set ({scale})", file=sys.stderr)
        call_command("generate_scale_data", factor=plan.scale_factor, assessments=plan.scale_assessments)
        phases[f"scaled x{plan.scale_factor}"] = run_phase(plan, "scaled knowledge")
    text = report(plan, phases)
    if plan.write_results:
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "latest.md").write_text(text)
        for label, phase in phases.items():
            name = "profile-" + label.split()[0] + ".txt"
            (RESULTS / name).write_text("\n\n".join(phase["profiles"].values()))
        kept = {label: {k: v for k, v in phase.items() if k != "profiles"} for label, phase in phases.items()}
        (RESULTS / "latest.json").write_text(json.dumps(kept, indent=1))
        chart(phases, RESULTS / "latest.png")
    print(text)


if __name__ == "__main__":
    main()
