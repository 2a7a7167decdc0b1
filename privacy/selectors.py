"""Reads of what is stored about a person."""

from assessments.models import Assessment

ACCOUNT_FIELDS = ("username", "email", "first_name", "last_name", "date_joined", "last_login")
STORED_ASSESSMENT_FIELDS = ("id", "created_at", "engine_version", "knowledge_version", "input", "result")


def account_data(*, user) -> dict:
    """Everything stored about a user: their account's fields and every assessment they made, newest first."""
    assessments = Assessment.objects.filter(owner=user).order_by("-created_at").values(*STORED_ASSESSMENT_FIELDS)
    return {
        "account": {field: getattr(user, field) for field in ACCOUNT_FIELDS},
        "assessments": list(assessments),
    }
