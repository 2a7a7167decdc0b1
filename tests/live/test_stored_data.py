"""Stored data in a running service: its access log keeps no assessment ids, the documented backup, kept outside
the checkout for its owner's eyes only, restores into a fresh database with the same knowledge and every
assessment, and the documented accounts flow (register, sign in, assess, list, download, erase) runs as written."""

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from bench.servers import ROOT, Service
from tests.helpers import documented_shell_blocks
from tests.live.client import ASSESSMENT, request

pytestmark = pytest.mark.live
FINGERPRINT = "from conditions.versioning import knowledge_fingerprint; print(knowledge_fingerprint())"


@pytest.fixture(scope="module")
def access_log(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("logs") / "access.log"


@pytest.fixture(scope="module")
def service(cluster, access_log):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ACCESS_LOG", str(access_log))
        service = Service({"DATABASE_URL": cluster.url}, load_knowledge=True)
    yield service
    service.stop()


def test_the_access_log_has_no_assessment_ids(service, access_log):
    created = request(service.base, "POST", "/api/v1/assessments/", ASSESSMENT).body["id"]
    assert request(service.base, "GET", f"/api/v1/assessments/{created}/").status == 200
    assert request(service.base, "GET", f"/api/v1/assessments/?after={created}").status == 401
    service.wait_until(lambda: access_log.exists() and "?after=" in access_log.read_text(), seconds=10)

    logged = access_log.read_text()
    assert '"GET /api/v1/assessments/<id>/ HTTP/1.1" 200' in logged
    assert created not in logged and created.replace("-", "") not in logged


def documented_block(*commands: str) -> str:
    """The shell example of the README or docs/ (the backup is in docs/operations.md) with these commands."""
    return next(block for block in documented_shell_blocks() if all(c in block for c in commands))


def run_shell(script: str, cluster, database_url: str, cwd: Path, **extra_env: str) -> str:
    # The documented commands as written, with manage.py named by its path (they run from a checkout)
    # and the cluster's own client tools first on the PATH.
    script = script.replace("python manage.py", f"python {ROOT / 'manage.py'}")
    path = f"{Path(sys.executable).parent}:{cluster.bin}:{os.environ['PATH']}"
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env |= {"PATH": path, "DATABASE_URL": database_url, "SECRET_KEY": "live-test-only", "DEBUG": "0", **extra_env}
    result = subprocess.run(["bash", "-euc", script], cwd=cwd, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def assessment_ids(url: str) -> set[str]:
    with psycopg.connect(url) as connection:
        return {row[0] for row in connection.execute("SELECT id::text FROM assessments_assessment").fetchall()}


def test_a_backup_restores_into_a_fresh_database_with_the_same_knowledge_and_assessments(service, cluster, tmp_path):
    for _ in range(3):
        assert request(service.base, "POST", "/api/v1/assessments/", ASSESSMENT).status == 201
    stored = assessment_ids(cluster.url)
    checkout, backups = tmp_path / "checkout", tmp_path / "backups" / "refpain"
    checkout.mkdir()
    fingerprint = run_shell(f'python manage.py shell --no-imports -c "{FINGERPRINT}"', cluster, cluster.url, checkout)

    run_shell(documented_block("pg_dump", "dump_knowledge"), cluster, cluster.url, checkout, BACKUP_DIR=str(backups))
    restored = run_shell(
        documented_block("createdb", "pg_restore"), cluster, cluster.url, checkout, BACKUP_DIR=str(backups)
    )

    assert restored.split()[-1] == fingerprint.strip()
    restored_url = cluster.url.rsplit("/", 1)[0] + "/refpain_restored"
    assert assessment_ids(restored_url) == stored and len(stored) >= 3
    shipped = {path.name for path in (ROOT / "fixtures").glob("*.json")}
    assert {path.name for path in (backups / "knowledge").iterdir()} == shipped


def test_the_backup_is_written_outside_the_checkout_readable_by_its_owner_only(cluster, tmp_path):
    checkout, backups = tmp_path / "checkout", tmp_path / "backups" / "refpain"
    checkout.mkdir()
    run_shell(documented_block("pg_dump", "dump_knowledge"), cluster, cluster.url, checkout, BACKUP_DIR=str(backups))
    assert list(checkout.iterdir()) == []
    assert stat.S_IMODE((backups / "refpain.dump").stat().st_mode) == 0o600
    assert stat.S_IMODE(backups.stat().st_mode) == 0o700


def json_documents(text: str) -> list:
    """The JSON documents curl printed one after another (its answers end with no newline)."""
    decoder, documents, at = json.JSONDecoder(), [], 0
    while at < len(text.strip()):
        document, at = decoder.raw_decode(text, at)
        documents.append(document)
    return documents


def test_the_documented_accounts_flow_runs_as_written_and_leaves_nothing_behind(service, cluster, tmp_path):
    flow = documented_block("/auth/register/", "/account/data/").replace("http://127.0.0.1:8000", service.base)
    registered, assessed, listed, downloaded = json_documents(run_shell(flow, cluster, "", tmp_path))
    assert registered == {"username": "app-user"}
    assert [item["id"] for item in listed["results"]] == [assessed["id"]]
    assert [item["id"] for item in downloaded["assessments"]] == [assessed["id"]]
    with psycopg.connect(cluster.url) as connection:
        assert not connection.execute("SELECT 1 FROM auth_user WHERE username = 'app-user'").fetchall()
        assert not connection.execute("SELECT 1 FROM assessments_assessment WHERE id = %s", [assessed["id"]]).fetchall()
