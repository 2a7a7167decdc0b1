"""Review before publishing: edits in the admin wait for another clinician, then publish and version."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse
from rest_framework.test import APIClient

from conditions import models as m
from conditions.history import knowledge_state_at
from conditions.versioning import knowledge_version
from curation.models import ChangeRequest
from curation.services import AlreadyReviewed, ConflictError, change_request_approve, change_request_reject
from tests.factories import make_clinician

pytestmark = pytest.mark.django_db

FAIR = {"condition__code": "piriformis-syndrome", "test__code": "fair-test"}


def evidence_form(link, **changes):
    data = {
        "change_reason": "A change made by a test.",
        "condition": link.condition_id,
        "test": link.test_id,
        "sensitivity": link.sensitivity,
        "specificity": link.specificity,
        "lr_positive": "",
        "lr_negative": "",
        "provenance": link.provenance,
        "source": link.source_id or "",
        "rationale": link.rationale,
        "note": link.note,
    }
    return data | changes


def propose_fair_sensitivity(client, value, django_capture_on_commit_callbacks):
    """Propose a new FAIR sensitivity, as a curator estimate: the study does not report it."""
    link = m.ConditionTest.objects.get(**FAIR)
    url = reverse("admin:conditions_conditiontest_change", args=[link.pk])
    estimate = {"provenance": "curator_estimate", "source": "", "rationale": "Re-estimated for a test."}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, evidence_form(link, sensitivity=value, **estimate))
    return link, response


def api_sensitivity():
    body = APIClient().get("/api/v1/conditions/piriformis-syndrome/").json()
    return next(t["sensitivity"] for t in body["tests"] if t["code"] == "fair-test")


def test_an_editors_change_waits_for_review(editor_client, editor, django_capture_on_commit_callbacks):
    version = knowledge_version()
    link, response = propose_fair_sensitivity(editor_client, 0.8, django_capture_on_commit_callbacks)
    change_request = ChangeRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:curation_changerequest_change", args=[change_request.pk])
    assert change_request.author == editor and change_request.status == "pending"
    assert m.ConditionTest.objects.get(pk=link.pk).sensitivity == 0.88
    assert api_sensitivity() == 0.88
    assert knowledge_version() == version
    [change] = change_request.changes
    assert change["action"] == "update"
    assert (change["before"]["fields"]["sensitivity"], change["after"]["fields"]["sensitivity"]) == (0.88, 0.8)


def test_approval_publishes_moves_the_version_and_records_the_author(
    editor_client, editor, reviewer, django_capture_on_commit_callbacks
):
    link, _ = propose_fair_sensitivity(editor_client, 0.8, django_capture_on_commit_callbacks)
    version = knowledge_version()
    with django_capture_on_commit_callbacks(execute=True):
        published = change_request_approve(change_request=ChangeRequest.objects.get(), reviewer=reviewer)
    assert api_sensitivity() == 0.8
    assert knowledge_version() != version
    published.refresh_from_db()
    assert published.status == "approved" and published.reviewer == reviewer
    assert published.published_version == knowledge_version()
    latest = m.ConditionTest.objects.get(pk=link.pk).history.first()
    assert latest.history_user == editor
    assert "approved by rita-reviewer" in latest.history_change_reason


def test_an_editor_cannot_approve_their_own_change(editor_client, editor, django_capture_on_commit_callbacks):
    editor.groups.add(Group.objects.get(name="Reviewers"))  # even with the reviewer role
    propose_fair_sensitivity(editor_client, 0.8, django_capture_on_commit_callbacks)
    change_request = ChangeRequest.objects.get()
    with pytest.raises(PermissionDenied):
        change_request_approve(change_request=change_request, reviewer=editor)
    response = editor_client.post(reverse("admin:curation_changerequest_approve", args=[change_request.pk]))
    assert response.status_code == 302
    change_request.refresh_from_db()
    assert change_request.status == "pending"
    assert api_sensitivity() == 0.88
    page = editor_client.get(reverse("admin:curation_changerequest_change", args=[change_request.pk]))
    assert "Approve and publish" not in page.content.decode()
    assert "you cannot approve your own change" in page.content.decode()


def test_a_reviewer_approves_in_the_admin(client, editor_client, reviewer, django_capture_on_commit_callbacks):
    propose_fair_sensitivity(editor_client, 0.8, django_capture_on_commit_callbacks)
    change_request = ChangeRequest.objects.get()
    client.force_login(reviewer)
    page = client.get(reverse("admin:curation_changerequest_change", args=[change_request.pk])).content.decode()
    assert "Approve and publish" in page and "0.88" in page and "0.8" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("admin:curation_changerequest_approve", args=[change_request.pk]))
    assert api_sensitivity() == 0.8


def test_an_editor_without_the_reviewer_role_cannot_approve_anyones_change(
    client, editor_client, django_user_model, django_capture_on_commit_callbacks
):
    propose_fair_sensitivity(editor_client, 0.8, django_capture_on_commit_callbacks)
    client.force_login(make_clinician("other-editor", "Editors"))
    response = client.post(reverse("admin:curation_changerequest_approve", args=[ChangeRequest.objects.get().pk]))
    assert response.status_code == 403
    assert api_sensitivity() == 0.88


def test_rejection_leaves_the_knowledge_alone(editor_client, reviewer, django_capture_on_commit_callbacks):
    propose_fair_sensitivity(editor_client, 0.8, django_capture_on_commit_callbacks)
    rejected = change_request_reject(change_request=ChangeRequest.objects.get(), reviewer=reviewer, note="Source?")
    assert rejected.review_note == "Source?"
    assert rejected.status == "rejected"
    assert api_sensitivity() == 0.88
    with pytest.raises(AlreadyReviewed, match="already been decided: rejected"):
        change_request_approve(change_request=rejected, reviewer=reviewer)


def test_a_second_overlapping_proposal_is_refused_with_a_link_to_the_first(
    editor_client, client, django_user_model, django_capture_on_commit_callbacks
):
    propose_fair_sensitivity(editor_client, 0.8, django_capture_on_commit_callbacks)
    first = ChangeRequest.objects.get()
    client.force_login(make_clinician("second-editor", "Editors"))
    _, response = propose_fair_sensitivity(client, 0.7, django_capture_on_commit_callbacks)
    assert ChangeRequest.objects.count() == 1  # refused, not stacked
    assert response.url == reverse("admin:curation_changerequest_change", args=[first.pk])
    page = client.get(response.url)
    assert f"already awaiting review (change request #{first.pk})" in page.content.decode()


def test_opening_a_record_with_a_pending_change_shows_a_notice(
    editor_client, client, django_user_model, django_capture_on_commit_callbacks
):
    propose_fair_sensitivity(editor_client, 0.8, django_capture_on_commit_callbacks)
    first = ChangeRequest.objects.get()
    client.force_login(make_clinician("second-editor", "Editors"))
    link = m.ConditionTest.objects.get(**FAIR)
    page = client.get(reverse("admin:conditions_conditiontest_change", args=[link.pk])).content.decode()
    assert "A change to this record is awaiting review" in page
    assert reverse("admin:curation_changerequest_change", args=[first.pk]) in page


def test_a_stale_proposal_is_refused_as_a_conflict(editor_client, reviewer, django_capture_on_commit_callbacks):
    propose_fair_sensitivity(editor_client, 0.8, django_capture_on_commit_callbacks)
    proposal = ChangeRequest.objects.get()
    m.ConditionTest.objects.filter(**FAIR).update(sensitivity=0.7)  # published meanwhile by another route
    with pytest.raises(ConflictError):
        change_request_approve(change_request=proposal, reviewer=reviewer)
    proposal.refresh_from_db()
    assert proposal.status == "pending"  # the claim was rolled back with the failed apply


def test_deleting_in_the_admin_is_proposed_too(editor_client, reviewer, django_capture_on_commit_callbacks):
    link = m.ConditionTest.objects.get(**FAIR)
    url = reverse("admin:conditions_conditiontest_delete", args=[link.pk])
    editor_client.post(url, {"post": "yes", "change_reason": "A duplicate of another record."})
    assert m.ConditionTest.objects.filter(pk=link.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        change_request_approve(change_request=ChangeRequest.objects.get(), reviewer=reviewer)
    assert not m.ConditionTest.objects.filter(pk=link.pk).exists()


def test_a_new_record_is_proposed_and_created_on_approval(editor_client, reviewer, django_capture_on_commit_callbacks):
    url = reverse("admin:conditions_symptom_add")
    data = {
        "code": "pain-on-tiptoe",
        "name": "Pain standing on tiptoe",
        "summary": "Made up for a test.",
        "question": "Does standing on tiptoe hurt?",
        "change_reason": "Patients describe it.",
    }
    assert editor_client.post(url, data).status_code == 302
    assert not m.Symptom.objects.filter(code="pain-on-tiptoe").exists()
    change_request = ChangeRequest.objects.get()
    assert change_request.changes[0]["action"] == "create"
    with django_capture_on_commit_callbacks(execute=True):
        change_request_approve(change_request=change_request, reviewer=reviewer)
    assert m.Symptom.objects.get(code="pain-on-tiptoe").question == "Does standing on tiptoe hurt?"


def test_validation_speaks_clinically_and_proposes_nothing(editor_client):
    link = m.ConditionTest.objects.get(**FAIR)
    url = reverse("admin:conditions_conditiontest_change", args=[link.pk])
    page = editor_client.post(url, evidence_form(link, specificity=1.2)).content.decode()
    assert "Specificity is a proportion between 0 and 1" in page
    estimate = evidence_form(link, provenance="curator_estimate", rationale="")
    assert "A curator estimate needs a one-line rationale" in editor_client.post(url, estimate).content.decode()
    assert not ChangeRequest.objects.exists()


def test_the_published_state_at_an_old_version_is_rebuilt_from_history(
    editor_client, reviewer, django_capture_on_commit_callbacks
):
    old_version = knowledge_version()
    propose_fair_sensitivity(editor_client, 0.8, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        new_version = change_request_approve(change_request=ChangeRequest.objects.get(), reviewer=reviewer)
    link = m.ConditionTest.objects.get(**FAIR)

    def fair_at(version):
        rows = knowledge_state_at(version)["conditions.ConditionTest"]
        return next(row["fields"]["sensitivity"] for row in rows if row["pk"] == link.pk)

    assert fair_at(old_version) == 0.88
    new_version.refresh_from_db()
    assert fair_at(new_version.published_version) == 0.8
    out = io.StringIO()
    call_command("knowledge_at_version", old_version, stdout=out)
    assert '"sensitivity": 0.88' in out.getvalue()


def test_every_change_shows_in_the_record_history_page(editor_client, reviewer, django_capture_on_commit_callbacks):
    link, _ = propose_fair_sensitivity(editor_client, 0.8, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        change_request_approve(change_request=ChangeRequest.objects.get(), reviewer=reviewer)
    page = editor_client.get(reverse("admin:conditions_conditiontest_history", args=[link.pk])).content.decode()
    assert "edna-editor" in page
    assert "approved by rita-reviewer" in page


def test_reverting_from_history_is_proposed_for_review(editor_client, reviewer, django_capture_on_commit_callbacks):
    link, _ = propose_fair_sensitivity(editor_client, 0.8, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        change_request_approve(change_request=ChangeRequest.objects.get(), reviewer=reviewer)
    loaded = link.history.order_by("history_date").first()
    url = reverse("admin:conditions_conditiontest_simple_history", args=[link.pk, loaded.history_id])
    editor_client.post(url, evidence_form(link, sensitivity=0.88))
    assert m.ConditionTest.objects.get(pk=link.pk).sensitivity == 0.8
    assert ChangeRequest.objects.filter(status="pending").count() == 1


def test_pending_changes_are_listed_for_review_and_flag_their_records(
    client, editor_client, reviewer, django_capture_on_commit_callbacks
):
    propose_fair_sensitivity(editor_client, 0.8, django_capture_on_commit_callbacks)
    client.force_login(reviewer)
    listing = client.get(reverse("admin:curation_pendingchangerequest_changelist")).content.decode()
    assert "piriformis" in listing.lower() or "conditiontest" in listing.lower()
    flagged = client.get(reverse("admin:conditions_condition_changelist"), {"review": "pending"}).content.decode()
    assert "piriformis-syndrome" in flagged and "sciatica" not in flagged


def test_a_change_to_the_prior_alone_shows_only_the_prior_as_changed(editor, reviewer):
    from curation.capture import proposed_changes
    from curation.services import change_request_submit

    with proposed_changes() as proposal:
        condition = m.Condition.objects.get(code="hip-osteoarthritis")
        condition.prior = 0.05
        condition.save()
    change_request = change_request_submit(author=editor, changes=proposal["changes"], reason="A test.")
    change_request_approve(change_request=change_request, reviewer=reviewer)
    new, old = m.Condition.objects.get(code="hip-osteoarthritis").history.order_by("-history_date", "-history_id")[:2]
    assert [change.field for change in new.diff_against(old).changes] == ["prior"]


def test_an_approved_evidence_change_appears_on_its_conditions_history(
    editor_client, reviewer, client, django_capture_on_commit_callbacks
):
    propose_fair_sensitivity(editor_client, 0.8, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        change_request_approve(change_request=ChangeRequest.objects.get(), reviewer=reviewer)
    client.force_login(reviewer)
    condition = m.Condition.objects.get(code="piriformis-syndrome")
    page = client.get(reverse("admin:conditions_condition_history", args=[condition.pk])).content.decode()
    assert "Changes to linked records" in page
    assert "approved by" in page and "FAIR" in page


def test_creating_the_same_record_twice_never_gives_a_500(editor_client, client, reviewer, django_user_model):
    url = reverse("admin:conditions_symptom_add")
    form = {"code": "hiccups", "name": "Hiccups", "summary": "Fake.", "question": "", "minimum_triage": "", "note": ""}
    form["change_reason"] = "A symptom the knowledge lacks."
    first = editor_client.post(url, form)
    assert first.status_code == 302 and ChangeRequest.objects.count() == 1
    client.force_login(make_clinician("second-editor", "Editors"))
    second = client.post(url, form)
    assert second.status_code == 302 and ChangeRequest.objects.count() == 1  # refused: the same new record
    change_request_approve(change_request=ChangeRequest.objects.get(), reviewer=reviewer)
    third = client.post(url, form)
    assert third.status_code == 200 and "already exists" in third.content.decode()


def test_approving_a_change_that_names_a_deleted_record_is_a_conflict_not_a_500(editor, reviewer):
    from curation.capture import proposed_changes
    from curation.services import change_request_submit

    with proposed_changes() as proposal:
        symptom = m.Symptom.objects.create(code="zz-new", name="New", summary="Fake.")
        m.ConditionSymptom.objects.create(
            condition=m.Condition.objects.get(code="sciatica"), symptom=symptom, sensitivity=0.5,
            provenance="curator_estimate", rationale="Fake.",
        )  # fmt: skip
    link_only = [change for change in proposal["changes"] if change["model"] == "conditions.ConditionSymptom"]
    # The symptom itself was never published.
    request = change_request_submit(author=editor, changes=link_only, reason="A test.")
    with pytest.raises(ConflictError, match="no longer exists"):
        change_request_approve(change_request=request, reviewer=reviewer)
    request.refresh_from_db()
    assert request.status == "pending"
