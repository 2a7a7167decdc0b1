"""In a real browser at 1400 by 1000 pixels: the condition page fits the screen, and each section opens."""

import pytest
from django.urls import reverse

from conditions import models as m
from conditions.loading import knowledge_load
from curation.admin.records import ConditionAdmin

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_condition_page_fits_the_screen_and_opens_section_by_section(live_server, sign_in, screenshot):
    knowledge_load()  # a browser test runs with real commits: make sure the knowledge is there
    # A hip fracture's page has something in every section, a red flag included.
    condition = m.Condition.objects.get(code="proximal-femoral-fracture")
    page = sign_in("edna-editor", "Editors")
    page.goto(f"{live_server.url}{reverse('admin:conditions_condition_change', args=[condition.pk])}")
    screenshot(page, "condition-page-0-first-view")

    # The English and the Turkish side by side, in the first section, on one row each.
    english, turkish = page.locator("#id_name"), page.locator("#id_name_tr")
    assert english.input_value() == condition.name_en and turkish.input_value() == condition.name_tr
    assert turkish.is_visible() and abs(english.bounding_box()["y"] - turkish.bounding_box()["y"]) < 5
    screenshot(page.locator("#section-summary"), "condition-page-languages")

    for number, section in enumerate(ConditionAdmin.sections, start=1):
        details = page.locator(f"#section-{section.slug} > details")
        if details.get_attribute("open") is None:
            details.locator("> summary").click()
        assert details.get_attribute("open") is not None
        screenshot(details, f"condition-page-{number}-{section.slug}")

    # Everything open, the widest the page gets: still no sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= 1400
    assert page.locator("input[value='Submit for review']").is_visible()
    screenshot(page, "condition-page-9-all-open")
