"""Pages per second of `read_pdf` vs bare pdfplumber and bare pypdfium2.

On the same PDFs in the same run (corpus/pdf and ../shared/real-pdfs when
present), each reader is timed over all files (best of `--repeat` runs):

* ``read_pdf``: our reader (pdfium text + layout, pdfplumber tables on ruled pages);
* ``pdfplumber``: ``page.extract_text()`` on every page;
* ``pypdfium2``: ``page.get_textpage().get_text_range()`` on every page.

Peak memory: each reader runs in a fresh subprocess and reports its
``resource.getrusage(RUSAGE_SELF).ru_maxrss`` (peak resident set, whole
process including the interpreter and imports) and, from one extra untimed
pass, the tracemalloc peak of Python allocations (pdfium's C allocations
are not seen by tracemalloc; tracing is kept out of the timed runs because
it slows allocation-heavy code such as pdfminer several-fold).

``--stages`` prints instead where `read_pdf`'s CPU time goes: the CPU
seconds of each stage it calls (pdfium's page and text page, the words, the
paths and ruled tables, the layout stages, assembly), best of `--repeat`
passes in this process, unprofiled (cProfile's overhead distorts the many
small calls of the layout stages).

Usage: ``python bench/ingest_speed.py [--repeat N] [--stages] [pdf ...]``
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
READERS = ("read_pdf", "pdfplumber", "pypdfium2")


def default_inputs() -> list[Path]:
    """The corpus PDFs and the shared real PDFs that exist."""
    files = sorted((REPO / "corpus" / "pdf").glob("*.pdf"))
    return files + sorted((SHARED / "real-pdfs").glob("*.pdf"))


def _read_once(reader: str, path: Path) -> int:
    """Read one file with one reader; return its page count."""
    if reader == "read_pdf":
        from litkg.extractor.ingest.pdf import read_pdf

        return read_pdf(path).n_pages
    if reader == "pdfplumber":
        import pdfplumber

        with pdfplumber.open(str(path)) as pdf:
            for page in pdf.pages:
                page.extract_text()
            return len(pdf.pages)
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        return len(pdf)
    finally:
        pdf.close()


def measure(reader: str, files: list[Path], repeat: int) -> dict[str, float]:
    """Time `reader` over `files` (best of `repeat`), with memory peaks."""
    _read_once(reader, files[0])  # imports and first-call costs out of the timing
    best = float("inf")
    pages = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        pages = sum(_read_once(reader, f) for f in files)
        best = min(best, time.perf_counter() - t0)
    tracemalloc.start()  # a separate pass: tracing slows Python allocation-heavy code 5-10x
    for f in files:
        _read_once(reader, f)
    _, py_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "pages": pages,
        "seconds": best,
        "pages_per_s": pages / best,
        "rss_mib": rss_kib / 1024,
        "py_peak_mib": py_peak / 2**20,
    }


#: the stages `read_pdf` calls, as names in `pdf.py` (and `words_from_textpage`
#: in `pdf_words.py`, inside `read_page_words`)
STAGES = (
    "read_page_words",
    "read_paths",
    "page_edges",
    "find_table_blocks",
    "page_boxes",
    "repair_ligatures",
    "attach_scripts",
    "fill_tables",
    "build_lines",
    "find_aligned_tables",
    "split_running",
    "size_weights",
    "read_metadata",
    "attach_captions",
    "mark_margin_columns",
    "find_panels",
    "reading_order",
    "expand_panels",
    "assemble",
)


def stages(files: list[Path], repeat: int) -> dict[str, float]:
    """CPU seconds of each stage of `read_pdf` over `files` (the pass of least
    total CPU among `repeat`), with "total" and "other" (what no stage holds:
    opening the file and loading its pages with pdfium, mostly)."""
    from collections import defaultdict

    import pypdfium2 as pdfium

    from litkg.extractor.ingest import pdf, pdf_words

    spent: dict[str, float] = defaultdict(float)

    def timed(module: object, name: str, label: str) -> None:
        fn = getattr(module, name)

        def wrapper(*args: object, **kwargs: object) -> object:
            t0 = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[label] += time.process_time() - t0

        setattr(module, name, wrapper)

    for name in STAGES:
        timed(pdf, name, name)
    timed(pdf_words, "words_from_textpage", "  of which words_from_textpage")
    timed(pdfium.PdfPage, "get_textpage", "  of which pdfium text page")
    best: dict[str, float] = {}
    for f in files[:1]:
        pdf.read_pdf(f)
    for _ in range(repeat):
        spent.clear()
        t0 = time.process_time()
        for f in files:
            pdf.read_pdf(f)
        total = time.process_time() - t0
        if not best or total < best["total"]:
            best = {"total": total, **spent}
    best["other"] = best["total"] - sum(best.get(name, 0.0) for name in STAGES)
    return best


def main(argv: list[str] | None = None) -> int:
    """Run each reader in its own process and print the comparison table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdfs", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--stages", action="store_true", help="CPU seconds per read_pdf stage")
    ap.add_argument("--child", choices=READERS, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    files = args.pdfs or default_inputs()
    if not files:
        print("no PDFs found")
        return 0
    if args.stages:
        spent = stages(files, args.repeat)
        print(f"read_pdf on {len(files)} PDFs: CPU seconds per stage, best of {args.repeat}")
        parts = {k: v for k, v in spent.items() if not k.startswith(" ")}
        for name, cpu in sorted(parts.items(), key=lambda kv: -kv[1]):
            print(f"  {name:<34} {cpu:7.3f}  {cpu / spent['total']:6.1%}")
            if name == "read_page_words":
                for sub in (k for k in spent if k.startswith(" ")):
                    print(f"  {sub:<34} {spent[sub]:7.3f}  {spent[sub] / spent['total']:6.1%}")
        return 0
    if args.child:
        print(json.dumps(measure(args.child, files, args.repeat)))
        return 0
    results = {}
    for reader in READERS:
        cmd = [sys.executable, __file__, "--child", reader, "--repeat", str(args.repeat)]
        out = subprocess.run(cmd + [str(f) for f in files], capture_output=True, text=True)
        if out.returncode != 0:
            print(f"{reader} failed:\n{out.stderr}")
            return 1
        results[reader] = json.loads(out.stdout.strip().splitlines()[-1])
    ours = results["read_pdf"]["pages_per_s"]
    print(f"{len(files)} PDFs, {results['read_pdf']['pages']:.0f} pages, best of {args.repeat}")
    print(
        f"{'reader':<11} {'pages/s':>8} {'seconds':>8} {'vs read_pdf':>11} {'RSS MiB':>8} {'py MiB':>7}"
    )
    for reader, r in results.items():
        print(
            f"{reader:<11} {r['pages_per_s']:>8.1f} {r['seconds']:>8.2f} "
            f"{r['pages_per_s'] / ours:>10.2f}x {r['rss_mib']:>8.0f} {r['py_peak_mib']:>7.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
