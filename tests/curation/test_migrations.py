"""Change requests moved to the curation app: an existing database keeps its rows, permissions and log."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from curation.models import ChangeRequest

BEFORE_THE_MOVE = [("conditions", "0006_loaded_records_and_test_floors")]

pytestmark = [pytest.mark.commits, pytest.mark.django_db(transaction=True)]


def migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection)  # a fresh loader sees what is applied now


def latest() -> list:
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def test_change_requests_keep_their_rows_permissions_and_log_when_they_move_to_curation():
    loader = migrate(BEFORE_THE_MOVE).loader
    admin_log = [node for node in loader.graph.leaf_nodes() if node[0] == "admin"]
    old = loader.project_state([*BEFORE_THE_MOVE, *admin_log]).apps
    user_model = old.get_model("auth", "User")
    author = user_model.objects.create(username="old-editor")
    reviewer = user_model.objects.create(username="old-reviewer")
    old_request = old.get_model("conditions", "ChangeRequest").objects.create(
        summary="Fake change.", changes=[], author=author, reviewer=reviewer, status="approved"
    )
    old_types = old.get_model("contenttypes", "ContentType").objects
    old_type, _ = old_types.get_or_create(app_label="conditions", model="changerequest")
    reviewers = old.get_model("auth", "Group").objects.create(name="Old reviewers")
    review, _ = old.get_model("auth", "Permission").objects.get_or_create(
        content_type=old_type, codename="review_changerequest"
    )
    reviewers.permissions.add(review)
    old.get_model("admin", "LogEntry").objects.create(
        user=reviewer, content_type=old_type, object_id=str(old_request.pk), action_flag=2, object_repr="Fake."
    )

    migrate(latest())

    moved = ChangeRequest.objects.get(pk=old_request.pk)
    assert (moved.summary, moved.author.username, moved.status) == ("Fake change.", "old-editor", "approved")
    content_type = ContentType.objects.get_for_model(ChangeRequest)
    assert content_type.pk == old_type.pk and content_type.app_label == "curation"
    assert not ContentType.objects.filter(app_label="conditions", model="changerequest").exists()
    reviewers = Group.objects.get(name="Old reviewers")
    assert reviewers.permissions.filter(content_type=content_type, codename="review_changerequest").exists()
    assert content_type.logentry_set.get().get_edited_object() == moved
