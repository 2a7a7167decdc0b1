"""Curators can open every admin page; the condition page edits its evidence inline."""

import pytest
from django.contrib import admin
from django.urls import reverse

from conditions import kinds
from conditions import models as m
from curation.models import ChangeRequest

pytestmark = pytest.mark.django_db

KNOWLEDGE_MODELS = [*kinds.KNOWLEDGE_MODELS, m.KnowledgeVersion]


@pytest.fixture
def curator_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("curator", "curator@example.invalid", "not-a-real-password")
    client.force_login(user)
    return client


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_every_knowledge_model_is_in_the_admin():
    assert set(kinds.KNOWLEDGE_MODELS) | {ChangeRequest, m.KnowledgeVersion} <= set(admin.site._registry)


@pytest.mark.parametrize("model", KNOWLEDGE_MODELS, ids=lambda model: model.__name__)
def test_changelist_and_change_pages_open(curator_client, model):
    assert curator_client.get(admin_url(model, "changelist")).status_code == 200
    assert curator_client.get(admin_url(model, "changelist"), {"q": "l5"}).status_code == 200
    obj = model._default_manager.first()
    assert curator_client.get(admin_url(model, "change", obj.pk)).status_code == 200


def test_condition_page_shows_its_evidence_links_inline(curator_client):
    condition = m.Condition.objects.get(code="lumbar-disc-herniation")
    slr = condition.test_links.get(test__code="straight-leg-raise")
    page = curator_client.get(admin_url(m.Condition, "change", condition.pk)).content.decode()
    assert "test_links-TOTAL_FORMS" in page
    assert "symptom_links-TOTAL_FORMS" in page
    assert f'value="{slr.sensitivity}"' in page


def test_condition_changelist_filters_by_nerve_root(curator_client):
    l3 = m.NerveRoot.objects.get(code="L3")
    page = curator_client.get(admin_url(m.Condition, "changelist"), {"nerve_roots__id__exact": l3.pk})
    assert "femoral-nerve-impingement" in page.content.decode()


def test_a_published_code_cannot_be_edited(curator_client):
    condition = m.Condition.objects.get(code="sciatica")
    page = curator_client.get(admin_url(m.Condition, "change", condition.pk)).content.decode()
    assert 'name="code"' not in page
    assert 'name="code"' in curator_client.get(admin_url(m.Condition, "add")).content.decode()


def test_a_change_requests_old_admin_address_redirects_to_its_new_one(curator_client):
    response = curator_client.get("/admin/conditions/changerequest/7/change/?from=mail")
    assert response.status_code == 301
    assert response["Location"] == "/admin/curation/changerequest/7/change/?from=mail"
