"""Every figure of the speed issue (13) in one run, each against its baseline
measured in the same run, in CPU-seconds (the machine is shared, so wall time
alone misleads) as well as wall time, with the peak RSS of each process.

    .venv/bin/python bench/speed.py            # full: compare on 10,000 papers
    .venv/bin/python bench/speed.py --quick    # compare on 1,000 papers, memory at 500/2,000
    .venv/bin/python bench/speed.py --only pdf docs startup

Each measurement runs in a fresh child process; its CPU time and peak RSS come
from `os.wait4` (the child and everything it waited for), and the figure
measured inside it (start-up excluded) from `time.process_time`. Figures:

- ``pdf``: `extract` (load + extraction; the pipeline built and warmed up
  beforehand, as a batch's worker is: `extractor/warm_up.py`, its CPU printed
  on a row of its own, with the figure it gives when counted in) on the
  shared real PDFs and on the bundled typeset PDFs, pages per CPU-second,
  against bare pypdfium2 text (`get_text_range` per page) and bare pdfplumber
  `extract_text`; `read_pdf` alone as a multiple of bare pypdfium2;
- ``docs``: the dev set's JATS and text papers, documents per CPU-second
  (pipeline built and warmed up beforehand, as for ``pdf``);
- ``startup``: one `litkg extract` process on a two-line text, over
  `import spacy; spacy.blank("en")` and over a no-op Python start;
- ``query``: a cold `litkg query 'SELECT (COUNT(*) AS ?n) ...'` process on a
  store of the size of the bundled corpus (10 papers from the gold records);
- ``compare``: `compare --endpoint OS --timepoint 12 --drug X` against the
  named query `outcomes_at` on a synthetic store (bench/graph_scale.py), and
  the time to the first screen of `litkg compare` with no filter;
- ``memory``: the build writer's peak RSS (OxigraphStore.replace_graph per
  paper, reopened as the build does) at two corpus sizes, the peak RSS of the
  end of a build (`recompute_shared`: trials, cited works, concepts of the
  whole corpus) at two sizes, on gold-record papers whose cited works are new
  every 10 papers (so that they grow with the corpus), and the cost of one
  manifest append at two manifest sizes.

No cache of results counts: every run uses fresh temporary folders.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(HERE))

REAL_PDFS = sorted((SHARED / "real-pdfs").glob("*.pdf"))
TYPESET_PDFS = sorted((REPO / "corpus" / "pdf").glob("*.pdf"))
DEV = SHARED / "eval" / "dev"
GOLD = SHARED / "eval" / "gold"
COUNT_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
SECTIONS = ("pdf", "docs", "startup", "query", "compare", "memory")
LITKG = str(Path(sys.executable).with_name("litkg"))
#: children run as an installed litkg does: with its bytecode cached (a shell
#: that sets PYTHONDONTWRITEBYTECODE would make every start compile litkg anew)
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


# --- running children ---------------------------------------------------------


def run(cmd: list[str], first_line: bool = False) -> dict[str, Any]:
    """Run `cmd`; its CPU seconds, wall seconds, peak RSS (MiB), the JSON its
    last line holds (if any) and, with `first_line`, the wall time to its
    first line of output."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=CHILD_ENV
    )
    first = None
    assert proc.stdout is not None and proc.stderr is not None
    if first_line:
        proc.stdout.readline()
        first = time.perf_counter() - t0
    out = proc.stdout.read()
    err = proc.stderr.read()
    _, status, ru = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:4])} ... failed ({proc.returncode}):\n{err[-2000:]}")
    res: dict[str, Any] = {
        "cpu": ru.ru_utime + ru.ru_stime,
        "wall": wall,
        "rss": ru.ru_maxrss / 1024,
        "first": first,
    }
    lines = out.strip().splitlines()
    if lines and lines[-1].startswith("{"):
        res["inner"] = json.loads(lines[-1])
    return res


