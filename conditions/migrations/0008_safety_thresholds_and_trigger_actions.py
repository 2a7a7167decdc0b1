"""Knowledge v3: red flags point to causes (a link of their own) and each trigger says what to do.

A flag's single condition becomes its first link, and its action the action of each of its triggers, before
the two columns go; the fixtures then give each trigger words that match its own urgency. Editors and
reviewers may curate the new links. The rest adds the engine's per-condition thresholds, curation notes kept
out of the API, evidence groups, and the care level a treatment needs.
"""

import django.core.validators
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models


def copy_flag_conditions_and_actions(apps, schema_editor):
    RedFlag = apps.get_model("conditions", "RedFlag")
    RedFlagCondition = apps.get_model("conditions", "RedFlagCondition")
    RedFlagTrigger = apps.get_model("conditions", "RedFlagTrigger")
    for flag in RedFlag.objects.all():
        RedFlagCondition.objects.get_or_create(red_flag=flag, condition_id=flag.condition_id)
        RedFlagTrigger.objects.filter(red_flag=flag).update(action=flag.action)


def restore_flag_conditions_and_actions(apps, schema_editor):
    """Going back: a flag's condition is its first linked cause, its action its most urgent trigger's."""
    RedFlag = apps.get_model("conditions", "RedFlag")
    RedFlagCondition = apps.get_model("conditions", "RedFlagCondition")
    RedFlagTrigger = apps.get_model("conditions", "RedFlagTrigger")
    for flag in RedFlag.objects.all():
        link = RedFlagCondition.objects.filter(red_flag_id=flag.pk).order_by("pk").first()
        trigger = RedFlagTrigger.objects.filter(red_flag_id=flag.pk).exclude(action="").order_by("pk").first()
        flag.condition_id = link.condition_id if link else None
        flag.action = trigger.action if trigger else ""
        flag.save(update_fields=["condition", "action"])


