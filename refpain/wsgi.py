"""WSGI entry point, as served by gunicorn and by the development server (manage.py runserver)."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "refpain.settings")
django.setup(set_prefix=False)  # as django.core.wsgi.get_wsgi_application does

# Imported once Django is set up, as the project's modules expect.
from refpain.http.charsets import UnreadableCharsetGuard  # noqa: E402
from refpain.http.handlers import JSONErrorWSGIHandler  # noqa: E402

django_application = JSONErrorWSGIHandler()

application = UnreadableCharsetGuard(django_application)
