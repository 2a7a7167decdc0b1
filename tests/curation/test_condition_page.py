"""The condition page for clinicians: sections, lists one per line, clinical messages, Submit for review."""

import pytest
from django.contrib.admin.utils import flatten
from django.core.exceptions import ValidationError
from django.urls import reverse

from conditions import models as m
from curation.admin.forms import LinesField, validate_icd10_code
from curation.admin.records import ConditionAdmin
from curation.models import ChangeRequest
from tests.helpers import page_data

SECTION_HEADINGS = [
    "Summary and coding",
    "How common (prior)",
    "Where it hurts",
    "Findings and their accuracy",
    "Red flags",
    "Care",
    "Related conditions",
    "Sources",
]


# --- the list field ------------------------------------------------------------------------------


def test_lines_field_shows_a_list_one_item_per_line_and_reads_it_back():
    field = LinesField(required=False)
    codes = ["M54.16", "M54.17"]
    assert field.prepare_value(codes) == "M54.16\nM54.17"
    assert field.clean(field.prepare_value(codes)) == codes


def test_lines_field_drops_blank_lines_and_strips_whitespace():
    field = LinesField(required=False)
    assert field.clean("  slipped disc \r\n\n   \nprolapsed disc\n") == ["slipped disc", "prolapsed disc"]
    assert field.clean("") == []
    assert field.clean("\n  \n") == []


def test_lines_field_keeps_typed_text_as_typed():
    assert LinesField().prepare_value("M54.16\nnot yet clean") == "M54.16\nnot yet clean"


def test_a_required_lines_field_needs_a_line():
    with pytest.raises(ValidationError):
        LinesField().clean("\n \n")


def test_lines_field_has_changed_only_when_the_list_changes():
    field = LinesField(required=False)
    assert not field.has_changed(["M54.16"], " M54.16 \n\n")
    assert field.has_changed(["M54.16"], "M54.16\nM54.17")


def test_lines_field_names_every_bad_line():
    field = LinesField(required=False, line_validators=[validate_icd10_code])
    assert field.clean("M54.16\nM22.2X1\nG57") == ["M54.16", "M22.2X1", "G57"]
    with pytest.raises(ValidationError) as caught:
        field.clean("M54.16\nM5416\nsciatica\n")
    messages = caught.value.messages
    assert len(messages) == 2
    assert messages[0].startswith("“M5416” is not an ICD-10 code")
    assert messages[1].startswith("“sciatica” is not an ICD-10 code")
    assert "for example M54.16" in messages[0]


@pytest.mark.parametrize("code", ["m54.16", "M5.16", "M54.", "M54.16789", "M54-16", "54.16"])
def test_codes_that_are_not_icd10_are_refused(code):
    with pytest.raises(ValidationError):
        validate_icd10_code(code)


@pytest.mark.django_db
def test_every_shipped_icd10_code_passes():
    for codes in m.Condition.objects.values_list("icd10_codes", flat=True):
        for code in codes:
            validate_icd10_code(code)


# --- the admin page ------------------------------------------------------------------------------


def change_url(condition):
    return reverse("admin:conditions_condition_change", args=[condition.pk])


@pytest.mark.django_db
def test_the_change_page_opens_for_an_editor_with_every_section(editor_client):
    condition = m.Condition.objects.get(code="cauda-equina-syndrome")
    response = editor_client.get(change_url(condition))
    assert response.status_code == 200
    page = response.content.decode()
    for heading in SECTION_HEADINGS:
        assert f'<h2 class="fieldset-heading">{heading}</h2>' in page
    assert page.count("<details open>") == 1  # the summary; the others open when needed


@pytest.mark.django_db
def test_every_condition_field_and_inline_is_in_a_section():
    fields = set(flatten([field for section in ConditionAdmin.sections for field in section.fields]))
    editable = {field.name for field in m.Condition._meta.get_fields() if field.editable and not field.auto_created}
    assert {"name_tr", "summary_tr", "translation_status"} <= editable  # the Turkish beside the English
    assert editable - {"nerve_roots", "nerves", "pain_regions", "symptoms", "tests", "related"} <= fields
    assert len(ConditionAdmin.inlines) == len(set(ConditionAdmin.inlines)) == 9


