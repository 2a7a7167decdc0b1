"""What a password change does besides Django's own: the account's API tokens stop working."""

from knox.models import get_token_model


class TokensEndWithPassword:
    """Listed with the password validators, as Django tells each of them when a password changes.

    It checks nothing: a new password, set wherever (the admin, changepassword, an app), revokes every API
    token issued under the old one, as Django already ends the account's browser sessions. Django's own
    re-hashing of an unchanged password on sign-in is not a change and revokes nothing.
    """

    def validate(self, password, user=None) -> None:
        return None

    def password_changed(self, password, user=None) -> None:
        if user is not None and user.pk is not None:
            get_token_model().objects.filter(user=user).delete()

    def get_help_text(self) -> str:
        return "Changing the password signs the account out of every app: their tokens stop working."
