#!/usr/bin/env python3
"""Real published PDFs: extraction scored against hand-made gold, and timed.

usage: python bench/real_pdfs.py [--pdf-dir DIR] [--gold DIR] [--verbose]

Every `*.pdf` of `--pdf-dir` (default `../shared/real-pdfs`) is read and
extracted (ingestion and extraction timed separately); the records are scored
with `../shared/eval/score.py` against `--gold` (default `PDF_DIR/gold`),
over all PDFs (the scorer's own report) and per paper (one line each: the
categories, the study scalars that are wrong, and the unkeyed outcome values
found). `--verbose` passes the scorer's list of missed and extra facts on.
A benchmark, not a test: nothing is asserted, the shared data is only read.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
CATEGORIES = ["study", "arms", "interventions", "outcomes", "adverse_events", "references"]


def _score(gold: Path, pred: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCORER), str(gold), str(pred), *extra],
        capture_output=True, text=True, check=False,
    )  # fmt: skip


def _per_paper(gold_file: Path, pred: Path) -> dict:
    """score.py --json on one paper (its gold file alone in a temporary folder)."""
    with tempfile.TemporaryDirectory() as one:
        (Path(one) / gold_file.name).symlink_to(gold_file.resolve())
        return json.loads(_score(Path(one), pred, "--json").stdout)


def _wrong_study(gold_file: Path, pred_file: Path) -> list[str]:
    """Study scalars whose predicted value differs from the gold (as printed)."""
    gold = json.loads(gold_file.read_text()).get("study") or {}
    pred = json.loads(pred_file.read_text()).get("study") or {} if pred_file.exists() else {}
    out = []
    for key in ("title", "doi", "journal", "year", "article_type", "phase"):
        g, p = gold.get(key), pred.get(key)
        if str(g or "").strip().lower() != str(p or "").strip().lower():
            shown = (str(p)[:60] + "...") if p and len(str(p)) > 60 else p
            out.append(f"{key}={shown!r} (gold {str(g)[:40]!r})")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--pdf-dir", type=Path, default=SHARED / "real-pdfs")
    ap.add_argument("--gold", type=Path, default=None)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    gold = args.gold or args.pdf_dir / "gold"
    pdfs = sorted(args.pdf_dir.glob("*.pdf"))
    if not pdfs or not gold.is_dir() or not SCORER.exists():
        print(f"skipped: no PDFs in {args.pdf_dir}, or no gold/scorer", file=sys.stderr)
        return 0

    from litkg.extractor.batch import dumps, write_atomic
    from litkg.extractor.ingest import load_document
    from litkg.extractor.pipeline import build_nlp, extract_record

    build_nlp()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        print(f"{'paper':<58} {'pages':>5} {'ingest s':>8} {'extract s':>9}")
        for path in pdfs:
            t0 = time.perf_counter()
            doc = load_document(path)
            t1 = time.perf_counter()
            record = extract_record(doc).to_record()
            t2 = time.perf_counter()
            write_atomic(out / f"{doc.doc_id}.json", dumps(record))
            print(f"{path.stem[:58]:<58} {doc.n_pages:>5} {t1 - t0:>8.2f} {t2 - t1:>9.2f}")
        print()
        header = " ".join(f"{c[:8]:>8}" for c in CATEGORIES)
        print(f"{'paper':<40} {header} {'unkeyed':>9}")
        for gf in sorted(gold.glob("*.json")):
            rep = _per_paper(gf, out)
            s, d = rep["scores"], rep["detail"]
            cells = " ".join(f"{s[c]:>8.3f}" for c in CATEGORIES)
            free = f"{round((d['unkeyed_outcome_value_recall'] or 0) * d['unkeyed_outcome_gold'])}"
            free += f"/{d['unkeyed_outcome_gold']}"
            print(f"{gf.stem[:40]:<40} {cells} {free:>9}")
            wrong = _wrong_study(gf, out / gf.name)
            if wrong:
                print("    study wrong: " + "; ".join(wrong))
            if d.get("reference_extra"):
                print(f"    extra references: {d['reference_extra']}")
        print()
        print(_score(gold, out, *(["--verbose"] if args.verbose else [])).stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
