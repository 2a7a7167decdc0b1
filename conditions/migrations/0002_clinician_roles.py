"""The two clinician roles: editors propose changes to the knowledge, reviewers also approve them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

KNOWLEDGE = [
    "source", "bodyregion", "muscleaction", "reflex", "nerveroot", "dermatome", "myotome", "reflexroot",
    "nerve", "nerverootorigin", "nervesensoryregion", "nervemotoraction", "symptom", "clinicaltest",
    "condition", "conditionnerveroot", "conditionnerve", "conditionpainregion", "conditionrelation",
    "conditionsymptom", "conditiontest", "treatment", "conditiontreatment", "exercise", "conditionexercise",
    "redflag", "redflagtrigger", "triggercriterion",
]  # fmt: skip

EDITOR = [f"{action}_{model}" for model in KNOWLEDGE for action in ("view", "add", "change", "delete")]
EDITOR += ["view_changerequest", "view_pendingchangerequest", "view_knowledgeversion"]
REVIEWER = [*EDITOR, "review_changerequest"]


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; the roles need them now.
    for config in apps.get_app_configs():
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in (("Editors", EDITOR), ("Reviewers", REVIEWER)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(Permission.objects.filter(content_type__app_label="conditions", codename__in=codenames))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Reviewers"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("conditions", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
