"""The shared service helper starts refpain on the settings it is given: production, or the benchmark's."""

import psycopg
import pytest

from bench.servers import Service

pytestmark = pytest.mark.live


def test_only_a_service_on_the_benchmark_settings_serves_the_baseline(service, cluster):
    with psycopg.connect(cluster.url) as connection:
        (region,) = connection.execute("SELECT id FROM conditions_bodyregion ORDER BY id LIMIT 1").fetchone()
    assert service.status(f"/bench/baseline/{region}/") == 404
    benchmark = Service(
        {"DATABASE_URL": cluster.url, "DJANGO_SETTINGS_MODULE": "bench.settings", "WEB_CONCURRENCY": "1"}
    )
    try:
        assert benchmark.status(f"/bench/baseline/{region}/") == 200
        assert benchmark.status("/api/v1/nerve-roots/L5/") == 200
    finally:
        benchmark.stop()
