"""The one error shape under every server and every DEBUG: Django's WSGI handler and the development server's.

Without DEBUG, Django answers an unknown path or an unreadable request with the project's handlers
(refpain/urls.py); with DEBUG on it draws its HTML debug pages instead, and the development server
answers a request line or header it cannot parse with an HTML page of its own. Here both answer as
gunicorn and the production handlers do.
"""

import json

from django.conf import settings
from django.core.exceptions import BadRequest, RequestDataTooBig, SuspiciousOperation, TooManyFieldsSent
from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import WSGIRequestHandler, WSGIServer
from django.http import Http404

from refpain.http.errors import bad_request, error_body, error_code_for_status, not_found


class JSONErrorWSGIHandler(WSGIHandler):
    """Django's WSGI handler, answering a 404 or an unreadable request in JSON even with DEBUG on."""

    def _get_response(self, request):
        if not settings.DEBUG:  # Django calls the project's handlers itself
            return super()._get_response(request)
        try:
            return super()._get_response(request)
        except Http404 as error:  # an unknown path, or a view's 404
            return not_found(request, error)
        except (BadRequest, SuspiciousOperation) as error:  # a body over the limit, a malformed one, ...
            if isinstance(error, RequestDataTooBig | TooManyFieldsSent):
                request._mark_post_parse_error()  # as Django does: the body is not read again
            return bad_request(request, error)


class JSONErrorRequestHandler(WSGIRequestHandler):
    """The development server's request handler, answering what it cannot parse in the JSON error shape."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        reason = self.responses.get(code, ("Error",))[0]
        body = json.dumps(error_body(code, error_code_for_status(code), message or reason)).encode()
        self.log_error("code %d, message %s", code, message)
        if self.request_version == "HTTP/0.9":  # a request line it could not read: answer in HTTP/1.1, with headers
            self.request_version = "HTTP/1.1"
        self.send_response(code, reason)
        self.send_header("Connection", "close")
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class JSONErrorWSGIServer(WSGIServer):
    """The development server, with the request handler above."""

    def __init__(self, server_address, request_handler_class, *args, **kwargs):
        super().__init__(server_address, JSONErrorRequestHandler, *args, **kwargs)
