"""A per-process cache backend bounded by the bytes it holds, not by its number of entries."""

import pickle
import threading
import time

from cachetools import LRUCache
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

# Each entry also costs its key, the dict slot and the tuple around it; counted roughly, so that
# many tiny entries cannot exceed the bound either.
ENTRY_OVERHEAD = 200

# One store per LOCATION, shared by the threads of a process (Django makes a backend per thread).
_stores: dict[str, tuple[LRUCache, threading.Lock]] = {}
_stores_lock = threading.Lock()


def _size(entry: tuple[bytes, float | None]) -> int:
    return len(entry[0]) + ENTRY_OVERHEAD


class ByteBoundedCache(BaseCache):
    """Least-recently-used in-process cache that evicts to stay under OPTIONS["MAX_BYTES"]."""

    def __init__(self, name, params):
        super().__init__(params)
        options = params.get("OPTIONS", {})
        self.max_bytes = int(options.get("MAX_BYTES", 64 * 1024 * 1024))
        with _stores_lock:
            store = _stores.get(name)
            if store is None or store[0].maxsize != self.max_bytes:
                store = (LRUCache(maxsize=self.max_bytes, getsizeof=_size), threading.Lock())
                _stores[name] = store
        self._cache, self._lock = store

    @property
    def size_in_bytes(self) -> int:
        return int(self._cache.currsize)

    def __len__(self) -> int:
        return len(self._cache)

    def _live(self, key: str):
        entry = self._cache.get(key)
        if entry is not None and entry[1] is not None and entry[1] <= time.time():
            del self._cache[key]
            return None
        return entry

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            if self._live(key) is not None:
                return False
            return self._store(key, value, timeout)

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            entry = self._live(key)
        return default if entry is None else pickle.loads(entry[0])

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            self._store(key, value, timeout)

    def _store(self, key: str, value, timeout) -> bool:
        entry = (pickle.dumps(value, pickle.HIGHEST_PROTOCOL), self.get_backend_timeout(timeout))
        if _size(entry) > self.max_bytes:
            self._cache.pop(key, None)  # too big to keep at all: cachetools would raise
            return False
        self._cache[key] = entry
        return True

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            entry = self._live(key)
            if entry is None:
                return False
            self._cache[key] = (entry[0], self.get_backend_timeout(timeout))
            return True

    def delete(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            return self._cache.pop(key, None) is not None

    def has_key(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            return self._live(key) is not None

    def clear(self):
        with self._lock:
            self._cache.clear()
