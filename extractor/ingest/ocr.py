"""OCR of scanned (image-only) PDFs with the Tesseract command-line tool.

Used by `read_pdf` when a PDF has no text layer at all and `tesseract` is on
the PATH (Debian/Ubuntu: ``apt-get install tesseract-ocr``). Each page is
rendered with pdfium as an 8-bit grey image (written as PGM, so no imaging
library is needed), Tesseract reads it (TSV output: words with their block,
paragraph and line numbers and a confidence), and the words become
paragraphs: lines of a paragraph joined by a space, or without the hyphen
when a word was broken at a line end. Every page of the resulting
`Document` has `ocr=True`; `metadata["ocr"]` records the engine, resolution,
language and the mean word confidence per page, so that whatever is
extracted from it can say that its evidence is OCR text.

Environment: ``LITKG_OCR_LANG`` (Tesseract language(s), default ``eng``),
``LITKG_OCR_DPI`` (render resolution, default 300).
"""

from __future__ import annotations

import csv
import functools
import io
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium

from litkg.extractor.document import Document, IngestError, Page
from litkg.extractor.ingest.pdf import OCR_HINT

__all__ = [
    "INSTALL_HINT",
    "OcrPage",
    "ocr_available",
    "ocr_image",
    "ocr_pdf",
    "tesseract_path",
    "tesseract_version",
]

INSTALL_HINT = OCR_HINT  # names the Debian package
DEFAULT_DPI = 300
PAGE_TIMEOUT = 300.0  # seconds of Tesseract per page before giving up


@dataclass
class OcrPage:
    """One page's OCR: its paragraphs and the mean confidence (0-100) of its words."""

    number: int
    paragraphs: list[str] = field(default_factory=list)
    confidence: float | None = None
    width: float | None = None
    height: float | None = None

    @property
    def text(self) -> str:
        """The page's paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs)


def tesseract_path() -> str | None:
    """Where the `tesseract` executable is, or None when it is not installed."""
    return shutil.which("tesseract")


def ocr_available() -> bool:
    """Whether OCR can run here (the `tesseract` CLI is on the PATH)."""
    return tesseract_path() is not None


@functools.cache
def tesseract_version() -> str:
    """`tesseract 5.3.0` or so (for provenance); empty when unknown."""
    exe = tesseract_path()
    if not exe:
        return ""
    try:
        done = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    first = (done.stdout or done.stderr).strip().splitlines()
    return first[0].strip() if first else ""


def _language() -> str:
    return os.environ.get("LITKG_OCR_LANG", "eng").strip() or "eng"


def _dpi() -> int:
    raw = os.environ.get("LITKG_OCR_DPI", "")
    return int(raw) if raw.isdigit() and 50 <= int(raw) <= 1200 else DEFAULT_DPI


_HYPHEN_END = re.compile(r"[^\W\d_]{2,}-$")


def _join_lines(lines: list[str]) -> str:
    """The lines of one paragraph as one string; a word broken by a line-end
    hyphen before a lower-case continuation is joined ("treat-" "ment")."""
    out = ""
    for line in lines:
        if not out:
            out = line
        elif _HYPHEN_END.search(out) and line[:1].islower():
            out = out[:-1] + line
        else:
            out += " " + line
    return out


def _parse_tsv(tsv: str) -> tuple[list[str], float | None]:
    """Paragraphs and mean word confidence from Tesseract's TSV output."""
    rows = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    paras: dict[tuple[int, int], dict[int, list[str]]] = {}
    confs: list[float] = []
    for row in rows:
        if row.get("level") != "5":
            continue
        word = (row.get("text") or "").strip()
        if not word:
            continue
        try:
            key = (int(row["block_num"]), int(row["par_num"]))
            line = int(row["line_num"])
            conf = float(row["conf"])
        except (KeyError, TypeError, ValueError):
            continue
        paras.setdefault(key, {}).setdefault(line, []).append(word)
        if conf >= 0:
            confs.append(conf)
    paragraphs = []
    for key in sorted(paras):
        lines = [" ".join(words) for _, words in sorted(paras[key].items())]
        text = _join_lines(lines).strip()
        if text:
            paragraphs.append(text)
    return paragraphs, (round(sum(confs) / len(confs), 1) if confs else None)


