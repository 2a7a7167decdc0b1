"""The knowledge versions as researchers and apps read them."""

from rest_framework import serializers


class ChangeRequestSummarySerializer(serializers.Serializer):
    """A reviewed change published in a version: what it did, who proposed it and who approved it."""

    id = serializers.IntegerField()
    summary = serializers.CharField()
    author = serializers.CharField(source="author.username")
    approved_by = serializers.CharField(source="reviewer.username")
    first_approved_by = serializers.CharField(
        source="first_reviewer.username",
        allow_null=True,
        default=None,
        help_text="For a change that needed two approvals (it lowered a reference case's triage below its safe "
        "level), the first reviewer; null otherwise.",
    )
    approved_at = serializers.DateTimeField(source="reviewed_at")
    reason = serializers.CharField(help_text="Why the change was made, as its author gave it.")


class VersionChangesSerializer(serializers.Serializer):
    """What a version added, changed and removed: by table (as the CSV export names them), each record by its
    natural key ('L5', or 'L5/thigh-lateral' for a link)."""

    added = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))
    changed = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))
    removed = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))


class KnowledgeVersionSerializer(serializers.Serializer):
    """One published knowledge version."""

    version = serializers.CharField(source="label", help_text="As assessments, ETags and updated_version give it.")
    published_at = serializers.DateTimeField()
    approved_by = serializers.ListField(
        child=serializers.CharField(),
        help_text="The reviewers who approved the changes it published; empty for a load of the shipped fixtures.",
    )
    change_requests = ChangeRequestSummarySerializer(many=True)
    changes = VersionChangesSerializer()
