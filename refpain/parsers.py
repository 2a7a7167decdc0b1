"""Request parsing that turns every malformed body into a 400 and takes only real JSON."""

from rest_framework.exceptions import ParseError
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.parsers import JSONParser


class SafeJSONParser(JSONParser):
    """JSON parsing that answers a body nested too deep with a 400, not a crash."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError as error:
            raise ParseError("JSON parse error - the body is nested too deeply.") from error


class StrictContentNegotiation(DefaultContentNegotiation):
    """A request body must say exactly what it is: a wildcard Content-Type is a 415."""

    def select_parser(self, request, parsers):
        if "*" in request.content_type.split(";")[0]:
            return None
        return super().select_parser(request, parsers)
