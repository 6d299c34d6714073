"""`litkg build`: a folder of papers -> study records -> one graph store.

Incremental and resumable. `out/manifest.jsonl` (see `manifest.py`) maps
every input file to the SHA-256 of its bytes and the paper graph it
produced, or to the failure its bytes gave; a rebuild extracts only new and
changed files (and earlier failures with `retry_failed`), replaces their
named graphs, and keeps the papers of files it was not given (add-only: `prune`
drops them, and the summary names each). Each paper's
graph is written in one store transaction before its manifest line, and
every output file is written through a temporary file and a rename, so a
build killed at any point leaves a consistent store and resumes where it
stopped. Extraction runs in supervised worker processes (`workers.py`): a
file that crashes, exhausts or outlasts its worker fails alone. SIGTERM
stops a build as Ctrl-C does: what was stored is kept and published to
readers, the workers are stopped.

Layout of `out/`: `store/` (embedded Oxigraph, unless `--store URL`),
`records/<document>.json` (the study records), `graph.trig` (a dump of the
whole store), `manifest.jsonl`, `errors.json` (which file failed, at which
stage, and why).
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import threading
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
from litkg.extractor.workers import Limits
from litkg.kg import same_paper
from litkg.kg.build import RunInfo, paper_graph
from litkg.kg.manifest import Manifest
from litkg.kg.store import (
    DEFAULT_QUERY_TIMEOUT,
    KGStore,
    StoreError,
    graph_to_ntriples,
    open_store,
    recompute_shared,
    remove_paper,
    replace_paper_graph,
)

#: Violations the build summary names one by one; a large corpus gets a count for the rest.
SHOW_VIOLATIONS = 20

#: Papers stored between two reopenings of an embedded store (see OxigraphStore.reopen).
REOPEN_EVERY = 500


@dataclass
class BuildReport:
    """What a build did, for the summary line and `errors.json`."""

    extracted: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    #: stored papers whose files were not among the inputs (kept: not `prune`)
    kept_absent: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    #: files whose unchanged bytes failed in an earlier build (not retried)
    known_failures: list[str] = field(default_factory=list)
    #: papers given as several inputs this run: (input paths, the one kept for facts)
    same_paper: list[tuple[list[str], str]] = field(default_factory=list)
    #: the papers the extracted files gave
    papers: set[str] = field(default_factory=set)
    #: files in the input folders that are not papers litkg reads
    skipped: list[str] = field(default_factory=list)
    #: no input file could be found: the build created and changed nothing
    nothing_read: bool = False
    #: paper graphs validated with the SHACL shapes, and their violations by file
    validated: int = 0
    violations: dict[str, list[str]] = field(default_factory=dict)
    pages: int = 0
    triples: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    interrupted: bool = False

    def _as_papers(self) -> str:
        n = len(self.papers)
        return f" ({n} paper{'s' if n != 1 else ''})" if n != len(self.extracted) else ""

    def idle(self) -> bool:
        """Whether the build had nothing to do (every file unchanged or failed
        before, nothing removed)."""
        return not (self.extracted or self.removed or self.interrupted) and len(
            self.failures
        ) == len(self.known_failures)

    def summary(self) -> str:
        """One human-readable paragraph."""
        rate = len(self.extracted) / self.seconds if self.seconds else 0.0
        if self.nothing_read:
            lines = ["no input file to read: nothing was built or changed"]
        elif self.idle():
            failed = f", {len(self.failures)} failed before" if self.failures else ""
            lines = [f"nothing to do: {len(self.unchanged)} unchanged{failed}"]
        else:
            lines = [
                f"{len(self.extracted)} extracted{self._as_papers()}, "
                f"{len(self.unchanged)} unchanged, {len(self.removed)} removed, "
                f"{len(self.failures)} failed in {self.seconds:.1f} s "
                f"({rate:.1f} papers/s, {self.pages} pages)"
            ]
        if self.skipped:
            shown = ", ".join(self.skipped[:8])
            more = f" and {len(self.skipped) - 8} more" if len(self.skipped) > 8 else ""
            n = len(self.skipped)
            lines.append(
                f"skipped {n} file{'s' if n != 1 else ''} that litkg does not read "
                f"as papers: {shown}{more}"
            )
        lines += [f"  removed: {name}" for name in self.removed]
        lines += sorted(same_paper.describe(paths, kept) for paths, kept in self.same_paper)
        if self.kept_absent:
            lines.append(
                f"{len(self.kept_absent)} stored papers whose files are not among these inputs "
                "were kept (--prune removes them)"
            )
        if self.known_failures:
            lines.append(
                f"{len(self.known_failures)} of the failures are unchanged files that failed "
                "before: not retried (--retry-failed retries them)"
            )
        if self.validated:
            n = sum(len(v) for v in self.violations.values())
            lines.append(
                f"validated {self.validated} paper graph{'s' if self.validated != 1 else ''}: "
                f"{n} violation{'s' if n != 1 else ''}"
                + (f" in {len(self.violations)} of them" if n else "")
            )
            shown = [
                f"  {path}: {v}" for path, found in sorted(self.violations.items()) for v in found
            ]
            lines += shown[:SHOW_VIOLATIONS]
            if len(shown) > SHOW_VIOLATIONS:
                lines.append(
                    f"  ... and {len(shown) - SHOW_VIOLATIONS} more (litkg validate lists them all)"
                )
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


def _key(path: Path) -> str:
    return str(path.resolve())


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM raises KeyboardInterrupt (in the main thread), so that a build
    stopped by a service manager or `kill` ends as one stopped by Ctrl-C."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    old = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)


@contextlib.contextmanager
def _interrupts_deferred() -> Iterator[None]:
    """Ctrl-C or SIGTERM arriving while one paper is written takes effect once
    its graph, record and manifest line are all written: a stop between the
    store's transaction and the manifest line left a stored paper that the
    manifest did not know. The signal is delivered again afterwards, to the
    handler it would have met (an ignored SIGINT stays ignored)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []

    def hold(signum: int, frame: Any) -> None:
        caught.append(signum)

    old = {
        sig: signal.signal(sig, hold)
        for sig in (signal.SIGINT, signal.SIGTERM)
        # ignored, or set outside Python (cannot be put back): left alone
        if signal.getsignal(sig) not in (signal.SIG_IGN, None)
    }
    try:
        yield
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler)
        if caught:
            signal.raise_signal(caught[0])


