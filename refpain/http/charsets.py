"""A WSGI guard for request charsets other than UTF-8 and its plain subsets."""

import codecs
import json

from django.utils.http import parse_header_parameters

from refpain.http.errors import error_body
from refpain.http.headers import security_headers

# JSON travels as UTF-8 (RFC 8259); ASCII and Latin-1 are accepted as older clients' defaults.
# Everything else is refused rather than decoded: 'rot13' or 'base64' are codecs but not text
# encodings (Django would crash on them), and 'utf-7' or 'unicode_escape' can turn a query string
# into text that is not Unicode.
READABLE_CHARSETS = {"utf-8", "ascii", "iso8859-1"}


def readable_charset(charset: str) -> bool:
    try:
        return codecs.lookup(charset).name in READABLE_CHARSETS
    except (LookupError, ValueError):  # ValueError: a name with a NUL in it
        return False


class UnreadableCharsetGuard:
    """Answers a Content-Type with a charset outside READABLE_CHARSETS with a JSON 415.

    Django reads the query string with the request's charset while it builds the request, before
    any middleware runs, so such a charset would otherwise be a 500 for every URL.
    """

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        _, params = parse_header_parameters(environ.get("CONTENT_TYPE", ""))
        if "charset" not in params or readable_charset(params["charset"]):
            return self.application(environ, start_response)
        error = {"field": "Content-Type", "code": "unsupported_charset", "message": "Send UTF-8 text."}
        body = error_body(415, "unsupported_media_type", "The request's charset is not one this server reads.", [error])
        content = json.dumps(body).encode()
        start_response(
            "415 Unsupported Media Type",
            [("Content-Type", "application/json"), ("Content-Length", str(len(content))), *security_headers()],
        )
        return [content]
