"""In a real browser: an editor changes an evidence figure, and only a reviewer's approval publishes it."""

import json
import urllib.request

import pytest
from django.urls import reverse

from conditions import models as m
from conditions.loading import knowledge_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fair_test(base_url) -> tuple[float, str]:
    """The FAIR test's sensitivity for piriformis syndrome as the public API shows it, and the ETag."""
    with urllib.request.urlopen(f"{base_url}/api/v1/conditions/piriformis-syndrome/") as response:
        body = json.load(response)
        etag = response.headers["ETag"]
    return next(t["sensitivity"] for t in body["tests"] if t["code"] == "fair-test"), etag


def test_an_evidence_change_reaches_the_api_only_after_review(live_server, sign_in, screenshot):
    knowledge_load()  # a browser test runs with real commits: make sure the knowledge is there
    condition = m.Condition.objects.get(code="piriformis-syndrome")
    inline_rows = list(condition.test_links.order_by("test__name").values_list("test__code", flat=True))
    row = inline_rows.index("fair-test")
    before, etag_before = fair_test(live_server.url)
    assert before == 0.88

    editor = sign_in("edna-editor", "Editors")
    editor.goto(f"{live_server.url}{reverse('admin:conditions_condition_change', args=[condition.pk])}")
    screenshot(editor, "1-editor-condition-page")
    editor.click("#section-findings > details > summary")  # the test evidence is in a section that starts closed
    editor.fill(f'input[name="test_links-{row}-sensitivity"]', "0.8")
    screenshot(editor.locator("#test_links-group"), "1b-editor-test-evidence-edited")
    editor.click("input[value='Submit for review']")
    editor.wait_for_selector("text=submitted for review")
    screenshot(editor, "2-editor-change-submitted")
    assert "you cannot approve your own change" in editor.content()
    assert editor.locator("input[value='Approve and publish']").count() == 0

    assert fair_test(live_server.url) == (0.88, etag_before)

    reviewer = sign_in("rita-reviewer", "Reviewers")
    reviewer.goto(f"{live_server.url}{reverse('admin:curation_pendingchangerequest_changelist')}")
    screenshot(reviewer, "3-reviewer-changes-awaiting-review")
    reviewer.click("#result_list tbody tr a")
    reviewer.wait_for_selector("input[value='Approve and publish']")
    screenshot(reviewer, "4-reviewer-change-request")
    reviewer.click("input[value='Approve and publish']")
    reviewer.wait_for_selector("text=Published")
    screenshot(reviewer, "5-reviewer-published")

    after, etag_after = fair_test(live_server.url)
    assert after == 0.8
    assert etag_after != etag_before
