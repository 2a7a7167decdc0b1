from django.apps import AppConfig


class RefpainConfig(AppConfig):
    """The project itself, as an app: its development server (runserver) and its deployment checks."""

    name = "refpain"

    def ready(self):
        from refpain import checks  # noqa: F401  # registers them