def child(task: str, *args: str) -> dict[str, Any]:
    """Run one of this script's child tasks."""
    return run([sys.executable, __file__, "--child", task, *args])


def best(task: str, args: list[str], repeat: int) -> dict[str, Any]:
    """The run of least inner CPU time among `repeat` runs of a child task."""
    runs = [child(task, *args) for _ in range(repeat)]
    return min(runs, key=lambda r: r["inner"]["cpu"])


# --- child tasks (run inside the child process) --------------------------------


def _timed(fn: Any) -> dict[str, Any]:
    c0, w0 = time.process_time(), time.perf_counter()
    units = fn()
    return {"cpu": time.process_time() - c0, "wall": time.perf_counter() - w0, "units": units}


def task_pdfium(files: list[str]) -> dict[str, Any]:
    import pypdfium2 as pdfium

    def go() -> int:
        pages = 0
        for f in files:
            pdf = pdfium.PdfDocument(f)
            for i in range(len(pdf)):
                page = pdf[i]
                tp = page.get_textpage()
                tp.get_text_range()
                tp.close()
                page.close()
                pages += 1
            pdf.close()
        return pages

    return _timed(go)


def task_pdfplumber(files: list[str]) -> dict[str, Any]:
    import pdfplumber

    def go() -> int:
        pages = 0
        for f in files:
            with pdfplumber.open(f) as pdf:
                for page in pdf.pages:
                    page.extract_text()
                    pages += 1
        return pages

    return _timed(go)


def task_read_pdf(files: list[str]) -> dict[str, Any]:
    from litkg.extractor.ingest.pdf import read_pdf

    return _timed(lambda: sum(read_pdf(Path(f)).n_pages for f in files))


def task_extract(files: list[str]) -> dict[str, Any]:
    """load_document + extract_record on every file, the pipeline built and
    warmed up before (`warm_up`, as a batch's worker does); the warm-up's own
    CPU seconds are returned as "warm"."""
    from litkg.extractor.ingest import load_document
    from litkg.extractor.pipeline import build_nlp, extract_record
    from litkg.extractor.warm_up import warm_up

    build_nlp()
    c0 = time.process_time()
    warm_up()
    warm = time.process_time() - c0

    def go() -> int:
        pages = 0
        for f in files:
            doc = load_document(Path(f))
            extract_record(doc).to_record()
            pages += max(doc.n_pages, 1)
        return pages

    return {**_timed(go), "warm": warm}


def task_noop() -> dict[str, Any]:
    return {}


def task_spacy() -> dict[str, Any]:
    import spacy

    spacy.blank("en")
    return {}


def task_compare(store: str, repeat: str) -> dict[str, Any]:
    """Median CPU and wall ms of the filtered compare and of `outcomes_at`."""
    from graph_scale import DRUG

    from litkg.kg.compare import Filters, compare
    from litkg.kg.queries import run_query
    from litkg.kg.store import open_store

    out: dict[str, Any] = {}
    with open_store(store, read_only=True) as s:
        cases = {
            "compare": lambda: compare(s, Filters("OS", 12, DRUG)),
            "outcomes_at": lambda: run_query(
                s, "outcomes_at", {"endpoint": "OS", "timepoint": "12", "drug": DRUG}
            ),
        }
        for name, fn in cases.items():
            fn()
            cpu, wall = [], []
            for _ in range(int(repeat)):
                c0, w0 = time.process_time(), time.perf_counter()
                fn()
                cpu.append(time.process_time() - c0)
                wall.append(time.perf_counter() - w0)
            out[name] = {"cpu": statistics.median(cpu), "wall": statistics.median(wall)}
    return out


