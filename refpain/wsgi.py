"""WSGI entry point, as served by gunicorn."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "refpain.settings")

django_application = get_wsgi_application()

# Imported once Django is set up, as the project's modules expect.
from refpain.http.charsets import UnreadableCharsetGuard  # noqa: E402

application = UnreadableCharsetGuard(django_application)
