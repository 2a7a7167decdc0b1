from django.conf import settings
from django.core.management.base import BaseCommand

from privacy.services import expired_records_purge


class Command(BaseCommand):
    """Delete stored assessments and lock-out records past their retention (run daily from cron)."""

    help = (
        "Delete stored assessments older than ASSESSMENT_RETENTION_DAYS and lock-out records (django-axes) older "
        "than LOCKOUT_RETENTION_DAYS, printing how many of each. --dry-run only counts them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count what would be deleted; delete nothing.")

    def handle(self, *args, dry_run, **options):
        counts = expired_records_purge(dry_run=dry_run)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} {counts['assessments']} assessment(s) older than {settings.ASSESSMENT_RETENTION_DAYS} days."
        )
        lockouts = ", ".join(f"{count} {kind}" for kind, count in counts.items() if kind != "assessments")
        self.stdout.write(f"{verb} {lockouts} older than {settings.LOCKOUT_RETENTION_DAYS} days.")
