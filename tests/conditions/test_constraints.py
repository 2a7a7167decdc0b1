"""Every database constraint of the knowledge store rejects a bad row."""

import pytest
from django.apps import apps
from django.db import IntegrityError, transaction

from conditions import models as m
from curation.models import ChangeRequest
from tests import factories as f


def evidence(model, **fields):
    condition = f.make_condition()
    finding = {"symptom": f.make_symptom()} if model is m.ConditionSymptom else {"test": f.make_test()}
    base = {
        "condition": condition,
        **finding,
        "sensitivity": 0.5,
        "specificity": 0.5,
        "provenance": m.Provenance.CURATOR_ESTIMATE,
        "rationale": "A test figure.",
    }
    return model.objects.create(**(base | fields))


def evidence_cases(model, prefix):
    return {
        f"{prefix}_sensitivity_range": lambda: evidence(model, sensitivity=1.2),
        f"{prefix}_specificity_range": lambda: evidence(model, specificity=-0.1),
        f"{prefix}_lr_positive_range": lambda: evidence(model, lr_positive=-1),
        f"{prefix}_lr_negative_range": lambda: evidence(model, lr_negative=-0.5),
        f"{prefix}_has_figure": lambda: evidence(model, sensitivity=None, specificity=None),
        f"{prefix}_provenance_valid": lambda: evidence(model, provenance="hearsay"),
        f"{prefix}_study_has_source": lambda: evidence(model, provenance=m.Provenance.STUDY, source=None),
        f"{prefix}_estimate_has_rationale": lambda: evidence(model, rationale=""),
        f"{prefix}_unique": lambda: duplicate_evidence(model),
        f"{prefix}_estimate_has_no_study_figures": lambda: evidence(model, sample_size=80),
    }


def duplicate_evidence(model):
    row = evidence(model)
    finding = {"symptom": row.symptom} if model is m.ConditionSymptom else {"test": row.test}
    evidence(model, condition=row.condition, **finding)


def duplicate_link(model, **ends):
    model.objects.create(**ends)
    model.objects.create(**ends)


def modifier(**fields):
    base = {
        "condition": f.make_condition(),
        "code": "age-over-60",
        "kind": "age",
        "minimum": 60,
        "likelihood_ratio": 2.0,
        "provenance": m.Provenance.CURATOR_ESTIMATE,
        "rationale": "A test figure.",
    }
    return m.ConditionModifier.objects.create(**(base | fields))


def duplicate_modifier():
    row = modifier()
    modifier(condition=row.condition, code=row.code, minimum=10, maximum=20)


def criterion(kind, **fields):
    return m.TriggerCriterion.objects.create(trigger=f.make_trigger(), kind=kind, **fields)


SQUARE = "M0 0 L10 0 L10 10 L0 10 Z"

