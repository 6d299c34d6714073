"""The text a paper's evidence positions point into, for the review page.

The records and the graph keep each fact's quote and character span but not
the document's text, so the text is read again from the input file the build
manifest (`OUT/manifest.jsonl`, beside the store) names for the paper, with
the same reader the build used: the spans then index it exactly. A file that
changed since the build is still shown, with a note (its spans may no longer
match, and its verdicts become orphans at the next build).
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from litkg.extractor.document import IngestError
from litkg.extractor.ingest import load_document
from litkg.extractor.parallel import file_sha256
from litkg.kg.manifest import load_manifest

#: pdfium (under the PDF reader and the page images) is not thread-safe: one
#: document read or page render at a time.
PDFIUM_LOCK = threading.Lock()


@dataclass
class PaperText:
    """A paper's document text, or why there is none."""

    text: str | None = None
    source: str | None = None
    source_format: str | None = None
    pages: list[dict[str, int]] = field(default_factory=list)
    note: str | None = None

    def json(self) -> dict[str, Any]:
        """The text as the page's JSON gives it."""
        return {
            "text": self.text,
            "source": self.source,
            "source_format": self.source_format,
            "pages": self.pages,
            "note": self.note,
        }


class DocumentTexts:
    """Paper IRI -> `PaperText`, read from the inputs of the build in `out_dir`
    (None: no build folder, e.g. a remote store). Documents read are kept
    (the last `keep`), keyed by the file's size and modification time."""

    def __init__(self, out_dir: str | os.PathLike[str] | None, keep: int = 8) -> None:
        self.out_dir = Path(out_dir) if out_dir is not None else None
        self.keep = keep
        self._cache: OrderedDict[tuple[str, int, int], PaperText] = OrderedDict()
        self._lock = threading.Lock()
        self._manifest: tuple[tuple[int, int], dict[str, tuple[str, dict[str, Any]]]] | None = None

    def source_of(self, paper_iri: str) -> tuple[str, dict[str, Any]] | None:
        """The input path and manifest entry of a paper, if the build recorded one."""
        return self._by_paper().get(paper_iri)

    def _by_paper(self) -> dict[str, tuple[str, dict[str, Any]]]:
        """Paper IRI -> (input path, manifest entry), read again when the manifest changes."""
        if self.out_dir is None:
            return {}
        try:
            st = (self.out_dir / "manifest.jsonl").stat()
        except OSError:
            return {}
        key = (st.st_size, st.st_mtime_ns)
        with self._lock:
            if self._manifest is not None and self._manifest[0] == key:
                return self._manifest[1]
        by_paper: dict[str, tuple[str, dict[str, Any]]] = {}
        for path, e in load_manifest(self.out_dir).items():
            # of a paper's input files, the one its facts (and their spans) come from
            if e.get("paper") and (e.get("primary", True) or str(e["paper"]) not in by_paper):
                by_paper[str(e["paper"])] = (path, e)
        with self._lock:
            self._manifest = (key, by_paper)
        return by_paper

    def get(self, paper_iri: str) -> PaperText:
        """The paper's text (with a note when the input is gone or changed)."""
        found = self.source_of(paper_iri)
        if found is None:
            return PaperText(note="the build manifest names no input file for this paper")
        path, entry = found
        try:
            st = os.stat(path)
        except OSError:
            return PaperText(source=path, note=f"{path}: the input file is no longer there")
        key = (path, st.st_size, st.st_mtime_ns)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        try:
            with PDFIUM_LOCK:
                doc = load_document(path)
        except IngestError as e:
            return PaperText(source=path, note=str(e))
        note = None
        if entry.get("file_sha256") and file_sha256(Path(path)) != entry["file_sha256"]:
            note = (
                f"{path} changed since the last build: highlights may be off; "
                "rebuild, then review the verdicts listed as needing re-review"
            )
        out = PaperText(
            text=doc.text,
            source=path,
            source_format=doc.source_format,
            pages=[
                {"number": p.number, "char_start": p.char_start, "char_end": p.char_end}
                for p in doc.pages
            ],
            note=note,
        )
        with self._lock:
            self._cache[key] = out
            while len(self._cache) > self.keep:
                self._cache.popitem(last=False)
        return out
