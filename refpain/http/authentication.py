"""How API requests prove who sent them: a knox token (kept apart from the views, which DRF imports later)."""

from knox.auth import TokenAuthentication as KnoxTokenAuthentication
from rest_framework import exceptions


class TokenAuthentication(KnoxTokenAuthentication):
    """knox's token check, answering a token that could never be one with a 401 rather than a crash."""

    def authenticate_credentials(self, token):
        # Not UTF-8 text, knox fails to decode it; a NUL byte, PostgreSQL refuses the lookup.
        try:
            possible = "\x00" not in token.decode("utf-8")
        except UnicodeDecodeError:
            possible = False
        if not possible:
            raise exceptions.AuthenticationFailed("Invalid token.")
        return super().authenticate_credentials(token)
