#!/usr/bin/env python3
"""Author-year reference lists typeset as PDFs, read back and scored.

usage: python bench/author_year_refs.py [--jats-dir DIR] [--limit N] [--verbose]

Real reference lists come from the JATS of `../shared/pmc-rct/labelled`
(articles whose list is unnumbered and alphabetical: Springer, Elsevier,
Wiley, Frontiers, SAGE, ...). Each list's structured entries
(`element-citation`) are printed in one of three author-year house styles,
in alphabetical order as published, and typeset with reportlab (at run time,
into a temporary folder; nothing is copied into the project) as the end of
a two-column article: a page of body text, then the list in a smaller font
with hanging indents, running header and footer on every page, entries
breaking across columns and pages. The PDF is read with `read_pdf`, the
list extracted with `extract_references`, and each entry compared, at its
position (`index`), with the markup: first author, year, journal, volume,
first page (score.py's all-fields-right: every field the markup gives).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FIELDS = ["first_author", "year", "journal", "volume", "first_page"]
STYLES = ("springer", "apa", "elsevier")
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


@dataclass
class Entry:
    """One structured reference of the markup."""

    authors: list[tuple[str, str]]  # (surname, initials)
    year: str
    title: str
    source: str
    volume: str | None
    issue: str | None
    fpage: str | None
    lpage: str | None
    doi: str | None

    def expected(self) -> dict[str, str | int | None]:
        return {
            "first_author": self.authors[0][0],
            "year": int(self.year),
            "journal": self.source,
            "volume": self.volume,
            "first_page": self.fpage,
        }


def _text(el: ET.Element | None) -> str:
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip() if el is not None else ""


def read_entries(path: Path) -> list[Entry] | None:
    """The journal-article references of an unnumbered alphabetical list, else None."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        return None
    refs = root.findall(".//back//ref-list//ref")
    if len(refs) < 20 or any(r.find("label") is not None for r in refs):
        return None
    out: list[Entry] = []
    for ref in refs:
        cit = ref.find("element-citation")
        if cit is None or cit.get("publication-type") != "journal":
            continue
        names = [
            (_text(n.find("surname")), re.sub(r"[^A-Z]", "", _text(n.find("given-names"))))
            for n in cit.findall("person-group/name")
        ]
        year = re.match(r"(?:19|20)\d\d", _text(cit.find("year")))
        source, title = _text(cit.find("source")), _text(cit.find("article-title"))
        if not names or not names[0][0] or not year or not source or not title:
            continue
        doi = next((_text(p) for p in cit.findall("pub-id") if p.get("pub-id-type") == "doi"), None)
        out.append(
            Entry(
                names,
                year.group(0),
                title.rstrip("."),
                source,
                _text(cit.find("volume")) or None,
                _text(cit.find("issue")) or None,
                _text(cit.find("fpage")) or None,
                _text(cit.find("lpage")) or None,
                doi,
            )
        )
    surnames = [e.authors[0][0].lower() for e in out]
    if len(out) < 15 or sum(a <= b for a, b in zip(surnames, surnames[1:], strict=False)) < 0.9 * (
        len(out) - 1
    ):
        return None
    return out


def render(e: Entry, style: str) -> str:
    """One entry as printed in an author-year house style."""
    pages = e.fpage or ""
    if e.fpage and e.lpage:
        pages = f"{e.fpage}\u2013{e.lpage}"
    if style == "springer":  # Bedi G, Hyman D (2010) Title. Biol Psychiatry 68:1134–1140
        names = ", ".join(f"{s} {i}" for s, i in e.authors[:6])
        tail = f" {e.volume}" if e.volume else ""
        tail += f"({e.issue})" if e.issue and e.volume else ""
        tail += f":{pages}" if pages else ""
        doi = f". https://doi.org/{e.doi}" if e.doi else ""
        return f"{names} ({e.year}) {e.title}. {e.source}{tail}{doi}"
    if style == "apa":  # Bedi, G., & Hyman, D. (2010). Title. Biol Psychiatry, 68(2), 1134–1140.
        people = [f"{s}, {'. '.join(i)}." if i else s for s, i in e.authors[:7]]
        names = ", ".join(people[:-1]) + ", & " + people[-1] if len(people) > 1 else people[0]
        tail = f", {e.volume}" if e.volume else ""
        tail += f"({e.issue})" if e.issue and e.volume else ""
        tail += f", {pages}" if pages else ""
        return f"{names} ({e.year}). {e.title}. {e.source}{tail}."
    # elsevier: Bedi, G., Hyman, D., 2010. Title. Biol. Psychiatry 68, 1134–1140.
    people = [f"{s}, {'.'.join(i)}." if i else s for s, i in e.authors[:6]]
    names = ", ".join(people) + (", et al." if len(e.authors) > 6 else "")
    tail = f" {e.volume}" if e.volume else ""
    tail += f", {pages}" if pages else ""
    return f"{names}, {e.year}. {e.title}. {e.source}{tail}."


