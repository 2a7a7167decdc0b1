"""When the database is unreachable, say so: a JSON 503 with Retry-After, not a 500 page."""

from django.db import InterfaceError, OperationalError

from refpain.http.errors import database_unavailable


class DatabaseUnavailableMiddleware:
    """Turns a lost database connection, anywhere in a view, into a 503 the client can retry."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError):
            return database_unavailable()
        return None
