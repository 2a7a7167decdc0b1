from django.apps import AppConfig


class ConditionsConfig(AppConfig):
    """The knowledge store: anatomy, conditions, evidence, red flags and care."""

    name = "conditions"
    verbose_name = "Knowledge store"

    def ready(self):
        from .review import connect_capture_signals
        from .signals import connect_version_signals

        connect_version_signals()
        connect_capture_signals()
