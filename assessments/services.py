"""Writes of stored assessments."""

import hashlib

from django.conf import settings
from django.db import IntegrityError, transaction

from assessments.engine import AssessmentInput, Knowledge, assess
from assessments.models import Assessment


def assessment_create(
    *, data: dict, knowledge: Knowledge, owner=None, idempotency_key: str | None = None
) -> Assessment:
    """Run the engine on validated findings and store the input with its result."""
    # The service's default country where the request names none (not stored as if the person had said it).
    result = assess(AssessmentInput.from_dict({"country": settings.DEFAULT_COUNTRY, **data}), knowledge).to_dict()
    return Assessment.objects.create(
        input=data,
        result=result,
        engine_version=result["engine_version"],
        knowledge_version=result["knowledge_version"],
        owner=owner,
        idempotency_key=idempotency_key,
    )


class IdempotencyKeyReused(Exception):
    """The Idempotency-Key already names an assessment of different findings."""


def assessment_create_once(*, data: dict, knowledge: Knowledge, owner, key: str) -> tuple[Assessment, bool]:
    """The assessment a client's Idempotency-Key names: made now (and True), or made by an earlier try (and False).

    A key names one assessment per account (or among anonymous clients) for as long as it is stored; a retry
    with other findings is an IdempotencyKeyReused. Only a digest of the key is stored.
    """
    scoped = hashlib.sha256(f"{owner.pk if owner else 'anonymous'}:{key}".encode()).hexdigest()
    existing = Assessment.objects.filter(idempotency_key=scoped).first()
    if existing is None:
        try:
            with transaction.atomic():
                return assessment_create(data=data, knowledge=knowledge, owner=owner, idempotency_key=scoped), True
        except IntegrityError:  # the same key posted at the same moment: the other one was stored first
            existing = Assessment.objects.get(idempotency_key=scoped)
    if existing.input != data:
        raise IdempotencyKeyReused
    return existing, False
