"""A query parameter an endpoint does not take is a 400 naming it; format, page and page_size are taken everywhere."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from rest_framework.test import APIClient

from tests.assessments.examples import SPEC_EXAMPLE
from tests.helpers import ROOT

pytestmark = pytest.mark.django_db

SCHEMA = "/api/schema/?format=json"


def operations() -> list[tuple[str, str]]:
    """Every (method, path) of the API schema, read from a schema generated here."""
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    return [(method.upper(), path) for path, item in schema["paths"].items() for method in item]


@pytest.fixture
def signed_in():
    # Staff, so that the endpoints kept for staff and researchers answer past their permission check too.
    user = get_user_model().objects.create_user("parameter-tester", password="a long enough password", is_staff=True)
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_a_typo_in_a_filter_name_is_a_400_naming_it_suggesting_the_filter_and_listing_the_others(api):
    response = api.get("/api/v1/conditions/?nerve_roots=L5")
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert (error["field"], error["code"]) == ("nerve_roots", "unknown_parameter")
    assert "Did you mean nerve_root?" in error["message"]
    for taken in ("nerve_root", "typical_root", "category", "search", "ordering", "page", "page_size", "format"):
        assert taken in error["message"]


def test_the_apps_guide_shows_the_answer_to_a_typo_as_it_is(api):
    blocks = re.findall(r"```json\n(.*?)```", (ROOT / "docs" / "apps.md").read_text(), flags=re.DOTALL)
    documented = json.loads(next(block for block in blocks if "unknown_parameter" in block))
    assert api.get("/api/v1/conditions/?nerve_roots=L5").json() == documented


def test_every_unknown_parameter_of_a_request_is_named(api):
    response = api.get("/api/v1/exercises/?suitable_for=piriformis-syndrome&colour=red&size=big")
    assert response.status_code == 400
    assert [error["field"] for error in response.json()["errors"]] == ["colour", "size"]


@pytest.mark.parametrize(("method", "path"), operations())
def test_every_endpoint_refuses_a_parameter_it_does_not_take(signed_in, method, path):
    url = path.format(code="L5", id="00000000-0000-4000-8000-000000000000")
    response = signed_in.generic(method, f"{url}?no_such_parameter=1", "{}", content_type="application/json")
    assert response.status_code == 400
    assert [(e["field"], e["code"]) for e in response.json()["errors"]] == [("no_such_parameter", "unknown_parameter")]


def test_the_operations_cover_every_kind_of_endpoint():
    paths = {path for _, path in operations()}
    assert {"/api/v1/conditions/", "/api/v1/export/", "/api/v1/assessments/", "/api/v1/auth/register/"} <= paths
    assert {"/api/v1/auth/token/", "/api/v1/account/", "/api/v1/account/data/"} <= paths


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/conditions/?format=json&page=1&page_size=5",
        "/api/v1/conditions/sciatica/?format=json&page=2&page_size=5",
        "/api/v1/export/?format=json&page=1",
        "/api/v1/assessments/?format=json&page=1&page_size=5",
        "/api/v1/account/data/?format=json&page=1",
        f"{SCHEMA}&lang=en-gb",
    ],
)
def test_format_page_and_page_size_are_taken_everywhere(signed_in, url):
    assert signed_in.get(url).status_code == 200


def test_an_assessment_posted_with_the_everywhere_parameters_is_taken(signed_in):
    assert signed_in.post("/api/v1/assessments/?format=json&page=1", SPEC_EXAMPLE, format="json").status_code == 201


def test_a_refused_parameter_is_never_cached_nor_hidden_by_a_304(api):
    first = api.get("/api/v1/nerve-roots/L5/")
    entries = len(caches["knowledge"])
    response = api.get("/api/v1/nerve-roots/L5/?colour=red", HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 400
    assert len(caches["knowledge"]) == entries


def test_a_client_not_signed_in_hears_that_before_its_parameters(api):
    response = api.get("/api/v1/assessments/?after=2026-01-01")
    assert response.status_code == 401
