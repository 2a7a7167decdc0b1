"""A group per language the knowledge is translated into: its members read it, so they may approve its texts."""

from django.db import migrations

READERS = ("Reads Turkish",)


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in READERS:
        Group.objects.get_or_create(name=name)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=READERS).delete()


class Migration(migrations.Migration):
    dependencies = [("conditions", "0016_texts_per_language"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(create_groups, remove_groups)]
