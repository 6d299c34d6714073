"""How faithfully `read_pdf` recovers the seed texts from their typeset PDFs.

For each seed `corpus/text/<id>.txt` with a PDF `corpus/pdf/<id>.pdf`:

* **text similarity**: both texts are normalised the same way (citation
  superscripts dropped: Unicode superscript characters, ``^{...}``,
  ``<sup>...</sup>``; light markup neutralised: ``*x*``/``**x**``, HTML tags,
  ``$...$`` with LaTeX commands such as ``\\geq`` mapped to their symbol;
  white space folded), cut into word tokens (maximal runs of letters and
  digits, so punctuation and spacing do not count, but a word split by a
  stray space or two words run together do), and compared with
  ``difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()`` over the
  token lists. Target: >= 0.98.
* **tables**: the tab-separated row blocks of the seed (the rows near each
  ``Table N.`` caption, and any other block of 2+ tab-separated lines) vs
  the tables found in the PDF, by (rows, columns).

Usage: ``python bench/ingest_similarity.py [corpus_dir]``
"""

from __future__ import annotations

import difflib
import re
import sys
from pathlib import Path

from litkg.extractor.ingest.pdf import read_pdf

REPO = Path(__file__).resolve().parents[1]
TARGET = 0.98

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ"
_LATEX = {
    r"\geq": "≥",
    r"\ge": "≥",
    r"\leq": "≤",
    r"\le": "≤",
    r"\times": "×",
    r"\pm": "±",
    r"\%": "%",
    r"\alpha": "α",
    r"\beta": "β",
    r"\gamma": "γ",
    r"\mu": "μ",
    r"\chi": "χ",
    r"\kappa": "κ",
    r"\sim": "~",
    r"\approx": "≈",
    r"\cdot": "·",
    r"\rightarrow": "→",
    r"\to": "→",
}


def _math(m: re.Match[str]) -> str:
    body = m.group(1)
    for cmd in sorted(_LATEX, key=len, reverse=True):
        body = body.replace(cmd, f" {_LATEX[cmd]} ")
    body = re.sub(r"\^\{[^}]*\}|\^.", "", body)
    body = re.sub(r"\\[a-zA-Z]+", " ", body)
    return body.replace("{", "").replace("}", "")


def normalise(text: str) -> str:
    """Drop citation superscripts, neutralise light markup, fold white space."""
    text = re.sub(r"<sup>.*?</sup>", "", text, flags=re.IGNORECASE | re.DOTALL)
    text = re.sub(r"\$([^$\n]{1,300})\$", _math, text)
    text = re.sub(r"\^\{[^}]*\}", "", text)
    text = re.sub(f"[{_SUPERSCRIPTS}]+", "", text)
    text = re.sub(r"</?[a-zA-Z][^>\n]{0,40}>", " ", text)
    text = re.sub(r"<(https?://[^>\s]+)>", r"\1", text)
    text = re.sub(r"\*{1,2}([^*\n]+)\*{1,2}", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def tokens(text: str) -> list[str]:
    """Word tokens: maximal runs of letters/digits of the normalised text."""
    return re.findall(r"[^\W_]+", normalise(text))


def similarity(a: str, b: str) -> float:
    """Token-list SequenceMatcher ratio of two texts."""
    return difflib.SequenceMatcher(None, tokens(a), tokens(b), autojunk=False).ratio()


def seed_tables(text: str) -> list[tuple[int, int]]:
    """(rows, columns) of each block of 2+ consecutive tab-separated lines."""
    shapes: list[tuple[int, int]] = []
    block: list[str] = []
    for line in [*text.splitlines(), ""]:
        if "\t" in line:
            block.append(line)
            continue
        if len(block) >= 2:
            shapes.append((len(block), max(len(r.rstrip("\t").split("\t")) for r in block)))
        block = []
    return shapes


def evaluate(corpus: Path) -> list[dict[str, object]]:
    """Similarity and table shapes for each seed that has a PDF."""
    results = []
    for pdf in sorted((corpus / "pdf").glob("*.pdf")):
        seed = corpus / "text" / f"{pdf.stem}.txt"
        if not seed.exists():
            continue
        seed_text = seed.read_text(encoding="utf-8")
        doc = read_pdf(pdf)
        results.append(
            {
                "id": pdf.stem,
                "pages": doc.n_pages,
                "similarity": similarity(doc.text, seed_text),
                "seed_tables": seed_tables(seed_text),
                "pdf_tables": [(t.n_rows, t.n_cols) for t in doc.tables],
                "captions": [t.caption for t in doc.tables],
            }
        )
    return results


def main(argv: list[str]) -> int:
    """Print the table; exit 1 when a seed is below the target."""
    corpus = Path(argv[1]) if len(argv) > 1 else REPO / "corpus"
    results = evaluate(corpus)
    if not results:
        print(f"no PDFs with seeds under {corpus}")
        return 0
    print(f"{'seed':<24} {'pages':>5} {'similarity':>10}  tables seed -> pdf (rows x cols)")
    for r in results:
        seed_t = " ".join(f"{a}x{b}" for a, b in r["seed_tables"]) or "-"  # type: ignore[union-attr]
        pdf_t = " ".join(f"{a}x{b}" for a, b in r["pdf_tables"]) or "-"  # type: ignore[union-attr]
        print(f"{r['id']:<24} {r['pages']:>5} {r['similarity']:>10.4f}  {seed_t} -> {pdf_t}")
    low = [r["id"] for r in results if r["similarity"] < TARGET]  # type: ignore[operator]
    print(f"target >= {TARGET}: {'all met' if not low else 'below: ' + ', '.join(low)}")  # type: ignore[arg-type]
    return 1 if low else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