def task_writer(n: str, folder: str) -> dict[str, Any]:
    """Write n synthetic papers as the build's writer does; peak RSS every 500."""
    import resource

    from litkg.kg.corpus_build import REOPEN_EVERY
    from litkg.kg.store import OxigraphStore

    store = OxigraphStore(Path(folder))
    for i in range(int(n)):
        g = f"https://doi.org/10.1/p{i}"
        nt = "\n".join(
            f'<{g}#s{j}> <https://w3id.org/litkg/ns#p{j % 20}> "value {i} {j}: a quoted '
            f'sentence of evidence as long as most are" .'
            for j in range(445)
        )
        store.replace_graph(g, nt)  # type: ignore[arg-type]
        if (i + 1) % REOPEN_EVERY == 0:
            store.reopen()
    store.close()
    return {"rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def task_shared(store: str) -> dict[str, Any]:
    """Peak RSS (MiB, sampled every 10 ms) while the shared graph of a built
    store is recomputed, the RSS of the open store before it, and its CPU."""
    import threading

    from litkg.kg.store import OxigraphStore, recompute_shared

    def rss() -> float:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    s = OxigraphStore(Path(store))
    before = rss()
    peak = [before]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.01):
            peak[0] = max(peak[0], rss())

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    c0 = time.process_time()
    triples = recompute_shared(s)
    cpu = time.process_time() - c0
    if not isinstance(triples, int):  # litkg before the streamed shared graph returned it
        triples = len(triples)
    done.set()
    watcher.join()
    s.close()
    return {"rss_before": before, "rss": max(peak[0], rss()), "cpu": cpu, "triples": triples}


def task_manifest(n: str, folder: str) -> dict[str, Any]:
    """Seconds of one Manifest.store call when the manifest holds n entries."""
    from litkg.kg.manifest import Manifest

    m = Manifest(folder)
    for i in range(int(n)):
        m.store(f"/p/{i}.pdf", {"file_sha256": f"{i:064x}", "paper": f"https://x/{i}"})
    c0 = time.perf_counter()
    for i in range(100):
        m.store(f"/q/{i}.pdf", {"file_sha256": f"{i:064x}", "paper": f"https://y/{i}"})
    per = (time.perf_counter() - c0) / 100
    m.close()
    return {"per_call": per}


TASKS = {
    "pdfium": task_pdfium,
    "pdfplumber": task_pdfplumber,
    "read_pdf": task_read_pdf,
    "extract": task_extract,
    "noop": task_noop,
    "spacy": task_spacy,
    "compare": task_compare,
    "writer": task_writer,
    "shared": task_shared,
    "manifest": task_manifest,
}


# --- the figures -----------------------------------------------------------------


def row(what: str, value: str, baseline: str, ratio: str, target: str) -> None:
    print(f"  {what:<46} {value:>22} {baseline:>26} {ratio:>9}  {target}")


def header(title: str) -> None:
    print(f"\n== {title}")
    row("what", "value", "baseline", "ratio", "target")


