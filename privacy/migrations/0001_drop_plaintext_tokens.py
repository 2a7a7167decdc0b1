from django.db import migrations


class Migration(migrations.Migration):
    """Drop the table of plain-text API tokens that django-rest-knox's hashed tokens replaced."""

    dependencies = []

    operations = [
        # Nothing reads these tokens any more, but a copy of the database would still leak them.
        migrations.RunSQL("DROP TABLE IF EXISTS authtoken_token", reverse_sql=migrations.RunSQL.noop),
    ]