def _build(
    kg: KGStore,
    files: list[Path],
    out: Path,
    manifest: Manifest,
    report: BuildReport,
    force: bool,
    retry_failed: bool,
    progress: Callable[[Iterator[Any], int], Iterator[Any]] | None,
    task: Callable[[str], Any],
    extract_options: dict[str, Any],
    dump: bool,
    prune: bool = False,
) -> None:
    present = set(kg.graph_names())
    todo: list[Path] = []
    hashes: dict[str, str] = {}
    for f in files:
        key = _key(f)
        try:
            sha = hashes[key] = file_sha256(f)
        except OSError as e:
            report.failures.append(Failure(str(f), "ingest", f"{type(e).__name__}: {e}"))
            continue
        entry = manifest.files.get(key)
        known = None if force or retry_failed else manifest.known_failure(key, sha)
        if known is not None:
            report.failures.append(Failure(str(f), known.stage, known.message))
            report.known_failures.append(str(f))
        elif (
            not force
            and entry
            and entry.get("file_sha256") == sha
            and URIRef(entry["paper"]) in present
        ):
            report.unchanged.append(str(f))
        else:
            todo.append(f)
    current = {_key(f) for f in files}
    for gone in sorted(set(manifest.files) | set(manifest.failed)):
        if gone in current:
            continue
        if not prune:
            if gone in manifest.files:
                report.kept_absent.append(gone)
            continue
        entry = manifest.files.get(gone)
        manifest.remove(gone)
        if entry is None:
            continue
        _drop_member(kg, out, manifest, gone, entry)
        report.removed.append(gone)

    _extract_and_store(kg, todo, out, manifest, report, hashes, progress, task, extract_options)
    # a paper whose facts came from a file that left it (pruned, or now
    # another paper) is read again from the richest file it still has
    orphans = _orphaned_papers(manifest)
    if orphans and not report.interrupted:
        _extract_and_store(kg, orphans, out, manifest, report, hashes, None, task, extract_options)
    typed = {_key(f): str(f) for f in files}
    touched = {_key(Path(p)) for p in report.extracted}
    for paper in sorted({manifest.files[k]["paper"] for k in touched if k in manifest.files}):
        group = same_paper.members(manifest.files, paper)
        if len(group) > 1:
            kept = next((k for k, e in group.items() if same_paper.is_primary(e)), "")
            report.same_paper.append(([typed.get(k, k) for k in group], typed.get(kept, kept)))
    if not report.interrupted:
        recompute_shared(kg)
        _reapply_verdicts(kg, out, report)
        if dump:
            tmp = out / ".graph.trig.tmp"
            try:
                kg.dump(tmp, "trig")  # type: ignore[attr-defined]
                tmp.replace(out / "graph.trig")
            finally:
                tmp.unlink(missing_ok=True)


