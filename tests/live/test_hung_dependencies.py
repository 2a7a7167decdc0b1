"""Dependencies that hang rather than fail (frozen with SIGSTOP: they take connections and never answer):
readers are still served while Redis hangs, every request gets a 503 within its timeouts while PostgreSQL
hangs, /healthz says which one, and the service recovers by itself when they answer again."""

import contextlib
import os
import shutil
import signal
import time
from pathlib import Path

import pytest

from bench.servers import RedisServer, Service
from tests.live.client import ASSESSMENT, request

pytestmark = pytest.mark.live
READ = "/api/v1/nerve-roots/L5/"


@pytest.fixture(scope="module")
def own_redis():
    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("REQUIRE_REDIS"):
            pytest.fail("redis-server is needed: apt-get install redis-server")
        pytest.skip("redis-server not found")
    server = RedisServer(binary)
    yield server
    os.kill(server.process.pid, signal.SIGCONT)
    server.stop()


@pytest.fixture(scope="module")
def hung_service(cluster, own_redis):
    env = {"DATABASE_URL": cluster.url, "REDIS_URL": own_redis.url, "WEB_CONCURRENCY": "2", "DB_QUERY_TIMEOUT": "2"}
    service = Service(env, load_knowledge=True)
    yield service
    service.stop()


def processes(root: int) -> list[int]:
    pids = [root]
    for pid in pids:
        pids.extend(int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split())
    return pids


def signal_all(pids: list[int], sig: signal.Signals) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):  # a backend that ended meanwhile
            os.kill(pid, sig)


def test_while_redis_hangs_reads_are_served_and_writes_refused_at_once(hung_service, own_redis):
    assert request(hung_service.base, "GET", READ).status == 200
    os.kill(own_redis.process.pid, signal.SIGSTOP)
    try:
        health = request(hung_service.base, "GET", "/healthz")
        reads = [request(hung_service.base, "GET", READ) for _ in range(20)]
        write = request(hung_service.base, "POST", "/api/v1/assessments/", ASSESSMENT)
    finally:
        os.kill(own_redis.process.pid, signal.SIGCONT)
    assert (health.status, health.body) == (200, {"status": "degraded", "database": "ok", "redis": "unavailable"})
    assert [read.status for read in reads] == [200] * 20
    assert write.status == 503 and write.body["code"] == "rate_limiter_unavailable" and int(write.retry_after) > 0
    hung_service.wait_until(
        lambda: request(hung_service.base, "POST", "/api/v1/assessments/", ASSESSMENT).status == 201, seconds=30
    )


def test_while_postgresql_hangs_every_request_gets_a_503_in_time_and_healthz_names_it(hung_service, cluster):
    assert request(hung_service.base, "GET", READ).status == 200
    postmaster = int((cluster.dir / "data" / "postmaster.pid").read_text().split()[0])
    frozen = processes(postmaster)
    signal_all(frozen, signal.SIGSTOP)
    try:
        time.sleep(1.5)  # past the knowledge version's reuse time: reads must ask the database again
        # The client gives up after 15 s: without deadlines these waited for as long as the hang lasted.
        health = request(hung_service.base, "GET", "/healthz")
        read = request(hung_service.base, "GET", READ)
        write = request(hung_service.base, "POST", "/api/v1/assessments/", ASSESSMENT)
    finally:
        signal_all(processes(postmaster), signal.SIGCONT)
    assert health.status == 503 and health.body["database"] == "down" and int(health.retry_after) > 0
    for answer in (read, write):
        assert answer.status == 503 and answer.body["code"] == "database_unavailable" and int(answer.retry_after) > 0
    hung_service.wait_until(lambda: hung_service.status("/healthz") == 200, seconds=30)
    assert request(hung_service.base, "POST", "/api/v1/assessments/", ASSESSMENT).status == 201
