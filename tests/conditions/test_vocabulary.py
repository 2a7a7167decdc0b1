"""The vocabularies: plain enums that the models, the API and the engine share."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.db.migrations.writer import MigrationWriter

from assessments.engine.criteria import check
from assessments.engine.knowledge import Criterion
from assessments.engine.types import AssessmentInput
from conditions import models as m
from conditions import vocabulary
from conditions.vocabulary import CriterionKind, TriageLevel, Vocabulary

ROOT = Path(__file__).resolve().parents[2]
CANONICAL = json.loads((ROOT / "tests" / "data" / "vocabulary.json").read_text())

DJANGO_MODULES_AFTER_IMPORT = """
import importlib, sys
importlib.import_module(sys.argv[1])
print(sorted(name for name in sys.modules if name == "django" or name.startswith("django.")))
"""

VOCABULARIES = [
    value
    for value in vars(vocabulary).values()
    if isinstance(value, type) and issubclass(value, Vocabulary) and value is not Vocabulary
]


def django_modules_loaded_by(module: str) -> list[str]:
    """The Django modules that importing a module loads, in a fresh interpreter without settings."""
    result = subprocess.run(
        [sys.executable, "-c", DJANGO_MODULES_AFTER_IMPORT, module],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.replace("'", '"'))


def test_the_vocabulary_module_imports_no_django():
    assert django_modules_loaded_by("conditions.vocabulary") == []


def test_triage_levels_are_the_canonical_codes_most_urgent_first():
    assert TriageLevel.values() == [level["code"] for level in CANONICAL["triage_levels"]]


def test_each_triage_level_has_the_canonical_urgency_rank():
    assert {level.value: level.rank for level in TriageLevel} == {
        level["code"]: level["rank"] for level in CANONICAL["triage_levels"]
    }


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.__name__)
def test_choices_pair_each_plain_code_with_its_label(vocabulary):
    choices = vocabulary.choices()
    assert choices == [(member.value, member.label) for member in vocabulary]
    assert all(type(code) is str and type(label) is str and label for code, label in choices)


def test_a_model_field_offers_its_vocabulary_as_choices():
    assert m.Condition._meta.get_field("care_level").choices == TriageLevel.choices()


def test_migrations_would_spell_every_default_and_constraint_in_plain_codes():
    # A member written into a migration would tie the migration to the enum's member names for good.
    models = [*apps.get_app_config("conditions").get_models(), *apps.get_app_config("assessments").get_models()]
    written = [MigrationWriter.serialize(field)[0] for model in models for field in model._meta.local_fields]
    written += [MigrationWriter.serialize(check)[0] for model in models for check in model._meta.constraints]
    assert [text for text in written if "vocabulary" in text] == []


# A finding of every kind, on both legs, for the criteria that take no target.
EVERY_FINDING = AssessmentInput.from_dict(
    {
        "age": 50,
        "pain_regions": [{"region": "thigh-lateral", "side": side} for side in ("left", "right")],
        "sensory_changes": [{"region": "foot-dorsum", "side": side, "kind": "numbness"} for side in ("left", "right")],
        "weakness": [{"action": "great-toe-extension", "side": side} for side in ("left", "right")],
        "reflexes": [{"reflex": "achilles", "side": "left", "status": "reduced"}],
    }
)
# How a label names each kind of finding an assessment holds.
WORDS = {
    "pain_regions": ("pain",),
    "sensory_changes": ("numbness", "sensory"),
    "weakness": ("weak",),
    "reflexes": ("reflex",),
}


@pytest.mark.parametrize("kind", list(CriterionKind), ids=str)
def test_a_criterion_kinds_label_names_every_kind_of_finding_it_counts(kind):
    counted = {item.kind.value for item in check(Criterion(kind, None, None), EVERY_FINDING).items}
    label = kind.label.lower()
    unnamed = [finding for finding in counted & set(WORDS) if not any(word in label for word in WORDS[finding])]
    assert unnamed == []
