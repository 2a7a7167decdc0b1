"""Review decisions under real concurrency (PostgreSQL, threads): one decision per change, applied once."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from conditions import models as m
from conditions.loading import knowledge_load
from curation.capture import proposed_changes
from curation.models import ChangeRequest
from curation.services import (
    AlreadyReviewed,
    change_request_approve,
    change_request_reject,
    change_request_submit,
)

pytestmark = [
    pytest.mark.commits,
    pytest.mark.django_db(transaction=True),
    # Real row-level concurrency needs PostgreSQL (SQLite serialises every writer); skipped before the
    # transactional database is set up, which empties the database after the test.
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]
ROUNDS = 20


@pytest.fixture
def clinicians():
    knowledge_load()  # transactional tests start from a flushed database
    users = get_user_model().objects
    return users.create_user("ed"), users.create_user("rev-a"), users.create_user("rev-b")


def propose_prior(editor, prior: float) -> ChangeRequest:
    with proposed_changes() as proposal:
        condition = m.Condition.objects.get(code="hip-osteoarthritis")
        condition.prior = prior
        condition.save()
    return change_request_submit(author=editor, changes=proposal["changes"], reason="A race, for a test.")


def race(*decisions) -> list[str | None]:
    """Run the decisions in threads released at the same moment; each reports 'won' or 'lost'."""
    start = threading.Barrier(len(decisions))
    outcomes: list[str | None] = [None] * len(decisions)

    def run(index, decide):
        try:
            start.wait()
            decide()
            outcomes[index] = "won"
        except AlreadyReviewed:
            outcomes[index] = "lost"
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, decide)) for i, decide in enumerate(decisions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_an_approve_and_a_reject_at_the_same_moment_end_in_exactly_one_of_them(clinicians):
    editor, first, second = clinicians
    winners = set()
    for round_ in range(ROUNDS):
        prior = 0.05 + round_ / 1000
        request = propose_prior(editor, prior)
        outcomes = race(
            lambda r=request: change_request_approve(change_request=ChangeRequest.objects.get(pk=r.pk), reviewer=first),
            lambda r=request: change_request_reject(
                change_request=ChangeRequest.objects.get(pk=r.pk), reviewer=second, note="Lost the race."
            ),
        )
        assert sorted(outcomes) == ["lost", "won"]
        request.refresh_from_db()
        approved = outcomes[0] == "won"
        assert request.status == ("approved" if approved else "rejected")
        published = m.Condition.objects.get(code="hip-osteoarthritis").prior
        assert (published == prior) is approved
        winners.add(request.status)
    assert len(winners) >= 1


def test_two_approvals_at_the_same_moment_apply_the_change_once(clinicians):
    editor, first, second = clinicians
    for round_ in range(ROUNDS):
        request = propose_prior(editor, 0.03 + round_ / 1000)
        outcomes = race(
            lambda r=request: change_request_approve(change_request=ChangeRequest.objects.get(pk=r.pk), reviewer=first),
            lambda r=request: change_request_approve(
                change_request=ChangeRequest.objects.get(pk=r.pk), reviewer=second
            ),
        )
        assert sorted(outcomes) == ["lost", "won"]
        applied = m.Condition.history.filter(
            code="hip-osteoarthritis", history_change_reason__startswith=f"Change request #{request.pk},"
        )
        assert applied.count() == 1