def _extract_and_store(
    kg: KGStore,
    todo: list[Path],
    out: Path,
    manifest: Manifest,
    report: BuildReport,
    hashes: dict[str, str],
    progress: Callable[[Iterator[Any], int], Iterator[Any]] | None,
    task: Callable[[str], Any],
    extract_options: dict[str, Any],
) -> None:
    if not todo:
        return
    results = extract_many(todo, task=task, **extract_options)
    shown = progress(results, len(todo)) if progress is not None else results
    try:
        for res in shown:
            if isinstance(res, Failure):
                report.failures.append(res)
                key = _key(Path(res.path))
                manifest.fail(key, hashes.get(key), res)
                continue
            with _interrupts_deferred():
                rejected = _store_paper(kg, res, out, manifest, report)
            if rejected is not None:
                report.failures.append(rejected)
                key = _key(Path(rejected.path))
                manifest.fail(key, hashes.get(key), rejected)
                continue
            if len(report.extracted) % REOPEN_EVERY == 0 and hasattr(kg, "reopen"):
                kg.reopen()  # keeps the writer's memory flat on large corpora
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        results.close()  # stops the workers now, not when garbage-collected


def _orphaned_papers(manifest: Manifest) -> list[Path]:
    """For each stored paper none of whose files is the one its facts come
    from, its richest file."""
    by_paper: dict[str, list[str]] = {}
    for k, e in manifest.files.items():
        by_paper.setdefault(e["paper"], []).append(k)
    out = []
    for keys in by_paper.values():
        if not any(same_paper.is_primary(manifest.files[k]) for k in keys):
            best = min(keys, key=lambda k: same_paper.preference(k, manifest.files[k]))
            out.append(Path(best))
    return sorted(out)


def _drop_member(
    kg: KGStore, out: Path, manifest: Manifest, key: str, entry: dict[str, Any]
) -> None:
    """`key` (already out of the manifest) no longer gives `entry`'s paper: drop
    the paper when no other file gives it, else this file's part of it."""
    paper = entry["paper"]
    rest = same_paper.members(manifest.files, paper)
    if not rest:
        remove_paper(kg, URIRef(paper))
    elif not same_paper.is_primary(entry):
        others = {k: e for k, e in rest.items() if not same_paper.is_primary(e)}
        same_paper.refresh_manifestations(kg, paper, others)
    else:
        # the paper's facts came from this file: its richest other file is read
        # again (`_orphaned_papers`) and replaces the graph
        for k, e in rest.items():
            manifest.store(k, {**e, "primary": False})
    if same_paper.is_primary(entry):
        (out / "records" / f"{entry['doc_id']}.json").unlink(missing_ok=True)


def _reapply_verdicts(kg: Any, out: Path, report: BuildReport) -> None:
    """Reviewers' verdicts (out/curation.jsonl) into the curation graph (kg/curation)."""
    from litkg.kg.curation.graph import sync_for_build
    from litkg.kg.curation.verdicts import CurationError

    try:
        sync_for_build(kg, out)
    except CurationError as e:
        report.failures.append(Failure(str(out), "curation", str(e)))


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
    limits: Limits | None = None,
    retry_failed: bool = False,
    isolate: bool = True,
    prune: bool = False,
    validate: bool = True,
    timeout: float | None = DEFAULT_QUERY_TIMEOUT,
) -> BuildReport:
    """Build (or bring up to date) the graph of the papers in `inputs`.

    `store` is a path or an http(s) SPARQL endpoint (default `out/store`);
    `jobs` worker processes extract in parallel (`executor="dask"`: on the
    Dask cluster at `scheduler`, or a local one of `jobs` workers; the store
    is still written by this process only); `force` re-extracts every
    file; `retry_failed` retries files that failed before although their
    bytes did not change; `limits` bounds each file's memory and time (see
    `workers.Limits`); `isolate=False` with one job extracts in this process
    (trusted input only); `timeout`: seconds any one store query or request
    may take (None: no limit); `prune` removes the stored papers whose files
    are not among `inputs` (else they are kept); `validate` checks each paper
    graph written in this run with the SHACL shapes (in the worker that built
    it; the report counts them and names the violations); `progress(iterator, total)` wraps the extraction
    results (a progress bar). Stops cleanly on KeyboardInterrupt or
    SIGTERM: what was finished is kept, the report says `interrupted`.
    """
    t0 = time.perf_counter()
    out = Path(out)
    report = BuildReport()
    run = run or _run_info()
    skipped: list[Path] = []
    files, errors = expand_inputs(inputs, skipped)
    report.skipped = [str(f) for f in skipped]
    report.failures += [
        Failure(e.path, "ingest", e.reason + (f" ({e.hint})" if e.hint else "")) for e in errors
    ]
    if not files:
        # nothing to read (inputs missing, or no paper among them): create and
        # change nothing, not even an empty store or a --prune of every paper
        report.nothing_read = True
        report.seconds = time.perf_counter() - t0
        return report
    out.mkdir(parents=True, exist_ok=True)
    manifest = Manifest(out)
    kg = open_store(store or out / "store", timeout=timeout)
    finished = False
    try:
        with _sigterm_as_interrupt():
            _build(kg, files, out, manifest, report, force, retry_failed, progress,
                   functools.partial(extract_and_graph, run=run, validate=validate),
                   dict(jobs=jobs, executor=executor, scheduler=scheduler, limits=limits,
                        isolate=isolate), dump, prune=prune)  # fmt: skip
        finished = True
    finally:
        try:
            manifest.compact()
            kg.close()
            write_atomic(
                out / "errors.json",
                dumps([f.as_dict() for f in report.failures], pretty=True) + "\n",
            )
        except OSError:
            if finished:
                raise  # else the first error is the one to report
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
    #: the SHACL violations of the paper graph, one line each (None: not validated)
    violations: tuple[str, ...] | None = None


