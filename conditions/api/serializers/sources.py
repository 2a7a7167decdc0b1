"""Citations: in full for the sources endpoint, in short where a record cites them."""

from rest_framework import serializers

from conditions import models as m
from conditions.api.serializers.records import RecordSerializer


class SourceSerializer(RecordSerializer):
    """A citation."""

    class Meta:
        model = m.Source
        fields: tuple[str, ...] = (
            "code",
            "name",
            "title",
            "authors",
            "year",
            "url",
            "kind",
            "doi",
            "pmid",
            "guideline_number",
            "summary",
            "updated_version",
        )


class SourceRefSerializer(serializers.ModelSerializer):
    """A citation, in short."""

    class Meta:
        model = m.Source
        # The full citation less its link and summary, in the same order.
        fields: tuple[str, ...] = tuple(
            f for f in SourceSerializer.Meta.fields if f not in ("url", "summary", "updated_version")
        )
