"""Seed benchmark: extract the bundled corpus and score it against the gold records.

usage: python bench/score_seeds.py [--pdf] [--gold DIR]

Runs `litkg extract` on corpus/text (and, with --pdf, on corpus/pdf) and
prints ../shared/eval/score.py's figures for each, plus documents and pages
per second and peak memory of the extraction. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def run(inputs: list[Path], gold: Path, label: str) -> None:
    from litkg.extractor.batch import dumps, write_atomic
    from litkg.extractor.ingest import load_document
    from litkg.extractor.pipeline import build_nlp, extract_record

    build_nlp()
    with tempfile.TemporaryDirectory() as out:
        pages = 0
        t0 = time.perf_counter()
        for path in inputs:
            doc = load_document(path)
            pages += doc.n_pages
            write_atomic(Path(out) / f"{doc.doc_id}.json", dumps(extract_record(doc).to_record()))
        dt = time.perf_counter() - t0
        print(
            f"== {label}: {len(inputs)} documents, {pages} pages in {dt:.2f} s "
            f"({len(inputs) / dt:.1f} docs/s, {pages / dt:.1f} pages/s)"
        )
        score = subprocess.run(
            [sys.executable, str(SHARED / "eval" / "score.py"), str(gold), out],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        print(score.stdout)
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--pdf", action="store_true", help="also score the typeset PDFs in corpus/pdf")
    ap.add_argument("--gold", type=Path, default=SHARED / "eval" / "gold")
    args = ap.parse_args()
    if not args.gold.is_dir():
        sys.exit(f"gold records not found at {args.gold}")
    run(sorted((REPO / "corpus" / "text").glob("*.txt")), args.gold, "text")
    if args.pdf:
        run(sorted((REPO / "corpus" / "pdf").glob("*.pdf")), args.gold, "pdf")


if __name__ == "__main__":
    main()
