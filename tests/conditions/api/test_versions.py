"""Knowledge versions for researchers: GET versions/ lists what each published and who approved it, and the
JSON and CSV exports rebuild the knowledge as any published version had it."""

import io
import zipfile

import pandas as pd
import pytest
from django.urls import reverse

from conditions import models as m
from conditions.versioning import knowledge_fingerprint, knowledge_version
from curation.models import ChangeRequest
from curation.services import change_request_approve

pytestmark = pytest.mark.django_db

FAIR = {"condition__code": "piriformis-syndrome", "test__code": "fair-test"}


def propose_and_approve(client, reviewer, capture, **changes) -> ChangeRequest:
    """An editor's change to the FAIR test's evidence for piriformis syndrome, approved by a reviewer.

    The shipped figure is from a study: a new figure without a new study is a curator's estimate, with a reason.
    """
    link = m.ConditionTest.objects.get(**FAIR)
    form = {
        "condition": link.condition_id,
        "test": link.test_id,
        "sensitivity": link.sensitivity,
        "specificity": link.specificity,
        "lr_positive": "",
        "lr_negative": "",
        "provenance": "curator_estimate",
        "source": "",
        "rationale": "A curator's reading of later series.",
        "note": link.note,
        "change_reason": "A newer figure.",
    }
    with capture(execute=True):
        client.post(reverse("admin:conditions_conditiontest_change", args=[link.pk]), form | changes)
    with capture(execute=True):
        change_request = change_request_approve(change_request=ChangeRequest.objects.get(), reviewer=reviewer)
    change_request.refresh_from_db()
    return change_request


def fair_sensitivity(export: dict) -> float:
    condition = next(c for c in export["conditions"] if c["code"] == "piriformis-syndrome")
    return next(t["sensitivity"] for t in condition["tests"] if t["code"] == "fair-test")


def test_the_versions_are_listed_newest_first_with_what_each_changed_and_who_approved_it(
    api, editor_client, reviewer, django_capture_on_commit_callbacks
):
    before = knowledge_version()
    change_request = propose_and_approve(editor_client, reviewer, django_capture_on_commit_callbacks, sensitivity=0.8)
    body = api.get("/api/v1/versions/").json()
    newest, previous = body["results"][0], body["results"][1]
    assert newest["version"] == change_request.published_version == knowledge_version()
    assert previous["version"] == before
    assert newest["approved_by"] == ["rita-reviewer"]
    assert newest["change_requests"] == [
        {
            "id": change_request.pk,
            "summary": change_request.summary,
            "author": "edna-editor",
            "approved_by": "rita-reviewer",
            "approved_at": change_request.reviewed_at.isoformat().replace("+00:00", "Z"),
            "first_approved_by": None,
            "reason": "A newer figure.",
        }
    ]
    assert newest["changes"] == {
        "added": {},
        "changed": {"condition_tests": ["piriformis-syndrome/fair-test"]},
        "removed": {},
    }
    assert newest["published_at"] > previous["published_at"]


def test_the_first_version_added_the_shipped_knowledge(api):
    body = api.get("/api/v1/versions/?page_size=200").json()
    first = body["results"][-1]
    assert first["approved_by"] == [] and first["change_requests"] == []
    assert "lumbar-disc-herniation" in first["changes"]["added"]["conditions"]
    assert "L5/thigh-lateral" in first["changes"]["added"]["dermatomes"]
    assert "thigh-lateral/front/left" in first["changes"]["added"]["region_shapes"]


