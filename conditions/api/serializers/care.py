"""Care: treatments and exercises, with what they are (not) advised for."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from conditions import models as m
from conditions.api.serializers.links import cited_source
from conditions.api.serializers.records import RecordSerializer
from conditions.api.serializers.sources import SourceRefSerializer


class TreatmentListSerializer(RecordSerializer):
    """A treatment, in short."""

    class Meta:
        model = m.Treatment
        fields: tuple[str, ...] = ("code", "name", "kind", "summary", "updated_version", "translation")


class TreatmentConditionSerializer(serializers.Serializer):
    """A condition a treatment is (not) recommended for."""

    code = serializers.CharField(source="condition.code")
    name = serializers.CharField(source="condition.name")
    recommendation = serializers.CharField()
    evidence_note = serializers.CharField()
    source = cited_source()  # type: ignore[assignment]  # a field named source; the stubs see Field.source


class TreatmentDetailSerializer(TreatmentListSerializer):
    """A treatment, its evidence, and its recommendation for each condition."""

    conditions = TreatmentConditionSerializer(source="condition_links", many=True)
    sources = SourceRefSerializer(many=True)

    class Meta(TreatmentListSerializer.Meta):
        fields = (*TreatmentListSerializer.Meta.fields, "evidence_summary", "minimum_triage", "conditions", "sources")


class ExerciseListSerializer(RecordSerializer):
    """An exercise, in short."""

    class Meta:
        model = m.Exercise
        fields: tuple[str, ...] = ("code", "name", "kind", "difficulty", "summary", "updated_version", "translation")


class ExerciseConditionSerializer(serializers.Serializer):
    """A condition an exercise suits or should be avoided with."""

    code = serializers.CharField(source="condition.code")
    name = serializers.CharField(source="condition.name")
    reason = serializers.CharField()


class ExerciseDetailSerializer(ExerciseListSerializer):
    """An exercise with its steps, dosage, cautions, and the conditions it suits or should avoid."""

    steps = serializers.ListField(child=serializers.CharField())
    suitable_for = serializers.SerializerMethodField()
    avoid_for = serializers.SerializerMethodField()
    sources = SourceRefSerializer(many=True)

    class Meta(ExerciseListSerializer.Meta):
        fields = (
            *ExerciseListSerializer.Meta.fields,
            "steps",
            "sets",
            "repetitions",
            "hold_seconds",
            "duration_minutes",
            "frequency",
            "cautions",
            "suitable_for",
            "avoid_for",
            "sources",
        )

    def conditions_with(self, exercise, suitability):
        links = [link for link in exercise.condition_links.all() if link.suitability == suitability]
        return ExerciseConditionSerializer(links, many=True).data

    @extend_schema_field(ExerciseConditionSerializer(many=True))
    def get_suitable_for(self, exercise):
        return self.conditions_with(exercise, m.ConditionExercise.Suitability.SUITABLE)

    @extend_schema_field(ExerciseConditionSerializer(many=True))
    def get_avoid_for(self, exercise):
        return self.conditions_with(exercise, m.ConditionExercise.Suitability.AVOID)
