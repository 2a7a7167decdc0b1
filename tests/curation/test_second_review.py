"""A change that lowers a reference case below its safe triage is published only on a second approval.

Enforced by the service, whatever page (or none) asks for the approval; the suite runs these on PostgreSQL.
"""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import reverse

from conditions import models as m
from conditions.versioning import knowledge_version
from curation.capture import proposed_changes
from curation.models import ChangeRequest
from curation.services import change_request_approve, change_request_reject, change_request_submit
from tests.factories import make_clinician

pytestmark = pytest.mark.django_db

FLAG = "suspected-aortic-aneurysm"


def urgency() -> str:
    return m.RedFlag.objects.get(code=FLAG).urgency


def propose_urgency(editor, level: str, code: str = FLAG) -> ChangeRequest:
    with proposed_changes() as proposal:
        flag = m.RedFlag.objects.get(code=code)
        flag.urgency = level
        flag.save()
    return change_request_submit(author=editor, changes=proposal["changes"], reason="It over-calls back pain.")


@pytest.fixture
def second_reviewer(db):
    return make_clinician("sam-second", "Reviewers")


def test_the_first_approval_of_an_unsafe_change_publishes_nothing(editor, reviewer):
    version = knowledge_version()
    decided = change_request_approve(
        change_request=propose_urgency(editor, "routine"), reviewer=reviewer, note="Looks right."
    )
    assert decided.status == "pending"
    assert (decided.first_reviewer, decided.first_review_note) == (reviewer, "Looks right.")
    assert urgency() == "emergency" and knowledge_version() == version


def test_a_second_reviewer_publishes_it_and_the_history_names_both(editor, reviewer, second_reviewer):
    change_request = propose_urgency(editor, "routine")
    change_request_approve(change_request=change_request, reviewer=reviewer)
    published = change_request_approve(change_request=change_request, reviewer=second_reviewer, note="Agreed.")
    assert (published.status, published.reviewer, published.first_reviewer) == ("approved", second_reviewer, reviewer)
    assert urgency() == "routine"
    reason = m.RedFlag.objects.get(code=FLAG).history.first().history_change_reason
    assert reason.startswith(f"Change request #{change_request.pk}, approved by rita-reviewer and sam-second.")


def test_the_first_reviewer_cannot_approve_twice(editor, reviewer):
    change_request = propose_urgency(editor, "routine")
    change_request_approve(change_request=change_request, reviewer=reviewer)
    with pytest.raises(PermissionDenied, match="a second reviewer decides it now"):
        change_request_approve(change_request=ChangeRequest.objects.get(pk=change_request.pk), reviewer=reviewer)
    assert urgency() == "emergency"


def test_an_administrator_publishes_an_unsafe_change_alone(editor, django_user_model):
    admin = django_user_model.objects.create_superuser("ada-admin", "ada@example.invalid", "not-a-real-password")
    published = change_request_approve(change_request=propose_urgency(editor, "routine"), reviewer=admin)
    assert published.status == "approved" and published.first_reviewer is None
    assert urgency() == "routine"


def test_a_change_that_keeps_every_case_safe_needs_one_approval(editor, reviewer):
    raised = propose_urgency(editor, "emergency", code="suspected-stress-fracture")  # a higher triage is never unsafe
    published = change_request_approve(change_request=raised, reviewer=reviewer)
    assert published.status == "approved" and published.first_reviewer is None


def test_a_first_approval_can_still_end_in_a_rejection(editor, reviewer, second_reviewer):
    change_request = propose_urgency(editor, "routine")
    change_request_approve(change_request=change_request, reviewer=reviewer)
    rejected = change_request_reject(change_request=change_request, reviewer=second_reviewer, note="Too risky.")
    assert rejected.status == "rejected" and urgency() == "emergency"


def test_the_database_refuses_one_reviewer_as_both_approvals(editor, reviewer):
    change_request = propose_urgency(editor, "routine")
    change_request_approve(change_request=change_request, reviewer=reviewer)
    with pytest.raises(IntegrityError), transaction.atomic():
        ChangeRequest.objects.filter(pk=change_request.pk).update(status="approved", reviewer=reviewer)


def test_the_review_page_asks_for_the_second_approval(editor, reviewer, second_reviewer, client):
    change_request = propose_urgency(editor, "routine")
    client.force_login(reviewer)
    approve = reverse("admin:curation_changerequest_approve", args=[change_request.pk])
    page = client.post(approve, {"note": ""}, follow=True).content.decode()
    assert "Your approval is recorded as the first of two" in page
    assert "it awaits a second reviewer" in page and "Approve and publish" not in page
    client.force_login(second_reviewer)
    page = client.get(reverse("admin:curation_changerequest_change", args=[change_request.pk])).content.decode()
    assert "rita-reviewer approved this change" in page
    page = client.post(approve, {"note": ""}, follow=True).content.decode()
    assert "Published: the knowledge is now at version" in page
    assert urgency() == "routine"
