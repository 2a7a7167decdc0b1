"""The benchmark is opt-in: its baseline URL and scale-data command exist only under bench.settings."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from assessments.models import Assessment
from conditions import models as m

ROOT = Path(__file__).resolve().parents[2]

# Run in a fresh interpreter: this test process may have imported the benchmark already.
PROBE = """
import json, sys
import django
django.setup()
from django.conf import settings
from django.core.management import get_commands
from django.urls import Resolver404, resolve
import refpain.urls
try:
    resolve("/bench/baseline/1/")
    baseline = 200
except Resolver404:
    baseline = 404
print(json.dumps({
    "modules": sorted(name for name in sys.modules if "bench" in name),
    "apps": settings.INSTALLED_APPS,
    "scale_command": get_commands().get("generate_scale_data"),
    "baseline": baseline,
}))
"""


def probe(settings_module: str) -> dict:
    # BENCHMARK_BASELINE was the production switch for the baseline URL: nothing may turn it on any more.
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings_module, "BENCHMARK_BASELINE": "1"}
    output = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True)
    assert output.returncode == 0, output.stderr
    return json.loads(output.stdout)


def test_production_settings_import_nothing_of_the_benchmark():
    production = probe("refpain.settings")
    assert production["modules"] == []
    assert "bench" not in production["apps"]
    assert production["scale_command"] is None
    assert production["baseline"] == 404


def test_the_benchmark_settings_add_the_baseline_and_the_scale_data_command():
    benchmark = probe("bench.settings")
    assert benchmark["apps"][-1] == "bench"
    assert benchmark["scale_command"] == "bench"
    assert benchmark["baseline"] == 200


@pytest.mark.django_db
def test_the_baseline_url_is_not_found_in_production(client):
    region = m.BodyRegion.objects.order_by("pk").first()
    response = client.get(f"/bench/baseline/{region.pk}/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


@pytest.mark.django_db
def test_the_baseline_answers_one_row_by_primary_key_under_the_benchmark_urls(client, settings):
    settings.ROOT_URLCONF = "bench.urls"
    region = m.BodyRegion.objects.order_by("pk").first()
    row = client.get(f"/bench/baseline/{region.pk}/").json()
    assert row == {"id": region.pk, "code": region.code, "name": region.name}
    missing = client.get("/bench/baseline/999999/")
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"


@pytest.mark.django_db
def test_the_scale_data_command_adds_synthetic_knowledge_and_assessments(settings):
    settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, "bench"]
    conditions, assessments = m.Condition.objects.count(), Assessment.objects.count()
    call_command("generate_scale_data", factor=1, assessments=20, stdout=io.StringIO(), stderr=io.StringIO())
    assert m.Condition.objects.filter(code__startswith="synthetic-").count() == conditions
    assert Assessment.objects.count() == assessments + 20
