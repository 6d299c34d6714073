"""Snapshot of what `read_pdf` makes of every PDF at hand, to prove that a
change to the PDF reader (a speed change above all) changes no Document.

usage: python bench/read_pdf_snapshot.py save DIR [FOLDER ...]      # at the starting commit
       python bench/read_pdf_snapshot.py compare DIR [FOLDER ...]   # exits 1 on any difference

The PDFs read are the shared real PDFs, the bundled typeset PDFs
(corpus/pdf) and those of every FOLDER given (fuzzed or downloaded PDFs,
say). Each Document (text, pages, tables, metadata) is written as
DIR/<file name>.json, with its source path replaced by "SRC" so that two
worktrees compare equal; a file the reader refuses is snapshotted as its
error. `compare` reads them again and names every file whose Document
differs, with the first differing fields and, for the text, the place.
`records_snapshot.py` does the same for the extracted records.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def pdf_files(folders: list[Path]) -> list[Path]:
    """The PDFs to snapshot, by file name (the first of two same-named files wins)."""
    found: dict[str, Path] = {}
    for folder in [SHARED / "real-pdfs", REPO / "corpus" / "pdf", *folders]:
        for path in sorted(folder.glob("*.pdf")):
            found.setdefault(path.name, path)
    return [found[name] for name in sorted(found)]


def document(path: Path) -> dict[str, Any]:
    """What `read_pdf` makes of `path`, as plain JSON data."""
    from litkg.extractor.document import IngestError
    from litkg.extractor.ingest.pdf import read_pdf

    try:
        doc = read_pdf(path)
    except IngestError as exc:
        return {"error": str(exc).replace(str(path), "SRC")}
    dumped = json.dumps(dataclasses.asdict(doc), sort_keys=True, default=str)
    return json.loads(dumped.replace(json.dumps(str(path))[1:-1], "SRC"))


def _first_difference(old: dict[str, Any], new: dict[str, Any]) -> str:
    keys = sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
    out = ", ".join(keys)
    if "text" in keys:
        a, b = str(old.get("text", "")), str(new.get("text", ""))
        i = next(
            (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
        )
        out += f"; text from char {i}: {a[i : i + 60]!r} -> {b[i : i + 60]!r}"
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("action", choices=["save", "compare"])
    ap.add_argument("dir", type=Path)
    ap.add_argument("folders", nargs="*", type=Path, help="more folders of PDFs")
    args = ap.parse_args(argv)
    files = pdf_files(args.folders)
    if args.action == "save":
        args.dir.mkdir(parents=True, exist_ok=True)
        for path in files:
            (args.dir / f"{path.name}.json").write_text(
                json.dumps(document(path), sort_keys=True, ensure_ascii=False)
            )
        print(f"{len(files)} Documents saved under {args.dir}")
        return 0
    differ = 0
    for path in files:
        snap = args.dir / f"{path.name}.json"
        if not snap.is_file():
            print(f"{path.name}: not in the snapshot")
            differ += 1
            continue
        old, new = json.loads(snap.read_text()), document(path)
        if old != new:
            differ += 1
            print(f"{path.name}: differs in {_first_difference(old, new)}")
    print(f"{len(files)} Documents compared, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
