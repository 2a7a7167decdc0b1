"""The pictures as a browser shows them, opened on their own under the site's Content-Security-Policy:
a root's dermatome, a nerve's territory and an assessment's body map, each saved as a PNG to look at."""

import pytest
from rest_framework.test import APIClient

from conditions.loading import knowledge_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ASSESSMENT = {
    "age": 41,
    "sex": "male",
    "duration_days": 10,
    "pain_regions": [
        {"region": "thigh-lateral", "side": "left"},
        {"region": "buttock", "side": "left"},
        {"region": "lower-back", "side": "both"},
    ],
    "sensory_changes": [
        {"region": "foot-dorsum", "side": "left", "kind": "numbness"},
        {"region": "leg-lateral", "side": "left", "kind": "tingling"},
    ],
    "weakness": [{"action": "great-toe-extension", "side": "left"}],
    "reflexes": [{"reflex": "achilles", "side": "left", "status": "reduced"}],
    "symptoms": {"pain-worse-cough-sneeze": True, "bladder-dysfunction": False},
    "tests": {"straight-leg-raise": "positive"},
}


def open_picture(browser, url: str):
    """The picture opened on its own; the policy violations Chromium reports, collected as it renders."""
    page = browser.new_context(viewport={"width": 720, "height": 880}).new_page()
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text) if "Content Security" in message.text else None)
    response = page.goto(url)
    assert response.status == 200
    assert response.headers["content-type"] == "image/svg+xml; charset=utf-8"
    assert "default-src 'self'" in response.headers["content-security-policy"]
    return page, violations


def rendered(page) -> dict:
    """What the browser drew: the picture's size on screen, and how many shapes it painted."""
    return page.evaluate(
        """() => {
          const svg = document.documentElement;
          const box = svg.getBoundingClientRect();
          const painted = [...svg.querySelectorAll('path')].filter(p => {
            const fill = p.getAttribute('fill');
            return fill && fill !== 'none' && p.getBBox().width > 0;
          });
          return {width: box.width, height: box.height, painted: painted.length,
                  title: svg.querySelector('title').textContent};
        }"""
    )


@pytest.mark.parametrize(
    ("path", "name", "title"),
    [
        ("/api/v1/nerve-roots/L5/dermatome.svg", "picture-dermatome-L5", "The L5 dermatome"),
        ("/api/v1/nerve-roots/S1/dermatome.svg", "picture-dermatome-S1", "The S1 dermatome"),
        ("/api/v1/nerves/lateral-femoral-cutaneous/territory.svg", "picture-territory-lfcn", "lateral femoral"),
        ("/api/v1/nerves/sciatic/territory.svg", "picture-territory-sciatic", "sciatic"),
    ],
)
def test_a_knowledge_picture_renders_under_the_policy(browser, live_server, screenshot, path, name, title):
    knowledge_load()  # a browser test runs with real commits: make sure the knowledge is there
    page, violations = open_picture(browser, f"{live_server.url}{path}")
    drawn = rendered(page)
    assert drawn["width"] > 600 and drawn["height"] > 700
    assert drawn["painted"] >= 2 + 2  # the skin of each view, and a region marked on both sides
    assert title in drawn["title"]
    screenshot(page.locator("svg"), name)
    assert violations == []


def test_an_assessments_body_map_renders_under_the_policy(browser, live_server, screenshot):
    knowledge_load()
    assessment = APIClient().post("/api/v1/assessments/", ASSESSMENT, format="json").json()["id"]
    page, violations = open_picture(browser, f"{live_server.url}/api/v1/assessments/{assessment}/body-map.svg")
    drawn = rendered(page)
    assert drawn["width"] > 600 and drawn["painted"] > 2 + 8
    assert "pain, numbness and tingling" in drawn["title"]
    screenshot(page.locator("svg"), "picture-assessment-body-map")
    assert violations == []
