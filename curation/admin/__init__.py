"""Django admin for clinicians: the knowledge, its history, and the review of proposed changes."""

from . import links, records, requests, review  # noqa: F401  (registers the admin classes)