def grant_link_permissions(apps, schema_editor):
    for config in apps.get_app_configs():
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_redflagcondition" for action in ("view", "add", "change", "delete")]
    permissions = Permission.objects.filter(content_type__app_label="conditions", codename__in=codenames)
    for group in Group.objects.filter(name__in=["Editors", "Reviewers"]):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):

    dependencies = [
        ('conditions', '0007_change_requests_move_to_curation'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalRedFlagCondition',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('curation_note', models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
            ],
            options={
                'verbose_name': 'historical red flag condition',
                'verbose_name_plural': 'historical red flag conditions',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='RedFlagCondition',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('curation_note', models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.')),
            ],
            options={
                'ordering': ['red_flag__name', 'condition__name'],
            },
        ),
        migrations.AddField(
            model_name='bodyregion',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='clinicaltest',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='clinicaltest',
            name='evidence_group',
            field=models.SlugField(blank=True, help_text='Findings that measure the same thing (the sciatic tension signs, the sacroiliac provocation tests) share a group code: the engine counts the strongest fully and the others of the group only in part, instead of multiplying them as if independent. Blank: independent.', max_length=64),
        ),
        migrations.AddField(
            model_name='condition',
            name='confined_to_pain_map',
            field=models.BooleanField(default=False, help_text='Its pain is felt only in its own pain regions (a trapped nerve with a fixed skin territory, such as meralgia paraesthetica): pain only elsewhere nearly excludes it.'),
        ),
        migrations.AddField(
            model_name='condition',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='condition',
            name='escalate_at',
            field=models.FloatField(blank=True, help_text="For a cause whose care level is urgent or emergency: how likely it must be to raise the triage to that level, whether or not it leads (dangerous if missed). Blank: the engine's 0.15.", null=True, validators=[django.core.validators.MinValueValidator(0.001, 'A threshold is a probability above 0 and at most 1: enter 0.15 for 15%%.'), django.core.validators.MaxValueValidator(1, 'A threshold is a probability above 0 and at most 1: enter 0.15 for 15%%.')]),
        ),
        migrations.AddField(
            model_name='condition',
            name='escalate_at_provenance',
            field=models.CharField(blank=True, choices=[('study', 'From a cited study'), ('curator_estimate', 'Curator estimate')], max_length=20),
        ),
        migrations.AddField(
            model_name='condition',
            name='escalate_at_rationale',
            field=models.CharField(blank=True, help_text='One line: why this threshold, when it is a curator estimate.', max_length=300),
        ),
        migrations.AddField(
            model_name='condition',
            name='escalate_at_source',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='condition_escalations', to='conditions.source'),
        ),
        migrations.AddField(
            model_name='condition',
            name='guides_care_at',
            field=models.FloatField(blank=True, help_text="How likely it must be for its treatments and exercises to be offered (the leading cause's always are). Blank: the engine's 0.3.", null=True, validators=[django.core.validators.MinValueValidator(0.001, 'A threshold is a probability above 0 and at most 1: enter 0.15 for 15%%.'), django.core.validators.MaxValueValidator(1, 'A threshold is a probability above 0 and at most 1: enter 0.15 for 15%%.')]),
        ),
        migrations.AddField(
            model_name='condition',
            name='invasive_care_at',
            field=models.FloatField(blank=True, help_text="How likely it must be for an injection or an operation for it to be mentioned (always as something to discuss with a specialist). Blank: the engine's 0.5.", null=True, validators=[django.core.validators.MinValueValidator(0.001, 'A threshold is a probability above 0 and at most 1: enter 0.15 for 15%%.'), django.core.validators.MaxValueValidator(1, 'A threshold is a probability above 0 and at most 1: enter 0.15 for 15%%.')]),
        ),
        migrations.AddField(
            model_name='condition',
            name='leads_at',
            field=models.FloatField(blank=True, help_text="How likely it must be, when it is the leading cause, to set the triage to its care level. Blank: the engine's 0.2.", null=True, validators=[django.core.validators.MinValueValidator(0.001, 'A threshold is a probability above 0 and at most 1: enter 0.15 for 15%%.'), django.core.validators.MaxValueValidator(1, 'A threshold is a probability above 0 and at most 1: enter 0.15 for 15%%.')]),
        ),
        migrations.AddField(
            model_name='conditionexercise',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='conditionmodifier',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='conditionnerve',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='conditionnerveroot',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='conditionpainregion',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='conditionrelation',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='conditionsymptom',
            name='absent_counts_after_days',
            field=models.PositiveSmallIntegerField(blank=True, help_text='When a finding appears only some days into the illness (a shingles rash follows the pain by 2 to 5 days): its absence counts only after this many days of symptoms. Blank: it always counts.', null=True),
        ),
        migrations.AddField(
            model_name='conditionsymptom',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='conditiontest',
            name='absent_counts_after_days',
            field=models.PositiveSmallIntegerField(blank=True, help_text='When a finding appears only some days into the illness (a shingles rash follows the pain by 2 to 5 days): its absence counts only after this many days of symptoms. Blank: it always counts.', null=True),
        ),
        migrations.AddField(
            model_name='conditiontest',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='conditiontreatment',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='dermatome',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='exercise',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='historicalbodyregion',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='historicalclinicaltest',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='historicalclinicaltest',
            name='evidence_group',
            field=models.SlugField(blank=True, help_text='Findings that measure the same thing (the sciatic tension signs, the sacroiliac provocation tests) share a group code: the engine counts the strongest fully and the others of the group only in part, instead of multiplying them as if independent. Blank: independent.', max_length=64),
        ),
        migrations.AddField(
            model_name='historicalcondition',
            name='confined_to_pain_map',
            field=models.BooleanField(default=False, help_text='Its pain is felt only in its own pain regions (a trapped nerve with a fixed skin territory, such as meralgia paraesthetica): pain only elsewhere nearly excludes it.'),
        ),
        migrations.AddField(
            model_name='historicalcondition',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='historicalcondition',
            name='escalate_at',
            field=models.FloatField(blank=True, help_text="For a cause whose care level is urgent or emergency: how likely it must be to raise the triage to that level, whether or not it leads (dangerous if missed). Blank: the engine's 0.15.", null=True, validators=[django.core.validators.MinValueValidator(0.001, 'A threshold is a probability above 0 and at most 1: enter 0.15 for 15%%.'), django.core.validators.MaxValueValidator(1, 'A threshold is a probability above 0 and at most 1: enter 0.15 for 15%%.')]),
        ),
        migrations.AddField(
            model_name='historicalcondition',
            name='escalate_at_provenance',
            field=models.CharField(blank=True, choices=[('study', 'From a cited study'), ('curator_estimate', 'Curator estimate')], max_length=20),
        ),
        migrations.AddField(
            model_name='historicalcondition',
            name='escalate_at_rationale',
            field=models.CharField(blank=True, help_text='One line: why this threshold, when it is a curator estimate.', max_length=300),
        ),
        migrations.AddField(
            model_name='historicalcondition',
            name='escalate_at_source',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='conditions.source'),
        ),
        migrations.AddField(
            model_name='historicalcondition',
            name='guides_care_at',
            field=models.FloatField(blank=True, help_text="How likely it must be for its treatments and exercises to be offered (the leading cause's always are). Blank: the engine's 0.3.", null=True, validators=[django.core.validators.MinValueValidator(0.001, 'A threshold is a probability above 0 and at most 1: enter 0.15 for 15%%.'), django.core.validators.MaxValueValidator(1, 'A threshold is a probability above 0 and at most 1: enter 0.15 for 15%%.')]),
        ),
        migrations.AddField(
            model_name='historicalcondition',
            name='invasive_care_at',
            field=models.FloatField(blank=True, help_text="How likely it must be for an injection or an operation for it to be mentioned (always as something to discuss with a specialist). Blank: the engine's 0.5.", null=True, validators=[django.core.validators.MinValueValidator(0.001, 'A threshold is a probability above 0 and at most 1: enter 0.15 for 15%%.'), django.core.validators.MaxValueValidator(1, 'A threshold is a probability above 0 and at most 1: enter 0.15 for 15%%.')]),
        ),
        migrations.AddField(
            model_name='historicalcondition',
            name='leads_at',
            field=models.FloatField(blank=True, help_text="How likely it must be, when it is the leading cause, to set the triage to its care level. Blank: the engine's 0.2.", null=True, validators=[django.core.validators.MinValueValidator(0.001, 'A threshold is a probability above 0 and at most 1: enter 0.15 for 15%%.'), django.core.validators.MaxValueValidator(1, 'A threshold is a probability above 0 and at most 1: enter 0.15 for 15%%.')]),
        ),
        migrations.AddField(
            model_name='historicalconditionexercise',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='historicalconditionmodifier',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='historicalconditionnerve',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='historicalconditionnerveroot',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='historicalconditionpainregion',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='historicalconditionrelation',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='historicalconditionsymptom',
            name='absent_counts_after_days',
            field=models.PositiveSmallIntegerField(blank=True, help_text='When a finding appears only some days into the illness (a shingles rash follows the pain by 2 to 5 days): its absence counts only after this many days of symptoms. Blank: it always counts.', null=True),
        ),
        migrations.AddField(
            model_name='historicalconditionsymptom',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='historicalconditiontest',
            name='absent_counts_after_days',
            field=models.PositiveSmallIntegerField(blank=True, help_text='When a finding appears only some days into the illness (a shingles rash follows the pain by 2 to 5 days): its absence counts only after this many days of symptoms. Blank: it always counts.', null=True),
        ),
        migrations.AddField(
            model_name='historicalconditiontest',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='historicalconditiontreatment',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='historicaldermatome',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='historicalexercise',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='historicalmuscleaction',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='historicalmyotome',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='historicalnerve',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='historicalnervemotoraction',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='historicalnerveroot',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='historicalnerverootorigin',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='historicalnervesensoryregion',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='historicalredflag',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='historicalredflagtrigger',
            name='action',
            field=models.TextField(default='', help_text='What to do when this trigger fires, in words that match its urgency (an emergency trigger says to go to an emergency department now; a routine one, to book an appointment).'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='historicalredflagtrigger',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='historicalreflex',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='historicalreflexroot',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='historicalsymptom',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='historicalsymptom',
            name='evidence_group',
            field=models.SlugField(blank=True, help_text='Findings that measure the same thing (the sciatic tension signs, the sacroiliac provocation tests) share a group code: the engine counts the strongest fully and the others of the group only in part, instead of multiplying them as if independent. Blank: independent.', max_length=64),
        ),
        migrations.AddField(
            model_name='historicaltreatment',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='historicaltreatment',
            name='minimum_triage',
            field=models.CharField(blank=True, choices=[('emergency', 'Emergency: go to an emergency department now'), ('urgent', 'Urgent: see a clinician today'), ('routine', 'Routine: book an appointment with a GP or physiotherapist'), ('self_care', 'Self-care: manage at home, seek help if not improving')], help_text='The least urgent answer that may offer it: a prescription-only medicine needs a clinician (routine), an urgent referral a clinician today (urgent). A self-care answer leaves out what needs an appointment; a treatment that needs a clinician today or sooner raises the answer to its level. Blank: any answer.', max_length=10),
        ),
        migrations.AddField(
            model_name='muscleaction',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='myotome',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='nerve',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='nervemotoraction',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='nerveroot',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='nerverootorigin',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='nervesensoryregion',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='redflag',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='redflagtrigger',
            name='action',
            field=models.TextField(default='', help_text='What to do when this trigger fires, in words that match its urgency (an emergency trigger says to go to an emergency department now; a routine one, to book an appointment).'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='redflagtrigger',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='reflex',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='reflexroot',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='symptom',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='symptom',
            name='evidence_group',
            field=models.SlugField(blank=True, help_text='Findings that measure the same thing (the sciatic tension signs, the sacroiliac provocation tests) share a group code: the engine counts the strongest fully and the others of the group only in part, instead of multiplying them as if independent. Blank: independent.', max_length=64),
        ),
        migrations.AddField(
            model_name='treatment',
            name='curation_note',
            field=models.TextField(blank=True, help_text='For curators only, never shown in the API or to patients: what was corrected, when, why and on whose authority.'),
        ),
        migrations.AddField(
            model_name='treatment',
            name='minimum_triage',
            field=models.CharField(blank=True, choices=[('emergency', 'Emergency: go to an emergency department now'), ('urgent', 'Urgent: see a clinician today'), ('routine', 'Routine: book an appointment with a GP or physiotherapist'), ('self_care', 'Self-care: manage at home, seek help if not improving')], help_text='The least urgent answer that may offer it: a prescription-only medicine needs a clinician (routine), an urgent referral a clinician today (urgent). A self-care answer leaves out what needs an appointment; a treatment that needs a clinician today or sooner raises the answer to its level. Blank: any answer.', max_length=10),
        ),
        migrations.AlterField(
            model_name='bodyregion',
            name='note',
            field=models.TextField(blank=True, help_text='Caveats for readers of the record: where sources differ, what a figure rests on.'),
        ),
        migrations.AlterField(
            model_name='clinicaltest',
            name='note',
            field=models.TextField(blank=True, help_text='Caveats for readers of the record: where sources differ, what a figure rests on.'),
        ),
        migrations.AlterField(
            model_name='condition',
            name='note',
            field=models.TextField(blank=True, help_text='Caveats for readers of the record: where sources differ, what a figure rests on.'),
        ),
        migrations.AlterField(
            model_name='exercise',
            name='note',
            field=models.TextField(blank=True, help_text='Caveats for readers of the record: where sources differ, what a figure rests on.'),
        ),
        migrations.AlterField(
            model_name='historicalbodyregion',
            name='note',
            field=models.TextField(blank=True, help_text='Caveats for readers of the record: where sources differ, what a figure rests on.'),
        ),
        migrations.AlterField(
            model_name='historicalclinicaltest',
            name='note',
            field=models.TextField(blank=True, help_text='Caveats for readers of the record: where sources differ, what a figure rests on.'),
        ),
        migrations.AlterField(
            model_name='historicalcondition',
            name='note',
            field=models.TextField(blank=True, help_text='Caveats for readers of the record: where sources differ, what a figure rests on.'),
        ),
        migrations.AlterField(
            model_name='historicalexercise',
            name='note',
            field=models.TextField(blank=True, help_text='Caveats for readers of the record: where sources differ, what a figure rests on.'),
        ),
        migrations.AlterField(
            model_name='historicalmuscleaction',
            name='note',
            field=models.TextField(blank=True, help_text='Caveats for readers of the record: where sources differ, what a figure rests on.'),
        ),
        migrations.AlterField(
            model_name='historicalnerve',
            name='note',
            field=models.TextField(blank=True, help_text='Caveats for readers of the record: where sources differ, what a figure rests on.'),
        ),
        migrations.AlterField(
            model_name='historicalnerveroot',
            name='note',
            field=models.TextField(blank=True, help_text='Caveats for readers of the record: where sources differ, what a figure rests on.'),
        ),
        migrations.AlterField(
            model_name='historicalredflag',
            name='note',
            field=models.TextField(blank=True, help_text='Caveats for readers of the record: where sources differ, what a figure rests on.'),
        ),
        migrations.AlterField(
            model_name='historicalredflag',
            name='urgency',
            field=models.CharField(choices=[('emergency', 'Emergency: go to an emergency department now'), ('urgent', 'Urgent: see a clinician today'), ('routine', 'Routine: book an appointment with a GP or physiotherapist'), ('self_care', 'Self-care: manage at home, seek help if not improving')], help_text='Its usual urgency: a trigger without an urgency of its own fires at this level.', max_length=10),
        ),
        migrations.AlterField(
            model_name='historicalreflex',
            name='note',
            field=models.TextField(blank=True, help_text='Caveats for readers of the record: where sources differ, what a figure rests on.'),
        ),
        migrations.AlterField(
            model_name='historicalsymptom',
            name='note',
            field=models.TextField(blank=True, help_text='Caveats for readers of the record: where sources differ, what a figure rests on.'),
        ),
        migrations.AlterField(
            model_name='historicaltreatment',
            name='note',
            field=models.TextField(blank=True, help_text='Caveats for readers of the record: where sources differ, what a figure rests on.'),
        ),
        migrations.AlterField(
            model_name='muscleaction',
            name='note',
            field=models.TextField(blank=True, help_text='Caveats for readers of the record: where sources differ, what a figure rests on.'),
        ),
        migrations.AlterField(
            model_name='nerve',
            name='note',
            field=models.TextField(blank=True, help_text='Caveats for readers of the record: where sources differ, what a figure rests on.'),
        ),
        migrations.AlterField(
            model_name='nerveroot',
            name='note',
            field=models.TextField(blank=True, help_text='Caveats for readers of the record: where sources differ, what a figure rests on.'),
        ),
        migrations.AlterField(
            model_name='redflag',
            name='note',
            field=models.TextField(blank=True, help_text='Caveats for readers of the record: where sources differ, what a figure rests on.'),
        ),
        migrations.AlterField(
            model_name='redflag',
            name='urgency',
            field=models.CharField(choices=[('emergency', 'Emergency: go to an emergency department now'), ('urgent', 'Urgent: see a clinician today'), ('routine', 'Routine: book an appointment with a GP or physiotherapist'), ('self_care', 'Self-care: manage at home, seek help if not improving')], help_text='Its usual urgency: a trigger without an urgency of its own fires at this level.', max_length=10),
        ),
        migrations.AlterField(
            model_name='reflex',
            name='note',
            field=models.TextField(blank=True, help_text='Caveats for readers of the record: where sources differ, what a figure rests on.'),
        ),
        migrations.AlterField(
            model_name='symptom',
            name='note',
            field=models.TextField(blank=True, help_text='Caveats for readers of the record: where sources differ, what a figure rests on.'),
        ),
        migrations.AlterField(
            model_name='treatment',
            name='note',
            field=models.TextField(blank=True, help_text='Caveats for readers of the record: where sources differ, what a figure rests on.'),
        ),
        migrations.AddConstraint(
            model_name='condition',
            constraint=models.CheckConstraint(condition=models.Q(('escalate_at__isnull', True), models.Q(('escalate_at__gt', 0), ('escalate_at__lte', 1)), _connector='OR'), name='condition_escalate_at_range'),
        ),
        migrations.AddConstraint(
            model_name='condition',
            constraint=models.CheckConstraint(condition=models.Q(('leads_at__isnull', True), models.Q(('leads_at__gt', 0), ('leads_at__lte', 1)), _connector='OR'), name='condition_leads_at_range'),
        ),
        migrations.AddConstraint(
            model_name='condition',
            constraint=models.CheckConstraint(condition=models.Q(('guides_care_at__isnull', True), models.Q(('guides_care_at__gt', 0), ('guides_care_at__lte', 1)), _connector='OR'), name='condition_guides_care_at_range'),
        ),
        migrations.AddConstraint(
            model_name='condition',
            constraint=models.CheckConstraint(condition=models.Q(('invasive_care_at__isnull', True), models.Q(('invasive_care_at__gt', 0), ('invasive_care_at__lte', 1)), _connector='OR'), name='condition_invasive_care_at_range'),
        ),
        migrations.AddConstraint(
            model_name='condition',
            constraint=models.CheckConstraint(condition=models.Q(('escalate_at__isnull', True), ('escalate_at_provenance__in', ['study', 'curator_estimate']), _connector='OR'), name='condition_escalate_at_has_provenance'),
        ),
        migrations.AddConstraint(
            model_name='condition',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('escalate_at_provenance', 'study'), _negated=True), ('escalate_at_source__isnull', False), _connector='OR'), name='condition_escalate_at_study_has_source'),
        ),
        migrations.AddConstraint(
            model_name='condition',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('escalate_at_provenance', 'curator_estimate'), _negated=True), models.Q(('escalate_at_rationale', ''), _negated=True), _connector='OR'), name='condition_escalate_at_estimate_has_rationale'),
        ),
        migrations.AddConstraint(
            model_name='treatment',
            constraint=models.CheckConstraint(condition=models.Q(('minimum_triage', ''), ('minimum_triage__in', ['emergency', 'urgent', 'routine', 'self_care']), _connector='OR'), name='treatment_minimum_triage_valid'),
        ),
        migrations.AddField(
            model_name='historicalredflagcondition',
            name='condition',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='conditions.condition'),
        ),
        migrations.AddField(
            model_name='historicalredflagcondition',
            name='history_user',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='historicalredflagcondition',
            name='red_flag',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='conditions.redflag'),
        ),
        migrations.AddField(
            model_name='redflagcondition',
            name='condition',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='red_flag_links', to='conditions.condition'),
        ),
        migrations.AddField(
            model_name='redflagcondition',
            name='red_flag',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='condition_links', to='conditions.redflag'),
        ),
        migrations.AddField(
            model_name='redflag',
            name='conditions',
            field=models.ManyToManyField(related_name='red_flags', through='conditions.RedFlagCondition', to='conditions.condition'),
        ),
        migrations.AddConstraint(
            model_name='redflagcondition',
            constraint=models.UniqueConstraint(fields=('red_flag', 'condition'), name='redflagcondition_unique'),
        ),
        migrations.RunPython(copy_flag_conditions_and_actions, migrations.RunPython.noop),
        migrations.RunPython(grant_link_permissions, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='redflagtrigger',
            constraint=models.CheckConstraint(condition=models.Q(('action', ''), _negated=True), name='redflagtrigger_has_action'),
        ),
        # The column is made optional before it goes, so that going back can add it again (empty), with the action,
        # and fill both from the links and triggers before it is required once more.
        migrations.AlterField(
            model_name='redflag',
            name='condition',
            field=models.ForeignKey(help_text='The condition it points to.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='red_flags', to='conditions.condition'),
        ),
        migrations.AlterField(
            model_name='redflag',
            name='action',
            field=models.TextField(blank=True, help_text='What the person or clinician must do now.'),
        ),
        migrations.AlterField(
            model_name='historicalredflag',
            name='action',
            field=models.TextField(blank=True, help_text='What the person or clinician must do now.'),
        ),
        migrations.RunPython(migrations.RunPython.noop, restore_flag_conditions_and_actions),
        migrations.RemoveField(
            model_name='historicalredflag',
            name='action',
        ),
        migrations.RemoveField(
            model_name='historicalredflag',
            name='condition',
        ),
        migrations.RemoveField(
            model_name='redflag',
            name='action',
        ),
        migrations.RemoveField(
            model_name='redflag',
            name='condition',
        ),
    ]
