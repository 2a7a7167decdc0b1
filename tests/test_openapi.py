"""The OpenAPI schema an app developer can trust: its examples succeed when sent, its component names read
well as generated classes, every query parameter says what it takes, and a condition's fields are described."""

import json
import re
import shlex

import pytest
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from assessments.api.examples import EXAMPLE_ASSESSMENT
from tests.helpers import DOCUMENTS, shell_blocks

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schema() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


def request_examples(schema: dict) -> list[tuple[str, str, str, dict]]:
    """Every request body example: (path, method, its name, its value), sign-up before sign-in."""
    examples = [
        (path, method, name, example["value"])
        for path, item in schema["paths"].items()
        for method, operation in item.items()
        for content in operation.get("requestBody", {}).get("content", {}).values()
        for name, example in content.get("examples", {}).items()
    ]
    return sorted(examples, key=lambda example: example[0] != "/api/v1/auth/register/")


def test_every_request_example_in_the_schema_succeeds_when_sent(schema):
    examples = request_examples(schema)
    assert {path for path, *_ in examples} >= {"/api/v1/assessments/", "/api/v1/auth/register/", "/api/v1/auth/token/"}
    client = APIClient()
    for path, method, name, value in examples:
        response = client.generic(method.upper(), path, json.dumps(value), content_type="application/json")
        assert 200 <= response.status_code < 300, (path, name, response.content)


def documented_assessments() -> list[dict]:
    """The assessment bodies the README and docs/ post, by their first field (the accounts flow's is short)."""
    bodies = []
    for document in DOCUMENTS:
        for block in shell_blocks(document.read_text()):
            words = shlex.split(block) if "/api/v1/assessments/ -H 'Content-Type" in block else []
            bodies += [json.loads(words[i + 1]) for i, word in enumerate(words) if word == "-d"]
    return bodies


def test_the_example_assessment_of_the_schema_is_the_one_the_readme_and_the_apps_guide_post(schema):
    operation = schema["paths"]["/api/v1/assessments/"]["post"]
    [example] = operation["requestBody"]["content"]["application/json"]["examples"].values()
    assert example["value"] == EXAMPLE_ASSESSMENT
    assert documented_assessments().count(EXAMPLE_ASSESSMENT) >= 2  # the README's tour and docs/apps.md


def test_no_component_name_doubles_its_last_word(schema):
    doubled = [name for name in schema["components"]["schemas"] if re.search(r"([A-Z][a-z]+)\1$", name)]
    assert doubled == []
    assert {"AssessmentRequest", "AssessmentResult", "PaginatedConditionList"} <= set(schema["components"]["schemas"])


def test_every_query_parameter_is_described_with_its_values_its_pattern_or_its_type(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            for parameter in operation.get("parameters", []):
                if parameter["in"] != "query":
                    continue
                values = parameter["schema"].get("items", parameter["schema"])
                where = f"{method} {path} ?{parameter['name']}"
                assert parameter.get("description"), where
                if parameter["name"] == "search":  # free text, which its description explains
                    continue
                typed = values["type"] in ("integer", "boolean") or values.get("format") in ("date", "date-time")
                assert "enum" in values or "pattern" in values or typed, where


def test_a_conditions_role_care_level_upper_motor_neurone_and_prior_are_described(schema):
    detail = schema["components"]["schemas"]["ConditionDetail"]["properties"]
    for field in ("role", "care_level", "upper_motor_neurone", "prior"):
        assert detail[field].get("description"), field
    assert "primary care" in detail["prior"]["description"]
    assert "role" in schema["components"]["schemas"]["ConditionList"]["properties"]
