"""The build's manifest: which input file produced which paper graph, and
which files failed (so that a rerun does not retry them unless they changed).

`out/manifest.jsonl` is append-only: a header line, then one JSON object per
event, the last one for a path winning:

    {"version": 2}
    {"path": "/abs/a.pdf", "file_sha256": "...", "paper": "https://doi.org/...", "doc_id": "a", "pages": 9}
    {"path": "/abs/b.pdf", "failed": {"stage": "worker", "message": "..."}, "file_sha256": "..."}
    {"path": "/abs/c.pdf", "removed": true}

Storing a paper costs one appended line (O(1), whatever the corpus size);
the file is compacted (rewritten through a temporary file and a rename) when
a build starts and when it ends. A line torn by a crash is ignored. The
version-1 `manifest.json` of earlier builds is read and replaced.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import IO, Any

from litkg.extractor.batch import Failure, write_atomic

MANIFEST_VERSION = 2
FILENAME = "manifest.jsonl"
LEGACY = "manifest.json"


class Manifest:
    """What was built from which file; `files` (stored papers) and `failed`
    (files that failed, with the hash of the bytes that failed), by the
    file's absolute resolved path."""

    def __init__(self, out: str | os.PathLike[str]) -> None:
        self.out = Path(out)
        self.path = self.out / FILENAME
        self.files: dict[str, dict[str, Any]] = {}
        self.failed: dict[str, dict[str, Any]] = {}
        self._fh: IO[str] | None = None
        self._load()

    def _load(self) -> None:
        if self.path.is_file():
            try:
                lines = self.path.read_text(encoding="utf-8").splitlines()
            except OSError:
                return  # unreadable: rebuild everything (replacing graphs is idempotent)
            if not lines or _parse(lines[0]).get("version") != MANIFEST_VERSION:
                return
            for line in lines[1:]:
                self._apply(_parse(line))
            return
        legacy = self.out / LEGACY
        if legacy.is_file():
            try:
                data = json.loads(legacy.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError):
                return
            if isinstance(data, dict) and data.get("version") == 1:
                self.files = dict(data.get("files", {}))

    def _apply(self, ev: dict[str, Any]) -> None:
        key = ev.get("path")
        if not isinstance(key, str):
            return
        if ev.get("removed"):
            self.files.pop(key, None)
            self.failed.pop(key, None)
        elif isinstance(ev.get("failed"), dict):
            self.failed[key] = {"file_sha256": ev.get("file_sha256"), **ev["failed"]}
        elif "paper" in ev:
            self.files[key] = {k: v for k, v in ev.items() if k != "path"}
            self.failed.pop(key, None)

    def _append(self, ev: dict[str, Any]) -> None:
        self._apply(ev)
        if self._fh is None:
            self.compact()
            self._fh = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 - held open for appends
        self._fh.write(json.dumps(ev, ensure_ascii=False) + "\n")
        self._fh.flush()

    def store(self, key: str, entry: dict[str, Any]) -> None:
        """Record that `key` produced the paper graph described by `entry`."""
        self._append({"path": key, **entry})

    def fail(self, key: str, file_sha256: str | None, failure: Failure) -> None:
        """Record that the bytes of `key` hashing to `file_sha256` failed."""
        self._append(
            {
                "path": key,
                "failed": {"stage": failure.stage, "message": failure.message},
                "file_sha256": file_sha256,
            }
        )

    def remove(self, key: str) -> None:
        """Record that `key` is gone from the inputs."""
        self._append({"path": key, "removed": True})

    def known_failure(self, key: str, file_sha256: str) -> Failure | None:
        """The earlier failure of exactly these bytes, if any."""
        f = self.failed.get(key)
        if f and f.get("file_sha256") == file_sha256:
            return Failure(key, str(f.get("stage")), str(f.get("message")))
        return None

    def compact(self) -> None:
        """Rewrite the manifest as one line per path (atomically)."""
        self.close()
        lines = [json.dumps({"version": MANIFEST_VERSION})]
        for key in sorted(self.files):
            lines.append(json.dumps({"path": key, **self.files[key]}, ensure_ascii=False))
        for key in sorted(self.failed):
            f = dict(self.failed[key])
            sha = f.pop("file_sha256", None)
            lines.append(
                json.dumps({"path": key, "failed": f, "file_sha256": sha}, ensure_ascii=False)
            )
        write_atomic(self.path, "\n".join(lines) + "\n")
        with contextlib.suppress(OSError):
            (self.out / LEGACY).unlink(missing_ok=True)

    def close(self) -> None:
        """Close the append handle."""
        if self._fh is not None:
            self._fh.close()
            self._fh = None


def _parse(line: str) -> dict[str, Any]:
    try:
        ev = json.loads(line)
    except json.JSONDecodeError:
        return {}
    return ev if isinstance(ev, dict) else {}


def load_manifest(out: str | os.PathLike[str]) -> dict[str, dict[str, Any]]:
    """The stored papers of the build in `out`, by input path."""
    return Manifest(out).files
