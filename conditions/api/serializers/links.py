"""References to other records, and link rows flattened to the record on the other end."""

from rest_framework import serializers


class RefSerializer(serializers.Serializer):
    """A reference to another record: its code and display name."""

    code = serializers.CharField()
    name = serializers.CharField()


def cited_source() -> RefSerializer:
    """The source cited for one figure or piece of advice, as a reference; null where none is cited."""
    return RefSerializer(allow_null=True, help_text="The source of this figure or advice; null where none is cited.")


class RegionLinkSerializer(serializers.Serializer):
    """A body region reached through a link, with how typical the link is."""

    code = serializers.CharField(source="region.code")
    name = serializers.CharField(source="region.name")
    typicality = serializers.CharField(required=False)
    note = serializers.CharField()


class TypicalLinkSerializer(serializers.Serializer):
    """How typical a link is, with its note: the fields a typical-link serializer adds after code and name."""

    typicality = serializers.CharField()
    note = serializers.CharField()


class RootLinkSerializer(serializers.Serializer):
    """A nerve root reached through a link."""

    code = serializers.CharField(source="root.code")
    name = serializers.CharField(source="root.name")


class TypicalRootLinkSerializer(RootLinkSerializer, TypicalLinkSerializer):
    """A nerve root reached through a link, with how typical it is."""


class ContributingRootSerializer(RootLinkSerializer):
    """A root serving a muscle action or reflex, principal or contributing."""

    contribution = serializers.CharField()
    note = serializers.CharField()


class KeyMuscleRootSerializer(ContributingRootSerializer):
    """A root serving a muscle action, flagged when it is that root's ISNCSCI key muscle."""

    is_key_muscle = serializers.BooleanField()


class NerveLinkSerializer(serializers.Serializer):
    """A peripheral nerve reached through a link."""

    code = serializers.CharField(source="nerve.code")
    name = serializers.CharField(source="nerve.name")


class NotedNerveLinkSerializer(NerveLinkSerializer):
    """A peripheral nerve reached through a link, with a note."""

    note = serializers.CharField()


class ConditionLinkSerializer(serializers.Serializer):
    """A condition reached through a link."""

    code = serializers.CharField(source="condition.code")
    name = serializers.CharField(source="condition.name")


class TypicalConditionLinkSerializer(ConditionLinkSerializer, TypicalLinkSerializer):
    """A condition reached through a link, with how typical the link is."""