def section_pdf(repeat: int) -> None:
    header("PDF (pages per CPU-second, start-up and the batch warm-up excluded)")
    for label, files in (("shared real PDFs", REAL_PDFS), ("bundled typeset PDFs", TYPESET_PDFS)):
        if not files:
            print(f"  {label}: none found, skipped")
            continue
        names = [str(f) for f in files]
        bare = best("pdfium", names, repeat)["inner"]
        plumb = best("pdfplumber", names, 1)["inner"]
        ours = best("read_pdf", names, repeat)
        ext = best("extract", names, 1)
        pages = bare["units"]
        pps = {
            "pdfium": pages / bare["cpu"],
            "plumber": pages / plumb["cpu"],
            "read": pages / ours["inner"]["cpu"],
            "extract": pages / ext["inner"]["cpu"],
        }
        print(f"  -- {label}: {len(files)} files, {pages} pages")
        row("bare pypdfium2 text", f"{pps['pdfium']:.0f} p/cpu-s", "", "", "")
        row("bare pdfplumber extract_text", f"{pps['plumber']:.1f} p/cpu-s", "", "", "")
        row(
            "read_pdf: CPU over bare pypdfium2",
            f"{ours['inner']['cpu']:.2f} cpu-s",
            f"pypdfium2 {bare['cpu']:.2f} cpu-s",
            f"{ours['inner']['cpu'] / bare['cpu']:.1f}x",
            "<= 3x",
        )
        row(
            "extract: pages per CPU-s (ratio: CPU / pdfplumber's)",
            f"{pps['extract']:.1f} p/cpu-s",
            f"pdfplumber {pps['plumber']:.1f} p/cpu-s",
            f"{ext['inner']['cpu'] / plumb['cpu']:.2f}x",
            ">= 30 p/cpu-s",
        )
        warm = ext["inner"]["warm"]
        row(
            "extract with the warm-up (once per batch worker)",
            f"{pages / (ext['inner']['cpu'] + warm):.1f} p/cpu-s",
            f"warm-up {warm:.2f} cpu-s",
            "",
            "",
        )
        row(
            "extract: wall / CPU seconds, peak RSS",
            f"{ext['inner']['wall']:.2f} / {ext['inner']['cpu']:.2f} s",
            f"{ext['rss']:.0f} MiB RSS",
            "",
            "",
        )


def section_docs(repeat: int) -> None:
    header("dev papers (documents per CPU-second, start-up and the batch warm-up excluded)")
    for label, pattern, target in (
        ("JATS", "nxml/*.nxml", ">= 6"),
        ("text", "text/*.txt", ">= 12"),
    ):
        files = sorted(DEV.glob(pattern))
        if not files:
            print(f"  dev {label}: none found, skipped")
            continue
        r = best("extract", [str(f) for f in files], repeat)
        inner = r["inner"]
        row(
            f"dev {label} ({len(files)} papers)",
            f"{len(files) / inner['cpu']:.1f} docs/cpu-s",
            f"wall {inner['wall']:.2f} s, {r['rss']:.0f} MiB",
            "",
            target,
        )


def section_startup(repeat: int) -> None:
    header("start-up of one `litkg extract` process (CPU-seconds of the whole process)")
    with tempfile.TemporaryDirectory() as d:
        tiny = Path(d) / "tiny.txt"
        tiny.write_text(
            "A phase 2 trial of drug A.\n\nTwenty patients received drug A 10 mg daily.\n"
        )
        # interleaved, so that a change of the shared machine's load between
        # blocks of runs does not favour one of the three
        runs: dict[str, list[dict[str, Any]]] = {"noop": [], "spacy": [], "extract": []}
        for _ in range(repeat):
            runs["noop"].append(child("noop"))
            runs["spacy"].append(child("spacy"))
            runs["extract"].append(run([LITKG, "-q", "extract", str(tiny)]))
        noop, sp, ext = (min(runs[k], key=lambda r: r["cpu"]) for k in ("noop", "spacy", "extract"))
    row("no-op Python start", f"{noop['cpu']:.2f} cpu-s", f"{noop['wall']:.2f} s wall", "", "")
    row(
        'import spacy; spacy.blank("en")',
        f"{sp['cpu']:.2f} cpu-s",
        f"no-op {noop['cpu']:.2f} cpu-s",
        f"{sp['cpu'] / noop['cpu']:.1f}x",
        "",
    )
    row(
        "litkg extract (two-line text)",
        f"{ext['cpu']:.2f} cpu-s ({ext['rss']:.0f} MiB)",
        f"spaCy {sp['cpu']:.2f} cpu-s",
        f"{ext['cpu'] - sp['cpu']:+.2f} s",
        "<= +0.15 cpu-s",
    )


