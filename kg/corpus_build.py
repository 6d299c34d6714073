"""`litkg build`: a folder of papers -> study records -> one graph store.

Incremental and resumable. `out/manifest.json` maps every input file to the
SHA-256 of its bytes and the paper graph it produced; a rebuild extracts only
new and changed files, replaces their named graphs, and drops the graphs of
files that are gone. Each paper's graph is written in one store transaction
before its manifest entry, and every output file is written through a
temporary file and a rename, so a build killed at any point leaves a
consistent store and resumes where it stopped.

Layout of `out/`: `store/` (embedded Oxigraph, unless `--store URL`),
`records/<document>.json` (the study records), `graph.trig` (a dump of the
whole store), `manifest.json`, `errors.json` (which file failed, at which
stage, and why).
"""

from __future__ import annotations

import functools
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rdflib import URIRef

from litkg.extractor.batch import Failure, dumps, write_atomic
from litkg.extractor.ingest import expand_inputs
from litkg.extractor.parallel import Executor, Extracted, extract_many, extract_one, file_sha256
from litkg.kg.build import RunInfo, paper_graph
from litkg.kg.store import (
    KGStore,
    graph_to_ntriples,
    open_store,
    recompute_shared,
    remove_paper,
    replace_paper_graph,
)

MANIFEST_VERSION = 1


@dataclass
class BuildReport:
    """What a build did, for the summary line and `errors.json`."""

    extracted: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    pages: int = 0
    triples: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    interrupted: bool = False

    def summary(self) -> str:
        """One human-readable paragraph."""
        rate = len(self.extracted) / self.seconds if self.seconds else 0.0
        lines = [
            f"{len(self.extracted)} extracted, {len(self.unchanged)} unchanged, "
            f"{len(self.removed)} removed, {len(self.failures)} failed "
            f"in {self.seconds:.1f} s ({rate:.1f} papers/s, {self.pages} pages)"
        ]
        if self.interrupted:
            lines.append("interrupted: run the same command again to resume")
        lines += [f"  {f.path}: [{f.stage}] {f.message}" for f in self.failures]
        return "\n".join(lines)


