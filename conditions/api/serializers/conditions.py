"""Conditions: in short for lists, and everything a condition screen shows."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from conditions import models as m
from conditions.api.serializers.findings import AccuracySerializer
from conditions.api.serializers.links import (
    NotedNerveLinkSerializer,
    RefSerializer,
    RegionLinkSerializer,
    TypicalRootLinkSerializer,
    cited_source,
)
from conditions.api.serializers.records import RecordSerializer
from conditions.api.serializers.red_flags import RedFlagRefSerializer
from conditions.api.serializers.sources import SourceRefSerializer

PRIOR_MEANING = (
    "The share of people with pain referred into the hip, groin or thigh, presenting to primary care, whose pain "
    "this condition causes (0.04: 4 in 100). Causes exclude each other; a syndrome's prior is the share with its "
    "pattern, whatever the cause. `prior_provenance` says whether it is from a study or a curator's estimate."
)


class ConditionListSerializer(RecordSerializer):
    """A condition, in short."""

    class Meta:
        model = m.Condition
        fields: tuple[str, ...] = (
            "code",
            "name",
            "category",
            "role",
            "icd10_codes",
            "prior",
            "summary",
            "updated_version",
            "translation",
        )
        extra_kwargs = {"prior": {"help_text": PRIOR_MEANING}}


class SymptomEvidenceSerializer(AccuracySerializer):
    """How well a symptom points to a condition, seen from the condition."""

    code = serializers.CharField(source="symptom.code")
    name = serializers.CharField(source="symptom.name")


class TestEvidenceSerializer(AccuracySerializer):
    """How well an examination test points to a condition, seen from the condition."""

    code = serializers.CharField(source="test.code")
    name = serializers.CharField(source="test.name")


class RelatedConditionSerializer(serializers.Serializer):
    """Another condition and how it relates to this one."""

    code = serializers.CharField()
    name = serializers.CharField()
    relation = serializers.ChoiceField(
        choices=["causes", "may_cause", "differential_of", "caused_by", "may_be_caused_by"]
    )
    note = serializers.CharField()


class ConditionTreatmentSerializer(serializers.Serializer):
    """A treatment for a condition and whether it is recommended."""

    code = serializers.CharField(source="treatment.code")
    name = serializers.CharField(source="treatment.name")
    kind = serializers.CharField(source="treatment.kind")
    recommendation = serializers.CharField()
    evidence_note = serializers.CharField()
    source = cited_source()  # type: ignore[assignment]  # a field named source; the stubs see Field.source


class ConditionExerciseSerializer(serializers.Serializer):
    """An exercise that suits a condition or is to be avoided, with the reason."""

    code = serializers.CharField(source="exercise.code")
    name = serializers.CharField(source="exercise.name")
    reason = serializers.CharField()


INVERSE_RELATION = {"causes": "caused_by", "may_cause": "may_be_caused_by", "differential_of": "differential_of"}


class ConditionModifierSerializer(serializers.ModelSerializer):
    """How the condition's odds change with age band, sex or how long symptoms have lasted."""

    source = cited_source()  # type: ignore[assignment]  # a field named source; the stubs see Field.source

    class Meta:
        model = m.ConditionModifier
        fields: tuple[str, ...] = (
            "code",
            "kind",
            "minimum",
            "maximum",
            "sex",
            "likelihood_ratio",
            "provenance",
            "source",
            "rationale",
            "note",
        )
        extra_kwargs = {
            "minimum": {"help_text": "Lowest age in years, or duration in days, of the band (inclusive)."},
            "maximum": {"help_text": "Highest age in years, or duration in days, of the band (inclusive)."},
            "likelihood_ratio": {"help_text": "Multiplies the prior odds for a person in the band."},
        }


class ConditionDetailSerializer(ConditionListSerializer):
    """Everything a condition screen shows: anatomy, evidence, red flags, care and sources."""

    prior_source = RefSerializer(allow_null=True, help_text="The source of the prior; null where none is cited.")
    escalate_at_source = RefSerializer(
        allow_null=True, help_text="The source of a curated escalation threshold; null where none is cited."
    )
    nerve_roots = TypicalRootLinkSerializer(source="root_links", many=True)
    nerves = NotedNerveLinkSerializer(source="nerve_links", many=True)
    pain_regions = RegionLinkSerializer(source="region_links", many=True)
    symptoms = SymptomEvidenceSerializer(source="symptom_links", many=True)
    tests = TestEvidenceSerializer(source="test_links", many=True)
    modifiers = ConditionModifierSerializer(many=True)
    red_flags = RedFlagRefSerializer(many=True)
    treatments = ConditionTreatmentSerializer(source="treatment_links", many=True)
    exercises = serializers.SerializerMethodField()
    exercises_to_avoid = serializers.SerializerMethodField()
    related_conditions = serializers.SerializerMethodField()
    sources = SourceRefSerializer(many=True)

    class Meta(ConditionListSerializer.Meta):
        fields = (
            *ConditionListSerializer.Meta.fields,
            "synonyms",
            "prior_provenance",
            "prior_source",
            "prior_rationale",
            "care_level",
            "upper_motor_neurone",
            "escalate_at",
            "escalate_at_provenance",
            "escalate_at_source",
            "escalate_at_rationale",
            "leads_at",
            "guides_care_at",
            "invasive_care_at",
            "confined_to_pain_map",
            "note",
            "nerve_roots",
            "nerves",
            "pain_regions",
            "symptoms",
            "tests",
            "modifiers",
            "red_flags",
            "treatments",
            "exercises",
            "exercises_to_avoid",
            "related_conditions",
            "sources",
        )

    def exercises_with(self, condition, suitability):
        links = [link for link in condition.exercise_links.all() if link.suitability == suitability]
        return ConditionExerciseSerializer(links, many=True).data

    @extend_schema_field(ConditionExerciseSerializer(many=True))
    def get_exercises(self, condition):
        return self.exercises_with(condition, m.ConditionExercise.Suitability.SUITABLE)

    @extend_schema_field(ConditionExerciseSerializer(many=True))
    def get_exercises_to_avoid(self, condition):
        return self.exercises_with(condition, m.ConditionExercise.Suitability.AVOID)

    @extend_schema_field(RelatedConditionSerializer(many=True))
    def get_related_conditions(self, condition):
        related = [
            {"code": r.to_condition.code, "name": r.to_condition.name, "relation": r.kind, "note": r.note}
            for r in condition.relations_out.all()
        ]
        related += [
            {
                "code": r.from_condition.code,
                "name": r.from_condition.name,
                "relation": INVERSE_RELATION[r.kind],
                "note": r.note,
            }
            for r in condition.relations_in.all()
        ]
        return RelatedConditionSerializer(related, many=True).data
