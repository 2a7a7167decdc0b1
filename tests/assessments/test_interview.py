"""The interview engine: safety first, never asks twice, stops at once for an emergency, asks what fits."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessments.engine import AssessmentInput
from assessments.engine.interview import Question, interview
from assessments.engine.items import Item, ItemKind
from conditions.vocabulary import TriageLevel
from tests.assessments.engine_helpers import CODES, KNOWLEDGE

GROIN_82 = {"age": 82, "sex": "female", "duration_days": 1, "pain_regions": [{"region": "groin", "side": "right"}]}
BACK_40 = {"age": 40, "sex": "male", "duration_days": 5, "pain_regions": [{"region": "lower-back", "side": "both"}]}


def ask(request: dict, **options):
    return interview(AssessmentInput.from_dict(request), KNOWLEDGE, **options)


def items_of(question: Question | None) -> list[str]:
    if question is None:
        return []
    return [part.item or "" for part in (question.items or (question,))]


def test_the_first_question_asks_the_warning_signs_that_could_raise_the_triage():
    step = ask(GROIN_82)
    asked = items_of(step.question)
    assert "symptoms.unable-to-weight-bear" in asked  # a hip fracture at 82, whether or not it leads
    assert set(asked) <= set(step.asked_for_safety)
    assert step.question is not None and step.question.kind == "checklist"
    assert not step.should_stop


def test_while_a_warning_sign_is_unanswered_no_other_question_comes_first():
    request, skipped = dict(GROIN_82), []
    for _ in range(12):
        step = ask(request, skipped=skipped)
        if not step.asked_for_safety:
            break
        assert set(items_of(step.question)) <= set(step.asked_for_safety)
        skipped += [Item.parse(item) for item in items_of(step.question)]
    else:
        pytest.fail("the warning signs never ran out")


def test_an_emergency_stops_the_interview_at_once():
    step = ask({**GROIN_82, "symptoms": {"unable-to-weight-bear": True}})
    assert step.triage.level == TriageLevel.EMERGENCY
    assert step.should_stop and step.question is None


def test_an_item_answered_asked_or_skipped_is_never_asked_again():
    first = ask(BACK_40).question
    assert first is not None and len(first.items) >= 4
    no, not_sure = first.items[:2], first.items[2:]
    request = {**BACK_40, "symptoms": {}, "asked": []}
    for question in no:  # answered no, as the answer's record and then say
        answer = next(answer for answer in question.answers if answer.value is False)
        request["symptoms"] |= (answer.record or {}).get("symptoms", {})
        request["asked"].append(question.item)
    second = ask(request, skipped=[Item.parse(question.item or "") for question in not_sure]).question
    assert not set(items_of(second)) & set(items_of(first))


def test_a_no_to_numbness_is_remembered_through_asked():
    request = {**BACK_40, "pain_regions": [{"region": "thigh-lateral", "side": "left"}]}
    asked: list[str] = []
    for _ in range(15):
        step = ask({**request, "asked": asked})
        numbness = [item for item in items_of(step.question) if item.startswith("sensory_changes.")]
        assert not set(numbness) & set(asked)
        if step.question is None:
            break
        asked += items_of(step.question)  # every answer "no": a numbness "no" adds no finding


def test_the_interview_is_deterministic():
    assert ask(BACK_40) == ask(BACK_40)


def every_item_asked(request: dict, **options) -> list[str]:
    """Every item an interview asks about when every answer is no."""
    asked: list[str] = []
    for _ in range(30):
        step = ask({**request, "asked": asked}, **options)
        if step.question is None:
            return asked
        asked += items_of(step.question)
    raise AssertionError("the interview did not stop")


def test_examination_tests_are_asked_only_of_an_examiner():
    assert not [item for item in every_item_asked(BACK_40) if item.startswith(("tests.", "reflexes."))]
    examined = ask(BACK_40, examiner=True)
    every = set(examined.asked_for_safety) | set(items_of(examined.question))
    assert any(item.startswith(("tests.", "reflexes.")) for item in every)


@pytest.mark.parametrize(
    ("person", "asked_about"),
    [({"sex": "male", "age": 30}, False), ({"sex": "female", "age": 72}, False), ({"sex": "female", "age": 30}, True)],
)
def test_pregnancy_is_asked_only_of_women_who_could_be_pregnant(person, asked_about):
    request = {**BACK_40, **person}
    seen: set[str] = set()
    asked: list[str] = []
    for _ in range(20):
        step = ask({**request, "asked": asked})
        if step.question is None:
            break
        seen |= set(items_of(step.question)) | set(step.asked_for_safety)
        asked += items_of(step.question)
    assert ("symptoms.pregnancy" in seen) is asked_about
    assert "symptoms.pregnancy-20-weeks-or-more" not in seen  # only once pregnancy is known


def test_the_stage_of_a_pregnancy_is_asked_once_pregnancy_is_known():
    request = {**BACK_40, "sex": "female", "age": 30, "symptoms": {"pregnancy": True}}
    seen: set[str] = set()
    asked: list[str] = []
    for _ in range(20):
        step = ask({**request, "asked": asked})
        if step.question is None:
            break
        seen |= set(items_of(step.question))
        asked += items_of(step.question)
    assert "symptoms.pregnancy-20-weeks-or-more" in seen


def test_an_answer_records_what_the_app_adds_to_its_request():
    step = ask(GROIN_82)
    question = next(part for part in step.question.items if part.item == "symptoms.unable-to-weight-bear")
    by_value = {answer.value: answer for answer in question.answers}
    assert by_value[True].record == {"symptoms": {"unable-to-weight-bear": True}} and by_value[True].then == "asked"
    assert by_value[False].record == {"symptoms": {"unable-to-weight-bear": False}}
    assert by_value[None].record is None and by_value[None].then == "skipped"


def first_of_kind(request: dict, kind: ItemKind) -> Question:
    asked: list[str] = []
    for _ in range(25):
        step = ask({**request, "asked": asked})
        assert step.question is not None, f"no {kind} question was asked"
        for part in step.question.items or (step.question,):
            if part.item and Item.parse(part.item).kind == kind:
                return part
        asked += items_of(step.question)
    raise AssertionError(f"no {kind} question in 25")


def test_numbness_on_one_painful_side_is_recorded_on_that_side():
    question = first_of_kind(
        {**BACK_40, "pain_regions": [{"region": "thigh-lateral", "side": "left"}]}, ItemKind.SENSORY
    )
    assert question.side == "left"
    records = [answer.record for answer in question.answers if answer.record]
    assert records and all(record["sensory_changes"][0]["side"] == "left" for record in records)


def test_with_pain_on_both_sides_the_answer_says_which_side_is_numb():
    question = first_of_kind(BACK_40, ItemKind.SENSORY)
    sides = [answer.record["sensory_changes"][0]["side"] for answer in question.answers if answer.record]
    assert sides == ["left", "right", "both"]


def test_every_question_has_its_curated_text_and_a_reason():
    request, asked = {**BACK_40, "sex": "female", "age": 33}, []
    for _ in range(20):
        step = ask({**request, "asked": asked}, examiner=True)
        if step.question is None:
            break
        for part in step.question.items or (step.question,):
            assert part.text and part.why.text and part.answers, part.item
        assert step.question.text and step.question.why.text
        asked += items_of(step.question)


REQUESTS = st.fixed_dictionaries(
    {
        "age": st.integers(16, 100),
        "sex": st.sampled_from(["female", "male", "other"]),
        "duration_days": st.integers(0, 400),
        "pain_regions": st.lists(
            st.fixed_dictionaries(
                {"region": st.sampled_from(CODES["body_regions"]), "side": st.sampled_from(["left", "right", "both"])}
            ),
            min_size=1,
            max_size=3,
        ),
    }
)


@settings(max_examples=40, deadline=None)
@given(REQUESTS)
def test_it_never_stops_while_a_warning_sign_is_unasked(request):
    step = ask(request)
    if step.triage.level != TriageLevel.EMERGENCY:
        assert not (step.should_stop and step.asked_for_safety)
        assert step.should_stop == (step.question is None)


def test_a_skipped_checklist_ends_the_interview_eventually():
    # Everything "not sure": the interview runs out of questions rather than asking for ever.
    skipped: list[Item] = []
    questions = 0
    while (step := ask(BACK_40, skipped=skipped)).question is not None and questions < 60:
        questions += 1
        skipped += [Item.parse(item) for item in items_of(step.question)]
    assert step.should_stop and questions < 40


def test_the_result_is_the_assessment_so_far():
    step = ask(BACK_40)
    assert len(step.conditions) == 5 and step.engine_version and step.knowledge_version == KNOWLEDGE.version
