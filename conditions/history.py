"""The published knowledge as it was at any version, rebuilt from the records' history.

Every versioned record keeps a history (django-simple-history), and so does the knowledge version: each
bump is a historical row with its time. A version's state is every record's latest history entry at the
moment that version was published; a record's change belongs to the first version published after it.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from django.core import serializers
from django.db import transaction

from .kinds import KNOWLEDGE_MODELS
from .models import KnowledgeVersion


class UnknownVersion(Exception):
    """No version with that label was ever published."""


def published_at(version: str) -> datetime:
    """When a version was published: the time its number and token were recorded."""
    number, _, token = version.partition(".")
    if not (number.isascii() and number.isdigit()) or len(number) > 18:
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


def m2m_histories(model) -> list:
    """The history models of a model's tracked many-to-many fields (its cited sources)."""
    historical = model.history.model
    return [rel.related_model for rel in historical._meta.related_objects if rel.field.name == "history"]


@contextmanager
def published_state(version: str) -> Iterator[str]:
    """Within the block, the knowledge reads as it was published at `version`; nothing of it is kept.

    The knowledge tables, their histories and the version are put back as they stood at that moment in a
    transaction that is always rolled back, so every read (serializers, selectors, updated_version) sees
    that version exactly as the live knowledge would have answered then. Other writers to the knowledge
    wait for the block to end; readers elsewhere keep seeing the live knowledge.
    """
    moment = published_at(version)
    with transaction.atomic():
        restore(moment)
        yield version
        transaction.set_rollback(True)


def restore(moment: datetime) -> None:
    connection = transaction.get_connection()
    latest = {
        model: list(
            model.history.filter(history_date__lte=moment)  # type: ignore[attr-defined]
            .latest_of_each()
            .exclude(history_type="-")
        )
        for model in KNOWLEDGE_MODELS
    }
    cited = {
        history: list(history.objects.filter(history__in=[record.history_id for record in latest[model]]))
        for model in KNOWLEDGE_MODELS
        for history in m2m_histories(model)
    }
    for model in reversed(KNOWLEDGE_MODELS):  # links before the records they join
        for history in m2m_histories(model):
            history.instance_type.objects.all()._raw_delete(connection.alias)
        model._default_manager.all()._raw_delete(connection.alias)
    for model in KNOWLEDGE_MODELS:
        model._default_manager.bulk_create([record.instance for record in latest[model]], batch_size=500)
    for history, rows in cited.items():
        through = history.instance_type  # simple_history keeps the through model on its m2m history model
        columns = [f.attname for f in through._meta.concrete_fields if not f.primary_key]
        through.objects.bulk_create(
            [through(**{name: getattr(row, name) for name in columns}) for row in rows], batch_size=500
        )
    # The histories as they stood then, so that what is derived from them (updated_version) is as it was.
    for model in KNOWLEDGE_MODELS:
        for history in m2m_histories(model):
            history.objects.filter(history__history_date__gt=moment)._raw_delete(connection.alias)
        model.history.filter(history_date__gt=moment)._raw_delete(connection.alias)  # type: ignore[attr-defined]
    KnowledgeVersion.history.filter(history_date__gt=moment)._raw_delete(connection.alias)
    then = KnowledgeVersion.history.order_by("-history_date").first()
    if then is not None:
        KnowledgeVersion.objects.filter(pk=1).update(number=then.number, token=then.token)