def _gold_store(tmp: Path, n: int) -> Path:
    """An on-disk store of n papers replicated from the gold records."""
    from graph_scale import gold_graphs, replicate, templates

    from litkg.kg.store import OxigraphStore

    nq = tmp / f"corpus-{n}.nq"
    replicate(templates(gold_graphs(GOLD)), n, nq)
    store = OxigraphStore(tmp / f"ox-{n}")
    store.bulk_load_nquads(nq)
    try:  # the studies' compare summaries, as the build writes them with each paper
        from litkg.kg.compare_summary import rebuild_summaries
    except ImportError:  # litkg before kg/compare_summary.py
        pass
    else:
        rebuild_summaries(store)
    store.ox.optimize()
    store.close()
    nq.unlink()
    return tmp / f"ox-{n}"


def _citing_store(tmp: Path, n: int) -> Path:
    """A store of n gold-record papers (bench/graph_scale.py) whose cited works
    are other works every 10 papers, as in a real literature graph."""
    import re

    from graph_scale import gold_graphs, replicate, templates

    from litkg.kg.store import OxigraphStore

    tpls = []
    for t in templates(gold_graphs(GOLD)):
        # cited works: IRIs, DOIs and first authors of their own per group
        t = re.sub(r"<https://doi\.org/(?!@@DOI@@)", "<https://doi.org/g@@G@@/", t)
        t = t.replace("https://w3id.org/litkg/work/", "https://w3id.org/litkg/work/g@@G@@-")
        t = re.sub(r'(/basic/2\.0/doi> ")(?!@@DOI@@)', r"\1g@@G@@/", t)
        tpls.append(re.sub(r'(ns#firstAuthor> ")', r"\1G@@G@@ ", t))
    nq = tmp / f"citing-{n}.nq"
    replicate(tpls, n, nq)
    with open(nq, encoding="utf-8") as src, open(tmp / "g.nq", "w", encoding="utf-8") as dst:
        for line in src:
            i = re.search(r"litkg\.bench\.(\d+)> \.$", line)
            dst.write(line.replace("@@G@@", str(int(i.group(1)) // 10) if i else "0"))
    store = OxigraphStore(tmp / f"cite-{n}")
    store.bulk_load_nquads(tmp / "g.nq")
    store.close()
    nq.unlink()
    (tmp / "g.nq").unlink()
    return tmp / f"cite-{n}"


def section_query(repeat: int) -> None:
    header("cold `litkg query` COUNT(*) (the whole process)")
    if not GOLD.is_dir():
        print("  no gold records: skipped")
        return
    with tempfile.TemporaryDirectory() as d:
        store = _gold_store(Path(d), 10)
        noop = min((child("noop") for _ in range(repeat)), key=lambda r: r["cpu"])
        q = min(
            (run([LITKG, "query", COUNT_QUERY, "--store", str(store)]) for _ in range(repeat)),
            key=lambda r: r["cpu"],
        )
    row(
        "cold query, 10-paper store",
        f"{q['wall']:.2f} s wall / {q['cpu']:.2f} cpu-s",
        f"no-op {noop['wall']:.2f} s / {noop['cpu']:.2f} cpu-s",
        f"{q['cpu'] / noop['cpu']:.1f}x",
        "<= 0.2 s",
    )


def section_compare(n: int, repeat: int) -> None:
    header(f"compare on {n:,} synthetic papers (bench/graph_scale.py; median of {repeat})")
    if not GOLD.is_dir():
        print("  no gold records: skipped")
        return
    with tempfile.TemporaryDirectory() as d:
        t0 = time.perf_counter()
        store = _gold_store(Path(d), n)
        print(f"  (store built in {time.perf_counter() - t0:.0f} s)")
        r = child("compare", str(store), str(repeat))["inner"]
        row(
            "compare --endpoint OS --timepoint 12 --drug X",
            f"{r['compare']['wall'] * 1000:.0f} ms ({r['compare']['cpu'] * 1000:.0f} cpu)",
            f"outcomes_at {r['outcomes_at']['wall'] * 1000:.0f} ms "
            f"({r['outcomes_at']['cpu'] * 1000:.0f})",
            f"{r['compare']['cpu'] / max(r['outcomes_at']['cpu'], 1e-9):.1f}x",
            "<= 50 ms",
        )
        help_text = run([LITKG, "compare", "--help"])
        paged = (
            "--limit"
            in subprocess.run([LITKG, "compare", "--help"], capture_output=True, text=True).stdout
        )
        cmd = [LITKG, "compare", "--store", str(store), "--format", "csv"]
        if paged:
            cmd += ["--limit", "20"]
        first = run(cmd, first_line=True)
        row(
            "litkg compare, no filter: first screen" + ("" if paged else " (no --limit)"),
            f"{first['first']:.2f} s wall",
            f"whole process {first['wall']:.1f} s / {first['cpu']:.1f} cpu-s",
            f"help {help_text['wall']:.2f} s",
            "<= 3 s",
        )


def section_memory(sizes: tuple[int, int]) -> None:
    header("build writer: peak RSS at two corpus sizes, manifest append cost")
    with tempfile.TemporaryDirectory() as d:
        rss = [child("writer", str(n), f"{d}/w{n}") for n in sizes]
        row(
            f"writer peak RSS at {sizes[0]:,} / {sizes[1]:,} papers",
            f"{rss[0]['rss']:.0f} / {rss[1]['rss']:.0f} MiB",
            f"{rss[1]['cpu']:.0f} cpu-s for {sizes[1]:,}",
            f"{rss[1]['rss'] / rss[0]['rss']:.2f}x",
            "<= 1.2x",
        )
        if GOLD.is_dir():
            shared = [child("shared", str(_citing_store(Path(d), n)))["inner"] for n in sizes]
            row(
                f"end of build (shared graph) peak RSS at {sizes[0]:,} / {sizes[1]:,}",
                f"{shared[0]['rss']:.0f} / {shared[1]['rss']:.0f} MiB",
                f"store open {shared[0]['rss_before']:.0f} / {shared[1]['rss_before']:.0f} MiB; "
                f"{shared[1]['triples']:,} triples, {shared[1]['cpu']:.0f} cpu-s",
                f"{shared[1]['rss'] / shared[0]['rss']:.2f}x",
                "flat",
            )
        m = [child("manifest", str(n), f"{d}/m{n}")["inner"]["per_call"] for n in (1000, 10000)]
        row(
            "manifest append at 1,000 / 10,000 entries",
            f"{m[0] * 1e3:.2f} / {m[1] * 1e3:.2f} ms",
            "",
            f"{m[1] / m[0]:.2f}x",
            "O(1)",
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--quick", action="store_true", help="1,000-paper compare store; smaller memory run"
    )
    ap.add_argument("--only", nargs="+", choices=SECTIONS, default=list(SECTIONS))
    ap.add_argument("--repeat", type=int, default=3, help="runs per figure (the best is kept)")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        task, *rest = args.child
        if task in ("pdfium", "pdfplumber", "read_pdf", "extract"):
            print(json.dumps(TASKS[task](rest)))
        else:
            print(json.dumps(TASKS[task](*rest)))
        return 0
    run([LITKG, "--help"])  # bytecode written once, outside the timings
    load = os.getloadavg()[0]
    print(
        f"litkg speed ({'quick' if args.quick else 'full'}): {os.cpu_count()} cores, "
        f"load {load:.1f}; best of {args.repeat} unless said"
    )
    for name in args.only:
        if name == "pdf":
            section_pdf(args.repeat)
        elif name == "docs":
            section_docs(max(1, args.repeat - 1))
        elif name == "startup":
            section_startup(args.repeat)
        elif name == "query":
            section_query(args.repeat)
        elif name == "compare":
            section_compare(1000 if args.quick else 10000, 5 if args.quick else 7)
        elif name == "memory":
            section_memory((500, 2000) if args.quick else (1000, 10000))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
