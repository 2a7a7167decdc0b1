"""Fuzzing the API against its own OpenAPI schema (schemathesis): valid and invalid requests alike
get answers the schema describes, never a server error, and invalid data is rejected."""

import pytest
import schemathesis
from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle, SimpleRateThrottle
from schemathesis.checks import positive_data_acceptance

from refpain.wsgi import application

pytestmark = pytest.mark.fuzz

EXAMPLES_PER_OPERATION = 12  # bounded, so CI stays quick; raise it locally for a longer hunt


@pytest.fixture
def api_schema(db, monkeypatch):
    # Fuzzing sends far more requests than a client may: lift the rate limits for it.
    for throttle in (SimpleRateThrottle, AnonRateThrottle, ScopedRateThrottle):
        monkeypatch.setattr(
            throttle, "THROTTLE_RATES", dict.fromkeys(["anon", "user", "assessments", "interview", "sign_in"])
        )
    for alias in ("default", "knowledge"):
        caches[alias].clear()
    # Requests go straight to the WSGI app: like Django's test client, keep the test's database
    # connection open between them.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/schema/", application)
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
# Derandomised: CI explores the same examples each run, so a failure is reproducible.
@settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_the_api_keeps_to_its_schema(case):
    # The WSGI transport does not undo gzip, so ask for plain bodies. Schema-valid requests may still be
    # refused for what they name (an unknown symptom code, wrong credentials): that is knowledge, not shape.
    case.call_and_validate(headers={"Accept-Encoding": "identity"}, excluded_checks=[positive_data_acceptance])
