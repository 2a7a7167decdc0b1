"""The published knowledge as it was at any version, rebuilt from the records' history."""

from django.core import serializers

from conditions.kinds import KNOWLEDGE_MODELS
from conditions.models import KnowledgeVersion


class UnknownVersion(Exception):
    """No version with that label was ever published."""


def published_at(version: str):
    """When a version was published: the time its number and token were recorded."""
    number, _, token = version.partition(".")
    if not number.isdigit():
        raise UnknownVersion(version)
    records = KnowledgeVersion.history.filter(number=int(number))
    if token:
        records = records.filter(token=token)
    record = records.order_by("history_date").first()
    if record is None:
        raise UnknownVersion(version)
    return record.history_date


def knowledge_state_at(version: str) -> dict[str, list[dict]]:
    """Every curated record's fields as they stood at a version, keyed by model label.

    Foreign keys are primary keys, which never change; coded records carry their codes. Cited
    sources (many-to-many) are kept in each record's own history rather than rebuilt here.
    """
    moment = published_at(version)
    state = {}
    for model in KNOWLEDGE_MODELS:
        fields = [field.name for field in model._meta.concrete_fields if field.name != model._meta.pk.name]
        records = model.history.as_of(moment).order_by("pk")  # type: ignore[attr-defined]  # added by simple_history
        state[model._meta.label] = serializers.serialize("python", records, fields=fields)
    return state
