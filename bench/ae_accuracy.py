#!/usr/bin/env python3
"""Adverse-event accuracy on the seed texts, scored as eval/score.py scores it.

usage: ae_accuracy.py [--verbose] [--corpus DIR] [--gold DIR]

Each `corpus/text/*.txt` is read crudely: prose through
`find_adverse_events_in_text` (blank-line paragraphs, regex sentence splitter,
reference list skipped), runs of tab-separated lines as tables through
`adverse_events_from_table`; the matches are merged per (term, grade, arm) and
compared with the gold record's `adverse_events` using score.py's own
`ae_same` and greedy matching. Prints P/R/F1 per document and in total.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from pathlib import Path

from litkg.extractor.components.adverse_events import (
    AEMatch,
    adverse_events_from_table,
    find_adverse_events_in_text,
    merge_adverse_events,
)
from litkg.extractor.document import Table

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "eval"


def load_score_module(path: Path):
    """eval/score.py as a module (for `ae_same`, `greedy_match`, `Tally`)."""
    spec = importlib.util.spec_from_file_location("litkg_eval_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def tables_of_text(text: str) -> list[Table]:
    """Runs of tab-separated lines as tables, with the preceding 'Table ...' line as caption."""
    tables = []
    lines = text.splitlines(keepends=True)
    pos = 0
    run: list[tuple[int, str]] = []
    caption = None
    last_text_line = ""

    def flush() -> None:
        if len(run) >= 2:
            rows = [ln.rstrip("\n").split("\t") for _, ln in run]
            spans = [(a, a + len(ln.rstrip("\n"))) for a, ln in run]
            tables.append(
                Table(
                    rows=rows,
                    caption=caption,
                    char_start=spans[0][0],
                    char_end=spans[-1][1],
                    row_spans=spans,
                )
            )

    for ln in lines:
        if "\t" in ln:
            if not run:
                caption = last_text_line if re.match(r"(?i)\s*table\b", last_text_line) else None
            run.append((pos, ln))
        else:
            flush()
            run = []
            if ln.strip():
                last_text_line = ln.strip()
        pos += len(ln)
    flush()
    return tables


def predict(text: str) -> list[AEMatch]:
    """Merged adverse-event matches of one text (prose and tables)."""
    found = list(find_adverse_events_in_text(text))
    for table in tables_of_text(text):
        for match, _row in adverse_events_from_table(table):
            found.append(match)
    return merge_adverse_events(found)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--corpus", type=Path, default=REPO / "corpus" / "text")
    ap.add_argument("--gold", type=Path, default=SHARED / "gold")
    ap.add_argument("--score", type=Path, default=SHARED / "score.py")
    args = ap.parse_args(argv)
    score = load_score_module(args.score)
    total = score.Tally()
    for gf in sorted(args.gold.glob("*.json")):
        tf = args.corpus / f"{gf.stem}.txt"
        if not tf.exists():
            continue
        gold = json.loads(gf.read_text()).get("adverse_events") or []
        pred = [
            {"term": m.term, "grade": m.grade, "n": m.n, "percent": m.percent, "rule": m.rule}
            for m in predict(tf.read_text())
        ]
        pairs = score.greedy_match(gold, pred, score.ae_same)
        doc = score.Tally()
        doc.add(len(pairs), len(pred), len(gold))
        total.add(len(pairs), len(pred), len(gold))
        p, r, f = doc.prf()
        print(
            f"{gf.stem:<28} P {p:.3f} R {r:.3f} F1 {f:.3f}  (tp {doc.tp}, pred {doc.pred}, gold {doc.gold})"
        )
        if args.verbose:
            got_g = {g for g, _ in pairs}
            got_p = {q for _, q in pairs}
            for i, g in enumerate(gold):
                if i not in got_g:
                    print(
                        f"    missed: {g['term']} grade={g.get('grade')} n={g.get('n')} %={g.get('percent')}"
                    )
            for i, q in enumerate(pred):
                if i not in got_p:
                    print(
                        f"    extra:  {q['term']} grade={q['grade']} n={q['n']} %={q['percent']} [{q['rule']}]"
                    )
    p, r, f = total.prf()
    print(
        f"{'adverse_events (all)':<28} P {p:.3f} R {r:.3f} F1 {f:.3f}  (tp {total.tp}, pred {total.pred}, gold {total.gold})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
