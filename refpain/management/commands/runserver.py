"""Django's development server, answering in the JSON error shape what gunicorn answers in it."""

from django.core.management.commands.runserver import Command as RunserverCommand

from refpain.http.handlers import JSONErrorWSGIServer


class Command(RunserverCommand):
    """runserver with the JSON error answers of refpain/http/handlers.py; WhiteNoise serves the static files."""

    # Django's own runserver, not the staticfiles app's: WhiteNoise serves the admin's and the docs' files
    # from the installed apps, as under gunicorn, so a missing one is the same JSON 404 there and here.
    server_cls = JSONErrorWSGIServer
