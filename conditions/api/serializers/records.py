"""What every knowledge record carries in lists and details, whatever its kind."""

from rest_framework import serializers


class RecordSerializer(serializers.ModelSerializer):
    """A knowledge record, with the knowledge version that last changed it."""

    updated_version = serializers.CharField(
        read_only=True,
        allow_null=True,
        help_text="The knowledge version in which this record, or a link its entry lists (its evidence, its "
        "dermatome, …), last changed; null when that is not yet published or not recorded. Send it as "
        "?changed_since= to a list to get only the records changed after it.",
    )
