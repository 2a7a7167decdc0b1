"""The engine on clinical vignettes: the right cause near the top, the right root, never too low a triage."""

import pytest

from assessments.engine import AssessmentInput, assess
from assessments.engine.types import TRIAGE_LEVELS
from tests.assessments.fixture_knowledge import fixture_knowledge
from tests.assessments.holdout_vignettes import HOLDOUT
from tests.assessments.vignettes import VIGNETTES


def run(vignette):
    return assess(AssessmentInput.from_dict(vignette.request), fixture_knowledge())


@pytest.mark.parametrize("vignette", VIGNETTES, ids=lambda v: v.name)
def test_vignette(vignette):
    result = run(vignette)
    ranked = [c.code for c in result.conditions]
    if vignette.first:
        assert ranked[0] == vignette.condition, ranked[:3]
    else:
        assert vignette.condition in ranked[:3], ranked[:3]
    assert result.triage.level == vignette.triage, result.triage.reasons
    if vignette.root:
        assert result.nerve_roots[0].code == vignette.root, [(r.code, r.score) for r in result.nerve_roots[:3]]
    if vignette.nerve:
        assert result.nerves[0].code == vignette.nerve, [(n.code, n.score) for n in result.nerves[:3]]
    assert {flag.code for flag in result.triage.red_flags} >= set(vignette.red_flags)


def test_the_vignettes_cover_every_condition_root_and_red_flag(vocabulary):
    # The v2 conditions and red flags get their vignettes with the v2 engine; until then, the v1 ones.
    conditions = {entry["code"] for entry in vocabulary["conditions"] if "added" not in entry}
    flags = {entry["code"] for entry in vocabulary["red_flags"] if "added" not in entry}
    assert conditions - {v.condition for v in VIGNETTES} == set()
    assert {"L2", "L3", "L4", "L5", "S1"} - {v.root for v in VIGNETTES} == set()
    assert flags - {flag for v in VIGNETTES for flag in v.red_flags} == set()
    assert len(VIGNETTES) >= 24


def test_triage_is_never_below_the_level_of_a_fired_red_flag():
    for vignette in VIGNETTES:
        result = run(vignette)
        for flag in result.triage.red_flags:
            assert TRIAGE_LEVELS.index(result.triage.level) >= TRIAGE_LEVELS.index(flag.urgency)


@pytest.mark.parametrize("case", HOLDOUT, ids=lambda case: case["name"])
def test_holdout_vignette(case):
    result = assess(AssessmentInput.from_dict(case["request"]), fixture_knowledge())
    assert case["top3"] in [c.code for c in result.conditions[:3]]
    if case["root"]:
        assert result.nerve_roots[0].code == case["root"]
    level = TRIAGE_LEVELS.index(result.triage.level)
    assert TRIAGE_LEVELS.index(case["min_triage"]) <= level <= TRIAGE_LEVELS.index(case["max_triage"])
