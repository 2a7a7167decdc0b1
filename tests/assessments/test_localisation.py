"""Localisation: only deficits name a root; a cold leg, a nerve's own pattern and a reported weakness each say so."""

from tests.assessments.engine_helpers import run

FOOT = {"region": "foot-dorsum", "side": "left", "kind": "numbness"}
TOE = {"action": "great-toe-extension", "side": "left"}


def roots(result) -> list[tuple[str, float]]:
    return [(r.code, r.score) for r in result.nerve_roots]


def test_pain_regions_add_no_root_evidence():
    numb = {"age": 40, "sensory_changes": [FOOT], "weakness": [TOE]}
    with_pain = {
        **numb,
        "pain_regions": [{"region": "thigh-lateral", "side": "left"}, {"region": "calf", "side": "left"}],
    }
    assert roots(run(numb)) == roots(run(with_pain))
    assert run({"age": 40, "pain_regions": [{"region": "calf", "side": "left"}]}).nerve_roots == ()


def test_the_numbness_of_a_cold_pale_pulseless_leg_is_not_a_roots():
    request = {"age": 70, "sensory_changes": [FOOT], "symptoms": {"sudden-severe-leg-pain": True}}
    assert run(request).nerve_roots[0].code == "L5"
    cold = run({**request, "symptoms": {**request["symptoms"], "leg-cold-or-pale": True}})
    pulseless = run({**request, "tests": {"foot-pulses-reduced-or-absent": "positive"}})
    assert cold.nerve_roots == cold.nerves == () and pulseless.nerve_roots == pulseless.nerves == ()


def test_a_pure_peripheral_nerve_pattern_does_not_spread_to_roots():
    meralgia = run({"age": 45, "sensory_changes": [{"region": "thigh-lateral", "side": "left", "kind": "numbness"}]})
    assert meralgia.nerve_roots == ()
    assert meralgia.nerves[0].code == "lateral-femoral-cutaneous"


def test_the_same_pattern_in_both_legs_is_a_roots_not_two_nerves():
    both = run({"age": 50, "weakness": [{"action": "ankle-dorsiflexion", "side": "both"}, {**TOE, "side": "both"}]})
    assert both.nerve_roots and both.nerve_roots[0].code in ("L4", "L5")


def test_a_reported_foot_drop_points_to_l5_then_l4_at_lower_confidence():
    reported = run(
        {"age": 50, "pain_regions": [{"region": "leg-lateral", "side": "left"}], "symptoms": {"foot-drop": True}}
    )
    assert [r.code for r in reported.nerve_roots[:2]] == ["L5", "L4"]
    assert all(r.basis == "reported" for r in reported.nerve_roots)
    assert reported.nerve_roots[0].sides == ("left",)
    examined = run({"age": 50, "weakness": [{"action": "ankle-dorsiflexion", "side": "left"}, TOE]})
    assert examined.nerve_roots[0].basis == "examined"
    assert reported.nerve_roots[0].score < examined.nerve_roots[0].score
