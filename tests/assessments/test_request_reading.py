"""The lean request reader against DRF's serializers: what it accepts, the serializer accepts with the same data,
key for key and in the same order; every vignette's request takes the lean path."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rest_framework.exceptions import ValidationError

from assessments.api.examples import INTERVIEW_START
from assessments.api.interview import InterviewRequestSerializer
from assessments.api.reading import NotPlain, plain_assessment, plain_interview, validated_request
from assessments.api.serializers import PREGNANCY_CODES, AssessmentRequestSerializer
from tests.assessments.fixture_snapshot import fixture_knowledge
from tests.assessments.vignettes import SETS

KNOWLEDGE = fixture_knowledge()
CODES = {kind: sorted(codes) for kind, codes in KNOWLEDGE.codes.items()}

# Values a client might send in place of a good one: wrong JSON types, blanks, spaces, floats, unknown codes.
ODD: st.SearchStrategy[object] = st.sampled_from(
    [None, True, False, 0, 1.0, 38.0, 38.5, -1, "", " ", "x", " left", "LEFT", [], {}, [None]]
)


def fields_of(bad: bool) -> dict:
    """A strategy for each field of an assessment request: good values only, or now and then a bad one."""

    def maybe(good, *spoilt):
        return st.one_of(good, good, good, st.one_of(*spoilt, ODD)) if bad else good

    def code_of(kind: str):
        codes = st.sampled_from(CODES[kind])
        return maybe(codes, codes.map(lambda code: f" {code}"))

    def key_of(kind: str):  # a JSON key is always text; pregnancy often, for the check of sex
        codes = st.sampled_from(CODES[kind])
        codes = st.one_of(codes, st.sampled_from(PREGNANCY_CODES)) if kind == "symptoms" else codes
        return st.one_of(codes, codes.map(lambda code: f"{code} "), st.sampled_from(["no-such", ""])) if bad else codes

    def choice(options):
        return maybe(st.sampled_from(options))

    def findings(fields: dict):
        whole = st.fixed_dictionaries(fields)
        one = maybe(whole, whole.map(lambda f: dict(list(f.items())[1:])), whole.map(lambda f: {**f, "n": 1}))
        return maybe(st.lists(one, max_size=3), whole.map(lambda f: [f] * 51))  # one more than is taken

    side = choice(["left", "right", "both"])
    item = maybe(
        st.sampled_from(
            [f"symptoms.{code}" for code in CODES["symptoms"]]
            + [f"sensory_changes.{code}" for code in CODES["body_regions"]]
            + [f"weakness.{code}" for code in CODES["muscle_actions"]]
            + [f"reflexes.{code}" for code in CODES["reflexes"]]
            + [f"tests.{code}" for code in CODES["clinical_tests"]]
        ),
        st.sampled_from(["symptoms.no-such", "weakness", "pain_regions.hip", "nothing.x", " symptoms.fever", "tests."]),
    )
    return {
        "age": maybe(st.integers(16, 120), st.integers(10, 125)),
        "sex": choice(["female", "male", "other", None]),
        "duration_days": maybe(st.one_of(st.integers(0, 36500), st.none()), st.integers(-2, 36502)),
        "pain_regions": findings({"region": code_of("body_regions"), "side": side}),
        "sensory_changes": findings(
            {"region": code_of("body_regions"), "side": side, "kind": choice(["numbness", "tingling"])}
        ),
        "weakness": findings({"action": code_of("muscle_actions"), "side": side}),
        "reflexes": findings(
            {"reflex": code_of("reflexes"), "side": side, "status": choice(["normal", "reduced", "absent", "brisk"])}
        ),
        "symptoms": maybe(st.dictionaries(key_of("symptoms"), choice([True, False]), max_size=4)),
        "tests": maybe(st.dictionaries(key_of("clinical_tests"), choice(["positive", "negative"]), max_size=3)),
        "country": maybe(
            st.sampled_from(["GB", "tr", "de"]), st.sampled_from(["G1", "GBR", " gb", "ü1", "ǅa", "gb\n"])
        ),
        # The interview's own fields.
        "asked": maybe(st.lists(item, max_size=5)),
        "skipped": maybe(st.lists(item, max_size=3)),
        "examiner": choice([True, False]),
        "name": st.just("Ada"),  # a field not asked for
    }


GOOD, ANY = fields_of(bad=False), fields_of(bad=True)
INTERVIEW_ONLY = ("asked", "skipped", "examiner")


def request_of(interview: bool):
    """A good request (with an age and some findings), or one with a field spoilt, or anything at all."""
    names = [name for name in GOOD if name != "name" and (interview or name not in INTERVIEW_ONLY)]
    good = st.fixed_dictionaries({"age": GOOD["age"]}, optional={name: GOOD[name] for name in names[1:]})

    def spoil(request: dict):
        name = st.sampled_from([*names, "name"])
        return name.flatmap(lambda field: ANY[field].map(lambda value: {**request, field: value}))

    anything = st.fixed_dictionaries({}, optional={name: ANY[name] for name in [*names, "name"]})
    return st.one_of(good, good, good.flatmap(spoil), good.flatmap(spoil), anything, ODD)


def serializer_answer(serializer_class, data):
    serializer = serializer_class(data=data, context={"knowledge": KNOWLEDGE})
    return serializer.validated_data if serializer.is_valid() else None


def assert_read_alike(read, serializer_class, data):
    try:
        lean = read(data, KNOWLEDGE)
    except NotPlain:
        return
    drf = serializer_answer(serializer_class, data)
    assert drf is not None, f"the lean reader took a request the serializer refuses: {data!r}"
    assert lean == drf
    # The same keys in the same order, nested too: the stored input reads the same either way.
    assert json.dumps(lean, default=str) == json.dumps(drf, default=str)


@settings(max_examples=600, deadline=None, derandomize=True)
@given(request_of(interview=False))
def test_what_the_lean_reader_takes_the_serializer_takes_alike(data):
    assert_read_alike(plain_assessment, AssessmentRequestSerializer, data)


@settings(max_examples=600, deadline=None, derandomize=True)
@given(request_of(interview=True))
def test_what_the_lean_reader_takes_for_an_interview_the_serializer_takes_alike(data):
    assert_read_alike(plain_interview, InterviewRequestSerializer, data)


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_vignette_the_api_takes_takes_the_lean_path(name):
    taken = [v.request for v in SETS[name] if serializer_answer(AssessmentRequestSerializer, v.request) is not None]
    assert len(taken) >= len(SETS[name]) - 1  # one blind vignette sends a field the API does not take
    for request in taken:
        assert plain_assessment(request, KNOWLEDGE) == serializer_answer(AssessmentRequestSerializer, request)


def test_an_interview_part_way_through_takes_the_lean_path():
    request = {
        **INTERVIEW_START,
        "symptoms": {**INTERVIEW_START.get("symptoms", {}), "fever": False},
        "asked": ["symptoms.fever", "sensory_changes.foot-dorsum"],
        "skipped": ["symptoms.unexplained-weight-loss"],
        "examiner": True,
    }
    assert plain_interview(request, KNOWLEDGE) == serializer_answer(InterviewRequestSerializer, request)


@pytest.mark.parametrize(
    "data",
    [
        {"age": 38.0, "symptoms": {"back-pain": True}},  # a whole float: the serializer takes it as 38
        {"age": 38, "country": " gb ", "pain_regions": [{"region": " buttock", "side": "left"}]},
    ],
)
def test_what_the_lean_reader_passes_on_the_serializer_still_takes(data):
    with pytest.raises(NotPlain):
        plain_assessment(data, KNOWLEDGE)
    read = validated_request(data, KNOWLEDGE, plain_assessment, AssessmentRequestSerializer)
    assert read == serializer_answer(AssessmentRequestSerializer, data)


def test_a_bad_request_is_named_by_the_serializer():
    data = {"age": "old", "symptoms": {"no-such": True}, "name": "Ada"}
    with pytest.raises(ValidationError) as raised:
        validated_request(data, KNOWLEDGE, plain_assessment, AssessmentRequestSerializer)
    detail = raised.value.detail
    assert detail["age"][0].code == "invalid"
    assert detail["symptoms"]["no-such"][0].code == "unknown_code"
    assert detail["name"][0].code == "unexpected_field"
