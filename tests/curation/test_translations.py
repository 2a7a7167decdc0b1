"""Translations are curated like every text: an edit of the Turkish is a reviewed change with its history, and
marking a record's Turkish approved takes a reviewer who reads Turkish."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied

from conditions import models as m
from curation.capture import proposed_changes
from curation.services import change_request_approve, change_request_submit

pytestmark = pytest.mark.django_db


def propose(author, **fields):
    with proposed_changes() as proposal:
        condition = m.Condition.objects.get(code="sciatica")
        for name, value in fields.items():
            setattr(condition, name, value)
        condition.save()
    return change_request_submit(author=author, changes=proposal["changes"], reason="Checked by a Turkish reader.")


def test_a_turkish_text_changes_only_through_review_and_keeps_its_history_and_the_english(api, editor, reviewer):
    english = m.Condition.objects.get(code="sciatica").name_en
    request = propose(editor, name_tr="Siyatik (bacağa yayılan sinir ağrısı)")
    assert m.Condition.objects.get(code="sciatica").name_tr != "Siyatik (bacağa yayılan sinir ağrısı)"  # not yet
    change_request_approve(change_request=request, reviewer=reviewer)
    condition = m.Condition.objects.get(code="sciatica")
    assert condition.name_tr == "Siyatik (bacağa yayılan sinir ağrısı)" and condition.name_en == english
    assert condition.history.first().name_tr == condition.name_tr  # the history has the translation too
    assert api.get("/api/v1/conditions/sciatica/?lang=tr").json()["name"] == condition.name_tr
    assert api.get("/api/v1/conditions/sciatica/").json()["name"] == english


def test_approving_the_turkish_takes_a_reviewer_who_reads_it(api, editor, reviewer):
    request = propose(editor, translation_status={"tr": "approved"})
    with pytest.raises(PermissionDenied, match="Reads Turkish"):
        change_request_approve(change_request=request, reviewer=reviewer)
    reviewer.groups.add(Group.objects.get(name="Reads Turkish"))
    change_request_approve(change_request=request, reviewer=reviewer)
    body = api.get("/api/v1/conditions/sciatica/?lang=tr").json()
    assert body["translation"] == {"language": "tr", "status": "approved", "fallback": []}


def test_a_change_to_an_approved_record_that_leaves_its_status_alone_needs_no_reader(editor, reviewer):
    m.Condition.objects.filter(code="sciatica").update(translation_status={"tr": "approved"})
    request = propose(editor, note="A caveat for readers.")
    assert change_request_approve(change_request=request, reviewer=reviewer).status == "approved"