BAD_ROWS = {
    "source_kind_valid": lambda: f.make_source(kind="blog"),
    "source_doi_shape": lambda: f.make_source(doi="doi:jama.281.1.77"),
    "conditionmodifier_unique": duplicate_modifier,
    "conditionmodifier_kind_valid": lambda: modifier(kind="star_sign"),
    "conditionmodifier_ratio_positive": lambda: modifier(likelihood_ratio=0),
    "conditionmodifier_sex_named": lambda: modifier(kind="sex", minimum=None),
    "conditionmodifier_sex_only_for_sex": lambda: modifier(sex="female"),
    "conditionmodifier_band_bounded": lambda: modifier(minimum=None),
    "conditionmodifier_band_ordered": lambda: modifier(minimum=60, maximum=40),
    "conditionmodifier_provenance_valid": lambda: modifier(provenance="rumour"),
    "conditionmodifier_study_has_source": lambda: modifier(provenance=m.Provenance.STUDY),
    "conditionmodifier_estimate_has_rationale": lambda: modifier(rationale=""),
    "nerveroot_segment_valid": lambda: f.make_root(segment="cervical"),
    "nerveroot_key_point_complete": lambda: f.make_root(key_point_x=10.0),
    "regionshape_unique": lambda: duplicate_link(
        m.RegionShape, region=f.make_region(), view=m.BodyMapView.objects.get(code="front"), side="left", path=SQUARE
    ),
    "regionshape_side_valid": lambda: m.RegionShape.objects.create(
        region=f.make_region(), view=m.BodyMapView.objects.get(code="front"), side="both", path=SQUARE
    ),
    "dermatome_unique": lambda: duplicate_link(
        m.Dermatome, root=f.make_root(), region=f.make_region(), typicality="typical"
    ),
    "dermatome_typicality_valid": lambda: m.Dermatome.objects.create(
        root=f.make_root(), region=f.make_region(), typicality="usual"
    ),
    "myotome_unique": lambda: duplicate_link(
        m.Myotome, root=f.make_root(), action=f.make_action(), contribution="principal"
    ),
    "myotome_contribution_valid": lambda: m.Myotome.objects.create(
        root=f.make_root(), action=f.make_action(), contribution="major"
    ),
    "myotome_key_muscle_is_principal": lambda: m.Myotome.objects.create(
        root=f.make_root(), action=f.make_action(), contribution="contributing", is_key_muscle=True
    ),
    "reflexroot_unique": lambda: duplicate_link(
        m.ReflexRoot, root=f.make_root(), reflex=f.make_reflex(), contribution="principal"
    ),
    "reflexroot_contribution_valid": lambda: m.ReflexRoot.objects.create(
        root=f.make_root(), reflex=f.make_reflex(), contribution="some"
    ),
    "nerve_not_its_own_branch": lambda: own_branch(),
    "nerverootorigin_unique": lambda: duplicate_link(m.NerveRootOrigin, nerve=f.make_nerve(), root=f.make_root()),
    "nervesensoryregion_unique": lambda: duplicate_link(
        m.NerveSensoryRegion, nerve=f.make_nerve(), region=f.make_region()
    ),
    "nervemotoraction_unique": lambda: duplicate_link(m.NerveMotorAction, nerve=f.make_nerve(), action=f.make_action()),
    "condition_category_valid": lambda: f.make_condition(category="vibes"),
    "condition_prior_range": lambda: f.make_condition(prior=1.0),
    "condition_care_level_valid": lambda: f.make_condition(care_level="whenever"),
    "condition_role_valid": lambda: f.make_condition(role="symptom"),
    "symptom_minimum_triage_valid": lambda: f.make_symptom(minimum_triage="soonish"),
    "clinicaltest_minimum_triage_valid": lambda: f.make_test(minimum_triage="soonish"),
    "condition_prior_provenance_valid": lambda: f.make_condition(prior_provenance="rumour"),
    "condition_prior_study_has_source": lambda: f.make_condition(prior_provenance=m.Provenance.STUDY),
    "condition_prior_estimate_has_rationale": lambda: f.make_condition(prior_rationale=""),
    "conditionnerveroot_unique": lambda: duplicate_link(
        m.ConditionNerveRoot, condition=f.make_condition(), root=f.make_root()
    ),
    "conditionnerveroot_typicality_valid": lambda: m.ConditionNerveRoot.objects.create(
        condition=f.make_condition(), root=f.make_root(), typicality="often"
    ),
    "conditionnerve_unique": lambda: duplicate_link(
        m.ConditionNerve, condition=f.make_condition(), nerve=f.make_nerve()
    ),
    "conditionpainregion_unique": lambda: duplicate_link(
        m.ConditionPainRegion, condition=f.make_condition(), region=f.make_region()
    ),
    "conditionpainregion_typicality_valid": lambda: m.ConditionPainRegion.objects.create(
        condition=f.make_condition(), region=f.make_region(), typicality="often"
    ),
    "conditionrelation_unique": lambda: duplicate_link(
        m.ConditionRelation, from_condition=f.make_condition(), to_condition=f.make_condition(), kind="causes"
    ),
    "conditionrelation_kind_valid": lambda: m.ConditionRelation.objects.create(
        from_condition=f.make_condition(), to_condition=f.make_condition(), kind="resembles"
    ),
    "conditionrelation_not_self": lambda: self_relation(),
    **evidence_cases(m.ConditionSymptom, "conditionsymptom"),
    **evidence_cases(m.ConditionTest, "conditiontest"),
    "treatment_kind_valid": lambda: f.make_treatment(kind="magic"),
    "conditiontreatment_unique": lambda: duplicate_link(
        m.ConditionTreatment,
        condition=f.make_condition(),
        treatment=f.make_treatment(),
        recommendation="consider",
        evidence_note="Fake.",
    ),
    "conditiontreatment_recommendation_valid": lambda: m.ConditionTreatment.objects.create(
        condition=f.make_condition(), treatment=f.make_treatment(), recommendation="maybe", evidence_note="Fake."
    ),
    "exercise_kind_valid": lambda: f.make_exercise(kind="dance"),
    "exercise_difficulty_valid": lambda: f.make_exercise(difficulty="heroic"),
    "exercise_has_dosage": lambda: f.make_exercise(repetitions=None),
    "exercise_has_instructions": lambda: f.make_exercise(instructions=""),
    "exercise_has_cautions": lambda: f.make_exercise(cautions=""),
    "conditionexercise_unique": lambda: duplicate_link(
        m.ConditionExercise,
        condition=f.make_condition(),
        exercise=f.make_exercise(),
        suitability="avoid",
        reason="Fake.",
    ),
    "conditionexercise_suitability_valid": lambda: m.ConditionExercise.objects.create(
        condition=f.make_condition(), exercise=f.make_exercise(), suitability="fine", reason="Fake."
    ),
    "conditionexercise_has_reason": lambda: m.ConditionExercise.objects.create(
        condition=f.make_condition(), exercise=f.make_exercise(), suitability="avoid", reason=""
    ),
    "redflag_urgency_valid": lambda: f.make_red_flag(urgency="whenever"),
    "redflagcondition_unique": lambda: duplicate_link(
        m.RedFlagCondition, red_flag=f.make_red_flag(), condition=f.make_condition()
    ),
    "redflagtrigger_has_action": lambda: f.make_trigger(action=""),
    "treatment_minimum_triage_valid": lambda: f.make_treatment(minimum_triage="soonish"),
    "condition_escalate_at_range": lambda: f.make_condition(
        escalate_at=0, escalate_at_provenance="curator_estimate", escalate_at_rationale="Out of range."
    ),
    "condition_leads_at_range": lambda: f.make_condition(leads_at=1.5),
    "condition_guides_care_at_range": lambda: f.make_condition(guides_care_at=-0.1),
    "condition_invasive_care_at_range": lambda: f.make_condition(invasive_care_at=2),
    "condition_escalate_at_has_provenance": lambda: f.make_condition(escalate_at=0.2),
    "condition_escalate_at_study_has_source": lambda: f.make_condition(escalate_at=0.2, escalate_at_provenance="study"),
    "condition_escalate_at_estimate_has_rationale": lambda: f.make_condition(
        escalate_at=0.2, escalate_at_provenance="curator_estimate"
    ),
    "redflagtrigger_unique": lambda: duplicate_trigger(),
    "redflagtrigger_urgency_valid": lambda: f.make_trigger(urgency="soonish"),
    "triggercriterion_unique": lambda: duplicate_criterion(),
    "triggercriterion_kind_valid": lambda: criterion("star_sign"),
    "triggercriterion_symptom_named": lambda: criterion("symptom_present"),
    "triggercriterion_test_named": lambda: criterion("test_positive"),
    "triggercriterion_region_named": lambda: criterion("sensory_change_in_region"),
    "triggercriterion_reflex_named": lambda: criterion("reflex_abnormal"),
    "triggercriterion_age_in_range": lambda: criterion("age_at_least", number=5),
    "triggercriterion_absent_symptom_named": lambda: criterion("symptom_not_present"),
    "triggercriterion_pain_region_named": lambda: criterion("pain_in_region"),
    "triggercriterion_duration_named": lambda: criterion("duration_at_least"),
    "redflagtrigger_group_minimum": lambda: f.make_trigger(group_minimum=0),
    "knowledgeversion_singleton": lambda: m.KnowledgeVersion.objects.create(pk=2),
    "loadedfixturerecord_unique": lambda: [
        m.LoadedFixtureRecord.objects.create(model="conditions.Symptom", natural_key='["x"]', state={})
        for _ in range(2)
    ],
    "changerequest_status_valid": lambda: change_request(status="maybe", reviewer=make_user()),
    "changerequest_reviewed_by_someone_else": lambda: self_reviewed_change_request(),
    "changerequest_has_reason": lambda: change_request(reason=""),
    "changerequest_two_different_reviewers": lambda: twice_reviewed_change_request(),
}


