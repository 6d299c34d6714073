"""Running ingestion or extraction over many inputs: errors are collected
per file, the batch goes on, and files are written atomically."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from litkg.extractor.document import Document, IngestError
from litkg.extractor.ingest import expand_inputs, load_document


@dataclass
class Failure:
    """One input that failed: which file, at which stage, and why."""

    path: str
    stage: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"path": self.path, "stage": self.stage, "message": self.message}


@dataclass
class BatchReport:
    """What a batch did: the files done and the failures."""

    done: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)

    def summary(self) -> str:
        line = f"{len(self.done)} done, {len(self.failures)} failed"
        for f in self.failures:
            line += f"\n  {f.path}: [{f.stage}] {f.message}"
        return line


def run_batch(
    inputs: Iterable[str | Path],
    work: Callable[[Document], Any],
    report: BatchReport,
    progress: Callable[[Iterable[Path]], Iterable[Path]] = lambda it: it,
) -> Iterator[tuple[Path, Document, Any]]:
    """Load each input and apply `work`, yielding (path, document, result).

    Failures are recorded in `report` (stage "ingest" or "extract") and the
    batch goes on with the next file.
    """
    files, errors = expand_inputs(inputs)
    for e in errors:
        report.failures.append(
            Failure(e.path, "ingest", e.reason + (f" ({e.hint})" if e.hint else ""))
        )
    for path in progress(files):
        try:
            doc = load_document(path)
        except IngestError as e:
            report.failures.append(
                Failure(str(path), "ingest", e.reason + (f" ({e.hint})" if e.hint else ""))
            )
            continue
        try:
            result = work(doc)
        except Exception as e:  # one bad paper must not stop the batch
            report.failures.append(Failure(str(path), "extract", f"{type(e).__name__}: {e}"))
            continue
        report.done.append(str(path))
        yield path, doc, result


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file and a rename, so that
    an interrupted run never leaves a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; give the usual mode
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def dumps(obj: Any, *, pretty: bool = False) -> str:
    """JSON text (UTF-8 kept readable)."""
    return json.dumps(obj, ensure_ascii=False, indent=2 if pretty else None)
