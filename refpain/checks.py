"""Deployment checks of refpain's own, run by `manage.py check --deploy` beside Django's."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def rate_limits_shared(app_configs, **kwargs):
    """Without Redis each worker process counts the rate limits on its own."""
    if settings.REDIS_URL:
        return []
    return [
        Warning(
            "REDIS_URL is not set: each worker process counts the rate limits (and sign-in attempts) on its own, "
            "so clients get them times the number of workers.",
            hint="Set REDIS_URL, e.g. redis://127.0.0.1:6379/0.",
            id="refpain.W001",
        )
    ]


@register(Tags.database, deploy=True)
def production_database(app_configs, **kwargs):
    """SQLite is the embedded default for a local run; production runs on PostgreSQL."""
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        return []
    return [
        Warning(
            "The database is SQLite: one file on one machine, without PostgreSQL's timeouts, backups with "
            "pg_dump or concurrent writers.",
            hint="Set DATABASE_URL to a PostgreSQL database, e.g. postgres://user:password@host:5432/refpain.",
            id="refpain.W002",
        )
    ]
