"""Request parsing that turns every malformed body into a 400 and takes only real JSON."""

import re

from rest_framework.exceptions import ErrorDetail, ParseError, ValidationError
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.parsers import JSONParser

# JSON may escape half of a UTF-16 pair on its own ("\ud800"); such a string is not Unicode text
# and cannot be stored, compared with codes or echoed back in an error.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate_path(data) -> str | None:
    """The dotted path of a key or string value holding a lone surrogate, or None if there is none."""
    pending = [("", data)]  # a stack, not recursion: the body may be nested as deep as the parser allows
    while pending:
        path, value = pending.pop()
        if isinstance(value, str) and LONE_SURROGATE.search(value):
            return path or "non_field_errors"
        if isinstance(value, dict):
            for key, item in value.items():
                if LONE_SURROGATE.search(key):
                    return path or "non_field_errors"
                pending.append((f"{path}.{key}" if path else key, item))
        elif isinstance(value, list):
            pending.extend((f"{path}.{index}" if path else str(index), item) for index, item in enumerate(value))
    return None


class SafeJSONParser(JSONParser):
    """JSON parsing that answers a body nested too deep, or text that is not Unicode, with a 400."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as error:
            raise ParseError("JSON parse error - the body is nested too deeply.") from error
        path = lone_surrogate_path(data)
        if path is not None:
            message = "Text must be valid Unicode: a lone surrogate escape such as \\ud800 is not."
            raise ValidationError({path: [ErrorDetail(message, code="invalid_unicode")]})
        return data


class StrictContentNegotiation(DefaultContentNegotiation):
    """A request body must say exactly what it is: a wildcard Content-Type is a 415."""

    def select_parser(self, request, parsers):
        if "*" in request.content_type.split(";")[0]:
            return None
        return super().select_parser(request, parsers)
