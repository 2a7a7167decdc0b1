"""The engine's rules, checked without a database on the knowledge built from the fixture files."""

import importlib
import math
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from assessments.engine import AssessmentInput, assess
from assessments.engine.items import Item
from assessments.engine.knowledge import MAX_LR, Accuracy, Criterion, Trigger
from conditions.vocabulary import ConditionRole, CriterionKind, TriageLevel
from tests.assessments.examples import SPEC_EXAMPLE
from tests.assessments.fixture_snapshot import fixture_knowledge
from tests.assessments.vignettes import VIGNETTES


def run(request, knowledge=None):
    return assess(AssessmentInput.from_dict(request), knowledge or fixture_knowledge())


def probabilities(result):
    return {c.code: c.probability for c in result.conditions}


@pytest.mark.parametrize(
    ("accuracy", "present", "expected"),
    [
        (Accuracy(0.91, 0.26, None, None), True, 0.91 / 0.74),
        (Accuracy(0.91, 0.26, None, None), False, 0.09 / 0.26),
        (Accuracy(None, None, 3.7, 0.23), True, 3.7),
        (Accuracy(None, None, 3.7, 0.23), False, 0.23),
        (Accuracy(None, 1.0, None, None), True, MAX_LR),
        (Accuracy(0.99, 0.999, None, None), True, MAX_LR),
        (Accuracy(None, None, 6.4, None), False, None),
        (Accuracy(None, 1.0, None, None), False, None),
    ],
)
def test_likelihood_ratios_come_from_the_stored_accuracy(accuracy, present, expected):
    ratio = accuracy.likelihood_ratio(present)
    assert ratio == pytest.approx(expected) if expected is not None else ratio is None


def test_the_result_has_the_contract_shape():
    result = run(SPEC_EXAMPLE).to_dict()
    assert set(result) == {
        "engine_version",
        "knowledge_version",
        "triage",
        "conditions",
        "other_causes",
        "nerve_roots",
        "nerves",
        "recommendations",
        "disclaimer",
        "language",
    }
    assert set(result["triage"]) >= {"level", "advice", "red_flags"}
    assert set(result["conditions"][0]) >= {"code", "name", "role", "probability", "rule_out", "evidence"}
    assert set(result["conditions"][0]["evidence"][0]) >= {"item", "name", "value", "weight", "provenance", "text"}
    assert set(result["nerve_roots"][0]) >= {"code", "score", "sides", "evidence"}
    assert set(result["recommendations"]) == {"treatments", "exercises", "exercises_to_avoid"}
    treatment = result["recommendations"]["treatments"][0]
    assert set(treatment) >= {"code", "name", "recommendation", "condition", "condition_name", "reason", "invasive"}


def test_same_input_and_knowledge_give_the_same_output():
    assert run(SPEC_EXAMPLE).to_dict() == run(SPEC_EXAMPLE).to_dict()


DETERMINISM_SCRIPT = """
import json, django
django.setup()
from assessments.engine import AssessmentInput, assess
from tests.assessments.fixture_snapshot import fixture_knowledge
from tests.assessments.vignettes import VIGNETTES
print(json.dumps([assess(AssessmentInput.from_dict(v.request), fixture_knowledge()).to_dict() for v in VIGNETTES]))
"""


