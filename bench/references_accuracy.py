#!/usr/bin/env python3
"""Reference-list accuracy on the seed texts against the gold records.

usage: references_accuracy.py [--text-dir DIR] [--gold-dir DIR] [--verbose]

Each seed text is read into a `Document` directly, `extract_references` runs on
it, and the result is compared with the gold `references` the way
`eval/score.py` does: aligned by `index`, per field (first_author with
diacritics folded, year, journal without dots and spaces, volume, first_page),
and the share of references with every gold field right. Prints one line per
seed and the overall figures; `--verbose` lists each wrong field.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from scoring import field_ok  # bench/ is on sys.path when run as a script

from litkg.extractor.components.references import extract_references
from litkg.extractor.document import Document

REPO = Path(__file__).resolve().parents[1]
FIELDS = ["first_author", "year", "journal", "volume", "first_page"]


def score_document(
    gold: list[dict], pred: list[dict], verbose: bool, name: str
) -> tuple[dict[str, list[int]], list[int]]:
    """Per-field [right, total] and [all-right, total, extra] for one document."""
    fields: dict[str, list[int]] = {f: [0, 0] for f in FIELDS}
    whole = [0, 0, 0]
    by_index = {r.get("index"): r for r in pred}
    for g in gold:
        p = by_index.get(g.get("index"), {})
        all_ok = True
        for f in FIELDS:
            if g.get(f) is None:
                continue
            ok = field_ok(f, g.get(f), p.get(f))
            fields[f][0] += ok
            fields[f][1] += 1
            all_ok &= ok
            if verbose and not ok:
                print(f"  {name} #{g.get('index')} {f}: gold {g.get(f)!r} pred {p.get(f)!r}")
        whole[0] += all_ok
        whole[1] += 1
    whole[2] = len({r.get("index") for r in pred} - {g.get("index") for g in gold})
    return fields, whole


def main(argv: list[str]) -> int:
    """Run the benchmark and print per-seed and overall figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--text-dir", type=Path, default=REPO / "corpus" / "text")
    ap.add_argument("--gold-dir", type=Path, default=REPO.parent / "shared" / "eval" / "gold")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)

    total_fields: dict[str, list[int]] = {f: [0, 0] for f in FIELDS}
    total_whole = [0, 0, 0]
    for path in sorted(args.text_dir.glob("*.txt")):
        gold_path = args.gold_dir / f"{path.stem}.json"
        if not gold_path.exists():
            continue
        gold = json.loads(gold_path.read_text()).get("references") or []
        doc = Document(
            doc_id=path.stem, source=str(path), source_format="text", text=path.read_text()
        )
        pred = [
            {
                "index": r.index,
                "first_author": r.first_author,
                "year": r.year,
                "journal": r.journal,
                "volume": r.volume,
                "first_page": r.first_page,
            }
            for r in extract_references(doc)
        ]
        fields, whole = score_document(gold, pred, args.verbose, path.stem)
        for f in FIELDS:
            total_fields[f][0] += fields[f][0]
            total_fields[f][1] += fields[f][1]
        for i in range(3):
            total_whole[i] += whole[i]
        rate = whole[0] / whole[1] if whole[1] else 1.0
        print(
            f"{path.stem}: gold {whole[1]:>3} pred {len(pred):>3} "
            f"all-fields-right {rate:.3f} ({whole[0]}/{whole[1]}) extra {whole[2]}"
        )
    print("overall:")
    for f in FIELDS:
        right, n = total_fields[f]
        print(f"  {f:<13} acc {right / n if n else 1.0:.3f} ({right}/{n})")
    right, n, extra = total_whole
    print(f"  all-fields-right {right / n if n else 1.0:.3f} ({right}/{n}), extra {extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
