"""`litkg build` at corpus scale: throughput, memory, parallel speed-up, rebuilds.

Makes a corpus of N papers (default 1,000) from the bundled seed texts: paper
i is seed text i mod 5 with its own DOI (`10.5555/litkg-bench.NNNNN`, in the
text and in the page footers) and a few numbers changed, typeset into a
journal-like PDF by `corpus/make_pdfs.py` (about 0.1 s a paper, in parallel),
so no two files are identical and every paper is its own graph. Then:

1. `litkg build --jobs 1` and `--jobs 2` (fresh output folders): wall time,
   pages per second, speed-up, and peak memory (`ru_maxrss` of the build
   process and of its largest child; the worker processes run concurrently,
   so `self + jobs x child` bounds the total);
2. a rebuild of the `--jobs 1` output with nothing changed: its time against
   the first build;
3. extraction cost per page against bare `pdfplumber` `extract_text()` on the
   same pages (a sample of `--sample` papers, both timed in this process):
   litkg's `extract_one` (PDF reading + extraction, no graph store) and the
   end-to-end build's cost per page.

Prints the figures; not a test. `--n 200` for a quick run. The generated
corpus is cached in `--work` (default: a folder under the system temp dir).

Usage: .venv/bin/python bench/build_scale.py [--n 1000] [--sample 60] [--work DIR]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT / "corpus" / "text"
EPOCH = "1700000000"


# --- the corpus ----------------------------------------------------------------


def _make_pdfs() -> Any:
    spec = importlib.util.spec_from_file_location("make_pdfs", ROOT / "corpus" / "make_pdfs.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["make_pdfs"] = mod
    spec.loader.exec_module(mod)
    mod.register_fonts(mod.find_font_dir(None))
    return mod


_MP: Any = None


def _init_worker() -> None:
    global _MP
    _MP = _make_pdfs()


def variant_text(seed: str, stem: str, i: int, old_doi: str | None) -> tuple[str, str]:
    """Seed text with a DOI of its own and a few decimals changed; (text, doi)."""
    doi = f"10.5555/litkg-bench.{i:05d}"
    if old_doi and old_doi in seed:
        text = seed.replace(old_doi, doi)
    else:
        first, _, rest = seed.partition("\n")
        text = f"{first}\ndoi: {doi}\n{rest}"
    count = 0

    def bump(m: re.Match[str]) -> str:
        nonlocal count
        count += 1
        if count > 3:
            return m.group(0)
        whole, frac = m.group(1).split(".")
        return f"{whole}.{(int(frac) + 1 + i % 7) % 10}"

    text = re.sub(r"(?<![\d.])(\d{1,3}\.\d)(?![\d.])", bump, text)
    return text, doi


def _render_one(job: tuple[int, str, str]) -> str:
    i, stem, out_dir = job
    meta = _MP.meta_for(stem)
    seed = (TEXTS / f"{stem}.txt").read_text(encoding="utf-8")
    text, doi = variant_text(seed, stem, i, meta.doi)
    new_meta = type(meta)(meta.journal, meta.year, doi, meta.running_head)
    out = Path(out_dir) / f"paper_{i:05d}.pdf"
    tmp = out.with_suffix(".tmp")
    tmp.write_bytes(_MP.render(text, new_meta, True))
    tmp.replace(out)
    return str(out)


def make_corpus(n: int, work: Path, jobs: int) -> Path:
    """N perturbed PDFs in work/corpus-N (kept between runs)."""
    out = work / f"corpus-{n}"
    out.mkdir(parents=True, exist_ok=True)
    stems = sorted(p.stem for p in TEXTS.glob("*.txt"))
    todo = [
        (i, stems[i % len(stems)], str(out))
        for i in range(n)
        if not (out / f"paper_{i:05d}.pdf").is_file()
    ]
    if todo:
        t0 = time.perf_counter()
        with ProcessPoolExecutor(jobs, initializer=_init_worker) as pool:
            list(pool.map(_render_one, todo, chunksize=8))
        print(f"generated {len(todo)} PDFs in {time.perf_counter() - t0:.1f} s", flush=True)
    return out


# --- measuring a build -----------------------------------------------------------


def _child_build(argv: list[str], report: str) -> None:
    """Run `litkg build ARGV` in this process, then write its time and rusage."""
    from litkg.cli import cli

    t0 = time.perf_counter()
    code = 0
    try:
        cli.main(["build", *argv], standalone_mode=False)
    except SystemExit as e:
        code = int(e.code or 0)
    seconds = time.perf_counter() - t0
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    Path(report).write_text(
        json.dumps(
            {
                "seconds": seconds,
                "code": code,
                "self_maxrss_mb": me.ru_maxrss / 1024,
                "child_maxrss_mb": kids.ru_maxrss / 1024,
            }
        )
    )


def run_build(corpus: Path, out: Path, jobs: int) -> dict[str, Any]:
    """`litkg build` in a fresh interpreter (a clean ru_maxrss); its figures."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as fh:
        report = fh.name
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    argv = [str(corpus), "-o", str(out), "--jobs", str(jobs)]
    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, __file__, "--child-build", report, "--", *argv],
        env=env,
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(f"build failed ({done.returncode}):\n{done.stderr[-3000:]}")
    figures = json.loads(Path(report).read_text())
    os.unlink(report)
    figures["wall_seconds"] = wall
    figures["summary"] = done.stderr.strip().splitlines()[0] if done.stderr.strip() else ""
    from litkg.kg.manifest import load_manifest

    manifest = load_manifest(out)
    figures["papers"] = len(manifest)
    figures["pages"] = sum(int(e.get("pages") or 0) for e in manifest.values())
    return figures


