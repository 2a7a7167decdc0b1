from django.apps import AppConfig


class CurationConfig(AppConfig):
    """The curation workflow: admin edits captured as change requests, reviewed by a second clinician."""

    name = "curation"
    verbose_name = "Curation"

    def ready(self):
        from .capture import connect_capture_signals

        connect_capture_signals()