def test_a_removed_record_is_listed_as_removed_in_the_version_that_removed_it(api, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        m.Dermatome.objects.get(root__code="L4", region__code="big-toe").delete()
    newest, first = api.get("/api/v1/versions/").json()["results"]
    assert newest["changes"]["removed"] == {"dermatomes": ["L4/big-toe"]}
    assert "L4/big-toe" in first["changes"]["added"]["dermatomes"]  # each version keeps its own changes


def test_the_export_at_an_old_version_shows_the_old_value(
    api, editor_client, reviewer, django_capture_on_commit_callbacks
):
    old = knowledge_version()
    change_request = propose_and_approve(editor_client, reviewer, django_capture_on_commit_callbacks, sensitivity=0.8)
    assert fair_sensitivity(api.get("/api/v1/export/").json()) == 0.8
    then = api.get(f"/api/v1/export/?version={old}").json()
    assert then["knowledge_version"] == old
    assert fair_sensitivity(then) == 0.88
    now = api.get(f"/api/v1/export/?version={change_request.published_version}").json()
    assert fair_sensitivity(now) == 0.8


def test_an_old_versions_export_leaves_the_live_knowledge_as_it_was(api, django_capture_on_commit_callbacks):
    old = knowledge_version()
    with django_capture_on_commit_callbacks(execute=True):
        m.Symptom.objects.get(code="pain-burning").delete()
    fingerprint, version = knowledge_fingerprint(), knowledge_version()
    then = api.get(f"/api/v1/export/?version={old}").json()
    assert "pain-burning" in {symptom["code"] for symptom in then["symptoms"]}
    assert knowledge_fingerprint() == fingerprint and knowledge_version() == version
    assert not m.Symptom.objects.filter(code="pain-burning").exists()


def test_the_export_at_the_current_version_is_the_live_export(api):
    live = api.get("/api/v1/export/").json()
    rebuilt = api.get(f"/api/v1/export/?version={knowledge_version()}").json()
    live.pop("generated_at"), rebuilt.pop("generated_at")
    assert rebuilt == live


@pytest.mark.parametrize("url", ["/api/v1/export/", "/api/v1/export/csv/"])
@pytest.mark.parametrize("version", ["999.0badc0de", "999", "1.0badc0de", "latest", "-1"])
def test_a_version_that_never_existed_is_a_404(api, url, version):
    response = api.get(f"{url}?version={version}")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def tables(response) -> dict[str, pd.DataFrame]:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    return {name.removesuffix(".csv"): pd.read_csv(archive.open(name)) for name in archive.namelist()}


def test_every_csv_table_loads_into_pandas_with_codes_not_ids(api):
    loaded = tables(api.get("/api/v1/export/csv/"))
    assert pd.read_csv  # each table above was one call of it
    dermatomes = loaded["dermatomes"]
    assert list(dermatomes.columns) == ["root", "region", "typicality", "note", "updated_version"]
    assert {"L5", "S1"} <= set(dermatomes["root"]) and "thigh-lateral" in set(dermatomes["region"])
    criteria = loaded["criteria"]
    assert {"trigger_red_flag", "trigger_code", "position", "symptom"} <= set(criteria.columns)
    assert "cauda-equina" in set(criteria["trigger_red_flag"])
    conditions = loaded["conditions"].set_index("code")
    assert conditions.loc["sciatica", "icd10_codes"] == '["M54.30", "M54.31", "M54.32"]'
    assert conditions["upper_motor_neurone"].dtype == bool
    assert len(loaded["region_shapes"]) == m.RegionShape.objects.count()
    assert loaded["about"].set_index("field").loc["knowledge_version", "value"] == knowledge_version()
    assert not [name for name, frame in loaded.items() if "curation_note" in frame.columns]  # curators' own notes


def test_every_table_in_the_zip_is_compressed(api):
    archive = zipfile.ZipFile(io.BytesIO(api.get("/api/v1/export/csv/").content))
    members = archive.infolist()
    assert {member.compress_type for member in members} == {zipfile.ZIP_DEFLATED}
    # CSV text compresses to well under half: a table stored as it is would show here.
    assert sum(m.compress_size for m in members) < sum(m.file_size for m in members) / 2


def test_the_data_dictionary_names_the_type_and_meaning_of_every_column(api):
    loaded = tables(api.get("/api/v1/export/csv/"))
    dictionary = loaded.pop("data_dictionary")
    loaded.pop("about")
    described = set(zip(dictionary["table"], dictionary["column"], strict=True))
    listed = {(table, column) for table, frame in loaded.items() for column in frame.columns}
    assert described == listed
    assert dictionary["meaning"].notna().all() and dictionary["type"].notna().all()
    row = dictionary[(dictionary["table"] == "dermatomes") & (dictionary["column"] == "root")].iloc[0]
    assert row["type"] == "code" and "nerve_roots.csv" in row["meaning"]


def test_the_csv_export_at_an_old_version_holds_the_old_rows(api, django_capture_on_commit_callbacks):
    old = knowledge_version()
    with django_capture_on_commit_callbacks(execute=True):
        m.Dermatome.objects.get(root__code="L4", region__code="big-toe").delete()
    now = tables(api.get("/api/v1/export/csv/"))["dermatomes"]
    then_response = api.get(f"/api/v1/export/csv/?version={old}")
    then = tables(then_response)["dermatomes"]
    assert len(then) == len(now) + 1
    assert ((then["root"] == "L4") & (then["region"] == "big-toe")).any()
    assert f'filename="refpain-knowledge-{old}.zip"' in then_response["Content-Disposition"]
