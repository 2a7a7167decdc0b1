"""The account download written as it is read: one JSON document whose longest list is streamed."""

import json
from collections.abc import Iterable, Iterator

from rest_framework.utils.encoders import JSONEncoder

# Bytes gathered before they are handed to the server: fewer, larger writes, still a bounded buffer.
CHUNK_BYTES = 64 * 1024


def dumps(value) -> str:
    # As DRF's JSONRenderer writes it (its encoder, compact, UTF-8), so the download reads like the API.
    return json.dumps(value, cls=JSONEncoder, ensure_ascii=False, separators=(",", ":"))


def json_with_streamed_list(head: dict, name: str, items: Iterable) -> Iterator[bytes]:
    """The JSON object `head` with one more member, `name`, a list written one item at a time."""
    opening = dumps(head)[:-1]  # without its closing brace
    pending = [f"{opening},{dumps(name)}:[" if head else f"{{{dumps(name)}:["]
    size = 0
    for index, item in enumerate(items):
        text = ("," if index else "") + dumps(item)
        pending.append(text)
        size += len(text)
        if size >= CHUNK_BYTES:
            yield "".join(pending).encode()
            pending, size = [], 0
    pending.append("]}")
    yield "".join(pending).encode()
