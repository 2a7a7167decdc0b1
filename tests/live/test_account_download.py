"""A user with 5,000 stored assessments downloads them all from a gunicorn worker whose memory stays bounded."""

import json
import urllib.request
from pathlib import Path

import pytest

from bench.servers import Service
from tests.live.client import ASSESSMENT, request

pytestmark = pytest.mark.live
ASSESSMENTS = 5000
MAX_GROWTH_MB = 50

ACCOUNT_SETUP = """
from django.contrib.auth import get_user_model
from assessments.models import Assessment
model = Assessment.objects.order_by("created_at").first()
for name, count in (("small-user", 1), ("large-user", {count})):
    user = get_user_model().objects.create_user(name, password="a-live-test-password")
    Assessment.objects.bulk_create(
        (Assessment(owner=user, input=model.input, result=model.result, engine_version=model.engine_version,
                    knowledge_version=model.knowledge_version) for _ in range(count)),
        batch_size=100,
    )
"""


@pytest.fixture(scope="module")
def one_worker(cluster):
    service = Service({"DATABASE_URL": cluster.url, "WEB_CONCURRENCY": "1"}, load_knowledge=True)
    yield service
    service.stop()


def worker_memory_mb(master: int) -> dict[str, float]:
    """The single worker's resident memory now (VmRSS) and at its peak so far (VmHWM), in MB."""
    worker = Path(f"/proc/{master}/task/{master}/children").read_text().split()[0]
    status = dict(line.split(":", 1) for line in Path(f"/proc/{worker}/status").read_text().splitlines())
    return {name: int(status[name].split()[0]) / 1024 for name in ("VmRSS", "VmHWM")}


def download(service: Service, username: str) -> bytes:
    signed_in = request(service.base, "POST", "/api/v1/auth/token/",
                        {"username": username, "password": "a-live-test-password"})  # fmt: skip
    assert signed_in.body is not None
    headers = {"Authorization": f"Token {signed_in.body['token']}"}
    req = urllib.request.Request(f"{service.base}/api/v1/account/data/", headers=headers)
    with urllib.request.urlopen(req, timeout=300) as response:
        assert response.status == 200
        return response.read()


def test_downloading_5000_assessments_grows_the_workers_memory_by_less_than_50_mb(one_worker):
    assert request(one_worker.base, "POST", "/api/v1/assessments/", ASSESSMENT).status == 201
    one_worker.manage("shell", "-c", ACCOUNT_SETUP.format(count=ASSESSMENTS))
    download(one_worker, "small-user")  # every code path the download takes, loaded once
    before = worker_memory_mb(one_worker.process.pid)

    body = download(one_worker, "large-user")

    after = worker_memory_mb(one_worker.process.pid)
    growth = after["VmHWM"] - before["VmRSS"]
    print(f"{len(body) / 1e6:.1f} MB sent; worker {before['VmRSS']:.1f} MB before, peak {after['VmHWM']:.1f} MB")
    assert len(json.loads(body)["assessments"]) == ASSESSMENTS
    assert growth < MAX_GROWTH_MB, f"the worker grew by {growth:.1f} MB"
