"""Extraction of many files in worker processes.

Each worker builds the spaCy pipeline once and then reads and extracts one
file per task; what comes back is picklable (a `StudyRecord` and the
document's metadata) or a `Failure` naming the file and the stage.

Two executors: `process` (supervised local worker processes, the default:
see `workers.py`; one file that kills its worker fails alone) and
`dask` (the optional `litkg[dask]` extra: tasks go to a Dask cluster, either
an existing scheduler at `tcp://HOST:PORT` or a `LocalCluster` started for
the run). Either way the results come back to the calling process, which is
the only one that writes the graph store. Workers of a remote Dask cluster
must have litkg installed and see the input files under the same paths.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from litkg.extractor.batch import Failure, size_failure, size_failure_before_reading
from litkg.extractor.document import IngestError
from litkg.extractor.records import StudyRecord
from litkg.extractor.workers import Limits, WorkerPool

log = logging.getLogger(__name__)

EXECUTORS = ("process", "dask")
Executor = Literal["process", "dask"]


@dataclass(frozen=True)
class Extracted:
    """One file's extraction: its record and what the graph needs of the document."""

    path: str
    file_sha256: str
    record: StudyRecord
    doc_meta: dict[str, Any]


def file_sha256(path: str | Path) -> str:
    """SHA-256 of a file's bytes (the build's change detector)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def doc_meta(document: Any) -> dict[str, Any]:
    """What the graph layer needs to know of a `Document` besides its record."""
    md = document.metadata or {}
    meta = {
        "doc_id": document.doc_id,
        "source": str(document.source),
        "source_format": document.source_format,
        "sha256": document.sha256,
        "n_pages": document.n_pages,
        "ocr_pages": [p.number for p in document.pages if p.ocr],
    }
    if isinstance(md.get("ocr"), dict) and meta["ocr_pages"]:
        meta["ocr_engine"] = str(md["ocr"].get("engine") or "tesseract")
    for key in ("first_author", "volume", "first_page", "fpage"):
        if md.get(key):
            meta["first_page" if key == "fpage" else key] = md[key]
    return meta


def extract_one(path: str) -> Extracted | Failure:
    """Read and extract one file (in whichever process runs it)."""
    from litkg.extractor.ingest import load_document
    from litkg.extractor.pipeline import extract_record

    too_big = size_failure_before_reading(path)
    if too_big is not None:
        return too_big
    try:
        sha = file_sha256(path)
        document = load_document(path)
    except IngestError as e:
        return Failure(path, "ingest", e.reason + (f" ({e.hint})" if e.hint else ""))
    except MemoryError:
        return Failure(path, "memory", "MemoryError while reading")
    except OSError as e:
        return Failure(path, "ingest", f"{type(e).__name__}: {e}")
    too_big = size_failure(path, document)
    if too_big is not None:
        return too_big
    try:
        record = extract_record(document)
    except MemoryError:
        return Failure(path, "memory", "MemoryError while extracting")
    except Exception as e:  # one bad paper must not stop a batch
        return Failure(path, "extract", f"{type(e).__name__}: {e}")
    return Extracted(path, sha, record, doc_meta(document))


def _warm(batch: bool = False) -> None:
    """Build the pipeline in a new worker. The collector is off meanwhile: the
    import of spaCy and litkg and the pipeline build make ~1 M objects that
    all live as long as the worker, and full collections over them were a
    third of litkg's start-up; frozen afterwards, later collections of the
    extraction skip them too. A worker of a `batch` (more files than
    workers) is warmed up as well (`warm_up`): what the components compile
    lazily is compiled before its first file, which one short file would
    not have needed."""
    import gc

    gc.disable()
    try:
        from litkg.extractor.pipeline import build_nlp

        build_nlp()
        if batch:
            from litkg.extractor.warm_up import warm_up

            try:
                warm_up()
            except Exception as e:  # a warm-up that fails leaves the lazy path
                log.warning("pipeline warm-up failed (%s: %s)", type(e).__name__, e)
    finally:
        gc.enable()
    gc.freeze()


def extract_many(
    paths: Iterable[str | Path],
    jobs: int = 1,
    *,
    executor: Executor = "process",
    scheduler: str | None = None,
    task: Callable[[str], Any] = extract_one,
    limits: Limits | None = None,
    isolate: bool = True,
) -> Iterator[Any]:
    """Extract every path, in `jobs` supervised worker processes.

    Each worker stays alive across files, under `limits` (memory per worker,
    seconds per file); a file that kills, exhausts or outlasts its worker
    comes back as a `Failure` (stage `worker`, `memory` or `timeout`) and the
    worker is replaced. `isolate=False` with one job runs in this process
    (library callers that trust their input).

    `executor="dask"` fans the files out over a Dask cluster instead: the one
    at `scheduler` (an address such as ``tcp://10.0.0.5:8786``), or without
    one a `distributed.LocalCluster` of `jobs` single-threaded worker
    processes. Results come back in completion order; for Dask at most 2 x
    the cluster's worker threads tasks are in flight so that memory stays
    bounded on large batches. `task` is what runs per path (default
    `extract_one`; a picklable callable that wraps it, e.g. to build the
    paper's graph in the worker too).
    """
    paths = [str(p) for p in paths]
    if executor == "dask":
        yield from _extract_dask(paths, jobs, scheduler, task)
        return
    if executor != "process":
        raise ValueError(f"unknown executor {executor!r}; one of {', '.join(EXECUTORS)}")
    if not isolate and jobs <= 1:
        for p in paths:
            yield task(p)
        return
    jobs = max(1, min(jobs, os.cpu_count() or jobs, len(paths) or 1))
    warm = functools.partial(_warm, batch=len(paths) > jobs)
    pool = WorkerPool(jobs, task, limits, warm=warm)
    results = pool.run(paths)
    try:
        yield from results
    finally:
        results.close()
        pool.close()


class DaskError(RuntimeError):
    """`--executor dask` without the optional dependency, or no scheduler to reach."""


def _dask_client(jobs: int, scheduler: str | None) -> tuple[Any, Any]:
    """(client, cluster-or-None): connect to `scheduler` or start a local cluster."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:
        raise DaskError(
            "the dask executor needs the optional extra: pip install 'litkg[dask]'"
        ) from e
    if scheduler:
        try:
            return Client(scheduler, timeout=30), None
        except OSError as e:
            raise DaskError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from e
    cluster = LocalCluster(
        n_workers=max(1, jobs),
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
    )
    return Client(cluster), cluster


def _extract_dask(
    paths: list[str], jobs: int, scheduler: str | None, task: Callable[[str], Any] = extract_one
) -> Iterator[Any]:
    if not paths:
        return
    client, cluster = _dask_client(jobs, scheduler)  # first: a clear error without dask
    from distributed import as_completed

    try:
        threads = sum(client.nthreads().values()) or max(1, jobs)
        window = 2 * threads
        it = iter(paths)
        path_of: dict[str, str] = {}

        def submit(p: str) -> Any:
            # pure=False: a changed file under the same path must be read again
            fut = client.submit(task, p, pure=False)
            path_of[fut.key] = p
            return fut

        first = [submit(p) for p in itertools.islice(it, window)]
        queue = as_completed(first, with_results=False)
        for fut in queue:
            p = path_of.pop(fut.key)
            try:
                res = fut.result()
            except Exception as e:  # a worker died (KilledWorker) or the task raised
                res = Failure(p, "extract", f"dask: {type(e).__name__}: {e}")
            fut.release()
            yield res
            nxt = next(it, None)
            if nxt is not None:
                queue.add(submit(nxt))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
