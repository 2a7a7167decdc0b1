"""What every knowledge record carries in lists and details, whatever its kind."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from conditions.changes import published_in, version_timeline


@extend_schema_field({"type": "string", "nullable": True})
class UpdatedVersionField(serializers.Field):
    """The version that published a record's last change, from its `changed_at` (see conditions.changes)."""

    def __init__(self, **kwargs):
        super().__init__(source="changed_at", read_only=True, **kwargs)
        self.timeline: list | None = None

    def to_representation(self, value):
        if self.timeline is None:  # once per response: the field is shared by a list's records
            self.timeline = version_timeline()
        return published_in(value, self.timeline)


class RecordSerializer(serializers.ModelSerializer):
    """A knowledge record, with the knowledge version that last changed it."""

    updated_version = UpdatedVersionField(
        help_text="The knowledge version in which this record, or a link its entry lists (its evidence, its "
        "dermatome, …), last changed; null when that is not yet published or not recorded. Send it as "
        "?changed_since= to a list to get only the records changed after it.",
    )
