"""`bin/test --fast`, the inner loop: the unit and API tests, without the live, browser, commits, fuzz, slow tests."""

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SLOW = (
    "tests/live/",
    "tests/browser/",
    "tests/test_fuzz.py",
    "tests/curation/test_review_concurrency.py",
    "tests/curation/test_migrations.py",
    "tests/assessments/test_summary_migration.py",
    "tests/conditions/test_loading.py::test_dump_then_load_into_a_fresh_database_round_trips",
    "tests/assessments/test_engine.py::test_output_does_not_depend_on_the_hash_seed",
    "tests/test_fast_loop.py::test_the_fast_run_leaves_out",
    "tests/assessments/test_interview_simulation.py",
)


def collected(*args: str) -> list[str]:
    output = subprocess.run(
        ["bin/test", *args, "--collect-only", "-q", "-p", "no:cacheprovider"],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": os.environ.get("DATABASE_URL") or "sqlite:///unused.sqlite3"},
        capture_output=True,
        text=True,
    )
    assert output.returncode == 0, output.stdout + output.stderr
    return [line for line in output.stdout.splitlines() if "::" in line]


def test_no_test_of_the_fast_run_empties_the_database_it_reuses(request):
    # Django empties the tables after a test that commits. The fast run keeps its databases between runs,
    # so a test there that commits must limit that to apps whose tables it may empty (available_apps).
    flushing = [
        item.nodeid
        for item in request.session.items
        if (marker := item.get_closest_marker("django_db")) is not None
        and marker.kwargs.get("transaction")
        and marker.kwargs.get("available_apps") is None
        and not any(item.get_closest_marker(name) for name in ("live", "browser", "commits"))
    ]
    assert flushing == []


@pytest.mark.slow
def test_the_fast_run_leaves_out_the_live_browser_commits_fuzz_and_the_few_slow_tests_and_nothing_else():
    everything = collected()
    fast = collected("--fast")
    assert {test for test in everything if test.startswith(SLOW)} == set(everything) - set(fast)
    assert all(any(test.startswith(slow) for test in everything) for slow in SLOW)
