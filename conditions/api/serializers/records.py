"""What every knowledge record carries in lists and details, whatever its kind."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from conditions.changes import published_in, version_timeline
from conditions.translation import translation_of
from refpain.http.language import active_language


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


@extend_schema_field(
    {
        "type": "object",
        "nullable": True,
        "properties": {
            "language": {"type": "string", "example": "tr"},
            "status": {"type": "string", "enum": ["source", "draft", "approved", "missing"]},
            "fallback": {"type": "array", "items": {"type": "string"}},
        },
    }
)
class TranslationField(serializers.Field):
    """The language of a record's texts, how far they are checked, and the fields shown in English for want of one."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, record):
        return translation_of(record, active_language())


class RecordSerializer(serializers.ModelSerializer):
    """A knowledge record, with the knowledge version that last changed it."""

    updated_version = UpdatedVersionField(
        help_text="The knowledge version in which this record, or a link its entry lists (its evidence, its "
        "dermatome, …), last changed; null when that is not yet published or not recorded. Send it as "
        "?changed_since= to a list to get only the records changed after it.",
    )
    translation = TranslationField(
        help_text="For a record whose texts are translated: the answer's `language`; its `status` in it "
        "(`source` for English, `draft` until a clinician who reads the language approves it, `approved`, or "
        "`missing` when nothing is translated yet); and the texts in `fallback`, shown in English as they have no "
        "translation yet. null for a record with no texts to translate.",
    )
