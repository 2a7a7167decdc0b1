"""Provenance stays true: a study's figure changes only with a new source, or as an estimate with a rationale."""

import pytest
from django.urls import reverse

from conditions import models as m
from curation.capture import proposed_changes
from curation.models import ChangeRequest
from curation.provenance import silent_figure_changes
from curation.services import SilentFigureChange, change_request_submit
from tests.factories import make_source
from tests.helpers import page_data

FAIR = {"condition__code": "piriformis-syndrome", "test__code": "fair-test"}
STUDY = {"provenance": "study", "source": 7, "rationale": "", "sensitivity": 0.88, "specificity": 0.83}


# --- the rule ------------------------------------------------------------------------------------


def refused(**after) -> dict[str, str]:
    return silent_figure_changes(m.ConditionTest, STUDY, STUDY | after)


def test_a_study_figure_changed_on_its_own_is_refused_naming_the_field():
    assert list(refused(sensitivity=0.85)) == ["sensitivity"]
    message = refused(sensitivity=0.85)["sensitivity"]
    assert message.startswith("Sensitivity is cited to a study")
    assert "“source”" in message and "“provenance” to curator estimate" in message


def test_a_study_figure_changes_with_a_new_source_that_reports_it():
    assert refused(sensitivity=0.85, source=8) == {}


def test_a_study_figure_changes_as_a_curator_estimate_with_a_rationale():
    assert refused(sensitivity=0.85, provenance="curator_estimate", source=None, rationale="Pooled, see note.") == {}


def test_an_estimate_without_a_rationale_or_a_study_without_a_source_is_still_refused():
    assert "sensitivity" in refused(sensitivity=0.85, provenance="curator_estimate", source=None, rationale=" ")
    assert "sensitivity" in refused(sensitivity=0.85, source=None)


def test_a_citation_corrected_alone_and_an_estimate_revised_pass():
    assert refused(source=8) == {}
    estimate = STUDY | {"provenance": "curator_estimate", "source": None, "rationale": "A guess."}
    assert silent_figure_changes(m.ConditionTest, estimate, estimate | {"sensitivity": 0.5}) == {}


def test_the_rule_covers_sample_sizes_intervals_modifiers_and_priors():
    assert "sample_size" in refused(sample_size=900)
    modifier = {"provenance": "study", "source": 1, "likelihood_ratio": 2.0, "minimum": 70}
    changed = modifier | {"likelihood_ratio": 3.0, "minimum": 65}
    assert set(silent_figure_changes(m.ConditionModifier, modifier, changed)) == {"likelihood_ratio", "minimum"}
    prior = {"prior_provenance": "study", "prior_source": 1, "prior": 0.04}
    assert list(silent_figure_changes(m.Condition, prior, prior | {"prior": 0.05})) == ["prior"]


# --- in the admin --------------------------------------------------------------------------------


def evidence_form(link, **changes):
    data = {
        "change_reason": "A test of the provenance rule.",
        "condition": link.condition_id,
        "test": link.test_id,
        "sensitivity": link.sensitivity,
        "specificity": link.specificity,
        "provenance": link.provenance,
        "source": link.source_id or "",
        "sample_size": link.sample_size or "",
        "rationale": link.rationale,
        "note": link.note,
    }
    return data | changes


def post_fair(client, **changes):
    link = m.ConditionTest.objects.get(**FAIR)
    return client.post(reverse("admin:conditions_conditiontest_change", args=[link.pk]), evidence_form(link, **changes))


@pytest.mark.django_db
def test_the_evidence_page_refuses_a_silent_edit_of_a_study_figure(editor_client):
    response = post_fair(editor_client, sensitivity=0.85)
    assert response.status_code == 200
    assert "Sensitivity is cited to a study" in response.context["adminform"].form.errors["sensitivity"][0]
    assert not ChangeRequest.objects.exists()
    assert m.ConditionTest.objects.get(**FAIR).sensitivity == 0.88


@pytest.mark.django_db
def test_a_new_figure_with_the_study_that_reports_it_is_submitted(editor_client):
    study = make_source(name="Made-up study for a test")
    response = post_fair(editor_client, sensitivity=0.85, source=study.pk, sample_size=200)
    assert response.status_code == 302
    [change] = ChangeRequest.objects.get().changes
    assert change["after"]["fields"]["source"] == [study.code]
    assert change["after"]["fields"]["sensitivity"] == 0.85


@pytest.mark.django_db
def test_a_new_figure_as_an_estimate_shows_its_provenance_before_and_after(editor_client, client, reviewer):
    estimate = {"provenance": "curator_estimate", "source": "", "sample_size": "", "rationale": "Later series agree."}
    assert post_fair(editor_client, sensitivity=0.85, **estimate).status_code == 302
    client.force_login(reviewer)
    change_request = ChangeRequest.objects.get()
    page = client.get(reverse("admin:curation_changerequest_change", args=[change_request.pk])).content.decode()
    assert "Where the accuracy figures come from" in page
    assert "Fishman et al. 2002: Piriformis syndrome" in page  # before: the study
    assert "Curator estimate" in page and "Later series agree." in page  # after: the estimate and its rationale


@pytest.mark.django_db
def test_the_condition_page_names_the_refused_figure_in_its_evidence_row(editor_client):
    condition = m.Condition.objects.get(code="piriformis-syndrome")
    url = reverse("admin:conditions_condition_change", args=[condition.pk])
    row = list(condition.test_links.order_by("test__name").values_list("test__code", flat=True)).index("fair-test")
    data = page_data(editor_client.get(url)) | {f"test_links-{row}-sensitivity": "0.85", "change_reason": "Typo."}
    response = editor_client.post(url, data)
    [formset] = [f.formset for f in response.context["inline_admin_formsets"] if f.formset.prefix == "test_links"]
    assert formset.forms[row].errors["sensitivity"][0].startswith("Sensitivity is cited to a study")
    findings = next(part for part in response.context["sections"] if part["section"].slug == "findings")
    assert findings["open"]
    assert not ChangeRequest.objects.exists()


@pytest.mark.django_db
def test_a_prior_cited_to_a_study_changes_only_with_a_new_source_or_as_an_estimate(editor_client):
    condition = m.Condition.objects.get(code="hip-osteoarthritis")
    m.Condition.objects.filter(pk=condition.pk).update(prior_provenance="study", prior_source=make_source())
    url = reverse("admin:conditions_condition_change", args=[condition.pk])
    data = page_data(editor_client.get(url)) | {"prior": "0.05", "change_reason": "Newer figures."}
    response = editor_client.post(url, data)
    assert response.context["adminform"].form.errors["prior"][0].startswith("Prior is cited to a study")
    estimate = {"prior_provenance": "curator_estimate", "prior_source": "", "prior_rationale": "Newer figures."}
    assert editor_client.post(url, data | estimate).status_code == 302
    assert ChangeRequest.objects.count() == 1


@pytest.mark.django_db
def test_submitting_a_silent_edit_by_any_other_path_is_refused_too(editor):
    with proposed_changes() as proposal:
        modifier = m.ConditionModifier.objects.get(condition__code="lumbar-spinal-stenosis", code="age-over-70")
        modifier.likelihood_ratio = 3.0
        modifier.save()
    with pytest.raises(SilentFigureChange, match="Likelihood ratio is cited to a study"):
        change_request_submit(author=editor, changes=proposal["changes"], reason="Looks low.")
    assert not ChangeRequest.objects.exists()
