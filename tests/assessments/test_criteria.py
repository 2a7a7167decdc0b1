"""The red-flag criterion language: every kind has a rule, with three outcomes, and triggers combine them."""

import pytest

from assessments.engine import AssessmentInput
from assessments.engine.criteria import RULES, Outcome, check
from assessments.engine.knowledge import Criterion, Trigger
from assessments.engine.red_flags import trigger_check
from conditions.vocabulary import CriterionKind, TriageLevel

Kind = CriterionKind
LEFT_SOLE = {"region": "sole", "side": "left", "kind": "numbness"}
RIGHT_SOLE = {"region": "sole", "side": "right", "kind": "numbness"}


def data(**request) -> AssessmentInput:
    return AssessmentInput.from_dict({"age": 40, **request})


def outcome(criterion: Criterion, **request) -> tuple[Outcome, list[str]]:
    found = check(criterion, data(**request))
    return found.outcome, [str(item) for item in found.items]


# For every kind: a request where it holds (with the items it cites) and one where it does not.
CASES = {
    Kind.SYMPTOM_PRESENT: (
        Criterion(Kind.SYMPTOM_PRESENT, "fever", None),
        {"symptoms": {"fever": True}},
        ["symptoms.fever"],
        {"symptoms": {"fever": False}},
        Outcome.FAILS,
    ),
    Kind.SYMPTOM_NOT_PRESENT: (
        Criterion(Kind.SYMPTOM_NOT_PRESENT, "fever", None),
        {"symptoms": {"fever": False}},
        [],
        {"symptoms": {"fever": True}},
        Outcome.FAILS,
    ),
    Kind.TEST_POSITIVE: (
        Criterion(Kind.TEST_POSITIVE, "straight-leg-raise", None),
        {"tests": {"straight-leg-raise": "positive"}},
        ["tests.straight-leg-raise"],
        {"tests": {"straight-leg-raise": "negative"}},
        Outcome.FAILS,
    ),
    Kind.SENSORY_CHANGE_IN_REGION: (
        Criterion(Kind.SENSORY_CHANGE_IN_REGION, "sole", None),
        {"sensory_changes": [LEFT_SOLE]},
        ["sensory_changes.sole"],
        {"asked": ["sensory_changes.sole"]},
        Outcome.FAILS,
    ),
    Kind.PAIN_IN_REGION: (
        Criterion(Kind.PAIN_IN_REGION, "groin", None),
        {"pain_regions": [{"region": "groin", "side": "left"}]},
        ["pain_regions.groin"],
        {"pain_regions": [{"region": "calf", "side": "left"}]},
        Outcome.FAILS,
    ),
    Kind.WEAKNESS: (
        Criterion(Kind.WEAKNESS, "hip-flexion", None),
        {"weakness": [{"action": "hip-flexion", "side": "left"}]},
        ["weakness.hip-flexion"],
        {"asked": ["weakness.hip-flexion"]},
        Outcome.FAILS,
    ),
    Kind.WEAKNESS_BILATERAL: (
        Criterion(Kind.WEAKNESS_BILATERAL, None, None),
        {"weakness": [{"action": "hip-flexion", "side": "both"}]},
        ["weakness.hip-flexion"],
        {"weakness": [{"action": "hip-flexion", "side": "left"}]},
        Outcome.UNKNOWN,
    ),
    Kind.LEG_SYMPTOMS_BILATERAL: (
        Criterion(Kind.LEG_SYMPTOMS_BILATERAL, None, None),
        {"pain_regions": [{"region": "calf", "side": "left"}], "sensory_changes": [RIGHT_SOLE]},
        ["pain_regions.calf", "sensory_changes.sole"],
        {"sensory_changes": [{"region": "perineum", "side": "both", "kind": "numbness"}]},
        Outcome.UNKNOWN,
    ),
    Kind.REFLEX_ABNORMAL: (
        Criterion(Kind.REFLEX_ABNORMAL, "achilles", None),
        {"reflexes": [{"reflex": "achilles", "side": "left", "status": "absent"}]},
        ["reflexes.achilles"],
        {"reflexes": [{"reflex": "achilles", "side": "left", "status": "normal"}]},
        Outcome.FAILS,
    ),
    Kind.AGE_AT_LEAST: (Criterion(Kind.AGE_AT_LEAST, None, 40), {}, ["age"], {"age": 39}, Outcome.FAILS),
    Kind.SENSORY_CHANGE_BILATERAL: (
        Criterion(Kind.SENSORY_CHANGE_BILATERAL, None, None),
        {"sensory_changes": [LEFT_SOLE, RIGHT_SOLE]},
        ["sensory_changes.sole"],
        {"sensory_changes": [LEFT_SOLE]},
        Outcome.UNKNOWN,
    ),
    Kind.NEUROLOGICAL_DEFICIT: (
        Criterion(Kind.NEUROLOGICAL_DEFICIT, None, None),
        {"reflexes": [{"reflex": "achilles", "side": "left", "status": "absent"}]},
        ["reflexes.achilles"],
        {"reflexes": [{"reflex": "achilles", "side": "left", "status": "brisk"}]},
        Outcome.UNKNOWN,
    ),
    Kind.LEG_SYMPTOMS: (
        Criterion(Kind.LEG_SYMPTOMS, None, None),
        {"weakness": [{"action": "hip-flexion", "side": "left"}]},
        ["weakness.hip-flexion"],
        {"pain_regions": [{"region": "lower-back", "side": "left"}]},
        Outcome.UNKNOWN,
    ),
    Kind.REFLEX_BRISK: (
        Criterion(Kind.REFLEX_BRISK, None, None),
        {"reflexes": [{"reflex": "achilles", "side": "left", "status": "brisk"}]},
        ["reflexes.achilles"],
        {"reflexes": [{"reflex": "achilles", "side": "left", "status": "reduced"}]},
        Outcome.UNKNOWN,
    ),
    Kind.DURATION_AT_LEAST: (
        Criterion(Kind.DURATION_AT_LEAST, None, 90),
        {"duration_days": 90},
        ["duration_days"],
        {"duration_days": 89},
        Outcome.FAILS,
    ),
    Kind.DURATION_AT_MOST: (
        Criterion(Kind.DURATION_AT_MOST, None, 90),
        {"duration_days": 90},
        ["duration_days"],
        {"duration_days": 91},
        Outcome.FAILS,
    ),
}