@pytest.mark.slow
def test_output_does_not_depend_on_the_hash_seed():
    root = Path(__file__).resolve().parents[2]
    outputs = {
        subprocess.run(
            [sys.executable, "-c", DETERMINISM_SCRIPT],
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": seed, "DJANGO_SETTINGS_MODULE": "refpain.settings"},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1


def test_probabilities_lie_between_0_and_1_are_sorted_and_the_causes_sum_to_at_most_1():
    for vignette in VIGNETTES:
        result = run(vignette.request)
        causes = [c for c in result.conditions if c.role == "cause" and not c.rule_out]
        assert all(0 <= c.probability <= 1 for c in causes)
        # Causes a red flag points to come first; the others follow, most likely first.
        unflagged = [c.probability for c in causes if not c.flagged_by]
        assert unflagged == sorted(unflagged, reverse=True)
        assert sum(c.probability for c in causes) + result.other_causes == pytest.approx(1, abs=1e-9)


def test_a_negative_test_lowers_the_cause_that_expects_it_and_raises_no_other():
    base = {"age": 40, "symptoms": {"back-pain": True, "leg-pain-below-knee": True}}
    unknown = probabilities(run(base))
    negative = probabilities(run({**base, "tests": {"straight-leg-raise": "negative"}}))
    assert negative["lumbar-disc-herniation"] < unknown["lumbar-disc-herniation"]
    assert all(negative[code] <= unknown[code] + 1e-9 for code in negative if code in unknown)


def test_a_finding_with_no_evidence_link_moves_nothing_for_that_condition():
    knowledge = fixture_knowledge()
    assert Item.symptom("fever") not in knowledge.conditions["knee-osteoarthritis"].evidence
    assert Item.symptom("fever") not in knowledge.conditions["patellofemoral-pain"].evidence
    base = {"age": 70, "pain_regions": [{"region": "knee-medial", "side": "left"}]}
    before, after = probabilities(run(base)), probabilities(run({**base, "symptoms": {"fever": False}}))
    knee = next(c for c in run({**base, "symptoms": {"fever": False}}).conditions if c.code == "knee-osteoarthritis")
    assert "symptoms.fever" not in {e.item for e in knee.evidence}
    # Its weight did not move, so against another condition fever does not touch, its odds are unchanged.
    ratio = before["knee-osteoarthritis"] / before["patellofemoral-pain"]
    assert after["knee-osteoarthritis"] / after["patellofemoral-pain"] == pytest.approx(ratio, rel=0.02)


def test_each_condition_shows_the_evidence_for_and_against_it():
    alone = {**SPEC_EXAMPLE, "symptoms": {"bladder-dysfunction": False}}  # SLR the only sciatic sign
    herniation = next(c for c in run(alone).conditions if c.code == "lumbar-disc-herniation")
    slr = next(e for e in herniation.evidence if e.item == "tests.straight-leg-raise")
    assert slr.effect == "supports" and slr.weight == pytest.approx(math.log(0.91 / 0.74), abs=1e-3)
    negative = run({**SPEC_EXAMPLE, "tests": {"slump-test": "negative"}})
    herniation = next(c for c in negative.conditions if c.code == "lumbar-disc-herniation")
    slump = next(e for e in herniation.evidence if e.item == "tests.slump-test")
    assert slump.effect == "against" and slump.weight == pytest.approx(math.log(0.16 / 0.83), abs=1e-3)


def test_the_spec_example_localises_to_l5_on_the_left():
    result = run(SPEC_EXAMPLE)
    assert result.nerve_roots[0].code == "L5"
    assert result.nerve_roots[0].sides == ("left",)


def test_hip_abduction_weakness_tells_l5_root_from_fibular_nerve():
    fibular = {
        "age": 30,
        "sensory_changes": [{"region": "foot-dorsum", "side": "left", "kind": "numbness"}],
        "weakness": [{"action": "ankle-dorsiflexion", "side": "left"}],
    }
    root = {**fibular, "weakness": [*fibular["weakness"], {"action": "hip-abduction", "side": "left"}]}
    assert run(fibular).nerves[0].code == "common-fibular"
    nerves = {n.code: n.score for n in run(root).nerves}
    assert run(root).nerve_roots[0].code == "L5"
    assert nerves.get("common-fibular", 0) < run(root).nerve_roots[0].score


def test_red_flags_fire_from_curated_triggers_not_code():
    knowledge = fixture_knowledge()
    request = {"age": 30, "symptoms": {"pregnancy": True}}
    assert run(request).triage.level != "emergency"
    extra = Trigger(
        "test-only",
        "A made-up trigger for the test.",
        TriageLevel.EMERGENCY,
        (Criterion(CriterionKind.SYMPTOM_PRESENT, "pregnancy", None),),
    )
    flags = tuple(
        replace(flag, triggers=(*flag.triggers, extra)) if flag.code == "cauda-equina" else flag
        for flag in knowledge.red_flags
    )
    result = run(request, replace(knowledge, red_flags=flags))
    assert result.triage.level == "emergency"
    assert result.triage.red_flags[0].triggered_by == ("symptoms.pregnancy",)


def test_a_red_flag_is_never_outweighed_by_probabilities():
    result = run(
        {
            "age": 35,
            "symptoms": {"saddle-anaesthesia": True, "back-pain": False},
            "tests": {"straight-leg-raise": "negative"},
        }
    )
    assert result.triage.level == "emergency"
    first = result.conditions[0]
    assert (first.code, first.rule_out, first.probability) == ("cauda-equina-syndrome", True, None)


def test_a_motor_deficit_is_at_least_routine():
    result = run({"age": 30, "weakness": [{"action": "knee-flexion", "side": "left"}]})
    assert result.triage.level in ("routine", "urgent", "emergency")


def test_self_care_only_when_nothing_points_higher():
    strain = {"age": 25, "duration_days": 2, "symptoms": {"onset-after-lifting-or-strain": True}}
    assert run(strain).triage.level == "self_care"
    assert run({**strain, "duration_days": 60}).triage.level == "routine"


@pytest.mark.parametrize("vignette", VIGNETTES, ids=lambda v: v.name)
def test_recommendations_are_safe(vignette):
    result = run(vignette.request)
    knowledge = fixture_knowledge()
    recommended = result.recommendations
    treatments = {t.code for t in recommended.treatments}
    exercises = {e.code for e in recommended.exercises}
    assert exercises.isdisjoint(e.code for e in recommended.exercises_to_avoid)
    if result.triage.level in ("urgent", "emergency"):
        assert recommended.exercises == ()
    if result.triage.level == "self_care":
        assert not any(t.invasive for t in recommended.treatments)
    assert all(t.discuss_with_specialist for t in recommended.treatments if t.invasive)
    assert all(t.name and t.reason and t.condition_name for t in recommended.treatments)
    guiding = [c for c in result.conditions if c.role == "cause" and (c.rule_out or c.probability >= 0.3)]
    for condition in guiding:
        links = knowledge.conditions[condition.code].treatments
        harmful = {code for code, link in links.items() if link.recommendation == "not_recommended"}
        assert harmful.isdisjoint(treatments), condition.code


def test_the_result_is_stamped_with_the_versions():
    result = run(SPEC_EXAMPLE)
    assert result.knowledge_version == "fixtures"
    assert result.engine_version


def with_extra_cauda_equina_trigger(trigger):
    knowledge = fixture_knowledge()
    flags = tuple(
        replace(flag, triggers=(*flag.triggers, trigger)) if flag.code == "cauda-equina" else flag
        for flag in knowledge.red_flags
    )
    return replace(knowledge, red_flags=flags)


def test_a_trigger_without_criteria_never_fires():
    knowledge = with_extra_cauda_equina_trigger(Trigger("unfinished", "Being written.", "emergency", ()))
    assert run({"age": 30, "symptoms": {"back-pain": True}}, knowledge).triage.level != "emergency"


def test_a_prior_at_the_edge_cannot_break_the_engine():
    knowledge = fixture_knowledge()
    conditions = dict(knowledge.conditions)
    conditions["sciatica"] = replace(conditions["sciatica"], prior=1.0)
    conditions["spinal-infection"] = replace(conditions["spinal-infection"], prior=0.0)
    result = run(SPEC_EXAMPLE, replace(knowledge, conditions=conditions))
    assert all(0 <= c.probability <= 1 for c in result.conditions)


def knowledge_with_many_conditions(count: int):
    """The shipped knowledge plus `count` made-up conditions on the same anatomy and findings."""
    import random

    from assessments.engine.build import build_index

    knowledge = fixture_knowledge()
    rng = random.Random(7)
    real = list(knowledge.conditions.values())
    conditions = dict(knowledge.conditions)
    for number in range(count):
        model = rng.choice(real)
        # Made-up conditions are told apart by made-up findings, as new knowledge would be.
        accuracies = rng.sample(sorted(model.evidence.values(), key=repr), k=min(3, len(model.evidence)))
        evidence = {Item.symptom(f"made-up-{number}-{i}"): accuracy for i, accuracy in enumerate(accuracies)}
        conditions[f"made-up-{number}"] = replace(
            model,
            code=f"made-up-{number}",
            name=f"Made-up condition {number}",
            role=ConditionRole.CAUSE,
            prior=rng.uniform(0.0005, 0.3),
            pain_regions=dict(rng.sample(sorted(model.pain_regions.items()), k=min(2, len(model.pain_regions)))),
            evidence=evidence,
            modifiers=(),
            explained_by=(),
        )
    return replace(knowledge, conditions=conditions, index=build_index(conditions))


def test_weighing_only_the_touched_conditions_changes_no_result(monkeypatch):
    knowledge = knowledge_with_many_conditions(300)
    differential = importlib.import_module("assessments.engine.differential")
    data = AssessmentInput.from_dict({"age": 40, "symptoms": {"fever": True, "back-pain": True}})
    weighed = differential.candidates(data, differential.deficit_findings(data), knowledge)
    assert len(weighed) < len(knowledge.conditions) / 2  # the pruning is really exercised
    requests = [v.request for v in VIGNETTES] + [{"age": 40, "symptoms": {"fever": True, "back-pain": True}}]
    quick = [run(request, knowledge).to_dict() for request in requests]
    monkeypatch.setattr(differential, "RANKED_PER_CATEGORY", 10_000)  # every condition in the running
    exhaustive = [run(request, knowledge).to_dict() for request in requests]
    assert quick == exhaustive
