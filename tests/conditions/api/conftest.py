"""Fixtures for the knowledge API tests."""

import pytest
from django.core.cache import caches
from rest_framework.test import APIClient


@pytest.fixture(autouse=True)
def fresh_cache():
    # Throttle counters and rendered responses live in caches; each test starts with none.
    for alias in ("default", "knowledge"):
        caches[alias].clear()
    yield
    for alias in ("default", "knowledge"):
        caches[alias].clear()


@pytest.fixture
def api():
    return APIClient()