def test_every_criterion_kind_has_a_rule_and_a_case_here():
    assert set(RULES) == set(CriterionKind)
    assert set(CASES) == set(CriterionKind)


@pytest.mark.parametrize("kind", sorted(CASES))
def test_each_criterion_kind_holds_on_its_finding_and_cites_it(kind):
    criterion, holding, cited, _, _ = CASES[kind]
    assert outcome(criterion, **holding) == (Outcome.HOLDS, cited)


@pytest.mark.parametrize("kind", sorted(CASES))
def test_each_criterion_kind_does_not_hold_without_its_finding(kind):
    criterion, _, _, other, expected = CASES[kind]
    assert outcome(criterion, **other)[0] == expected


@pytest.mark.parametrize(
    ("criterion", "item"),
    [
        (Criterion(Kind.SYMPTOM_PRESENT, "fever", None), "symptoms.fever"),
        (Criterion(Kind.TEST_POSITIVE, "slump-test", None), "tests.slump-test"),
        (Criterion(Kind.SENSORY_CHANGE_IN_REGION, "sole", None), "sensory_changes.sole"),
        (Criterion(Kind.WEAKNESS, "hip-flexion", None), "weakness.hip-flexion"),
        (Criterion(Kind.REFLEX_ABNORMAL, "achilles", None), "reflexes.achilles"),
        (Criterion(Kind.DURATION_AT_LEAST, None, 90), "duration_days"),
    ],
)
def test_an_item_never_asked_is_unknown_and_open_to_ask(criterion, item):
    found = check(criterion, data())
    assert found.outcome == Outcome.UNKNOWN
    assert [str(open_item) for open_item in found.open_items] == [item]


