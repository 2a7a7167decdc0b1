from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    """The assessment engine, its API and stored assessments."""

    name = "assessments"