def _run_info() -> RunInfo:
    """The run's provenance; SOURCE_DATE_EPOCH (the reproducible-builds
    convention) freezes its time so that rebuilds give identical graphs."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return RunInfo.at(datetime.fromtimestamp(int(epoch), UTC))
    return RunInfo()


def _load_manifest(path: Path) -> dict[str, dict[str, Any]]:
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return {}  # unreadable: rebuild everything (replacing graphs is idempotent)
    if data.get("version") != MANIFEST_VERSION:
        return {}
    return dict(data.get("files", {}))


def _save_manifest(path: Path, files: dict[str, dict[str, Any]]) -> None:
    write_atomic(path, dumps({"version": MANIFEST_VERSION, "files": files}, pretty=True) + "\n")


def _key(path: Path) -> str:
    return str(path.resolve())


def build_corpus(
    inputs: Iterable[str | Path],
    out: str | Path,
    *,
    store: str | None = None,
    jobs: int = 1,
    executor: Executor = "process",
    scheduler: str | None = None,
    force: bool = False,
    run: RunInfo | None = None,
    progress: Callable[[Iterator[Any], int], Iterator[Any]] | None = None,
    dump: bool = True,
) -> BuildReport:
    """Build (or bring up to date) the graph of the papers in `inputs`.

    `store` is a path or an http(s) SPARQL endpoint (default `out/store`);
    `jobs` worker processes extract in parallel (`executor="dask"`: on the
    Dask cluster at `scheduler`, or a local one of `jobs` workers; the store
    is still written by this process only); `force` re-extracts every
    file; `progress(iterator, total)` wraps the extraction results (a
    progress bar). Stops cleanly on KeyboardInterrupt: what was finished is
    kept, the report says `interrupted`.
    """
    t0 = time.perf_counter()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    report = BuildReport()
    run = run or _run_info()
    files, errors = expand_inputs(inputs)
    report.failures += [
        Failure(e.path, "ingest", e.reason + (f" ({e.hint})" if e.hint else "")) for e in errors
    ]
    manifest_path = out / "manifest.json"
    manifest = _load_manifest(manifest_path)
    kg = open_store(store or out / "store")
    try:
        present = set(kg.graph_names())
        todo: list[Path] = []
        for f in files:
            entry = manifest.get(_key(f))
            if (
                not force
                and entry
                and entry.get("file_sha256") == file_sha256(f)
                and URIRef(entry["paper"]) in present
            ):
                report.unchanged.append(str(f))
            else:
                todo.append(f)
        current = {_key(f) for f in files}
        for gone in sorted(set(manifest) - current):
            entry = manifest.pop(gone)
            still_used = any(e["paper"] == entry["paper"] for e in manifest.values())
            if not still_used:
                remove_paper(kg, URIRef(entry["paper"]))
            (out / "records" / f"{entry['doc_id']}.json").unlink(missing_ok=True)
            report.removed.append(gone)
        _save_manifest(manifest_path, manifest)

        task = functools.partial(extract_and_graph, run=run)
        results = extract_many(todo, jobs=jobs, executor=executor, scheduler=scheduler, task=task)
        if progress is not None:
            results = progress(results, len(todo))
        try:
            for res in results:
                if isinstance(res, Failure):
                    report.failures.append(res)
                    continue
                _store_paper(kg, res, out, manifest, report)
                _save_manifest(manifest_path, manifest)
        except KeyboardInterrupt:
            report.interrupted = True
        if not report.interrupted:
            recompute_shared(kg)
            if dump:
                tmp = out / ".graph.trig.tmp"
                kg.dump(tmp, "trig")  # type: ignore[attr-defined]
                tmp.replace(out / "graph.trig")
    finally:
        kg.close()
        write_atomic(
            out / "errors.json",
            dumps([f.as_dict() for f in report.failures], pretty=True) + "\n",
        )
    report.seconds = time.perf_counter() - t0
    return report


@dataclass(frozen=True)
class GraphedPaper:
    """One file's extraction with its paper graph already built (in the worker):
    the writer only stores it."""

    extracted: Extracted
    paper: str
    ntriples: str
    n_triples: int
    record_json: str


def extract_and_graph(path: str, run: RunInfo) -> GraphedPaper | Failure:
    """Read, extract and build the paper graph of one file (runs in a worker)."""
    res = extract_one(path)
    if isinstance(res, Failure):
        return res
    meta = dict(res.doc_meta)
    meta["source"] = res.path
    try:
        iri, graph = paper_graph(res.record, meta, run)
    except Exception as e:  # one bad record must not stop the batch
        return Failure(path, "graph", f"{type(e).__name__}: {e}")
    return GraphedPaper(
        res,
        str(iri),
        graph_to_ntriples(graph),
        len(graph),
        dumps(res.record.to_json(), pretty=True) + "\n",
    )


def _store_paper(
    kg: KGStore,
    done: GraphedPaper,
    out: Path,
    manifest: dict[str, dict[str, Any]],
    report: BuildReport,
) -> None:
    """Write one paper's graph (one transaction), then its record and manifest entry."""
    res = done.extracted
    iri = URIRef(done.paper)
    key = _key(Path(res.path))
    old = manifest.get(key)
    if old and old.get("paper") != str(iri):
        # the paper's identity changed (e.g. a DOI now found): drop the old graph
        if not any(e["paper"] == old["paper"] for k, e in manifest.items() if k != key):
            remove_paper(kg, URIRef(old["paper"]))
    replace_paper_graph(kg, iri, done.ntriples, source_sha256=[res.doc_meta["sha256"]])
    write_atomic(out / "records" / f"{res.record.document}.json", done.record_json)
    manifest[key] = {
        "file_sha256": res.file_sha256,
        "paper": str(iri),
        "doc_id": res.record.document,
        "pages": res.doc_meta.get("n_pages"),
    }
    report.extracted.append(res.path)
    report.pages += int(res.doc_meta.get("n_pages") or 0)
    report.triples[res.record.document] = done.n_triples