# --- extraction against pdfplumber -------------------------------------------------


def per_page_costs(paths: list[Path]) -> dict[str, float]:
    """Seconds per page: litkg `extract_one` and pdfplumber `extract_text()`, same pages."""
    import pdfplumber

    from litkg.extractor.parallel import Extracted, extract_one

    extract_one(str(paths[0]))  # build the spaCy pipeline outside the timing
    pages = 0
    t0 = time.perf_counter()
    for p in paths:
        res = extract_one(str(p))
        if isinstance(res, Extracted):
            pages += int(res.doc_meta.get("n_pages") or 0)
    litkg_s = time.perf_counter() - t0
    plumber_pages = 0
    t0 = time.perf_counter()
    for p in paths:
        with pdfplumber.open(p) as pdf:
            for page in pdf.pages:
                page.extract_text()
                plumber_pages += 1
    plumber_s = time.perf_counter() - t0
    assert plumber_pages == pages, (plumber_pages, pages)
    return {
        "pages": pages,
        "litkg_s_per_page": litkg_s / pages,
        "plumber_s_per_page": plumber_s / pages,
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child-build"]:
        _child_build(argv[3:], argv[1])
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="papers in the corpus (%(default)s)")
    ap.add_argument(
        "--sample",
        type=int,
        default=60,
        help="papers for the per-page comparison with pdfplumber (%(default)s)",
    )
    ap.add_argument(
        "--work",
        type=Path,
        default=Path(tempfile.gettempdir()) / "litkg-bench-build-scale",
        help="where the corpus and the build outputs go (%(default)s)",
    )
    ap.add_argument("--keep", action="store_true", help="keep the build outputs")
    args = ap.parse_args(argv)

    cores = os.cpu_count() or 1
    corpus = make_corpus(args.n, args.work, max(1, min(cores, 4)))
    print(f"corpus: {args.n} PDFs in {corpus} ({cores} cores)", flush=True)

    results: dict[int, dict[str, Any]] = {}
    for jobs in (1, 2):
        out = args.work / f"out-{args.n}-j{jobs}"
        shutil.rmtree(out, ignore_errors=True)
        r = run_build(corpus, out, jobs)
        results[jobs] = r
        print(
            f"build --jobs {jobs}: {r['papers']} papers, {r['pages']} pages in "
            f"{r['wall_seconds']:.1f} s = {r['pages'] / r['wall_seconds']:.1f} pages/s "
            f"({r['papers'] / r['wall_seconds']:.2f} papers/s); peak RSS: build process "
            f"{r['self_maxrss_mb']:.0f} MB, largest child {r['child_maxrss_mb']:.0f} MB"
            + (
                f" (bound on the total: {r['self_maxrss_mb'] + jobs * r['child_maxrss_mb']:.0f} MB)"
                if jobs > 1
                else ""
            ),
            flush=True,
        )
        print(f"  litkg: {r['summary']}", flush=True)
    speedup = results[1]["wall_seconds"] / results[2]["wall_seconds"]
    print(f"speed-up --jobs 2 over --jobs 1: {speedup:.2f}x", flush=True)

    out1 = args.work / f"out-{args.n}-j1"
    re_run = run_build(corpus, out1, 1)
    print(
        f"rebuild, nothing changed: {re_run['wall_seconds']:.1f} s = "
        f"{re_run['wall_seconds'] / results[1]['wall_seconds']:.3f} x the first build "
        f"({re_run['summary'].split(' in ')[0]})",
        flush=True,
    )

    sample = sorted(corpus.glob("*.pdf"))[: args.sample]
    c = per_page_costs(sample)
    e2e = results[1]["wall_seconds"] / results[1]["pages"]
    print(
        f"per page ({c['pages']} pages of {len(sample)} papers): pdfplumber extract_text "
        f"{1000 * c['plumber_s_per_page']:.1f} ms; litkg read+extract "
        f"{1000 * c['litkg_s_per_page']:.1f} ms = {c['litkg_s_per_page'] / c['plumber_s_per_page']:.2f}x; "
        f"litkg build end-to-end (--jobs 1) {1000 * e2e:.1f} ms = "
        f"{e2e / c['plumber_s_per_page']:.2f}x",
        flush=True,
    )
    if not args.keep:
        for jobs in (1, 2):
            shutil.rmtree(args.work / f"out-{args.n}-j{jobs}", ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
