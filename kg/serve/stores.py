"""The store a long-running server reads: reopened when a build publishes a new snapshot.

A reader of an embedded store sees the snapshot that was latest when it
opened (kg/store.py); a server that runs while `litkg build` rebuilds must
follow `LATEST`, or it would keep showing the old graph.
"""

from __future__ import annotations

import threading
from pathlib import Path

from litkg.kg.store import KGStore, is_url, open_store


class LiveStore:
    """`get()` gives a read-only store on the latest published snapshot."""

    def __init__(self, location: str, timeout: float | None, allow_federation: bool) -> None:
        self.location = str(location)
        self.timeout = timeout
        self.allow_federation = allow_federation
        self._lock = threading.Lock()
        self._stamp: str | None = None
        self._store: KGStore = self._open()

    def _latest(self) -> str | None:
        if is_url(self.location):
            return None
        try:
            return (Path(self.location) / "LATEST").read_text().strip()
        except OSError:
            return None

    def _open(self) -> KGStore:
        self._stamp = self._latest()
        return open_store(
            self.location,
            read_only=True,
            timeout=self.timeout,
            allow_federation=self.allow_federation,
        )

    def get(self) -> KGStore:
        """The store, reopened first when a newer snapshot was published. The old
        store is left to the garbage collector: a request may still be reading it."""
        if self._latest() != self._stamp:
            with self._lock:
                if self._latest() != self._stamp:
                    self._store = self._open()
        return self._store

    @property
    def out_dir(self) -> Path | None:
        """The build folder holding the store (its manifest and curation file), if local."""
        return None if is_url(self.location) else Path(self.location).resolve().parent

    def close(self) -> None:
        """Release the store."""
        self._store.close()
