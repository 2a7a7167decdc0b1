"""Nerve roots, body regions, muscle actions, reflexes and nerves."""

from rest_framework import serializers

from conditions import models as m
from conditions.api.serializers.links import (
    ConditionLinkSerializer,
    ContributingRootSerializer,
    KeyMuscleRootSerializer,
    NerveLinkSerializer,
    NotedNerveLinkSerializer,
    RefSerializer,
    RegionLinkSerializer,
    RootLinkSerializer,
    TypicalConditionLinkSerializer,
    TypicalRootLinkSerializer,
)
from conditions.api.serializers.records import RecordSerializer
from conditions.api.serializers.sources import SourceRefSerializer


class NerveRootListSerializer(RecordSerializer):
    """A nerve root, in short."""

    class Meta:
        model = m.NerveRoot
        fields: tuple[str, ...] = ("code", "name", "segment", "position", "summary", "updated_version", "translation")


class DermatomeRegionSerializer(RegionLinkSerializer):
    """A region of a root's dermatome."""

    typicality = serializers.CharField()


class MyotomeActionSerializer(serializers.Serializer):
    """A muscle action of a root's myotome."""

    code = serializers.CharField(source="action.code")
    name = serializers.CharField(source="action.name")
    contribution = serializers.CharField()
    is_key_muscle = serializers.BooleanField()
    note = serializers.CharField()


class RootReflexSerializer(serializers.Serializer):
    """A reflex a root carries."""

    code = serializers.CharField(source="reflex.code")
    name = serializers.CharField(source="reflex.name")
    contribution = serializers.CharField()
    note = serializers.CharField()


class NerveRootDetailSerializer(NerveRootListSerializer):
    """Everything about a nerve root: dermatome, myotome, reflexes, nerves and conditions."""

    dermatome = DermatomeRegionSerializer(source="dermatome_links", many=True)
    myotome = MyotomeActionSerializer(source="myotome_links", many=True)
    reflexes = RootReflexSerializer(source="reflex_links", many=True)
    nerves = NerveLinkSerializer(source="nerve_links", many=True)
    conditions = TypicalConditionLinkSerializer(source="condition_links", many=True)
    sources = SourceRefSerializer(many=True)

    class Meta(NerveRootListSerializer.Meta):
        fields = (
            *NerveRootListSerializer.Meta.fields,
            "key_sensory_point",
            "dermatome",
            "myotome",
            "reflexes",
            "nerves",
            "conditions",
            "sources",
        )


class BodyRegionListSerializer(RecordSerializer):
    """A body-map region, in short."""

    class Meta:
        model = m.BodyRegion
        fields: tuple[str, ...] = ("code", "name", "position", "summary", "updated_version", "translation")


class BodyRegionDetailSerializer(BodyRegionListSerializer):
    """A body region with the roots and nerves that supply it and the conditions felt there."""

    nerve_roots = TypicalRootLinkSerializer(source="dermatome_links", many=True)
    nerves = NotedNerveLinkSerializer(source="nerve_links", many=True)
    conditions = TypicalConditionLinkSerializer(source="condition_links", many=True)
    sources = SourceRefSerializer(many=True)

    class Meta(BodyRegionListSerializer.Meta):
        fields = (
            *BodyRegionListSerializer.Meta.fields,
            "sensory_question",
            "nerve_roots",
            "nerves",
            "conditions",
            "sources",
        )


class MuscleActionListSerializer(RecordSerializer):
    """A muscle action, in short."""

    class Meta:
        model = m.MuscleAction
        fields: tuple[str, ...] = ("code", "name", "muscles", "summary", "updated_version", "translation")


class MuscleActionDetailSerializer(MuscleActionListSerializer):
    """A muscle action with the roots and nerves that serve it."""

    nerve_roots = KeyMuscleRootSerializer(source="myotome_links", many=True)
    nerves = NotedNerveLinkSerializer(source="nerve_links", many=True)
    sources = SourceRefSerializer(many=True)

    class Meta(MuscleActionListSerializer.Meta):
        fields = (
            *MuscleActionListSerializer.Meta.fields,
            "how_to_test",
            "self_check",
            "nerve_roots",
            "nerves",
            "sources",
        )


class ReflexListSerializer(RecordSerializer):
    """A reflex, in short."""

    class Meta:
        model = m.Reflex
        fields: tuple[str, ...] = ("code", "name", "summary", "updated_version", "translation")


class ReflexDetailSerializer(ReflexListSerializer):
    """A reflex with the roots that carry it."""

    nerve_roots = ContributingRootSerializer(source="root_links", many=True)
    sources = SourceRefSerializer(many=True)

    class Meta(ReflexListSerializer.Meta):
        fields = (*ReflexListSerializer.Meta.fields, "how_to_elicit", "nerve_roots", "sources")


class NerveListSerializer(RecordSerializer):
    """A peripheral nerve, in short."""

    parent = RefSerializer(allow_null=True, help_text="The nerve this one branches from; null for a nerve of its own.")

    class Meta:
        model = m.Nerve
        fields: tuple[str, ...] = ("code", "name", "parent", "summary", "updated_version", "translation")


class NerveSensoryRegionSerializer(serializers.Serializer):
    """A region whose skin a nerve supplies."""

    code = serializers.CharField(source="region.code")
    name = serializers.CharField(source="region.name")
    note = serializers.CharField()


class NerveMotorActionSerializer(serializers.Serializer):
    """A muscle action a nerve drives."""

    code = serializers.CharField(source="action.code")
    name = serializers.CharField(source="action.name")
    note = serializers.CharField()


class NerveDetailSerializer(NerveListSerializer):
    """A nerve with its roots, branches, territory, motor actions and conditions."""

    nerve_roots = RootLinkSerializer(source="root_links", many=True)
    branches = RefSerializer(many=True)
    sensory_regions = NerveSensoryRegionSerializer(source="sensory_links", many=True)
    motor_actions = NerveMotorActionSerializer(source="motor_links", many=True)
    conditions = ConditionLinkSerializer(source="condition_links", many=True)
    sources = SourceRefSerializer(many=True)

    class Meta(NerveListSerializer.Meta):
        fields = (
            *NerveListSerializer.Meta.fields,
            "motor_note",
            "nerve_roots",
            "branches",
            "sensory_regions",
            "motor_actions",
            "conditions",
            "sources",
        )
