"""Red flags, with the curated triggers that fire them."""

from rest_framework import serializers

from conditions import models as m
from conditions.api.serializers.links import RefSerializer
from conditions.api.serializers.sources import SourceRefSerializer


class RedFlagRefSerializer(serializers.ModelSerializer):
    """A red flag, in short."""

    class Meta:
        model = m.RedFlag
        fields = ("code", "name", "urgency")


class RedFlagListSerializer(serializers.ModelSerializer):
    """A red flag, in short."""

    condition = serializers.CharField(source="condition.code")

    class Meta:
        model = m.RedFlag
        fields = ("code", "name", "urgency", "condition", "summary")


class TriggerCriterionSerializer(serializers.ModelSerializer):
    """One criterion of a red-flag trigger."""

    target = serializers.SerializerMethodField()

    class Meta:
        model = m.TriggerCriterion
        fields = ("kind", "target", "number", "group")

    def get_target(self, criterion) -> str | None:
        target = criterion.symptom or criterion.test or criterion.region or criterion.action or criterion.reflex
        return target.code if target else None


class RedFlagTriggerSerializer(serializers.ModelSerializer):
    """One way a red flag fires: every criterion without a group holds, and each group has `group_minimum`."""

    urgency = serializers.SerializerMethodField()
    criteria = TriggerCriterionSerializer(many=True)

    class Meta:
        model = m.RedFlagTrigger
        fields = ("code", "description", "urgency", "group_minimum", "criteria")

    def get_urgency(self, trigger) -> str:
        return trigger.urgency or trigger.red_flag.urgency


class RedFlagDetailSerializer(RedFlagListSerializer):
    """A red flag with what to do and the curated triggers that fire it."""

    condition = RefSerializer()
    triggers = RedFlagTriggerSerializer(many=True)
    sources = SourceRefSerializer(many=True)

    class Meta(RedFlagListSerializer.Meta):
        fields = (*RedFlagListSerializer.Meta.fields, "action", "triggers", "sources")
