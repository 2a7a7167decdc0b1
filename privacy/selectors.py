"""Reads of what is stored about a person."""

from collections.abc import Iterator

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from knox.models import get_token_model

from assessments.models import Assessment

ACCOUNT_FIELDS = ("username", "email", "first_name", "last_name", "date_joined", "last_login")
STORED_ASSESSMENT_FIELDS = ("id", "created_at", "engine_version", "knowledge_version", "input", "result")
# What django-axes keeps about each sign-in under the username, as it names it. Left out: a successful
# sign-in's session_hash (a hash of a browser session's key, a credential while the session lasts), and a
# failure count's get_data and post_data (the form as sent: the username again and a masked password).
SIGN_IN_FIELDS = ("attempt_time", "ip_address", "user_agent", "http_accept", "path_info")
SIGN_INS = {
    "succeeded": (AccessLog, (*SIGN_IN_FIELDS, "logout_time")),
    "failed": (AccessFailureLog, (*SIGN_IN_FIELDS, "locked_out")),
    "failure_counts": (AccessAttempt, (*SIGN_IN_FIELDS, "failures_since_start")),
}
# A token's digest would sign its holder in; when it was issued and when it ends is what the owner needs.
TOKEN_FIELDS = ("created", "expiry")
# Rows fetched from the database at a time while a download streams: a few megabytes of results.
ASSESSMENTS_PER_FETCH = 200


def account_data(*, user) -> dict:
    """Everything stored about a user but their assessments: the account's fields, their API tokens, and
    the sign-in records kept under their username (newest first)."""
    username = user.get_username()
    return {
        "account": {field: getattr(user, field) for field in ACCOUNT_FIELDS},
        "tokens": list(get_token_model().objects.filter(user=user).order_by("-created").values(*TOKEN_FIELDS)),
        "sign_ins": {
            kind: list(model.objects.filter(username=username).order_by("-attempt_time").values(*fields))
            for kind, (model, fields) in SIGN_INS.items()
        },
    }


def account_assessments(*, user) -> Iterator[dict]:
    """Every assessment the user made, newest first, as stored: fetched a batch at a time, never all at once."""
    assessments = Assessment.objects.filter(owner=user).order_by("-created_at").values(*STORED_ASSESSMENT_FIELDS)
    return assessments.iterator(chunk_size=ASSESSMENTS_PER_FETCH)
