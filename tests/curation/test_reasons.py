"""Every change says why: the author's reason on submission, the reviewer's note on approval and rejection."""

import pytest
from django.urls import reverse

from conditions import models as m
from curation.capture import proposed_changes
from curation.models import ChangeRequest
from curation.services import MissingReason, change_request_approve, change_request_reject, change_request_submit

pytestmark = pytest.mark.django_db


def symptom_form(**changes):
    symptom = m.Symptom.objects.get(code="pain-at-night")
    data = {
        "name": symptom.name,
        "summary": symptom.summary,
        "question": "Does the pain wake you at night?",
        "minimum_triage": symptom.minimum_triage,
        "evidence_group": symptom.evidence_group,
        "note": symptom.note,
        "curation_note": symptom.curation_note,
    }
    return symptom, data | changes


def submit_question(client, reason: str):
    symptom, data = symptom_form(change_reason=reason)
    return client.post(reverse("admin:conditions_symptom_change", args=[symptom.pk]), data)


def fair_link():
    return m.ConditionTest.objects.filter(condition__code="piriformis-syndrome", test__code="fair-test").first()


def propose_prior(editor, reason="Newer figures."):
    with proposed_changes() as proposal:
        condition = m.Condition.objects.get(code="hip-osteoarthritis")
        condition.prior = 0.07
        condition.save()
    return change_request_submit(author=editor, changes=proposal["changes"], reason=reason)


def test_a_change_without_a_reason_is_refused_on_the_form_and_nothing_is_submitted(editor_client):
    response = submit_question(editor_client, "  ")
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["change_reason"] == [
        "Say why you make this change: the reviewer reads it first."
    ]
    assert 'name="change_reason"' in response.content.decode()  # asked beside the submit button, with the error
    assert not ChangeRequest.objects.exists()


def test_every_submit_page_asks_why(editor_client):
    symptom = m.Symptom.objects.get(code="pain-at-night")
    for url in (
        reverse("admin:conditions_symptom_change", args=[symptom.pk]),
        reverse("admin:conditions_symptom_add"),
        reverse("admin:conditions_conditiontest_delete", args=[fair_link().pk]),
        reverse("admin:conditions_condition_change", args=[m.Condition.objects.get(code="sciatica").pk]),
    ):
        page = editor_client.get(url).content.decode()
        assert page.count('name="change_reason"') == 1, url
        assert "Why this change" in page


def test_the_reason_is_stored_and_shown_to_the_reviewer(editor_client, client, reviewer):
    assert submit_question(editor_client, "Patients understand it better.").status_code == 302
    change_request = ChangeRequest.objects.get()
    assert change_request.reason == "Patients understand it better."
    client.force_login(reviewer)
    page = client.get(reverse("admin:curation_changerequest_change", args=[change_request.pk])).content.decode()
    assert "Why this change" in page and "Patients understand it better." in page


def test_a_deletion_without_a_reason_submits_nothing_and_says_why(editor_client):
    url = reverse("admin:conditions_conditiontest_delete", args=[fair_link().pk])
    response = editor_client.post(url, {"post": "yes"}, follow=True)
    assert not ChangeRequest.objects.exists()
    assert "Nothing was submitted. Say why you make this change" in response.content.decode()
    editor_client.post(url, {"post": "yes", "change_reason": "The test is not specific to piriformis syndrome."})
    assert ChangeRequest.objects.get().reason == "The test is not specific to piriformis syndrome."
    assert fair_link() is not None  # proposed, not deleted


def test_the_service_refuses_a_blank_reason(editor):
    with pytest.raises(MissingReason):
        propose_prior(editor, reason=" \n ")
    assert not ChangeRequest.objects.exists()


def test_the_history_keeps_the_reason_and_the_reviewers_note_in_full(editor, reviewer):
    reason = "The 2019 national audit puts it higher in people over 60. " * 3  # longer than a short text field
    change_request = propose_prior(editor, reason=reason.strip())
    approved = change_request_approve(change_request=change_request, reviewer=reviewer, note="Agreed; cite it next.")
    assert approved.status == "approved" and approved.review_note == "Agreed; cite it next."
    entry = m.Condition.objects.get(code="hip-osteoarthritis").history.first()
    assert entry.history_change_reason == (
        f"Change request #{change_request.pk}, approved by rita-reviewer. Why: {reason.strip()} "
        "Reviewer's note: Agreed; cite it next."
    )


def test_a_rejection_needs_a_note_for_the_author(editor, reviewer, client):
    change_request = propose_prior(editor)
    with pytest.raises(MissingReason):
        change_request_reject(change_request=change_request, reviewer=reviewer, note="")
    client.force_login(reviewer)
    url = reverse("admin:curation_changerequest_reject", args=[change_request.pk])
    page = client.post(url, {"note": ""}, follow=True).content.decode()
    assert "Say why you reject the change" in page
    change_request.refresh_from_db()
    assert change_request.status == "pending"
    client.post(url, {"note": "Which study says so?"})
    change_request.refresh_from_db()
    assert (change_request.status, change_request.review_note) == ("rejected", "Which study says so?")


def test_an_approval_note_from_the_page_is_stored(editor, reviewer, client):
    change_request = propose_prior(editor)
    client.force_login(reviewer)
    client.post(reverse("admin:curation_changerequest_approve", args=[change_request.pk]), {"note": "Fine by me."})
    change_request.refresh_from_db()
    assert (change_request.status, change_request.review_note) == ("approved", "Fine by me.")
