from django.apps import AppConfig


class ConditionsConfig(AppConfig):
    """The knowledge store: anatomy, conditions, evidence, red flags and care."""

    name = "conditions"
    verbose_name = "Knowledge store"

    def ready(self):
        from .signals import connect_version_signals

        connect_version_signals()
