from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    """What is kept about people, for how long, and their rights to it: retention, export and erasure."""

    name = "privacy"
