"""A real service for tests that load it: its own throwaway PostgreSQL cluster and gunicorn on loopback.

These tests start and stop PostgreSQL themselves, so they never touch the suite's test database.
"""

import os

import pytest

from bench.servers import PostgresCluster, Service, nginx_binary, postgres_bin


@pytest.fixture(scope="module")
def cluster():
    bin_dir = postgres_bin()
    if bin_dir is None:
        if os.environ.get("REQUIRE_POSTGRES"):
            pytest.fail("PostgreSQL server binaries are needed: apt-get install postgresql")
        pytest.skip("PostgreSQL server binaries not found")
    cluster = PostgresCluster(bin_dir)
    yield cluster
    cluster.destroy()


@pytest.fixture(scope="module")
def service(cluster):
    service = Service(
        {"DATABASE_URL": cluster.url, "WEB_CONCURRENCY": "3", "DB_CONNECT_TIMEOUT": "2"}, load_knowledge=True
    )
    yield service
    service.stop()


@pytest.fixture(scope="module")
def nginx():
    binary = nginx_binary()
    if binary is None:
        if os.environ.get("REQUIRE_NGINX"):
            pytest.fail("nginx is needed: apt-get install nginx")
        pytest.skip("nginx not found (apt-get install nginx; REQUIRE_NGINX=1 makes this a failure)")
    return binary