def make_user():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user(f.unique_code("user"))


def change_request(**fields):
    defaults = {"author": make_user(), "summary": "Fake.", "changes": [], "reason": "A test."}
    return ChangeRequest.objects.create(**(defaults | fields))


def twice_reviewed_change_request():
    reviewer = make_user()
    request = change_request(first_reviewer=reviewer)
    request.status, request.reviewer = "approved", reviewer
    request.save()


def self_reviewed_change_request():
    request = change_request()
    request.status, request.reviewer = "approved", request.author
    request.save()


def own_branch():
    nerve = f.make_nerve()
    nerve.parent = nerve
    nerve.save()


def self_relation():
    condition = f.make_condition()
    m.ConditionRelation.objects.create(from_condition=condition, to_condition=condition, kind="causes")


def duplicate_trigger():
    trigger = f.make_trigger()
    f.make_trigger(red_flag=trigger.red_flag, code=trigger.code)


def duplicate_criterion():
    row = criterion("weakness")
    m.TriggerCriterion.objects.create(trigger=row.trigger, kind="weakness", position=row.position)


def declared_constraints() -> dict[str, type]:
    found = {}
    models = [model for label in ("conditions", "curation") for model in apps.get_app_config(label).get_models()]
    for model in models:
        for constraint in model._meta.constraints:
            found[constraint.name] = model
    return found


def test_every_constraint_has_a_bad_row_case():
    assert set(declared_constraints()) == set(BAD_ROWS)


@pytest.mark.django_db
@pytest.mark.parametrize("constraint_name", sorted(BAD_ROWS))
def test_constraint_rejects_bad_row(constraint_name):
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        BAD_ROWS[constraint_name]()
    message = str(error.value)
    # SQLite names check constraints but reports unique ones by their columns.
    assert constraint_name in message or "UNIQUE constraint failed" in message


@pytest.mark.django_db
@pytest.mark.parametrize("prior", [0, 1, -0.1, 1.5])
def test_a_prior_must_lie_strictly_between_0_and_1(prior):
    with pytest.raises(IntegrityError), transaction.atomic():
        f.make_condition(prior=prior)


@pytest.mark.django_db
def test_duplicate_code_is_rejected():
    condition = f.make_condition()
    with pytest.raises(IntegrityError), transaction.atomic():
        f.make_condition(code=condition.code)