BODY = (
    "Participants were randomly assigned to the intervention or to usual care, and the "
    "outcomes were assessed by staff unaware of the allocation. The analysis followed the "
    "intention-to-treat principle, and missing values were handled by multiple imputation. "
)


def typeset(entries: list[Entry], style: str, path: Path, journal: str) -> None:
    """Write the two-column article end with the list (see the module doc)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

    font = "Times-Roman"
    if (FONT_DIR / "DejaVuSerif.ttf").is_file():
        if "DejaVuSerif" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("DejaVuSerif", str(FONT_DIR / "DejaVuSerif.ttf")))
        font = "DejaVuSerif"
    width, height = A4
    margin, gutter = 50.0, 18.0
    col = (width - 2 * margin - gutter) / 2

    def furniture(canvas, doc) -> None:  # noqa: ANN001 - reportlab's callback signature
        canvas.saveState()
        canvas.setFont(font, 7)
        canvas.drawString(margin, height - 30, f"{journal} (2017) 12:345\u2013360")
        canvas.drawRightString(width - margin, 28, f"Page {doc.page} of 9")
        canvas.restoreState()

    frames = [
        Frame(margin, 50, col, height - 100, id="left", showBoundary=0),
        Frame(margin + col + gutter, 50, col, height - 100, id="right", showBoundary=0),
    ]
    doc = BaseDocTemplate(str(path), pagesize=A4, invariant=1)
    doc.addPageTemplates([PageTemplate(id="two", frames=frames, onPage=furniture)])
    body = ParagraphStyle("body", fontName=font, fontSize=9.5, leading=11.5)
    head = ParagraphStyle("head", fontName=font, fontSize=10.5, leading=14, spaceBefore=8)
    ref = ParagraphStyle(
        "ref", fontName=font, fontSize=7.5, leading=9, leftIndent=10, firstLineIndent=-10,
        spaceAfter=1.5,
    )  # fmt: skip
    story = [Paragraph("Discussion", head)]
    story += [Paragraph(BODY * 4, body) for _ in range(5)]
    story.append(Paragraph("References", head))
    story += [Paragraph(escape(render(e, style)), ref) for e in entries]
    doc.build(story)


def candidates(jats_dir: Path, limit: int) -> list[tuple[Path, list[Entry]]]:
    """The first `limit` articles (by name) with an unnumbered alphabetical list."""
    out = []
    for path in sorted(jats_dir.glob("*.nxml")):
        entries = read_entries(path)
        if entries:
            out.append((path, entries))
            if len(out) >= limit:
                break
    return out


def score(jats_dir: Path, limit: int, verbose: bool = False) -> tuple[int, int, int]:
    """(entries all fields right, entries, extra entries) over the typeset lists."""
    from scoring import field_ok

    from litkg.extractor.components.references import extract_references
    from litkg.extractor.ingest.pdf import read_pdf

    right = total = extra = 0
    with tempfile.TemporaryDirectory() as tmp:
        for k, (path, entries) in enumerate(candidates(jats_dir, limit)):
            style = STYLES[k % len(STYLES)]
            pdf = Path(tmp) / f"{path.stem}.pdf"
            typeset(entries, style, pdf, "Journal of Typeset Trials")
            refs = {r.index: r for r in extract_references(read_pdf(pdf))}
            ok = 0
            for i, e in enumerate(entries, start=1):
                got = refs.get(i)
                bad = [
                    f
                    for f, v in e.expected().items()
                    if v is not None and not field_ok(f, v, getattr(got, f, None) if got else None)
                ]
                ok += not bad
                if bad and verbose:
                    shown = {f: getattr(got, f, None) if got else None for f in bad}
                    print(f"  {path.stem} #{i} {style}: {render(e, style)[:90]}\n     got {shown}")
            n_extra = len(set(refs) - set(range(1, len(entries) + 1)))
            print(f"{path.stem:<14} {style:<9} {ok:>3}/{len(entries):<3} extra {n_extra}")
            right, total, extra = right + ok, total + len(entries), extra + n_extra
    return right, total, extra


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--jats-dir", type=Path, default=SHARED / "pmc-rct" / "labelled")
    ap.add_argument("--limit", type=int, default=12)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    if not args.jats_dir.is_dir():
        print(f"skipped: {args.jats_dir} is absent", file=sys.stderr)
        return 0
    right, total, extra = score(args.jats_dir, args.limit, args.verbose)
    print(f"all fields right {right}/{total} = {right / max(total, 1):.3f}, extra {extra}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
