"""What a pending change does to the reference cases: worked out in memory by the pure engine, nothing written."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.snapshot import ROW_SPECS, knowledge_rows
from conditions import models as m
from conditions.versioning import knowledge_version
from conditions.vocabulary import TriageLevel
from curation import impact
from curation.capture import proposed_changes
from curation.impact import change_impact, rows_with_changes
from curation.reference_cases import reference_cases
from curation.services import change_request_submit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_kept_outcomes():
    impact.forget_impacts()
    yield
    impact.forget_impacts()


def proposal(edit) -> list[dict]:
    with proposed_changes() as captured:
        edit()
    return captured["changes"]


def lower_urgency(code="suspected-aortic-aneurysm", urgency="routine"):
    def edit():
        flag = m.RedFlag.objects.get(code=code)
        flag.urgency = urgency
        flag.save()

    return proposal(edit)


def fair_link():
    return m.ConditionTest.objects.get(condition__code="piriformis-syndrome", test__code="fair-test")


def fair_as_estimate(sensitivity=0.5):
    def edit():
        link = fair_link()
        link.sensitivity, link.provenance, link.rationale = sensitivity, "curator_estimate", "A test."
        link.source, link.sample_size = None, None
        link.save()

    return proposal(edit)


def test_a_change_becomes_rows_in_memory_and_the_published_rows_are_untouched():
    rows = knowledge_rows()
    fair = next(row for row in rows["condition_tests"] if row["test_code"] == "fair-test")
    applied = rows_with_changes(rows, fair_as_estimate(0.5))
    assert applied.stale == []
    [changed] = [row for row in applied.rows["condition_tests"] if row["test_code"] == "fair-test"]
    assert changed == fair | {"sensitivity": 0.5, "provenance": "curator_estimate"}
    assert fair in rows["condition_tests"] and changed not in rows["condition_tests"]
    assert len(applied.rows["condition_tests"]) == len(rows["condition_tests"])


def test_a_deletion_and_a_new_record_leave_and_join_their_tables():
    rows = knowledge_rows()

    def edit():
        fair_link().delete()
        flag, condition = m.RedFlag.objects.get(code="suspected-fracture"), m.Condition.objects.get(code="sciatica")
        m.RedFlagCondition.objects.create(red_flag=flag, condition=condition)

    applied = rows_with_changes(rows, proposal(edit))
    assert len(applied.rows["condition_tests"]) == len(rows["condition_tests"]) - 1
    added = {"red_flag_code": "suspected-fracture", "condition_code": "sciatica"}
    assert applied.rows["red_flag_conditions"][-1] == added


def test_the_impact_reads_each_table_once_and_writes_nothing():
    changes = fair_as_estimate()
    version = knowledge_version()
    with CaptureQueriesContext(connection) as queries:
        result = change_impact(changes)
    statements = [query["sql"].split()[0].upper() for query in queries.captured_queries]
    assert statements.count("SELECT") == len(ROW_SPECS) + 1  # one per table the engine reads, and the version
    assert set(statements) <= {"SELECT", "SAVEPOINT", "RELEASE", "SET"}
    assert result.cases_run == len(reference_cases()) and not result.error
    assert knowledge_version() == version
    assert fair_link().sensitivity == 0.88


def test_a_safety_net_lowered_shows_every_case_that_falls_below_its_safe_triage():
    result = change_impact(lower_urgency())
    assert result.unsafe and result.needs_second_approval
    for case in result.unsafe:
        assert case.after.triage.rank < case.case.min_triage.rank <= case.before.triage.rank
        assert "triage" in case.moved
    assert result.changed[0].unsafe  # the unsafe ones are listed first


def test_a_change_that_lowers_nobody_below_their_minimum_needs_one_approval():
    result = change_impact(lower_urgency("suspected-aortic-aneurysm", "emergency"))  # no change at all
    assert result.changed == () and not result.needs_second_approval
    raised = change_impact(lower_urgency("suspected-stress-fracture", "emergency"))
    assert raised.changed and not raised.unsafe  # a higher triage moves cases but is never unsafe
    assert all(c.after.triage.rank >= TriageLevel(c.before.triage).rank for c in raised.changed)


def test_probability_shifts_are_listed_largest_first():
    result = change_impact(fair_as_estimate(0.2))
    sizes = [shift.size for shift in result.shifts]
    assert sizes and sizes == sorted(sizes, reverse=True)
    assert any(shift.condition == "piriformis-syndrome" and shift.after < shift.before for shift in result.shifts)


def test_the_published_outcomes_are_kept_so_a_review_runs_the_cases_once(monkeypatch):
    runs = []
    real_run = impact.run_cases
    monkeypatch.setattr(impact, "run_cases", lambda knowledge: runs.append(knowledge.version) or real_run(knowledge))
    change_impact(fair_as_estimate(0.5))
    assert len(runs) == 2  # published, then with the change
    change_impact(fair_as_estimate(0.6))
    assert len(runs) == 3  # only the new proposal
    change_impact(fair_as_estimate(0.6))
    assert len(runs) == 3  # the same proposal again: kept

    def summary_only():
        condition = m.Condition.objects.get(code="sciatica")
        condition.summary = "A new summary."
        condition.save()

    assert change_impact(proposal(summary_only)).changed == ()
    assert len(runs) == 3  # nothing the engine reads changed


def test_a_proposal_the_published_record_no_longer_matches_is_called_stale():
    changes = fair_as_estimate(0.5)
    m.ConditionTest.objects.filter(pk=fair_link().pk).update(specificity=0.7)
    result = change_impact(changes)
    assert result.stale and not result.changed and not result.needs_second_approval


def test_the_review_page_marks_an_unsafe_change_in_red(editor, reviewer, client):
    change_request = change_request_submit(author=editor, changes=lower_urgency(), reason="Overcalls back pain.")
    client.force_login(reviewer)
    page = client.get(reverse("admin:curation_changerequest_change", args=[change_request.pk])).content.decode()
    unsafe = len(change_impact(change_request.changes).unsafe)
    assert f"This change lowers the triage of {unsafe} case" in page
    assert page.count('<tr class="unsafe">') == unsafe
    assert "Your approval will be the first of two" in page and 'value="Approve (first of two)"' in page