def extract_and_graph(path: str, run: RunInfo, validate: bool = True) -> GraphedPaper | Failure:
    """Read, extract and build the paper graph of one file, and validate it
    with the SHACL shapes unless `validate` is false (runs in a worker)."""
    res = extract_one(path)
    if isinstance(res, Failure):
        return res
    meta = dict(res.doc_meta)
    # the file's name, not the path as typed: how a path was spelled changes
    # nothing in the graph (the manifest keeps the absolute path)
    meta["source"] = Path(res.path).name
    meta["file_sha256"] = res.file_sha256
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
        _violations(graph) if validate else None,
    )


def _violations(graph: Any) -> tuple[str, ...]:
    from litkg.kg.validate import short, validate_graph

    found = []
    for v in validate_graph(graph).violations:
        if v.severity != "Violation":
            continue
        where = [short(v.focus)]
        if v.path is not None:
            where.append(short(v.path))
        if v.value is not None:
            where.append(f"value {short(v.value)}")
        found.append(f"{v.message} ({', '.join(where)})")
    return tuple(found)


def _store_paper(
    kg: KGStore,
    done: GraphedPaper,
    out: Path,
    manifest: Manifest,
    report: BuildReport,
) -> Failure | None:
    """Write one paper's graph (one transaction), then its record and manifest
    entry. When another input is the same paper, the richer of the two gives
    the paper's facts and the other is recorded as a manifestation of it (see
    `same_paper`).

    A graph the store refuses (its parser rejects a term) is that paper's
    failure, stage ``store``: the transaction wrote nothing, and the build goes
    on with the other papers.
    """
    res = done.extracted
    iri = URIRef(done.paper)
    key = _key(Path(res.path))
    old = manifest.files.get(key)
    meta = {
        **{k: res.doc_meta.get(k) for k in ("doc_id", "sha256", "source_format", "n_pages")},
        "source": Path(res.path).name,
        "file_sha256": res.file_sha256,
    }
    entry: dict[str, Any] = {
        "file_sha256": res.file_sha256,
        "paper": str(iri),
        "doc_id": res.record.document,
        "pages": res.doc_meta.get("n_pages"),
        "source_format": res.doc_meta.get("source_format"),
        "source": meta,
    }
    if old and old.get("paper") != str(iri):
        # the paper's identity changed (e.g. a DOI now found): this file leaves the old paper
        manifest.remove(key)
        _drop_member(kg, out, manifest, key, old)
    others = {k: e for k, e in same_paper.members(manifest.files, str(iri)).items() if k != key}
    primaries = [k for k, e in others.items() if same_paper.is_primary(e)]
    best = min(primaries, key=lambda k: same_paper.preference(k, others[k]), default=None)
    if best is not None and same_paper.preference(best, others[best]) < same_paper.preference(
        key, entry
    ):
        # the paper's facts come from a richer file: this one is another manifestation
        manifest.store(key, {**entry, "primary": False})
        others[key] = manifest.files[key]
        same_paper.refresh_manifestations(
            kg, str(iri), {k: e for k, e in others.items() if k != best}
        )
        report.extracted.append(res.path)
        report.papers.add(str(iri))
        return None
    nt = done.ntriples + same_paper.others_ntriples(str(iri), others)
    try:
        replace_paper_graph(kg, iri, nt, source_sha256=[res.doc_meta["sha256"]])
    except (SyntaxError, ValueError, StoreError) as e:
        return Failure(res.path, "store", f"the store refused the paper's graph: {e}")
    for k in primaries:
        manifest.store(k, {**others[k], "primary": False})
    if done.violations is not None:
        report.validated += 1
        if done.violations:
            report.violations[res.path] = list(done.violations)
    write_atomic(out / "records" / f"{res.record.document}.json", done.record_json)
    manifest.store(key, {**entry, "primary": True})
    report.extracted.append(res.path)
    report.papers.add(str(iri))
    report.pages += int(res.doc_meta.get("n_pages") or 0)
    report.triples[res.record.document] = done.n_triples
    return None
