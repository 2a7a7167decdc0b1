"""Load without loss: concurrent clients post assessments to gunicorn on PostgreSQL for a bounded time."""

import psycopg
import pytest

from tests.live.client import Load

pytestmark = pytest.mark.live

CLIENTS = 8
SECONDS = 8


def stored(cluster) -> dict[str, dict]:
    with psycopg.connect(cluster.url) as connection:
        rows = connection.execute("SELECT id::text, result FROM assessments_assessment").fetchall()
    return dict(rows)


def test_concurrent_clients_lose_no_assessment(service, cluster):
    before = stored(cluster)
    answers = Load(service.base, clients=CLIENTS, seconds=SECONDS, read_path="/api/v1/nerve-roots/L5/").start().wait()
    posts = [a for a in answers if a.method == "POST"]
    created = {a.body["id"] for a in posts if a.status == 201}
    assert len(posts) > 50, "the load generator barely ran"
    assert [a for a in answers if a.status >= 500 or a.status == 0] == []
    assert {a.status for a in posts} == {201}
    after = stored(cluster)
    new = set(after) - set(before)
    assert new == created  # every 201 is in the database, and nothing else was added
    assert all(after[id_]["triage"]["level"] for id_ in new)
