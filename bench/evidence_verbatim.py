"""Every outcome's and adverse event's evidence, found verbatim in its input.

usage: python bench/evidence_verbatim.py [FILE_OR_DIR ...]

Defaults to the seeds, the development set (JATS and text) and the shared
real PDFs. White space is folded before the comparison (RECORD.md: "white
space may differ"). Prints the count per set and every fact whose evidence
is not in the document's text; exits 1 if there is one.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEFAULT = [
    SHARED / "seeds",
    SHARED / "eval" / "dev" / "nxml",
    SHARED / "eval" / "dev" / "text",
    SHARED / "real-pdfs",
]


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def main(argv: list[str]) -> int:
    from litkg.extractor.ingest import expand_inputs, load_document
    from litkg.extractor.pipeline import extract_record

    targets = [Path(a) for a in argv] or [p for p in DEFAULT if p.exists()]
    missing = 0
    for target in targets:
        files, _ = expand_inputs([target])
        facts = 0
        for path in files:
            doc = load_document(path)
            text = _fold(doc.text)
            rec = extract_record(doc).to_record()
            for kind in ("outcomes", "adverse_events"):
                for fact in rec[kind]:
                    facts += 1
                    ev = _fold(fact.get("evidence") or "")
                    if not ev or ev not in text:
                        missing += 1
                        print(f"  {doc.doc_id} {kind}: not verbatim: {ev[:100]!r}")
        print(f"{target}: {len(files)} documents, {facts} outcomes and adverse events")
    print(f"{missing} facts whose evidence is not verbatim in the input")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
