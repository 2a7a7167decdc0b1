"""Red flags, with the curated triggers that fire them."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from conditions import models as m
from conditions.api.serializers.links import RefSerializer
from conditions.api.serializers.records import RecordSerializer
from conditions.api.serializers.sources import SourceRefSerializer


class RedFlagRefSerializer(serializers.ModelSerializer):
    """A reference to a red flag, with its urgency."""

    class Meta:
        model = m.RedFlag
        fields: tuple[str, ...] = ("code", "name", "urgency")


class RedFlagListSerializer(RecordSerializer):
    """A red flag, in short."""

    conditions = RefSerializer(
        many=True, help_text="The causes the red flag points to: each must be considered when it fires."
    )

    class Meta:
        model = m.RedFlag
        fields: tuple[str, ...] = ("code", "name", "urgency", "conditions", "summary", "updated_version", "translation")


class TriggerCriterionSerializer(serializers.ModelSerializer):
    """One criterion of a red-flag trigger."""

    target = serializers.SerializerMethodField()

    class Meta:
        model = m.TriggerCriterion
        fields: tuple[str, ...] = ("kind", "target", "number", "group")

    @extend_schema_field(RefSerializer(allow_null=True, help_text="The finding the criterion asks about, if any."))
    def get_target(self, criterion) -> dict | None:
        target = criterion.symptom or criterion.test or criterion.region or criterion.action or criterion.reflex
        return RefSerializer(target).data if target else None


class RedFlagTriggerSerializer(serializers.ModelSerializer):
    """One way a red flag fires: every criterion without a group holds, and each group has `group_minimum`."""

    urgency = serializers.SerializerMethodField()
    criteria = TriggerCriterionSerializer(many=True)

    class Meta:
        model = m.RedFlagTrigger
        fields: tuple[str, ...] = ("code", "description", "urgency", "action", "group_minimum", "criteria")

    def get_urgency(self, trigger) -> str:
        return trigger.urgency or trigger.red_flag.urgency


class RedFlagDetailSerializer(RedFlagListSerializer):
    """A red flag with the curated triggers that fire it, each with its urgency and what to do."""

    triggers = RedFlagTriggerSerializer(many=True)
    sources = SourceRefSerializer(many=True)

    class Meta(RedFlagListSerializer.Meta):
        fields = (*RedFlagListSerializer.Meta.fields, "triggers", "sources")
