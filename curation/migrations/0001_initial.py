"""The change requests, taken over from the knowledge store's app with their table, rows and permissions.

The table was created by conditions' first migration and keeps its name; only Django's state moves
here (conditions 0007 drops it from that app's state). The content types are renamed rather than
recreated, so the reviewer permission held by the Reviewers role, and the admin's log entries, follow.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MOVED = ("changerequest", "pendingchangerequest")


def move_content_types(old: str, new: str):
    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        content_types = ContentType.objects.using(schema_editor.connection.alias)
        for model in MOVED:
            if not content_types.filter(app_label=new, model=model).exists():
                content_types.filter(app_label=old, model=model).update(app_label=new)

    return move


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("conditions", "0007_change_requests_move_to_curation"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ChangeRequest",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("summary", models.CharField(help_text="What the change does, in a line.", max_length=300)),
                        ("changes", models.JSONField()),
                        ("status", models.CharField(choices=[("pending", "Awaiting review"), ("approved", "Approved and published"), ("rejected", "Rejected")], default="pending", max_length=10)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("reviewed_at", models.DateTimeField(blank=True, null=True)),
                        ("review_note", models.TextField(blank=True, help_text="Why it was rejected, or anything the author should know.")),
                        ("published_version", models.CharField(blank=True, help_text="The knowledge version this change was published in.", max_length=40)),
                        ("author", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="change_requests_made", to=settings.AUTH_USER_MODEL)),
                        ("reviewer", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="change_requests_reviewed", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        "db_table": "conditions_changerequest",
                        "ordering": ["-created_at"],
                        "permissions": [("review_changerequest", "Can approve or reject changes made by others")],
                        "constraints": [
                            models.CheckConstraint(condition=models.Q(("status__in", ["pending", "approved", "rejected"])), name="changerequest_status_valid"),
                            models.CheckConstraint(condition=models.Q(("status", "pending"), models.Q(("reviewer__isnull", False), models.Q(("reviewer", models.F("author")), _negated=True)), _connector="OR"), name="changerequest_reviewed_by_someone_else"),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="PendingChangeRequest",
                    fields=[],
                    options={
                        "verbose_name": "change awaiting review",
                        "verbose_name_plural": "changes awaiting review",
                        "proxy": True,
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=("curation.changerequest",),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(
            move_content_types("conditions", "curation"), move_content_types("curation", "conditions")
        ),
    ]  # fmt: skip
