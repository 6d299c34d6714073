"""Accuracy on every gold set: seeds, the development set (JATS and text) and
the real PDFs, per category and per paper, with ../shared/eval/score.py.

usage: python bench/score_dev.py [--set seeds|dev|pdfs|all] [--per-paper] [--keep DIR]

Extracts each set's inputs in this process (errors are reported and scored
as empty records), scores them against the set's gold with the shared
scorer and prints one row per (set, input) with the issue's columns:
study, arms, interventions, outcomes, adverse events, references, overall
and arm attribution, plus the unkeyed outcome value recall. `--per-paper`
adds one row per paper. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CATEGORIES = ["study", "arms", "interventions", "outcomes", "adverse_events", "references"]


def _sets() -> dict[str, list[tuple[str, list[Path], Path]]]:
    """Set name -> [(input label, input files, gold dir)]."""
    ev = SHARED / "eval"
    return {
        "seeds": [
            ("text", sorted((SHARED / "seeds").glob("*.txt")), ev / "gold"),
            ("pdf", sorted((REPO / "corpus" / "pdf").glob("*.pdf")), ev / "gold"),
        ],
        "dev": [
            ("jats", sorted((ev / "dev" / "nxml").glob("*.nxml")), ev / "dev" / "gold"),
            ("text", sorted((ev / "dev" / "text").glob("*.txt")), ev / "dev" / "gold"),
        ],
        "pdfs": [
            ("pdf", sorted((SHARED / "real-pdfs").glob("*.pdf")), SHARED / "real-pdfs" / "gold"),
        ],
    }


def _scorer():
    spec = importlib.util.spec_from_file_location(
        "litkg_shared_score", SHARED / "eval" / "score.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(scorer, gold: Path, pred: Path) -> dict:
    """The shared scorer's --json report for one gold folder and one prediction folder."""
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        scorer.main([str(gold), str(pred), "--json"])
    return json.loads(buf.getvalue())


def extract_all(inputs: list[Path], out: Path) -> tuple[list[str], float, int]:
    """Write each input's record to `out`; returns (failures, seconds, pages)."""
    from litkg.extractor.batch import dumps, write_atomic
    from litkg.extractor.ingest import load_document
    from litkg.extractor.pipeline import extract_record

    failures: list[str] = []
    pages = 0
    t0 = time.perf_counter()
    for path in inputs:
        try:
            doc = load_document(path)
            pages += doc.n_pages
            write_atomic(out / f"{doc.doc_id}.json", dumps(extract_record(doc).to_record()))
        except Exception as exc:  # a bench goes on and reports the paper
            failures.append(f"{path.name}: {type(exc).__name__}: {exc}")
    return failures, time.perf_counter() - t0, pages


def _row(label: str, report: dict) -> str:
    s, d = report["scores"], report["detail"]
    cells = [f"{s[c]:.3f}" for c in CATEGORIES] + [f"**{s['overall']:.3f}**"]
    attr = d.get("arm_attribution_acc")
    cells.append("-" if attr is None else f"{attr:.2f}")
    rec = d.get("unkeyed_outcome_value_recall")
    cells.append(
        "-"
        if rec is None
        else f"{rec:.2f} ({d['unkeyed_outcome_predicted']} pred / {d['unkeyed_outcome_gold']} gold)"
    )
    return f"| {label} | " + " | ".join(cells) + " |"


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--set", choices=["seeds", "dev", "pdfs", "all"], default="all")
    ap.add_argument("--per-paper", action="store_true", help="one row per paper as well")
    ap.add_argument("--keep", type=Path, help="keep the predicted records under this folder")
    args = ap.parse_args()
    if not (SHARED / "eval" / "score.py").is_file():
        print(f"the shared scorer is not at {SHARED / 'eval' / 'score.py'}", file=sys.stderr)
        return 2
    from litkg.extractor.pipeline import build_nlp

    build_nlp()
    scorer = _scorer()
    header = (
        "| set / input | study | arms | interventions | outcomes | adverse events | references "
        "| overall | arm attribution | unkeyed value recall |"
    )
    rows, notes = [], []
    chosen = _sets() if args.set == "all" else {args.set: _sets()[args.set]}
    for name, runs in chosen.items():
        for label, inputs, gold in runs:
            if not inputs or not gold.is_dir():
                notes.append(f"{name}/{label}: inputs or gold not found, skipped")
                continue
            with tempfile.TemporaryDirectory() as tmp:
                out = Path(tmp)
                failures, secs, pages = extract_all(inputs, out)
                notes += [f"{name}/{label}: failed {f}" for f in failures]
                notes.append(
                    f"{name}/{label}: {len(inputs)} documents, {pages} pages in {secs:.1f} s"
                )
                rows.append(_row(f"{name} ({len(inputs)}) / {label}", score(scorer, gold, out)))
                if args.per_paper:
                    for g in sorted(gold.glob("*.json")):
                        with tempfile.TemporaryDirectory() as one:
                            shutil.copy(g, one)
                            rows.append(_row(f"  {g.stem}", score(scorer, Path(one), out)))
                if args.keep:
                    shutil.copytree(out, args.keep / f"{name}-{label}", dirs_exist_ok=True)
    print(header)
    print("|" + "---|" * 10)
    print("\n".join(rows))
    print()
    print("\n".join(notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
