"""Rate limits that hold across gunicorn workers: one counter per client in Redis, counted atomically."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.live.client import request, start_of_a_fresh_minute
from tests.live.conftest import Service

pytestmark = pytest.mark.live

LIMIT = 100
REQUESTS = 400
CONNECTIONS = 8


@pytest.fixture(scope="module")
def limited_service(cluster, redis_server):
    service = Service(
        {
            "DATABASE_URL": cluster.url,
            "REDIS_URL": redis_server.url,
            "WEB_CONCURRENCY": "3",
            "API_ANON_RATE": f"{LIMIT}/minute",
        },
        load_knowledge=True,
    )
    yield service
    service.stop()


def test_concurrent_reads_over_several_workers_are_accepted_up_to_the_limit(limited_service):
    start_of_a_fresh_minute()
    with ThreadPoolExecutor(CONNECTIONS) as pool:
        answers = list(
            pool.map(lambda _: request(limited_service.base, "GET", "/api/v1/nerve-roots/L5/"), range(REQUESTS))
        )
    accepted = sum(answer.status == 200 for answer in answers)
    assert {answer.status for answer in answers} <= {200, 429}
    assert accepted > 0 and abs(accepted - LIMIT) <= LIMIT // 10, accepted
    refused = next(answer for answer in answers if answer.status == 429)
    assert refused.body["code"] == "throttled" and int(refused.retry_after) > 0