@pytest.mark.django_db
def test_lists_are_shown_one_per_line(editor_client):
    condition = m.Condition.objects.get(code="lumbar-radiculopathy")
    page = editor_client.get(change_url(condition)).content.decode()
    assert ">\nM54.16\nM54.17</textarea>" in page
    assert "trapped nerve\npinched nerve" in page


@pytest.mark.django_db
def test_the_red_flags_section_links_to_the_flags_that_point_here(editor_client):
    condition = m.Condition.objects.get(code="cauda-equina-syndrome")
    flag = condition.red_flags.first()
    page = editor_client.get(change_url(condition)).content.decode()
    assert reverse("admin:conditions_redflag_change", args=[flag.pk]) in page
    assert flag.name in page


@pytest.mark.django_db
def test_the_buttons_say_the_change_goes_for_review(editor_client):
    for url in (
        change_url(m.Condition.objects.first()),
        reverse("admin:conditions_condition_add"),
        reverse("admin:conditions_symptom_add"),
    ):
        page = editor_client.get(url).content.decode()
        assert 'value="Submit for review"' in page
        assert 'value="Save' not in page
    version = m.KnowledgeVersion.objects.first()
    page = editor_client.get(reverse("admin:conditions_knowledgeversion_change", args=[version.pk])).content.decode()
    assert "Submit for review" not in page


@pytest.mark.django_db
def test_going_back_to_an_earlier_version_says_it_is_for_review(editor_client):
    condition = m.Condition.objects.get(code="sciatica")
    record = condition.history.earliest()
    url = reverse("admin:conditions_condition_simple_history", args=[condition.pk, record.history_id])
    page = editor_client.get(url).content.decode()
    assert 'value="Submit for review"' in page
    assert 'value="Revert"' not in page


@pytest.mark.django_db
def test_posting_lists_as_lines_proposes_lists(editor_client, django_capture_on_commit_callbacks):
    condition = m.Condition.objects.get(code="piriformis-syndrome")
    data = page_data(editor_client.get(change_url(condition)))
    data |= {"icd10_codes": " G57.00\r\n\r\nG57.01 \r\n", "synonyms": "deep gluteal syndrome\n\n  wallet sciatica "}
    data["change_reason"] = "The codes and names clinicians use for it."
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(change_url(condition), data)
    change_request = ChangeRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:curation_changerequest_change", args=[change_request.pk])
    [change] = change_request.changes
    assert change["model"] == "conditions.Condition" and change["action"] == "update"
    assert change["after"]["fields"]["icd10_codes"] == ["G57.00", "G57.01"]
    assert change["after"]["fields"]["synonyms"] == ["deep gluteal syndrome", "wallet sciatica"]
    condition.refresh_from_db()
    assert condition.synonyms != ["deep gluteal syndrome", "wallet sciatica"]  # nothing is live before review


@pytest.mark.django_db
def test_a_bad_icd10_line_is_named_and_nothing_is_proposed(editor_client):
    condition = m.Condition.objects.get(code="piriformis-syndrome")
    data = page_data(editor_client.get(change_url(condition))) | {"icd10_codes": "G57.00\nG5700"}
    page = editor_client.post(change_url(condition), data).content.decode()
    assert "“G5700” is not an ICD-10 code" in page
    assert not ChangeRequest.objects.exists()


@pytest.mark.django_db
def test_a_percentage_for_specificity_gets_the_clinical_message(editor_client):
    condition = m.Condition.objects.get(code="piriformis-syndrome")
    response = editor_client.get(change_url(condition))
    row = list(condition.test_links.order_by("test__name").values_list("test__code", flat=True)).index("fair-test")
    data = page_data(response) | {f"test_links-{row}-specificity": "83"}
    response = editor_client.post(change_url(condition), data)
    page = response.content.decode()
    assert "Specificity is a proportion between 0 and 1: enter 0.83 for 83%" in page
    assert not ChangeRequest.objects.exists()
    findings = next(part for part in response.context["sections"] if part["section"].slug == "findings")
    assert findings["open"]  # the section with the error opens, so the message is seen
