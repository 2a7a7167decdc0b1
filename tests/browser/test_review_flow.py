"""In a real browser, the whole curation loop: an editor changes a study's figure and is refused, gives a reason and
an estimate with its rationale, a reviewer sees what the change does to the reference cases and approves it; a
change that lowers a case below its safe triage needs a second reviewer. Screenshots in test-artifacts/browser/."""

import json
import re
import urllib.request

import pytest
from django.urls import reverse

from conditions import models as m
from conditions.loading import knowledge_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def api(base_url, path) -> tuple[dict, str]:
    with urllib.request.urlopen(f"{base_url}/api/v1/{path}") as response:
        return json.load(response), response.headers["ETag"]


def fair_test(base_url) -> tuple[dict, str]:
    """The FAIR test's figures for piriformis syndrome as the public API shows them, and the ETag."""
    body, etag = api(base_url, "conditions/piriformis-syndrome/")
    return next(t for t in body["tests"] if t["code"] == "fair-test"), etag


def test_a_study_figure_changes_only_with_a_reason_and_an_estimate_and_after_review(live_server, sign_in, screenshot):
    knowledge_load()  # a browser test runs with real commits: make sure the knowledge is there
    condition = m.Condition.objects.get(code="piriformis-syndrome")
    row = list(condition.test_links.order_by("test__name").values_list("test__code", flat=True)).index("fair-test")
    before, etag_before = fair_test(live_server.url)
    assert (before["sensitivity"], before["provenance"]) == (0.88, "study")

    editor = sign_in("edna-editor", "Editors")
    editor.goto(f"{live_server.url}{reverse('admin:conditions_condition_change', args=[condition.pk])}")
    editor.click("#section-findings > details > summary")  # the test evidence is in a section that starts closed
    record = editor.locator(f"#test_links-{row}")
    assert record.locator("output.derived-ratios").inner_text() == "LR+ 5.18 · LR- 0.14"
    record.locator(f'input[name="test_links-{row}-sensitivity"]').fill("0.7")
    assert record.locator("output.derived-ratios").inner_text() == "LR+ 4.12 · LR- 0.36"  # worked out as typed
    editor.fill("#id_change_reason", "Later series report the FAIR test less sensitive than the first study did.")
    editor.click("input[value='Submit for review']")

    # Refused: the study would vouch for a figure it never reported. The error names the field, in its record.
    error = record.locator(".errorlist").first
    error.wait_for()
    assert "Sensitivity is cited to a study" in error.inner_text()
    record.scroll_into_view_if_needed()
    screenshot(record, "loop-1-provenance-refusal")
    assert fair_test(live_server.url)[0]["sensitivity"] == 0.88

    # The same figure as a curator's estimate, with its rationale (an estimate carries no study size).
    record.locator(f'select[name="test_links-{row}-provenance"]').select_option("curator_estimate")
    record.locator(".field-source .select2-selection__clear").click()
    editor.keyboard.press("Escape")  # clearing opens the search list: close it
    record.locator(f'input[name="test_links-{row}-sample_size"]').fill("")
    record.locator(f'textarea[name="test_links-{row}-rationale"]').fill(
        "Estimate: the first study's reference standard rests partly on the test itself."
    )
    editor.click("input[value='Submit for review']")
    editor.wait_for_selector("text=submitted for review")
    assert "you cannot approve your own change" in editor.content()

    reviewer = sign_in("rita-reviewer", "Reviewers")
    assert reviewer.locator("#awaiting-review").inner_text().startswith("1")
    screenshot(reviewer, "loop-2-clinician-home")
    reviewer.click("#awaiting-review")
    reviewer.click("#result_list tbody tr a")
    reviewer.wait_for_selector("#impact")
    page = reviewer.content()
    assert "Later series report the FAIR test less sensitive" in page  # the editor's reason, shown first
    assert "Fishman et al. 2002" in page and "Curator estimate" in page  # provenance before and after
    assert re.search(r"The \d+ reference cases", reviewer.locator("#impact").inner_text())
    assert reviewer.locator("#impact-shifts tbody tr").count() > 0
    assert reviewer.locator("#unsafe-warning").count() == 0
    screenshot(reviewer, "loop-3-review-page-with-impact")
    reviewer.fill("#approve-note", "Agreed: the estimate is the honest figure.")
    reviewer.click("input[value='Approve and publish']")
    reviewer.wait_for_selector("text=Published")

    after, etag_after = fair_test(live_server.url)
    assert (after["sensitivity"], after["provenance"]) == (0.7, "curator_estimate")
    assert etag_after != etag_before


def test_a_change_that_lowers_a_case_below_its_safe_triage_needs_a_second_reviewer(live_server, sign_in, screenshot):
    knowledge_load()
    flag = m.RedFlag.objects.get(code="suspected-aortic-aneurysm")
    editor = sign_in("edna-editor", "Editors")
    editor.goto(f"{live_server.url}{reverse('admin:conditions_redflag_change', args=[flag.pk])}")
    editor.select_option("#id_urgency", "routine")
    editor.fill("#id_change_reason", "Back pain in older men sends too many to the emergency department.")
    editor.click("input[value='Submit for review']")
    editor.wait_for_selector("text=submitted for review")

    reviewer = sign_in("rita-reviewer", "Reviewers")
    reviewer.goto(f"{live_server.url}{reverse('admin:curation_pendingchangerequest_changelist')}")
    reviewer.click("#result_list tbody tr a")
    warning = reviewer.locator("#unsafe-warning")
    warning.wait_for()
    assert "needs a second reviewer" in warning.inner_text()
    assert reviewer.locator("#impact-cases tr.unsafe").count() >= 1
    color = reviewer.locator("#impact-cases tr.unsafe td").first.evaluate("cell => getComputedStyle(cell).color")
    assert color == "rgb(186, 33, 33)"  # the admin's error red
    screenshot(reviewer, "loop-4-review-page-unsafe-change")
    reviewer.click("input[value='Approve (first of two)']")
    reviewer.wait_for_selector("text=recorded as the first of two")
    assert api(live_server.url, "red-flags/suspected-aortic-aneurysm/")[0]["urgency"] == "emergency"

    second = sign_in("sam-second", "Reviewers")
    second.goto(reviewer.url)
    assert "rita-reviewer approved this change" in second.content()
    screenshot(second, "loop-5-second-reviewer")
    second.fill("#approve-note", "Second approval, for the test.")
    second.click("input[value='Approve and publish']")
    second.wait_for_selector("text=Published")
    assert api(live_server.url, "red-flags/suspected-aortic-aneurysm/")[0]["urgency"] == "routine"
