"""Running ingestion or extraction over many inputs: errors are collected
per file, the batch goes on, and files are written atomically."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
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


#: litkg's own limit on one paper's text: a paper is a few hundred thousand
#: characters; millions mean a proceedings volume or a thesis.
DEFAULT_MAX_CHARS = 2_000_000
MAX_CHARS_ENV = "LITKG_MAX_CHARS"


def max_chars() -> int | None:
    """The character limit per document (`LITKG_MAX_CHARS`; 0 turns it off)."""
    raw = os.environ.get(MAX_CHARS_ENV, "").strip().replace("_", "")
    if not raw:
        return DEFAULT_MAX_CHARS
    try:
        n = int(float(raw))
    except ValueError:
        return DEFAULT_MAX_CHARS
    return n if n > 0 else None


def size_failure(path: str | Path, document: Document) -> Failure | None:
    """A `Failure` for a document longer than `max_chars()`, else None."""
    limit = max_chars()
    n = len(document.text)
    if limit is None or n <= limit:
        return None
    return Failure(
        str(path),
        "size",
        f"{n:,} characters ({document.n_pages} pages), more than litkg's limit of "
        f"{limit:,} for one paper (a proceedings volume or a thesis?); to read it anyway "
        f"set {MAX_CHARS_ENV}={max(n + 1, 2 * limit)}",
    )


#: Plain-text suffixes: a UTF-8/16/32 file holds at least a quarter as many
#: characters as bytes, so its size alone can prove it too long.
_TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")


def size_failure_before_reading(path: str | Path) -> Failure | None:
    """A `Failure` for a plain-text file certainly over `max_chars()` (more
    than 4 bytes per allowed character), found without reading it."""
    limit = max_chars()
    p = Path(path)
    if limit is None or p.suffix.lower() not in _TEXT_SUFFIXES:
        return None
    try:
        size = p.stat().st_size
    except OSError:
        return None
    if size <= 4 * limit:
        return None
    return Failure(
        str(path),
        "size",
        f"{size:,} bytes of text, more than litkg's limit of {limit:,} characters for one "
        f"paper (a proceedings volume or a thesis?); to read it anyway set "
        f"{MAX_CHARS_ENV}={size + 1}",
    )


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
        too_big = size_failure_before_reading(path)
        if too_big is not None:
            report.failures.append(too_big)
            continue
        try:
            doc = load_document(path)
        except IngestError as e:
            report.failures.append(
                Failure(str(path), "ingest", e.reason + (f" ({e.hint})" if e.hint else ""))
            )
            continue
        except MemoryError:
            report.failures.append(Failure(str(path), "memory", "out of memory while reading"))
            continue
        too_big = size_failure(path, doc)
        if too_big is not None:
            report.failures.append(too_big)
            continue
        try:
            result = work(doc)
        except Exception as e:  # one bad paper must not stop the batch
            report.failures.append(Failure(str(path), "extract", f"{type(e).__name__}: {e}"))
            continue
        report.done.append(str(path))
        yield path, doc, result


def extract_files(
    inputs: Iterable[str | Path],
    report: BatchReport,
    *,
    jobs: int = 1,
    limits: Any = None,
    progress: Callable[[Iterator[Any], int], Iterator[Any]] | None = None,
) -> Iterator[Any]:
    """Read and extract each input in supervised worker processes (see
    `workers.py`; `limits` bounds each file's memory and time), yielding an
    `Extracted` per file in input order. A file that fails, or that crashes,
    exhausts or outlasts its worker, is a `Failure` in `report` (naming the
    file and the stage) and the batch goes on. `progress(results, total)`
    wraps the results as they complete."""
    from litkg.extractor.parallel import extract_many

    files, errors = expand_inputs(inputs)
    for e in errors:
        report.failures.append(
            Failure(e.path, "ingest", e.reason + (f" ({e.hint})" if e.hint else ""))
        )
    order = {str(p): i for i, p in enumerate(files)}
    results = extract_many(files, jobs, limits=limits)
    shown = progress(results, len(files)) if progress is not None else results
    pending: dict[int, Any] = {}
    after = 0
    try:
        for res in shown:
            pending[order[res.path]] = res
            while after in pending:  # completion order -> input order
                done = pending.pop(after)
                after += 1
                if isinstance(done, Failure):
                    report.failures.append(done)
                    continue
                report.done.append(done.path)
                yield done
    finally:
        results.close()


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


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path next to `path` for a writer to fill; when the block
    ends without an error it replaces `path` (a failure leaves the old file
    and no temporary one). A destination that exists and is not a regular
    file (`/dev/null`, a pipe) gets the finished file's bytes copied into it.
    OSErrors name `path`."""
    dest = Path(path)
    if dest.exists() and not dest.is_file():
        if dest.is_dir():
            raise IsADirectoryError(errno.EISDIR, "Is a directory", str(dest))
        with tempfile.TemporaryDirectory(prefix="litkg-") as folder:
            tmp = Path(folder) / dest.name
            with _naming(dest, str(tmp)):
                yield tmp
                with open(tmp, "rb") as src, open(dest, "wb") as out:
                    shutil.copyfileobj(src, out, 1 << 20)
        return
    with _naming(dest, None):
        fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".tmp")
        os.close(fd)
    try:
        with _naming(dest, tmp):
            yield Path(tmp)
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; give the usual mode
            os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def _naming(dest: Path, tmp: str | None) -> Iterator[None]:
    """OSErrors of the block name `dest`, not a temporary file (or nothing)."""
    try:
        yield
    except OSError as e:
        if e.filename in (None, tmp) or (tmp is None and e.filename != str(dest)):
            raise OSError(e.errno, e.strerror or str(e), str(dest)) from e
        raise


def dumps(obj: Any, *, pretty: bool = False) -> str:
    """JSON text (UTF-8 kept readable)."""
    return json.dumps(obj, ensure_ascii=False, indent=2 if pretty else None)
