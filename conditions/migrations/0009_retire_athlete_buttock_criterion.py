"""Knowledge v3: the athlete's stress-fracture trigger gives femoral-neck advice, so it loses its buttock criterion.

Buttock pain after more training now fires a trigger of its own, with advice about the pelvis and sacrum
(clinical reference §12.2). The fixtures cannot remove a row, so this migration does, once.
"""

from django.db import migrations

RETIRED_CRITERIA = [("suspected-stress-fracture", "loading-pain-in-athlete", 3, "buttock")]


def retire_criteria(apps, schema_editor):
    TriggerCriterion = apps.get_model("conditions", "TriggerCriterion")
    for red_flag, trigger, position, region in RETIRED_CRITERIA:
        TriggerCriterion.objects.filter(
            trigger__red_flag__code=red_flag, trigger__code=trigger, position=position, region__code=region
        ).delete()


class Migration(migrations.Migration):
    dependencies = [("conditions", "0008_safety_thresholds_and_trigger_actions")]

    operations = [migrations.RunPython(retire_criteria, migrations.RunPython.noop)]
