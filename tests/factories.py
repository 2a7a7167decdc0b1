"""Small, obviously fake records for tests that build their own data."""

import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from conditions import models as m
from conditions.vocabulary import Segment

_counter = itertools.count(1)


def unique_code(prefix: str) -> str:
    return f"test-{prefix}-{next(_counter)}"


def make_clinician(username: str, role: str, **fields):
    """A staff user with one of the clinician roles the migrations create ("Editors", "Reviewers")."""
    user = get_user_model().objects.create_user(username, password="not-a-real-password", is_staff=True, **fields)
    user.groups.add(Group.objects.get(name=role))
    return user


def make_source(**fields) -> m.Source:
    defaults = {
        "code": unique_code("source"),
        "name": "Test source",
        "summary": "Fake.",
        "title": "Fake title",
        "authors": "Nobody",
        "kind": m.Source.Kind.STUDY,
    }
    return m.Source.objects.create(**(defaults | fields))


def make_region(**fields) -> m.BodyRegion:
    defaults = {"code": unique_code("region"), "name": "Test region", "summary": "Fake."}
    return m.BodyRegion.objects.create(**(defaults | fields))


def make_action(**fields) -> m.MuscleAction:
    defaults = {"code": unique_code("action"), "name": "Test action", "summary": "Fake."}
    return m.MuscleAction.objects.create(**(defaults | fields))


def make_reflex(**fields) -> m.Reflex:
    defaults = {"code": unique_code("reflex"), "name": "Test reflex", "summary": "Fake."}
    return m.Reflex.objects.create(**(defaults | fields))


def make_root(**fields) -> m.NerveRoot:
    position = 1000 + next(_counter)
    defaults = {
        "code": unique_code("root"),
        "name": "Test root",
        "summary": "Fake.",
        "segment": Segment.LUMBAR,
        "position": position,
    }
    return m.NerveRoot.objects.create(**(defaults | fields))


def make_nerve(**fields) -> m.Nerve:
    defaults = {"code": unique_code("nerve"), "name": "Test nerve", "summary": "Fake."}
    return m.Nerve.objects.create(**(defaults | fields))


def make_symptom(**fields) -> m.Symptom:
    defaults = {"code": unique_code("symptom"), "name": "Test symptom", "summary": "Fake."}
    return m.Symptom.objects.create(**(defaults | fields))


def make_test(**fields) -> m.ClinicalTest:
    defaults = {"code": unique_code("test"), "name": "Test test", "summary": "Fake."}
    return m.ClinicalTest.objects.create(**(defaults | fields))


def make_condition(**fields) -> m.Condition:
    defaults = {
        "code": unique_code("condition"),
        "name": "Test condition",
        "summary": "Fake.",
        "category": m.Condition.Category.MUSCLE,
        "prior": 0.1,
        "prior_provenance": m.Provenance.CURATOR_ESTIMATE,
        "prior_rationale": "A guess for a test.",
    }
    return m.Condition.objects.create(**(defaults | fields))


def make_treatment(**fields) -> m.Treatment:
    defaults = {
        "code": unique_code("treatment"),
        "name": "Test treatment",
        "summary": "Fake.",
        "kind": m.Treatment.Kind.SELF_CARE,
    }
    return m.Treatment.objects.create(**(defaults | fields))


def make_exercise(**fields) -> m.Exercise:
    defaults = {
        "code": unique_code("exercise"),
        "name": "Test exercise",
        "summary": "Fake.",
        "kind": m.Exercise.Kind.STRETCH,
        "instructions": "Step one.\nStep two.",
        "repetitions": 10,
        "frequency": "daily",
        "difficulty": m.Exercise.Difficulty.EASY,
        "cautions": "Stop if it hurts.",
    }
    return m.Exercise.objects.create(**(defaults | fields))


def make_red_flag(**fields) -> m.RedFlag:
    condition = fields.pop("condition", None) or make_condition()
    defaults = {"code": unique_code("flag"), "name": "Test flag", "summary": "Fake.", "urgency": m.TriageLevel.URGENT}
    flag = m.RedFlag.objects.create(**(defaults | fields))
    m.RedFlagCondition.objects.create(red_flag=flag, condition=condition)
    return flag


def make_trigger(**fields) -> m.RedFlagTrigger:
    defaults = {
        "red_flag": fields.pop("red_flag", None) or make_red_flag(),
        "code": unique_code("trigger"),
        "description": "Fake rule.",
        "action": "Act.",
    }
    return m.RedFlagTrigger.objects.create(**(defaults | fields))
