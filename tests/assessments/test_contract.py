"""The result's documented shape (the serializers of assessments/api) matches the engine's dataclasses."""

from dataclasses import fields

import pytest

from assessments.api import serializers as documented
from assessments.engine import types
from assessments.engine.codes import missing_codes, named_codes
from tests.assessments.fixture_snapshot import fixture_knowledge

PAIRS = [
    (documented.AssessmentResultSerializer, types.AssessmentResult),
    (documented.TriageSerializer, types.Triage),
    (documented.RedFlagHitSerializer, types.RedFlagHit),
    (documented.ConditionResultSerializer, types.ConditionResult),
    (documented.EvidenceSerializer, types.Evidence),
    (documented.LocationResultSerializer, types.LocationResult),
    (documented.RecommendationsSerializer, types.Recommendations),
    (documented.TreatmentAdviceSerializer, types.TreatmentAdvice),
    (documented.ExerciseAdviceSerializer, types.ExerciseAdvice),
]
# What a stored assessment adds to the engine's result.
STORED = {"id", "created_at"}


@pytest.mark.parametrize(("serializer", "dataclass"), PAIRS, ids=lambda item: item.__name__)
def test_each_documented_result_shape_has_exactly_the_engines_fields(serializer, dataclass):
    names = set(serializer().fields) - (STORED if dataclass is types.AssessmentResult else set())
    assert names == {field.name for field in fields(dataclass)}


def test_every_knowledge_code_the_engine_names_exists_in_the_shipped_knowledge():
    assert sum(len(codes) for codes in named_codes().values()) >= 19
    assert missing_codes(fixture_knowledge().codes) == {}


def test_a_missing_code_is_reported():
    codes = {**fixture_knowledge().codes, "body_regions": frozenset({"groin"})}
    assert "perineum" in missing_codes(codes)["body_regions"]
