"""Reads around stored assessments: the knowledge a FHIR Bundle or a picture names, and aggregate counts."""

from datetime import datetime

from django.db.models import Count, F
from django.db.models.functions import TruncWeek

from assessments.models import Assessment
from conditions import models as m
from conditions import selectors as knowledge


def codes_in(assessment) -> dict[str, set[str]]:
    """The knowledge codes a stored assessment names, by kind."""
    data, result = assessment.input, assessment.result
    regions = {item["region"] for key in ("pain_regions", "sensory_changes") for item in data.get(key) or []}
    return {
        "body_regions": regions,
        "muscle_actions": {item["action"] for item in data.get("weakness") or []},
        "reflexes": {item["reflex"] for item in data.get("reflexes") or []},
        "symptoms": set(data.get("symptoms") or {}),
        "clinical_tests": set(data.get("tests") or {}),
        "conditions": {entry["code"] for entry in result.get("conditions") or []},
    }


NAMED = {
    "body_regions": m.BodyRegion,
    "muscle_actions": m.MuscleAction,
    "reflexes": m.Reflex,
    "symptoms": m.Symptom,
    "clinical_tests": m.ClinicalTest,
}


def knowledge_named_by(assessment) -> tuple[dict[str, dict[str, str]], dict[str, list[str]]]:
    """Display names of the codes an assessment names, by kind, and its conditions' ICD-10-CM codes."""
    codes = codes_in(assessment)
    names = {
        kind: dict(model.objects.filter(code__in=codes[kind]).values_list("code", "name"))
        for kind, model in NAMED.items()
    }
    conditions = m.Condition.objects.filter(code__in=codes["conditions"]).values_list("code", "name", "icd10_codes")
    names["conditions"] = {}
    icd10 = {}
    for code, name, icd10_codes in conditions:
        names["conditions"][code] = name
        icd10[code] = list(icd10_codes or [])
    return names, icd10


def found_root(code: str | None) -> m.NerveRoot | None:
    """The nerve root the engine found, with its dermatome, as the knowledge has it now."""
    return knowledge.nerve_root_picture().filter(code=code).first() if code else None


def weekly_groups(*, since: datetime | None, nerve_root: str | None) -> list[dict]:
    """Stored assessments counted by week, triage level, leading condition and the roots they list, in one
    query over the summary columns (not the stored results): one row per combination that occurs, with its
    count `n`; `roots` is the roots between commas (",L4,L5,").
    """
    groups = {
        "week": TruncWeek("created_at"),
        "level": F("triage_level"),
        "lead": F("leading_condition"),
        "roots": F("nerve_root_codes"),
    }
    assessments = Assessment.objects.annotate(**groups)
    if since is not None:
        assessments = assessments.filter(created_at__gte=since)
    if nerve_root:
        assessments = assessments.filter(nerve_root_codes__contains=f",{nerve_root},")
    return list(assessments.values(*groups).annotate(n=Count("pk")).order_by("week"))
