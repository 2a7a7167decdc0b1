"""Knowledge v2: clinicians may curate condition modifiers; two v1 triggers that the clinical audit retired go.

Night pain alone, and night pain at 50 or over, no longer fire "suspected malignancy" (Deyo and Diehl 1988;
Henschke 2013; Downie 2013), and weakness of both legs is an emergency whether or not it is getting worse, so
the cauda equina trigger loses its "progressive" criterion. The fixtures cannot remove a row, so this migration
does, once.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ACTIONS = ("view", "add", "change", "delete")
RETIRED_TRIGGERS = [("suspected-malignancy", "night-pain"), ("suspected-malignancy", "age-over-50-with-night-pain")]
RETIRED_CRITERIA = [("cauda-equina", "bilateral-progressive-deficit", 2)]


def grant_modifier_permissions(apps, schema_editor):
    for config in apps.get_app_configs():
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="conditions", codename__in=[f"{action}_conditionmodifier" for action in ACTIONS]
    )
    for group in Group.objects.filter(name__in=["Editors", "Reviewers"]):
        group.permissions.add(*permissions)


def retire_triggers(apps, schema_editor):
    RedFlagTrigger = apps.get_model("conditions", "RedFlagTrigger")
    for red_flag, code in RETIRED_TRIGGERS:
        RedFlagTrigger.objects.filter(red_flag__code=red_flag, code=code).delete()
    TriggerCriterion = apps.get_model("conditions", "TriggerCriterion")
    for red_flag, trigger, position in RETIRED_CRITERIA:
        TriggerCriterion.objects.filter(
            trigger__red_flag__code=red_flag, trigger__code=trigger, position=position
        ).delete()


class Migration(migrations.Migration):
    dependencies = [("conditions", "0003_knowledge_v2")]

    operations = [
        migrations.RunPython(grant_modifier_permissions, migrations.RunPython.noop),
        migrations.RunPython(retire_triggers, migrations.RunPython.noop),
    ]
