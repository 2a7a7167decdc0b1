"""The OpenAPI schema generates with no warnings and the interactive docs need no CDN."""

import re

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_schema_generates_with_no_warnings(tmp_path):
    call_command("spectacular", "--fail-on-warn", "--validate", "--file", str(tmp_path / "schema.yaml"))
    schema = (tmp_path / "schema.yaml").read_text()
    assert "/api/v1/nerve-roots/{code}/" in schema
    assert "/api/v1/export/" in schema


def test_schema_documents_filters_and_errors(api):
    schema = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    conditions = schema["paths"]["/api/v1/conditions/"]["get"]
    names = {p["name"] for p in conditions["parameters"]}
    assert {"nerve_root", "nerve", "region", "symptom", "test", "category", "red_flag", "search", "ordering"} <= names
    assert {"400", "404", "429"} <= set(conditions["responses"])


def test_schema_documents_the_page_size_range_on_lists(api):
    schema = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    parameters = {p["name"]: p["schema"] for p in schema["paths"]["/api/v1/symptoms/"]["get"]["parameters"]}
    assert parameters["page_size"] == {"type": "integer", "minimum": 1, "maximum": 200, "default": 50}
    assert parameters["page"] == {"type": "integer", "minimum": 1}


def test_schema_enumerates_the_fixed_vocabularies_of_an_assessment_and_points_to_the_curated_codes(api):
    schemas = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()["components"]["schemas"]
    enum = {name: set(schema["enum"]) for name, schema in schemas.items() if "enum" in schema}
    request = schemas["AssessmentRequest"]["properties"]
    assert enum["SideEnum"] == {"left", "right", "both"}
    assert enum["SensoryChangeKindEnum"] == {"numbness", "tingling"}
    assert {"normal", "reduced", "absent", "brisk"} <= enum["StatusEnum"]
    assert set(request["tests"]["additionalProperties"]["enum"]) == {"positive", "negative"}
    assert schemas["ReflexRequest"]["properties"]["status"] == {"$ref": "#/components/schemas/StatusEnum"}
    for component, field, listed in [
        ("PainRegionRequest", "region", "body-regions"),
        ("WeaknessRequest", "action", "muscle-actions"),
        ("ReflexRequest", "reflex", "reflexes"),
    ]:
        assert f"GET /api/v1/{listed}/" in schemas[component]["properties"][field]["description"]
    assert "GET /api/v1/symptoms/" in request["symptoms"]["description"]
    assert "GET /api/v1/clinical-tests/" in request["tests"]["description"]


def test_the_schema_takes_a_known_language_and_refuses_any_other(api):
    assert api.get("/api/schema/?lang=en-gb").status_code == 200
    response = api.get("/api/schema/?lang=xx-nowhere")
    assert response.status_code == 400
    assert response.json()["errors"][0] == {
        "field": "lang",
        "code": "invalid_choice",
        "message": "Give one of the languages: en, tr.",
    }


def test_docs_page_loads_its_assets_from_this_server(client):
    page = client.get("/api/docs/").content.decode()
    assert "swagger-ui" in page
    external = [src for src in re.findall(r'(?:src|href)="([^"]+)"', page) if src.startswith(("http:", "https:", "//"))]
    assert external == []
