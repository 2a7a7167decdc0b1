"""Answers too big to keep in every worker's memory (the exports), kept once per node as files.

One worker builds an answer while the others wait for it (a lock file per answer), then every worker streams
the same file, with its Brotli and gzip forms beside it for clients that take them. The files are named by the cache key
(knowledge version, release, language and parameters), so a new version is a new file; files older than a day
are removed when a new one is written.
"""

import fcntl
import gzip
import hashlib
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import brotli
from django.conf import settings
from django.http import FileResponse, HttpResponse
from django.http.response import HttpResponseBase

KEPT_FOR = 24 * 3600  # seconds: older answers (of versions no longer asked for) are removed


@dataclass(frozen=True)
class AnswerFile:
    """A kept answer: its body, its gzip and Brotli forms (if they are worth having) and its content type."""

    body: Path
    gzipped: Path | None
    content_type: str
    brotli: Path | None = None

    def encoded_for(self, accept_encoding: str) -> tuple[Path, str | None]:
        """The form to send a client with this Accept-Encoding: Brotli, else gzip, else the body (and its
        Content-Encoding)."""
        accepted = accepted_encodings(accept_encoding)
        if self.brotli is not None and "br" in accepted:
            return self.brotli, "br"
        if self.gzipped is not None and "gzip" in accepted:
            return self.gzipped, "gzip"
        return self.body, None


def accepted_encodings(accept_encoding: str) -> set[str]:
    """The content codings an Accept-Encoding header accepts (those not refused with q=0)."""
    accepted = set()
    for part in accept_encoding.lower().split(","):
        coding, _, parameters = part.partition(";")
        quality = parameters.strip().removeprefix("q=")
        try:
            refused = bool(parameters.strip()) and float(quality) <= 0
        except ValueError:
            refused = False  # a malformed weight: as if none were given
        if coding.strip() and not refused:
            accepted.add(coding.strip())
    return accepted


def answers_dir() -> Path:
    return Path(settings.ANSWER_FILES_DIR)


def kept_answer(key: str) -> AnswerFile | None:
    """The answer kept for a key, or None."""
    folder = answers_dir() / hashlib.sha256(key.encode()).hexdigest()
    try:
        content_type = (folder / "type").read_text()
    except OSError:
        return None
    gzipped, brotli = folder / "body.gz", folder / "body.br"
    return AnswerFile(
        folder / "body", gzipped if gzipped.exists() else None, content_type, brotli if brotli.exists() else None
    )


def keep_answer(key: str, build: Callable[[], tuple[bytes, str] | None]) -> AnswerFile | None:
    """The answer for a key, built by `build` (a body and its content type, or None for no answer to keep) by
    one worker at a time: one that waited finds it built."""
    name = hashlib.sha256(key.encode()).hexdigest()
    answers_dir().mkdir(parents=True, exist_ok=True)
    with locked(answers_dir() / f"{name}.lock"):
        if (kept := kept_answer(key)) is not None:
            return kept
        made = build()
        if made is None:
            return None
        body, content_type = made
        forget_old_answers()
        building = Path(tempfile.mkdtemp(prefix=f".{name}.", dir=answers_dir()))
        (building / "body").write_bytes(body)
        if content_type != "application/zip":  # a zip is compressed already
            with gzip.open(building / "body.gz", "wb", compresslevel=6) as out:
                out.write(body)
            # Brotli at quality 5: the shipped export is 137 kB against gzip's 237 kB, made in the same 37 ms.
            (building / "body.br").write_bytes(brotli.compress(body, quality=5))
        (building / "type").write_text(content_type)  # last: its presence says the answer is whole
        os.rename(building, answers_dir() / name)
    return kept_answer(key)


@contextmanager
def locked(path: Path) -> Iterator[None]:
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def forget_old_answers() -> None:
    cutoff = time.time() - KEPT_FOR
    for entry in answers_dir().iterdir():
        try:
            if entry.stat().st_mtime < cutoff:
                shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
        except OSError:  # another worker removed it first
            continue


# A kept answer up to this size is read whole for the request: every client and test can read its body at once.
# A bigger one (an export of a large knowledge base) is streamed from the file, by sendfile under gunicorn, so its
# first byte goes out at once and no worker holds it in memory.
READ_WHOLE_UP_TO = 4 * 1024 * 1024


def file_answer(path: Path, content_type: str) -> HttpResponseBase:
    """A kept file as an answer (with its Content-Length), read or streamed for the request and let go after it."""
    handle = path.open("rb")  # open before the size is read: a file removed meanwhile is a FileNotFoundError
    size = os.fstat(handle.fileno()).st_size
    if size <= READ_WHOLE_UP_TO:
        with handle:
            return HttpResponse(handle.read(), content_type=content_type)
    response = FileResponse(handle, content_type=content_type)  # closed by Django when the answer is sent
    del response["Content-Disposition"]  # FileResponse names the file ("body"); the view names a download
    return response
