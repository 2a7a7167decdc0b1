"""Findings (symptoms and clinical tests) and the diagnostic accuracy they carry for each condition."""

from rest_framework import serializers

from conditions import models as m
from conditions.api.serializers.links import cited_source
from conditions.api.serializers.records import RecordSerializer
from conditions.api.serializers.sources import SourceRefSerializer


class AccuracySerializer(serializers.Serializer):
    """The diagnostic accuracy of a finding for a condition, with its provenance."""

    sensitivity = serializers.FloatField(allow_null=True)
    specificity = serializers.FloatField(allow_null=True)
    lr_positive = serializers.FloatField(allow_null=True)
    lr_negative = serializers.FloatField(allow_null=True)
    provenance = serializers.CharField()
    source = cited_source()  # type: ignore[assignment]  # a field named source; the stubs see Field.source
    rationale = serializers.CharField()
    note = serializers.CharField()
    sample_size = serializers.IntegerField(
        allow_null=True, help_text="For a study figure: how many people the study (or pooled studies) examined."
    )
    confidence_interval = serializers.CharField(help_text="For a study figure, where the paper gives it.")
    absent_counts_after_days = serializers.IntegerField(
        allow_null=True,
        help_text="A finding that appears only some days into the illness (a shingles rash): its absence counts "
        "only after this many days of symptoms. null: it always counts.",
    )


class ConditionEvidenceSerializer(AccuracySerializer):
    """How well a symptom or test points to a condition, seen from the finding."""

    code = serializers.CharField(source="condition.code")
    name = serializers.CharField(source="condition.name")


class SymptomListSerializer(RecordSerializer):
    """A symptom, in short."""

    class Meta:
        model = m.Symptom
        fields: tuple[str, ...] = ("code", "name", "question", "summary", "updated_version", "translation")


class SymptomDetailSerializer(SymptomListSerializer):
    """A symptom with how well it points to each condition."""

    conditions = ConditionEvidenceSerializer(source="condition_links", many=True)
    sources = SourceRefSerializer(many=True)

    class Meta(SymptomListSerializer.Meta):
        fields = (
            *SymptomListSerializer.Meta.fields,
            "minimum_triage",
            "evidence_group",
            "conditions",
            "sources",
        )


class ClinicalTestListSerializer(RecordSerializer):
    """An examination test, in short."""

    class Meta:
        model = m.ClinicalTest
        fields: tuple[str, ...] = ("code", "name", "summary", "updated_version", "translation")


class ClinicalTestDetailSerializer(ClinicalTestListSerializer):
    """An examination test, how to do it, and how well it points to each condition."""

    conditions = ConditionEvidenceSerializer(source="condition_links", many=True)
    sources = SourceRefSerializer(many=True)

    class Meta(ClinicalTestListSerializer.Meta):
        fields = (
            *ClinicalTestListSerializer.Meta.fields,
            "how_to_perform",
            "positive_finding",
            "minimum_triage",
            "evidence_group",
            "conditions",
            "sources",
        )
