"""The interview's questions are curated knowledge, and complete: every symptom, region, test and reflex has its
text, and every muscle action a person can test alone has a self-check."""

import re

import pytest

from conditions import models as m

pytestmark = pytest.mark.django_db

# The actions a person cannot test alone, each needing an examiner's resisting hand: their self-check is blank.
NOT_TESTABLE_ALONE = {
    "ankle-eversion": "turning the sole outwards against resistance",
    "ankle-inversion": "turning the sole inwards against resistance",
    "hip-adduction": "squeezing the knees together against the examiner's hands",
    "hip-extension": "lifting the thigh lying face down against resistance",
    "knee-flexion": "bending the knee against resistance",
}
INTERNAL = re.compile(r"TODO|TBD|curator|§|\bverify\b", re.IGNORECASE)


def blank(model, field: str) -> list[str]:
    return sorted(model.objects.filter(**{field: ""}).values_list("code", flat=True))


def texts(model, field: str) -> list[str]:
    return list(model.objects.exclude(**{field: ""}).values_list(field, flat=True))


def test_every_symptom_has_its_question():
    assert blank(m.Symptom, "question") == []


def test_every_body_region_has_its_numbness_question():
    assert blank(m.BodyRegion, "sensory_question") == []


def test_every_action_a_person_can_test_alone_has_its_self_check():
    assert blank(m.MuscleAction, "self_check") == sorted(NOT_TESTABLE_ALONE)


def test_every_clinical_test_and_reflex_has_its_instructions_for_an_examiner():
    assert blank(m.ClinicalTest, "how_to_perform") == []
    assert blank(m.Reflex, "how_to_elicit") == []


@pytest.mark.parametrize(
    ("model", "field"),
    [(m.Symptom, "question"), (m.BodyRegion, "sensory_question"), (m.MuscleAction, "self_check")],
    ids=["symptoms", "regions", "self-checks"],
)
def test_a_lay_question_is_a_plain_question(model, field):
    for text in texts(model, field):
        assert text.endswith("?"), text
        assert not INTERNAL.search(text), text
        assert text[0].isupper(), text
