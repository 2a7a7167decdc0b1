"""In a real browser, under the Content-Security-Policy: the API docs render their operations and the
admin's pages work (its page for too many sign-in attempts too), with no policy violation reported."""

import pytest
from django.urls import reverse

from conditions import models as m
from conditions.loading import knowledge_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Each violation, as the page sees it: the browser fires this event for every blocked resource.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""


def watch_for_violations(page) -> list[str]:
    """Record the policy violations the page sees and those Chromium logs to the console."""
    logged: list[str] = []

    def log(message) -> None:
        if "Content Security Policy" in message.text:
            logged.append(message.text)

    page.on("console", log)
    page.add_init_script(RECORD_VIOLATIONS)
    return logged


def violations(page, logged: list[str]) -> list[str]:
    return page.evaluate("window.cspViolations") + logged


def test_the_api_docs_render_their_operations_under_the_policy(browser, live_server, screenshot):
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    logged = watch_for_violations(page)
    response = page.goto(f"{live_server.url}{reverse('docs')}")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_selector(".opblock-summary")
    assert page.locator(".opblock-summary").count() > 10
    assert page.get_by_text("/api/v1/conditions/", exact=True).first.is_visible()
    page.locator(".opblock-summary").first.click()  # an operation opens, with its parameters
    page.wait_for_selector(".opblock-body")
    screenshot(page, "csp-api-docs")
    assert violations(page, logged) == []


def test_the_admin_and_the_condition_page_work_under_the_policy(live_server, sign_in, screenshot):
    knowledge_load()  # a browser test runs with real commits: make sure the knowledge is there
    condition = m.Condition.objects.get(code="proximal-femoral-fracture")
    page = sign_in("cora-csp", "Editors")  # the sign-in form posts under form-action 'self'
    logged = watch_for_violations(page)
    response = page.goto(f"{live_server.url}{reverse('admin:index')}")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    screenshot(page, "csp-admin-index")
    page.goto(f"{live_server.url}{reverse('admin:conditions_condition_change', args=[condition.pk])}")
    # The condition page's own inline styles apply: its sections have their margin.
    margin = page.locator(".condition-section").first.evaluate("element => getComputedStyle(element).marginBottom")
    assert margin == "12px"
    page.locator(".condition-section > details > summary").nth(1).click()
    screenshot(page, "csp-condition-page")
    assert violations(page, logged) == []


def test_the_admins_page_for_too_many_sign_in_attempts_renders_under_the_policy(browser, live_server, screenshot):
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    logged = watch_for_violations(page)
    for attempt in range(6):
        page.goto(f"{live_server.url}{reverse('admin:login')}")
        page.fill("#id_username", f"guess-{attempt}")
        page.fill("#id_password", "wrong")
        with page.expect_navigation() as navigation:
            page.click("input[type=submit]")
    assert navigation.value.status == 429
    assert page.get_by_role("heading", name="Too many sign-in attempts from your address.").is_visible()
    assert page.get_by_role("link", name="try again").is_visible()
    assert page.locator("#site-name").is_visible()  # the admin's own header and styles
    screenshot(page, "admin-sign-in-refused")
    assert violations(page, logged) == []
