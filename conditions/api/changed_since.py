"""?changed_since=<version>: the records changed after a knowledge version was published, for syncing apps."""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from drf_spectacular.utils import extend_schema_field

from conditions.changes import changed_since
from conditions.history import UnknownVersion, published_at


class KnowledgeVersionField(forms.CharField):
    """A knowledge version that was published (as GET /api/v1/versions/ lists them): cleans to when it was."""

    def clean(self, value):
        if value is None:
            return None
        if value == "":
            raise ValidationError("Give a knowledge version (or leave the parameter out).", code="invalid")
        value = super().clean(value)
        try:
            return published_at(value)
        except UnknownVersion:
            raise ValidationError(
                "No knowledge version %(version)s was ever published (GET /api/v1/versions/ lists them).",
                code="unknown_version",
                params={"version": value[:40]},
            ) from None


# A version is its number and, since versions carry one, a dot and a random hex token: '12' or '12.9f3a61c2'.
KNOWLEDGE_VERSION = {"type": "string", "pattern": r"^[0-9]+(\.[0-9a-f]+)?$"}


@extend_schema_field(KNOWLEDGE_VERSION)
class ChangedSinceFilter(django_filters.Filter):
    """Only the records changed after a knowledge version was published."""

    field_class = KnowledgeVersionField

    def filter(self, qs, moment):
        return changed_since(qs, moment) if moment else qs
