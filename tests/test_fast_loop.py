"""`bin/test --fast`, the inner loop: the unit and API tests, without the live, browser, commits and fuzz tests."""

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SLOW = ("tests/live/", "tests/browser/", "tests/test_fuzz.py", "tests/conditions/test_review_concurrency.py")


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


def test_the_fast_run_leaves_out_the_live_browser_commits_and_fuzz_tests_and_nothing_else():
    everything = collected()
    fast = collected("--fast")
    assert {test for test in everything if test.startswith(SLOW)} == set(everything) - set(fast)
    assert all(any(test.startswith(slow) for test in everything) for slow in SLOW)
