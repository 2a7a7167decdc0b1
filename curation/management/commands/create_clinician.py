import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from curation.services import READERS

ROLES = {"editor": "Editors", "reviewer": "Reviewers"}


class Command(BaseCommand):
    """Create (or update) a clinician's admin account in the editor or reviewer role."""

    help = "Create a clinician account. The password comes from --password-env (an environment variable) or a prompt."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", choices=sorted(ROLES), required=True)
        parser.add_argument("--email", default="")
        parser.add_argument("--password-env", help="Name of the environment variable holding the password.")
        parser.add_argument(
            "--reads",
            action="append",
            choices=sorted(READERS),
            default=[],
            help="A language the clinician reads (repeatable): as a reviewer they may approve its texts.",
        )

    def handle(self, username, role, email, password_env, reads, **options):
        password = os.environ.get(password_env) if password_env else None
        if password_env and not password:
            raise CommandError(f"The environment variable {password_env} is empty or unset.")
        if password is None:
            from getpass import getpass

            password = getpass(f"Password for {username}: ")
        model = get_user_model()
        user = model.objects.filter(username=username).first() or model(username=username)
        created = user.pk is None
        user.email = email or user.email
        # The same checks as the admin's own password forms (AUTH_PASSWORD_VALIDATORS), before anything is saved.
        try:
            validate_password(password, user)
        except ValidationError as error:
            reasons = "\n".join(f"- {message}" for message in error.messages)
            raise CommandError(f"The password is too weak, and nothing was saved:\n{reasons}") from None
        user.is_staff = True
        user.set_password(password)
        user.save()
        user.groups.set(Group.objects.filter(name__in=[ROLES[role], *(READERS[language] for language in reads)]))
        action = "Created" if created else "Updated"
        self.stdout.write(f"{action} {username} as {role}: they can sign in at /admin/.")
