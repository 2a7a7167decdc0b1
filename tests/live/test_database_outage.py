"""A database outage under load: JSON 503s with Retry-After, a health check that says so, and recovery
by itself once PostgreSQL is back, with no half-written assessment."""

import time

import psycopg
import pytest

from tests.live.client import Load, request

pytestmark = pytest.mark.live


def test_the_service_degrades_and_recovers_with_the_database(service, cluster):
    load = Load(service.base, clients=4, seconds=60, read_path="/api/v1/conditions/?nerve_root=L5").start()
    time.sleep(2)
    cluster.stop()
    try:
        service.wait_until(lambda: service.status("/healthz") == 503, seconds=15)
        health = request(service.base, "GET", "/healthz")
        assert health.body == {"status": "unavailable", "database": "down", "redis": "not configured"}
        assert health.retry_after
        during = request(service.base, "POST", "/api/v1/assessments/", {"age": 40, "symptoms": {"fever": False}})
        assert during.status == 503
        assert during.body["code"] == "database_unavailable" and int(during.retry_after) > 0
        time.sleep(2)
    finally:
        cluster.start()
    service.wait_until(lambda: service.status("/healthz") == 200, seconds=30)
    service.wait_until(
        lambda: (
            request(service.base, "POST", "/api/v1/assessments/", {"age": 40, "symptoms": {"fever": False}}).status
            == 201
        ),
        seconds=30,
    )
    time.sleep(1)
    answers = load.stop()

    statuses = {a.status for a in answers}
    assert statuses <= {200, 201, 503}, statuses  # never a 500, never a dropped connection
    unavailable = [a for a in answers if a.status == 503]
    assert unavailable, "the load never met the outage"
    assert all(a.body and a.body["code"] == "database_unavailable" and a.retry_after for a in unavailable)
    assert any(a.status == 201 and a.at > unavailable[-1].at for a in answers), "no success after the outage"

    created = {a.body["id"] for a in answers if a.method == "POST" and a.status == 201}
    with psycopg.connect(cluster.url) as connection:
        rows = dict(connection.execute("SELECT id::text, result FROM assessments_assessment").fetchall())
    assert created <= set(rows)  # every acknowledged assessment survived
    assert all(result and result["triage"]["level"] for result in rows.values())  # none half-written
