"""Change requests move to the curation app: they leave this app's state, their table stays where it is.

curation's first migration takes the same table (conditions_changerequest) into its own state, with
its rows, and moves the models' content types (and so their permissions and admin log entries) along.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("conditions", "0006_loaded_records_and_test_floors")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="PendingChangeRequest"),
                migrations.DeleteModel(name="ChangeRequest"),
            ],
            database_operations=[],
        ),
    ]
