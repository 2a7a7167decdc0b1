"""The clinicians' workspace: a home page with what awaits them, lists without link tables, clinicians-only filters,
derived likelihood ratios and help that shows."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from conditions import models as m
from curation.admin.inlines import likelihood_ratios
from curation.capture import proposed_changes
from curation.services import change_request_approve, change_request_submit
from tests.factories import make_clinician

pytestmark = pytest.mark.django_db

HOME = "/admin/"


def propose_prior(author, prior):
    with proposed_changes() as proposal:
        condition = m.Condition.objects.get(code="hip-osteoarthritis")
        condition.prior = prior
        condition.save()
    return change_request_submit(author=author, changes=proposal["changes"], reason="Newer figures.")


def test_the_home_page_counts_what_awaits_a_reviewer_and_their_own_requests(client, editor, reviewer):
    propose_prior(editor, 0.07)
    with proposed_changes() as proposal:
        symptom = m.Symptom.objects.get(code="fever")
        symptom.question = "Have you had a temperature?"
        symptom.save()
    change_request_submit(author=reviewer, changes=proposal["changes"], reason="Plainer words.")
    client.force_login(reviewer)
    page = client.get(HOME).content.decode()
    assert "<strong>1</strong>change awaits your review" in page  # the editor's, not the reviewer's own
    assert "Your <strong>1</strong>open request" in page
    client.force_login(editor)
    page = client.get(HOME).content.decode()
    assert "<strong>1</strong>change awaits a reviewer" in page and "Your <strong>1</strong>open request" in page


def test_a_change_a_reviewer_approved_first_no_longer_counts_for_them(client, editor, reviewer):
    with proposed_changes() as proposal:
        flag = m.RedFlag.objects.get(code="suspected-aortic-aneurysm")
        flag.urgency = "routine"
        flag.save()
    request = change_request_submit(author=editor, changes=proposal["changes"], reason="A test.")
    change_request_approve(change_request=request, reviewer=reviewer)  # unsafe: the first of two approvals
    client.force_login(reviewer)
    assert "<strong>0</strong>changes await your review" in client.get(HOME).content.decode()


def test_the_home_page_groups_what_clinicians_use_and_leaves_link_tables_to_their_parents(client, editor):
    client.force_login(editor)
    page = client.get(HOME).content.decode()
    for group in ("Conditions and findings", "Safety", "Care", "Evidence", "Anatomy", "Curation"):
        assert f"<caption>{group}</caption>" in page
    for model in (m.Condition, m.Symptom, m.ClinicalTest, m.RedFlag, m.Treatment, m.Exercise, m.Source):
        assert reverse(f"admin:conditions_{model._meta.model_name}_changelist") in page
    for link in (m.ConditionTest, m.ConditionSymptom, m.Dermatome, m.TriggerCriterion, m.ConditionModifier):
        assert reverse(f"admin:conditions_{link._meta.model_name}_changelist") not in page  # home and sidebar
    app_index = client.get(reverse("admin:app_list", args=["conditions"])).content.decode()
    assert reverse("admin:conditions_conditiontest_changelist") not in app_index
    assert "Administration" not in page


def test_an_administrator_also_sees_the_link_tables_and_the_accounts(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ada", "ada@example.invalid", "not-a-password-1"))
    page = client.get(HOME).content.decode()
    assert 'id="administration"' in page
    assert reverse("admin:conditions_conditiontest_changelist") in page
    assert reverse("admin:auth_user_changelist") in page


def test_the_author_filter_lists_clinicians_never_app_users(client, editor, reviewer):
    get_user_model().objects.create_user("app-user-anna", password="not-a-real-password")
    former = make_clinician("former-staff", "Editors")
    former.is_staff = False  # left: no longer signs in to the admin
    former.save()
    propose_prior(editor, 0.07)
    client.force_login(reviewer)
    for name in ("changerequest", "pendingchangerequest"):
        page = client.get(reverse(f"admin:curation_{name}_changelist")).content.decode()
        assert "edna-editor" in page and "rita-reviewer" in page
        assert "app-user-anna" not in page and "former-staff" not in page


def test_likelihood_ratios_are_derived_from_sensitivity_and_specificity():
    assert likelihood_ratios(0.88, 0.83) == "LR+ 5.18 · LR- 0.14"
    assert likelihood_ratios(0.5, 0.99) == "LR+ 50.0 · LR- 0.51"
    assert likelihood_ratios(0.9, 1.0) == "LR+ — · LR- 0.10"
    assert likelihood_ratios(None, 0.8) == "LR+ — · LR- —"


def test_the_evidence_rows_show_derived_ratios_from_a_script_file_and_their_help_under_each_field(editor_client):
    condition = m.Condition.objects.get(code="piriformis-syndrome")
    page = editor_client.get(reverse("admin:conditions_condition_change", args=[condition.pk])).content.decode()
    assert '<output class="derived-ratios">LR+ 5.18 · LR- 0.14</output>' in page  # FAIR: 0.88 and 0.83
    assert '<script src="/static/curation/derived-ratios.js"></script>' in page
    assert "<script>" not in page  # no inline script: the Content-Security-Policy allows none
    help_text = m.ConditionTest._meta.get_field("sensitivity").help_text
    records = condition.test_links.count() + condition.symptom_links.count()
    assert page.count(f"<div>{help_text}</div>") == records + 2  # each record, and each group's blank one
    assert f'title="{help_text}"' not in page


def test_a_red_flag_page_links_to_its_triggers(editor_client):
    flag = m.RedFlag.objects.get(code="cauda-equina")
    page = editor_client.get(reverse("admin:conditions_redflag_change", args=[flag.pk])).content.decode()
    for trigger in flag.triggers.all():
        assert reverse("admin:conditions_redflagtrigger_change", args=[trigger.pk]) in page
    assert f"{reverse('admin:conditions_redflagtrigger_add')}?red_flag={flag.pk}" in page