def test_an_unknown_counts_as_holding_only_where_its_kind_says():
    holding = {kind for kind, rule in RULES.items() if rule.unknown_holds}
    # An unknown duration counts as recent, and an unreported symptom as absent: no warning missed for want of them.
    assert holding == {Kind.DURATION_AT_MOST, Kind.SYMPTOM_NOT_PRESENT}


def test_a_criterion_still_being_written_never_holds():
    for kind in (Kind.AGE_AT_LEAST, Kind.DURATION_AT_LEAST, Kind.DURATION_AT_MOST):
        assert check(Criterion(kind, None, None), data(duration_days=10)).outcome == Outcome.FAILS
    for kind in (Kind.SYMPTOM_PRESENT, Kind.SYMPTOM_NOT_PRESENT, Kind.PAIN_IN_REGION):
        assert check(Criterion(kind, None, None), data(symptoms={"fever": True})).outcome == Outcome.FAILS


def trigger(*criteria: Criterion, group_minimum: int = 1) -> Trigger:
    return Trigger("test", "A trigger for the test.", TriageLevel.URGENT, criteria, group_minimum)


def fired(the_trigger: Trigger, **request) -> list[str] | None:
    checked = trigger_check(the_trigger, data(**request))
    return [str(item) for item in checked.items] if checked.fires else None


def test_criteria_of_a_group_are_alternatives():
    either = trigger(
        Criterion(Kind.SYMPTOM_PRESENT, "fever", None),
        Criterion(Kind.PAIN_IN_REGION, "groin", None, group=1),
        Criterion(Kind.PAIN_IN_REGION, "hip-lateral", None, group=1),
    )
    groin = [{"region": "groin", "side": "left"}]
    assert fired(either, symptoms={"fever": True}, pain_regions=groin) == ["symptoms.fever", "pain_regions.groin"]
    assert fired(either, symptoms={"fever": True}) is None
    assert fired(either, pain_regions=groin) is None


def test_a_group_minimum_counts_distinct_criteria():
    two_of = trigger(
        *(Criterion(Kind.SYMPTOM_PRESENT, code, None, group=1) for code in ("fever", "pregnancy", "smoker")),
        group_minimum=2,
    )
    assert fired(two_of, symptoms={"fever": True}) is None
    assert fired(two_of, symptoms={"fever": True, "smoker": True}) == ["symptoms.fever", "symptoms.smoker"]


def test_an_absent_symptom_criterion_holds_when_unknown_or_false_and_names_nothing():
    unless = trigger(
        Criterion(Kind.SYMPTOM_PRESENT, "fever", None), Criterion(Kind.SYMPTOM_NOT_PRESENT, "smoker", None)
    )
    assert fired(unless, symptoms={"fever": True}) == ["symptoms.fever"]
    assert fired(unless, symptoms={"fever": True, "smoker": False}) == ["symptoms.fever"]
    assert fired(unless, symptoms={"fever": True, "smoker": True}) is None


def test_a_trigger_that_could_still_fire_is_unknown_and_names_what_to_ask():
    fall = trigger(
        Criterion(Kind.SYMPTOM_PRESENT, "recent-fall", None),
        Criterion(Kind.SYMPTOM_PRESENT, "unable-to-weight-bear", None, group=1),
        Criterion(Kind.TEST_POSITIVE, "log-roll-test", None, group=1),
    )
    checked = trigger_check(fall, data(symptoms={"recent-fall": True}))
    assert checked.outcome == Outcome.UNKNOWN
    assert [str(item) for item in checked.open_items] == ["symptoms.unable-to-weight-bear", "tests.log-roll-test"]
    answered = trigger_check(fall, data(symptoms={"recent-fall": True, "unable-to-weight-bear": False}))
    assert [str(item) for item in answered.open_items] == ["tests.log-roll-test"]
    no_fall = data(symptoms={"recent-fall": False}, tests={"log-roll-test": "negative"})
    assert trigger_check(fall, no_fall).outcome == Outcome.FAILS


def test_a_trigger_without_criteria_never_fires_nor_could():
    assert trigger_check(trigger(), data()).outcome == Outcome.FAILS
