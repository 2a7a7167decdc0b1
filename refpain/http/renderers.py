"""JSON written by orjson (in C): the API's answers, and the JSON columns Django writes through json.dumps."""

import json

import orjson
from rest_framework.renderers import JSONRenderer
from rest_framework.utils.encoders import JSONEncoder as RestEncoder

# orjson writes the plain types (and str, dict and list subclasses such as DRF's ErrorDetail) as DRF's encoder
# would; the rest (a datetime, written with "Z" for UTC; a lazy translation; a Decimal) goes to DRF's encoder, so
# the answer is the one DRF would write.
OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS


class FastJSONRenderer(JSONRenderer):
    """DRF's JSON renderer, written by orjson; an indented answer (asked for in the Accept header) by DRF."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        if self.get_indent(accepted_media_type, renderer_context or {}) is not None:
            return super().render(data, accepted_media_type, renderer_context)
        try:
            content = orjson.dumps(data, default=RestEncoder().default, option=OPTIONS)
        except orjson.JSONEncodeError:  # what orjson does not write (an integer beyond 64 bits): as DRF does
            return super().render(data, accepted_media_type, renderer_context)
        # As DRF does: U+2028 and U+2029 are valid JSON but end a line in older JavaScript.
        return content.replace("\u2028".encode(), b"\\u2028").replace("\u2029".encode(), b"\\u2029")


class FastJSONEncoder(json.JSONEncoder):
    """An encoder for a JSONField whose encode() is orjson's: the stored results are written several times faster."""

    def encode(self, o):
        try:
            return orjson.dumps(o, default=self.default).decode()
        except orjson.JSONEncodeError:  # an integer beyond 64 bits, say: as json.dumps writes it
            return super().encode(o)
