"""Logs without the keys to health data: an assessment id reaches an anonymous assessment, so no log keeps one.

Imported by gunicorn's master process before Django is set up: no Django imports here.
"""

import logging
import re
from urllib.parse import unquote

from gunicorn.glogging import Logger

REDACTED = "<id>"
# A UUID parses whatever its hyphens (uuid.UUID drops them), so any run of 32 or more hex digits and
# hyphens is treated as an id, however it is split.
_HEX_RUN = re.compile(r"[0-9a-fA-F-]{32,}")
# The same run with some characters percent-encoded, as a raw request line may carry it.
_ENCODED_RUN = re.compile(r"(?:[0-9a-fA-F-]|%[0-9a-fA-F]{2}){32,}")


def _redact_run(match: re.Match) -> str:
    run = match.group(0)
    return REDACTED if sum(char.isalnum() for char in run) >= 32 else run


def _redact_encoded(match: re.Match) -> str:
    decoded = unquote(match.group(0))
    redacted = _HEX_RUN.sub(_redact_run, decoded)
    return match.group(0) if redacted == decoded else redacted


def redact_ids(text: str) -> str:
    """The text with every id (a UUID, plain or percent-encoded) replaced by '<id>'."""
    return _ENCODED_RUN.sub(_redact_encoded, text) if "%" in text else _HEX_RUN.sub(_redact_run, text)


class RedactIdsFilter(logging.Filter):
    """Rewrites a log record's message and traceback with its ids redacted."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = redact_ids(record.getMessage()), ()
        if record.exc_info and not record.exc_text:
            # Formatted here, as the handler would, so a path quoted in an exception is redacted too.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact_ids(record.exc_text)
        return True


class RedactingLogger(Logger):
    """gunicorn's logger, with ids redacted from the access log (request line, query, referer) and errors."""

    def setup(self, cfg):
        super().setup(cfg)
        for log in (self.access_log, self.error_log):
            if not any(isinstance(existing, RedactIdsFilter) for existing in log.filters):
                log.addFilter(RedactIdsFilter())
