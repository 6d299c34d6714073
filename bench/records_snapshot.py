"""Snapshot of the study records of every gold set, to prove that a change
(a speed change above all) changes no output.

usage: python bench/records_snapshot.py save DIR      # records at the starting commit
       python bench/records_snapshot.py compare DIR   # exits 1 on any difference

The records of the seeds, the development set (JATS and text) and the shared
real PDFs are written as DIR/<set>/<document>.json; `compare` extracts them
again and lists every record that differs, with the first differing keys.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SETS = {
    "seeds": (SHARED / "seeds", "*.txt"),
    "seeds-pdf": (REPO / "corpus" / "pdf", "*.pdf"),
    "dev-jats": (SHARED / "eval" / "dev" / "nxml", "*.nxml"),
    "dev-text": (SHARED / "eval" / "dev" / "text", "*.txt"),
    "real-pdfs": (SHARED / "real-pdfs", "*.pdf"),
}


def records() -> dict[str, dict[str, object]]:
    """(set/document) -> record, for every input of every set."""
    from litkg.extractor.ingest import load_document
    from litkg.extractor.pipeline import extract_record

    out: dict[str, dict[str, object]] = {}
    for name, (folder, pattern) in SETS.items():
        for path in sorted(folder.glob(pattern)):
            doc = load_document(path)
            out[f"{name}/{doc.doc_id}"] = json.loads(json.dumps(extract_record(doc).to_record()))
    return out


def _diff_keys(a: dict, b: dict) -> list[str]:
    return sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("action", choices=["save", "compare"])
    ap.add_argument("dir", type=Path)
    args = ap.parse_args()
    now = records()
    if args.action == "save":
        for key, rec in now.items():
            path = args.dir / f"{key}.json"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(rec, indent=1, sort_keys=True, ensure_ascii=False))
        print(f"{len(now)} records saved under {args.dir}")
        return 0
    differ = 0
    for key, rec in now.items():
        path = args.dir / f"{key}.json"
        if not path.is_file():
            print(f"{key}: not in the snapshot")
            differ += 1
            continue
        old = json.loads(path.read_text())
        if old != rec:
            differ += 1
            print(f"{key}: differs in {', '.join(_diff_keys(old, rec))}")
    print(f"{len(now)} records compared, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
