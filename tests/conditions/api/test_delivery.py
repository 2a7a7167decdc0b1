"""Delivery details mobile apps rely on: compression, static docs assets, token sign-in."""

import pytest

pytestmark = pytest.mark.django_db


def test_large_responses_are_gzipped_for_clients_that_accept_it(api):
    response = api.get("/api/v1/export/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"


def test_the_docs_assets_are_served_by_the_app_itself(client):
    page = client.get("/api/docs/").content.decode()
    bundle = next(src for src in page.split('"') if src.endswith("swagger-ui-bundle.js"))
    response = client.get(bundle)
    assert response.status_code == 200
    assert int(response["Content-Length"]) > 100_000


def test_a_mobile_app_signs_in_with_a_token_and_lists_its_assessments(api, django_user_model):
    django_user_model.objects.create_user("app-user", password="not-a-real-password")
    token = api.post(
        "/api/v1/auth/token/", {"username": "app-user", "password": "not-a-real-password"}, format="json"
    ).json()["token"]
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    created = api.post("/api/v1/assessments/", {"age": 30, "symptoms": {"back-pain": True}}, format="json")
    assert created.status_code == 201
    assert [item["id"] for item in api.get("/api/v1/assessments/").json()["results"]] == [created.json()["id"]]
