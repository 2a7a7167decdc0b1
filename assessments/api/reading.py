"""The assessment and interview requests, read without DRF's serializers when they are well formed.

DRF's serializers cost about a millisecond a request (they copy their fields for every request), several times
what the rest of the reading does. A plain request is read here, in plain Python over the snapshot, into exactly
the data the serializer would give; anything the reader is not sure of (a bad field, a float for an age, a code
with spaces around it) goes to the serializer, which names every bad field in the documented error shape. A
property test holds the two to the same answers.
"""

from collections.abc import Callable
from typing import Any

from rest_framework.serializers import Serializer

from assessments.api.serializers import MAX_ITEMS, PREGNANCY_CODES, AssessmentRequestSerializer
from assessments.engine import Knowledge
from assessments.engine.items import Item, ItemKind
from assessments.engine.types import REFLEX_STATUSES, SENSORY_KINDS, SIDES, TEST_RESULTS

# The kinds of item an interview asks about, by the prefix of their text form, and the codes each names.
ASKED_KINDS = {
    ItemKind.SYMPTOM: "symptoms",
    ItemKind.SENSORY: "body_regions",
    ItemKind.WEAKNESS: "muscle_actions",
    ItemKind.TEST: "clinical_tests",
    ItemKind.REFLEX: "reflexes",
}
MAX_ASKED = 500  # more than every symptom, region, action, test and reflex together
SEXES = frozenset(("female", "male", "other"))
INTERVIEW_FIELDS = frozenset(("asked", "skipped", "examiner"))


class NotPlain(Exception):
    """The request is not one the lean reader accepts as it stands: the serializer reads it instead."""


def plain_int(value: Any, low: int, high: int) -> int:
    if type(value) is not int or not low <= value <= high:
        raise NotPlain
    return value


def plain_choice(value: Any, choices) -> str:
    if type(value) is not str or value not in choices:
        raise NotPlain
    return value


def plain_findings(value: Any, fields: tuple[tuple[str, Any], ...]) -> list[dict]:
    """A list of findings (pain regions, weakness…), each an object of exactly these fields, in their order."""
    if type(value) is not list or len(value) > MAX_ITEMS:
        raise NotPlain
    names = {name for name, _ in fields}
    findings = []
    for finding in value:
        if type(finding) is not dict or finding.keys() != names:
            raise NotPlain
        findings.append({name: plain_choice(finding[name], choices) for name, choices in fields})
    return findings


def plain_answers(value: Any, known: frozenset[str], valid: Callable[[Any], bool]) -> dict:
    """A map of known codes (symptoms, tests) to valid answers."""
    if type(value) is not dict or not known.issuperset(value) or not all(map(valid, value.values())):
        raise NotPlain
    return dict(value)


def is_boolean(answer: Any) -> bool:
    return type(answer) is bool


def is_test_result(answer: Any) -> bool:
    return type(answer) is str and answer in TEST_RESULTS


def plain_assessment(data: Any, knowledge: Knowledge, extra: frozenset[str] = frozenset()) -> dict:
    """The validated data of a plain assessment request: as AssessmentRequestSerializer gives it."""
    if type(data) is not dict or "age" not in data:
        raise NotPlain
    codes = knowledge.codes
    readers: dict[str, Callable[[Any], Any]] = {
        "age": lambda v: plain_int(v, 16, 120),
        "sex": lambda v: None if v is None else plain_choice(v, SEXES),
        "duration_days": lambda v: None if v is None else plain_int(v, 0, 36500),
        "pain_regions": lambda v: plain_findings(v, (("region", codes["body_regions"]), ("side", SIDES))),
        "sensory_changes": lambda v: plain_findings(
            v, (("region", codes["body_regions"]), ("side", SIDES), ("kind", SENSORY_KINDS))
        ),
        "weakness": lambda v: plain_findings(v, (("action", codes["muscle_actions"]), ("side", SIDES))),
        "reflexes": lambda v: plain_findings(
            v, (("reflex", codes["reflexes"]), ("side", SIDES), ("status", REFLEX_STATUSES))
        ),
        "symptoms": lambda v: plain_answers(v, codes["symptoms"], is_boolean),
        "tests": lambda v: plain_answers(v, codes["clinical_tests"], is_test_result),
        "country": plain_country,
    }
    if not (readers.keys() | extra).issuperset(data):  # a field not asked for: the serializer names it
        raise NotPlain
    # In the serializer's order of fields, so the stored input reads the same whichever read it.
    validated = {name: read(data[name]) for name, read in readers.items() if name in data}
    symptoms = validated.get("symptoms", {})
    if validated.get("sex") == "male" and any(symptoms.get(code) is True for code in PREGNANCY_CODES):
        raise NotPlain
    if not any(validated.get(name) for name in AssessmentRequestSerializer.FINDINGS):
        raise NotPlain
    return validated


def plain_country(value: Any) -> str:
    if type(value) is not str or len(value) != 2 or not (value.isascii() and value.isalpha()):
        raise NotPlain
    return value.upper()


def plain_items(value: Any, knowledge: Knowledge) -> list[Item]:
    if type(value) is not list or len(value) > MAX_ASKED:
        raise NotPlain
    items = []
    for text in value:
        if type(text) is not str or text != text.strip() or not text:
            raise NotPlain
        try:
            item = Item.parse(text)
        except ValueError:
            raise NotPlain from None
        if item.kind not in ASKED_KINDS or not item.code or item.code not in knowledge.codes[ASKED_KINDS[item.kind]]:
            raise NotPlain
        items.append(item)
    return items


def plain_interview(data: Any, knowledge: Knowledge) -> dict:
    """The validated data of a plain interview request: as InterviewRequestSerializer gives it."""
    validated = plain_assessment(data, knowledge, extra=INTERVIEW_FIELDS)
    for name in ("asked", "skipped"):
        if name in data:
            validated[name] = plain_items(data[name], knowledge)
    examiner = data.get("examiner", False)
    if type(examiner) is not bool:
        raise NotPlain
    validated["examiner"] = examiner
    return validated


def validated_request(
    data: Any, knowledge: Knowledge, read: Callable[[Any, Knowledge], dict], serializer_class: type[Serializer]
) -> dict:
    """A request's validated data: read plainly (plain_assessment, plain_interview), or by its serializer, which
    raises a 400 naming each bad field."""
    try:
        return read(data, knowledge)
    except NotPlain:
        serializer = serializer_class(data=data, context={"knowledge": knowledge})
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)
