"""The release this process runs: part of every knowledge ETag, so a deploy invalidates old answers."""

import functools
import hashlib
import os

from django.conf import settings

# What shapes an answer: the project's code and the pinned libraries that render it.
SOURCE_PACKAGES = ("refpain", "conditions", "curation", "assessments", "privacy")
SOURCE_FILES = ("requirements.txt",)


@functools.cache
def release_id() -> str:
    """`RELEASE` from the environment (e.g. the deployed commit), else a digest of the sources.

    The digest changes whenever a serializer, a view or a pinned library changes, even when a
    deploy forgets to set RELEASE; reading the files once per process costs a few milliseconds.
    """
    if release := os.environ.get("RELEASE", "").strip():
        # Hashed, so whatever the deploy sets is safe inside a quoted ETag.
        return hashlib.sha256(release.encode()).hexdigest()[:12]
    digest = hashlib.sha256()
    base = settings.BASE_DIR
    paths = [base / name for name in SOURCE_FILES]
    for package in SOURCE_PACKAGES:
        paths += (base / package).rglob("*.py")
    for path in sorted(p for p in paths if p.is_file() and "migrations" not in p.parts):
        digest.update(str(path.relative_to(base)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]
