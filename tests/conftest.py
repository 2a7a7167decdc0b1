"""Shared pytest fixtures: the shipped knowledge is loaded once into the test database."""

import json
import os
import shutil
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.cache import caches
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from assessments.snapshot import forget_snapshot
from bench.servers import RedisServer
from conditions.loading import knowledge_load
from tests.factories import make_clinician

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def redis_server():
    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("REQUIRE_REDIS"):
            pytest.fail("redis-server is needed: apt-get install redis-server")
        pytest.skip("redis-server not found (apt-get install redis-server; REQUIRE_REDIS=1 makes this a failure)")
    server = RedisServer(binary)
    yield server
    server.stop()


ROLES: dict[str, list[tuple[str, str]]] = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        knowledge_load()
        # The clinician roles as the migrations made them: tests that commit empty the database after them.
        ROLES.update(
            (group.name, list(group.permissions.values_list("content_type__app_label", "codename")))
            for group in Group.objects.all()
        )


@pytest.fixture(scope="session")
def clinician_roles(django_db_setup) -> dict[str, list[tuple[str, str]]]:
    """Each clinician role's permissions, read before any test that commits could empty the database."""
    return ROLES


@pytest.fixture(scope="session")
def vocabulary() -> dict:
    """The public codes, from the test suite's own copy of the vocabulary."""
    return json.loads((DATA / "vocabulary.json").read_text())


@pytest.fixture(autouse=True)
def one_rate_limit_window(monkeypatch):
    # Limits count in fixed windows: a test's requests must not straddle two of them.
    monkeypatch.setattr(SimpleRateThrottle, "timer", staticmethod(lambda: 1_800_000_030.0))


@pytest.fixture(autouse=True)
def exact_knowledge_version(settings):
    # Tests move the version and roll it back: every request reads it afresh.
    settings.KNOWLEDGE_VERSION_TTL = 0


@pytest.fixture(autouse=True)
def quick_password_hashing(settings):
    # PBKDF2 spends most of a second of CPU on each password, and a hundred tests set or check one; no
    # test is about the hash itself. Hashes made with the production hashers still verify.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *settings.PASSWORD_HASHERS]


@pytest.fixture(autouse=True)
def fresh_knowledge_snapshot():
    # A test may change the knowledge and roll back: the next one must not reuse its snapshot.
    forget_snapshot()
    yield
    forget_snapshot()


@pytest.fixture(autouse=True)
def fresh_caches(settings, tmp_path):
    # Throttle counters and rendered responses live in caches, and exports in files; each test starts with none.
    settings.ANSWER_FILES_DIR = str(tmp_path / "answers")
    for alias in ("default", "knowledge"):
        caches[alias].clear()
    yield
    for alias in ("default", "knowledge"):
        caches[alias].clear()


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def editor(db):
    return make_clinician("edna-editor", "Editors")


@pytest.fixture
def reviewer(db):
    return make_clinician("rita-reviewer", "Reviewers")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def pytest_collection_modifyitems(items):
    # Tests that commit leave a flushed database behind them: they run after everything else.
    def commits(item) -> int:
        return 2 if item.get_closest_marker("browser") else 1 if item.get_closest_marker("commits") else 0

    items.sort(key=commits)
