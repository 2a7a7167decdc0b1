"""Headless Chromium (Debian's package) driven by Playwright, for tests that use the admin like a person."""

import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"
# Quiet flags: this machine has no network beyond loopback, and no GPU.
PASSWORD = "not-a-real-password-1"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(f"No Chromium at {CHROMIUM}: apt-get install chromium")
        pytest.skip(f"No Chromium at {CHROMIUM} (apt-get install chromium to run the browser tests)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make between
    # browser steps are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def screenshot():
    """Save a full-page screenshot as a test artefact, named by step."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def take(page_or_element, name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        is_page = hasattr(page_or_element, "goto")
        page_or_element.screenshot(path=str(path), **({"full_page": True} if is_page else {}))
        return path

    return take


@pytest.fixture
def sign_in(browser, live_server, django_user_model, clinician_roles):
    """Create a clinician with a role and return a page signed in as them, at 1400 by 1000 pixels."""

    def sign_in_as(username: str, role: str):
        group, created = Group.objects.get_or_create(name=role)
        if created:  # an earlier browser test committed, and the database was emptied after it, roles and all
            for app_label, codename in clinician_roles[role]:
                group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        user = django_user_model.objects.create_user(username, password=PASSWORD, is_staff=True)
        user.groups.add(group)
        page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        page.goto(f"{live_server.url}{reverse('admin:login')}")
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        page.click("input[type=submit]")
        page.wait_for_selector("#site-name")
        return page

    return sign_in_as