def ocr_image(
    image: str | os.PathLike[str], lang: str | None = None
) -> tuple[list[str], float | None]:
    """OCR one image file: (paragraphs, mean word confidence). Raises `RuntimeError`
    when Tesseract is missing or fails."""
    exe = tesseract_path()
    if not exe:
        raise RuntimeError("tesseract is not installed")
    # one thread per Tesseract: build workers already run in parallel
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    cmd = [exe, str(image), "stdout", "-l", lang or _language(), "tsv"]
    try:
        done = subprocess.run(cmd, capture_output=True, timeout=PAGE_TIMEOUT, env=env)
    except subprocess.TimeoutExpired as e:
        raise RuntimeError(f"tesseract took longer than {PAGE_TIMEOUT:.0f} s") from e
    if done.returncode != 0:
        msg = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError(f"tesseract failed: {msg[-1] if msg else done.returncode}")
    return _parse_tsv(done.stdout.decode("utf-8", "replace"))


def _write_pgm(bitmap: pdfium.PdfBitmap, path: Path) -> None:
    """An 8-bit grey pdfium bitmap as a binary PGM file."""
    arr = bitmap.to_numpy()
    if arr.ndim == 3:
        arr = arr[:, :, 0]
    h, w = arr.shape[:2]
    with path.open("wb") as fh:
        fh.write(f"P5\n{w} {h}\n255\n".encode("ascii"))
        fh.write(arr.tobytes())


def ocr_pdf(path: str | os.PathLike[str], doc_id: str) -> Document:
    """Read a scanned PDF by OCR into a `Document` whose pages are marked `ocr=True`.

    Raises `IngestError` when Tesseract is missing, fails, or finds no text.
    """
    path = Path(path)
    if not ocr_available():
        raise IngestError(str(path), "no text layer (scanned/image-only PDF)", INSTALL_HINT)
    dpi, lang = _dpi(), _language()
    pages: list[OcrPage] = []
    pdf = pdfium.PdfDocument(str(path))
    try:
        with tempfile.TemporaryDirectory(prefix="litkg-ocr-") as tmp:
            img = Path(tmp) / "page.pgm"
            for i in range(len(pdf)):
                page = pdf[i]
                try:
                    width, height = page.get_size()
                    bitmap = page.render(scale=dpi / 72, grayscale=True)
                    _write_pgm(bitmap, img)
                    bitmap.close()
                finally:
                    page.close()
                try:
                    paragraphs, conf = ocr_image(img, lang)
                except RuntimeError as e:
                    raise IngestError(
                        str(path), f"OCR of page {i + 1} failed ({e})", INSTALL_HINT
                    ) from e
                pages.append(OcrPage(i + 1, paragraphs, conf, width, height))
    finally:
        pdf.close()
    if not any(p.paragraphs for p in pages):
        raise IngestError(
            str(path),
            "no text layer (scanned/image-only PDF), and OCR found no text in it",
            "check that the scan holds text; a better scan or another OCR language "
            "(LITKG_OCR_LANG) may help",
        )
    return _document(path, doc_id, pages, dpi, lang)


def _document(path: Path, doc_id: str, pages: list[OcrPage], dpi: int, lang: str) -> Document:
    text = ""
    page_ranges: list[Page] = []
    for p in pages:
        body = p.text
        if body and text:
            text += "\n\n"
        start = len(text)
        text += body
        page_ranges.append(Page(p.number, start, len(text), p.width, p.height, ocr=True))
    meta = {
        "ocr": {
            "engine": tesseract_version() or "tesseract",
            "dpi": dpi,
            "lang": lang,
            "confidence": {str(p.number): p.confidence for p in pages},
        }
    }
    return Document(
        doc_id=doc_id,
        source=str(path),
        source_format="pdf",
        text=text,
        pages=page_ranges,
        metadata=meta,
    )
