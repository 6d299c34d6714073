"""Typeset the seed corpus texts (corpus/text/*.txt) into journal-like PDFs (corpus/pdf/*.pdf).

The publishers' PDFs of the five seed papers are not available, so litkg's PDF ingester is
exercised on PDFs of our own making. This script turns each plain-text dump into a PDF
that has the traits an ingester must cope with in a real journal article:

* a full-width title block on page 1, then a two-column body;
* a running header (journal and year on the left, a short running head on the right) and a
  footer (the DOI on the left, "Page N" on the right) on every page, separated from the
  body by thin rules;
* tables (tab-separated lines in the text) drawn as ruled grids; captioned tables are set
  full width on their own page(s), split across pages with their header rows repeated;
  small caption-less tables (numbers at risk) stay in the column;
* citation numbers and other superscripts set as real superscripts (normal digits in a
  smaller font on a raised baseline), not as Unicode superscript glyphs;
* the reference list typeset as a hanging-indent list;
* line-end hyphenation of long words (when the optional ``pyphen`` package is installed);
  words that already contain a hyphen are never broken.

Light markup in the texts is rendered: ``*italic*`` and ``<i>..</i>`` as italics,
``$...$`` (LaTeX-ish) as plain text with ``\\times``, ``\\geq``, ``^{..}`` and friends
converted, ``^{1,2}`` / ``^a`` as superscripts, ``<https://...>`` as the bare URL.
Every word of the text is kept, in the order of the text.

Output is deterministic (reportlab ``invariant=1``): running the script twice gives
identical bytes, as long as the same reportlab and pyphen versions are used.

Usage: ``python corpus/make_pdfs.py`` regenerates every PDF; see ``--help``.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

try:  # optional: realistic line-end hyphenation
    import pyphen
except ImportError:  # pragma: no cover - depends on the environment
    pyphen = None

HERE = Path(__file__).resolve().parent
TEXT_DIR = HERE / "text"
PDF_DIR = HERE / "pdf"

# --------------------------------------------------------------------------- metadata


@dataclass(frozen=True)
class PaperMeta:
    """What the running header/footer show; taken from the texts (see corpus/README.md)."""

    journal: str
    year: str
    doi: str | None
    running_head: str


PAPERS: dict[str, PaperMeta] = {
    "000_17d089a830d3140c": PaperMeta(
        "Haematologica", "2026", "10.3324/haematol.2026.300873", "J. Miatech et al."
    ),
    "001_cade4cfc9954c631": PaperMeta(
        "Blood Cancer Journal", "2024", "10.1038/s41408-024-01092-w", "J. Huang et al."
    ),
    "002_b4e2640152b48fd4": PaperMeta(
        "Haematologica", "2025", "10.3324/haematol.2024.286719", "H. Sakaguchi et al."
    ),
    "003_02ee03e209aed3a2": PaperMeta(
        "Biology of Blood and Marrow Transplantation", "2019", None, "A.S. Stein et al."
    ),
    "004_eed059982c442256": PaperMeta(
        "Haematologica", "2025", "10.3324/haematol.2025.288068", "M.R. Luskin and J.T. Leonard"
    ),
}

# --------------------------------------------------------------------------- fonts

FONT_FILES = {
    "DejaVuSerif": "DejaVuSerif.ttf",
    "DejaVuSerif-Bold": "DejaVuSerif-Bold.ttf",
    "DejaVuSerif-Italic": "DejaVuSerif-Italic.ttf",
    "DejaVuSerif-BoldItalic": "DejaVuSerif-BoldItalic.ttf",
    "DejaVuSans": "DejaVuSans.ttf",
    "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique": "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique": "DejaVuSans-BoldOblique.ttf",
    "DejaVuSansCondensed": "DejaVuSansCondensed.ttf",
    "DejaVuSansCondensed-Bold": "DejaVuSansCondensed-Bold.ttf",
    "DejaVuSansCondensed-Oblique": "DejaVuSansCondensed-Oblique.ttf",
    "DejaVuSansCondensed-BoldOblique": "DejaVuSansCondensed-BoldOblique.ttf",
}
FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/TTF",
    "/usr/local/share/fonts",
    "/Library/Fonts",
)

SERIF, SANS, COND = "DejaVuSerif", "DejaVuSans", "DejaVuSansCondensed"
FALLBACK_FONT = SANS  # for the few glyphs DejaVu Serif lacks (e.g. U+2709 envelope)


class FontError(RuntimeError):
    pass


def find_font_dir(explicit: str | None) -> Path:
    if explicit:
        candidates = [explicit]
    elif os.environ.get("LITKG_DEJAVU_DIR"):
        candidates = [os.environ["LITKG_DEJAVU_DIR"]]
    else:
        candidates = list(FONT_DIRS)
    for cand in candidates:
        if cand and all((Path(cand) / f).is_file() for f in FONT_FILES.values()):
            return Path(cand)
    raise FontError(
        "cannot find the DejaVu TTF fonts ("
        + ", ".join(sorted(FONT_FILES.values()))
        + ") in any of: "
        + ", ".join(c for c in candidates if c)
        + ". Install them (Debian/Ubuntu: apt-get install fonts-dejavu-core "
        "fonts-dejavu-extra) or pass --font-dir / set LITKG_DEJAVU_DIR."
    )


_REGISTERED: dict[str, TTFont] = {}


def register_fonts(font_dir: Path) -> None:
    if _REGISTERED:
        return
    for name, file in FONT_FILES.items():
        font = TTFont(name, str(font_dir / file))
        pdfmetrics.registerFont(font)
        _REGISTERED[name] = font
    pdfmetrics.registerFontFamily(
        SERIF,
        normal=SERIF,
        bold=f"{SERIF}-Bold",
        italic=f"{SERIF}-Italic",
        boldItalic=f"{SERIF}-BoldItalic",
    )
    for fam in (SANS, COND):
        pdfmetrics.registerFontFamily(
            fam,
            normal=fam,
            bold=f"{fam}-Bold",
            italic=f"{fam}-Oblique",
            boldItalic=f"{fam}-BoldOblique",
        )


def has_glyph(font_name: str, char: str) -> bool:
    return ord(char) in _REGISTERED[font_name].face.charToGlyph


# --------------------------------------------------------------------------- inline markup

SUPER_MAP = {
    "⁰": "0",
    "¹": "1",
    "²": "2",
    "³": "3",
    "⁴": "4",
    "⁵": "5",
    "⁶": "6",
    "⁷": "7",
    "⁸": "8",
    "⁹": "9",
    "⁺": "+",
    "⁻": "-",
    "⁼": "=",
    "⁽": "(",
    "⁾": ")",
    "ⁿ": "n",
    "ⁱ": "i",
}
_SUP_CHARS = "".join(SUPER_MAP)
SUPER_RUN = re.compile(f"[{_SUP_CHARS}]+(?:,[{_SUP_CHARS}]+)*")
TOKEN = re.compile(r"(</?i>|</?b>|<https?://[^>\s]+>|https?://[^\s<>$]*[^\s<>$).,;:]|\$[^$\n]+\$)")
ITALIC = re.compile(r"(?<![\w*])\*(?![\s)*])([^*\n]+?)(?<!\s)\*(?![\w*])")
CARET = re.compile(r"\^\{([^}]*)\}|\^([A-Za-z0-9+\-])")
LATEX = {
    r"\times": "×",
    r"\geq": "≥",
    r"\leq": "≤",
    r"\ge": "≥",
    r"\le": "≤",
    r"\pm": "±",
    r"\mu": "μ",
    r"\%": "%",
    r"\,": " ",
    r"\ ": " ",
}


SUPER_SIZE = "68%"  # of the surrounding font size
SUPER_RISE = "36%"  # baseline shift, of the surrounding font size


def sup(text: str) -> str:
    return f'<super size="{SUPER_SIZE}" rise="{SUPER_RISE}">{text}</super>'


def _plain(text: str, base_font: str) -> str:
    """Escape a run of plain text and apply glyph fallback (no markup inside)."""
    out = []
    for ch in escape(text):
        if ch.isspace() or ord(ch) < 128 or has_glyph(base_font, ch):
            out.append(ch)
        else:
            out.append(f'<font name="{FALLBACK_FONT}">{ch}</font>')
    return "".join(out)


def _supers(text: str, base_font: str) -> str:
    """Plain text with Unicode superscripts and ^{..}/^x carets turned into <super>."""
    parts: list[str] = []
    pos = 0
    pattern = re.compile(f"{SUPER_RUN.pattern}|{CARET.pattern}")
    for m in pattern.finditer(text):
        parts.append(_plain(text[pos : m.start()], base_font))
        if m.group(1) is not None or m.group(2) is not None:
            parts.append(
                sup(_plain(m.group(1) if m.group(1) is not None else m.group(2), base_font))
            )
        else:
            run = "".join(SUPER_MAP.get(c, c) for c in m.group(0))
            parts.append(sup(_plain(run, base_font)))
        pos = m.end()
    parts.append(_plain(text[pos:], base_font))
    return "".join(parts)


def _math(expr: str, base_font: str) -> str:
    for k in sorted(LATEX, key=len, reverse=True):
        expr = expr.replace(k, LATEX[k])
    return _supers(expr, base_font)


def inline(text: str, base_font: str = SERIF) -> str:
    """Convert one block of seed text into reportlab paragraph markup."""
    out: list[str] = []
    italic_open = 0
    for piece in TOKEN.split(text):
        if not piece:
            continue
        if piece in ("<i>", "<b>"):
            out.append(piece)
            italic_open += 1
        elif piece in ("</i>", "</b>"):
            if italic_open:
                out.append(piece)
                italic_open -= 1
        elif piece.startswith(("<http", "http")):
            # URLs in a condensed sans, as many journals do; keeps them within a column
            url = escape(piece.strip("<>"))
            out.append(url if base_font == COND else f'<font name="{COND}">{url}</font>')
        elif piece.startswith("$") and piece.endswith("$") and len(piece) > 2:
            out.append(_math(piece[1:-1], base_font))
        else:
            # *italic* spans, then superscripts inside and outside them
            pos = 0
            for m in ITALIC.finditer(piece):
                out.append(_supers(piece[pos : m.start()], base_font))
                out.append("<i>" + _supers(m.group(1), base_font) + "</i>")
                pos = m.end()
            out.append(_supers(piece[pos:], base_font))
    out.extend("</i>" for _ in range(italic_open))  # never leave a tag open
    return "".join(out)


def plain_text(text: str) -> str:
    """Markup-free text for width measurements."""
    text = re.sub(r"</?[ib]>", "", text)
    text = re.sub(r"<(https?://[^>\s]+)>", r"\1", text)
    text = re.sub(r"\$([^$\n]+)\$", r"\1", text)
    text = CARET.sub(lambda m: m.group(1) or m.group(2) or "", text)
    text = ITALIC.sub(r"\1", text)
    return "".join(SUPER_MAP.get(c, c) for c in text)


# --------------------------------------------------------------------------- parsing


@dataclass
class Block:
    kind: str  # para, heading, label, caption, table, list
    lines: list[str]
    rows: list[list[str]] = field(default_factory=list)  # table
    items: list[tuple[str, str]] = field(default_factory=list)  # list: (marker, text)
    wide: bool = False  # set on its own full-width page(s)
    note: bool = False  # table note

    @property
    def text(self) -> str:
        return " ".join(line.strip() for line in self.lines)


LIST_ITEM = re.compile(r"^\s*(\d{1,3}\.|[-•])\s+(.*)$")
CAPTION = re.compile(r"^(Table|Figure|Fig\.)\s*\d+[A-Za-z]?\b")
TERMINAL = re.compile(r"[.!?:;]['\"”’)\]]*$")


def split_blocks(raw: str) -> list[list[str]]:
    blocks: list[list[str]] = []
    cur: list[str] = []
    for line in raw.splitlines():
        if line.strip():
            cur.append(line.rstrip("\n"))
        elif cur:
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)
    # split blocks that mix table rows (tabs) and other lines into runs
    out: list[list[str]] = []
    for b in blocks:
        run: list[str] = []
        for line in b:
            if run and ("\t" in line) != ("\t" in run[-1]):
                out.append(run)
                run = []
            run.append(line)
        out.append(run)
    return out


def is_heading(lines: list[str]) -> bool:
    if len(lines) != 1:
        return False
    s = lines[0].strip()
    words = s.split()
    if not words or len(s) > 60 or not s[0].isalpha() or not s[0].isupper():
        return False
    if CAPTION.match(s) or "@" in s or "://" in s:
        return False
    if any(w.endswith((".", ",", ";")) for w in words[:-1]):
        return False
    if s.isupper():
        return len(words) <= 8
    if s.endswith("."):
        return len(words) <= 2
    return len(words) <= 4 and not s.endswith(",")


def classify(raw_blocks: list[list[str]]) -> list[Block]:
    blocks: list[Block] = []
    for lines in raw_blocks:
        if "\t" in lines[0]:
            rows = [line.split("\t") for line in lines]
            blocks.append(Block("table", lines, rows=rows))
            continue
        items = [LIST_ITEM.match(line) for line in lines]
        if all(items):
            markers = [m.group(1) for m in items if m]
            prev = blocks[-1] if blocks else None
            entries = [(m.group(1), m.group(2).strip()) for m in items if m]
            if prev is not None and prev.kind == "list" and _same_list(prev, markers[0]):
                prev.items.extend(entries)
                prev.lines.extend(lines)
            else:
                blocks.append(Block("list", lines, items=entries))
            continue
        first = lines[0].strip()
        prev = blocks[-1] if blocks else None
        if prev is not None and first[:1].islower():
            # a paragraph or list item broken by a page break in the dump: rejoin it
            if prev.kind == "list":
                m, t = prev.items[-1]
                prev.items[-1] = (m, t + " " + " ".join(x.strip() for x in lines))
                prev.lines.extend(lines)
                continue
            if (
                prev.kind == "para"
                and len(prev.lines) == 1
                and len(prev.text.split()) >= 30
                and not TERMINAL.search(prev.text)
            ):
                prev.lines = [prev.lines[0].rstrip() + " " + " ".join(x.strip() for x in lines)]
                continue
        if CAPTION.match(first):
            blocks.append(Block("caption", lines))
        elif len(first) == 1 and len(lines) == 1:
            blocks.append(Block("label", lines))
        elif is_heading(lines):
            blocks.append(Block("heading", lines))
        else:
            blocks.append(Block("para", lines))
    return blocks


def _same_list(prev: Block, marker: str) -> bool:
    last = prev.items[-1][0]
    if marker[0].isdigit() and last[0].isdigit():
        return int(marker[:-1]) == int(last[:-1]) + 1
    return marker == last


def mark_wide_tables(blocks: list[Block]) -> None:
    """Captioned tables, their captions and notes go on full-width page(s)."""
    n = len(blocks)
    for i, b in enumerate(blocks):
        if b.kind != "table":
            continue
        before = blocks[i - 1] if i else None
        captioned = (
            before is not None and before.kind == "caption" and before.text.startswith("Table")
        )
        after = blocks[i + 1 : i + 4]
        captioned = captioned or any(
            a.kind == "caption" and a.text.startswith("Table") for a in after
        )
        if not captioned:
            continue
        b.wide = True
        if before is not None and before.kind == "caption":
            before.wide = True
        # what follows: notes, "Legend Table N:" heading, the caption itself
        j = i + 1
        while j < n:
            a = blocks[j]
            continued = a.kind == "table" and blocks[j - 1].wide
            table_caption = a.kind == "caption" and a.text.startswith("Table")
            legend = a.kind == "heading" and a.text.startswith("Legend Table")
            if continued or table_caption or legend:
                a.wide = True
            elif a.kind == "para" and _looks_like_note(a, first=blocks[j - 1].kind == "table"):
                a.wide = a.note = True
            else:
                break
            j += 1


def _looks_like_note(b: Block, first: bool) -> bool:
    t = b.text
    if t[:1] in ("^", "*", "†", "‡") or t[:1] in SUPER_MAP:
        return True
    return first and (t.count(";") >= 3 or (not t[:1].islower() and t.count(",") >= 5))


# --------------------------------------------------------------------------- layout

PAGE_W, PAGE_H = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 20 * mm  # top of the body frame, below the running header
MARGIN_BOTTOM = 18 * mm
GUTTER = 6 * mm
BODY_W = PAGE_W - 2 * MARGIN_X
COL_W = (BODY_W - GUTTER) / 2
RULE = colors.Color(0.35, 0.35, 0.35)
HEAD_GREY = colors.Color(0.88, 0.88, 0.88)


@dataclass
class Styles:
    body: ParagraphStyle
    title: ParagraphStyle
    kicker: ParagraphStyle
    authors: ParagraphStyle
    heading: ParagraphStyle
    label: ParagraphStyle
    caption: ParagraphStyle
    note: ParagraphStyle
    ref: ParagraphStyle
    bullet: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle


def make_hyphenator() -> Callable[[str], list[tuple[str, str]]]:
    """pyphen en_US, but only for plain lower-case words (capitalised is fine).

    Words with an embedded hyphen, digits or inner capitals (acronyms, gene names such as
    "allo-HSCT", "KMT2A", "CD19-positive") are never broken, so every hyphen an ingester
    sees at a line end of body text is a soft hyphen to drop when rejoining the word.
    """
    dic = pyphen.Pyphen(lang="en_US", left=3, right=3)

    def hyphenate(word: str) -> list[tuple[str, str]]:
        if not word.isalpha() or any(c.isupper() for c in word[1:]):
            return []
        return list(dic.iterate(word))

    return hyphenate


def make_styles(hyphenate: bool) -> Styles:
    hyph: str | Callable[[str], Iterable[tuple[str, str]]] = ""
    if hyphenate and pyphen is not None:
        hyph = make_hyphenator()
    body = ParagraphStyle(
        "body",
        fontName=SERIF,
        fontSize=8.8,
        leading=11.2,
        alignment=TA_JUSTIFY,
        firstLineIndent=9,
        spaceAfter=2,
        hyphenationLang=hyph,
        embeddedHyphenation=0,
        uriWasteReduce=0,
        splitLongWords=1,
    )
    return Styles(
        body=body,
        title=ParagraphStyle(
            "title", fontName=f"{SERIF}-Bold", fontSize=16, leading=19.5, spaceAfter=8
        ),
        kicker=ParagraphStyle(
            "kicker",
            fontName=f"{SANS}-Bold",
            fontSize=8,
            leading=10,
            textColor=colors.Color(0.55, 0.05, 0.1),
            spaceAfter=6,
        ),
        authors=ParagraphStyle("authors", fontName=SANS, fontSize=8.5, leading=11, spaceAfter=10),
        heading=ParagraphStyle(
            "heading",
            fontName=f"{SANS}-Bold",
            fontSize=9.2,
            leading=11.5,
            spaceBefore=9,
            spaceAfter=3,
            keepWithNext=1,
        ),
        label=ParagraphStyle(
            "label", fontName=f"{SANS}-Bold", fontSize=8, leading=10, spaceBefore=4, keepWithNext=1
        ),
        caption=ParagraphStyle(
            "caption",
            fontName=SANS,
            fontSize=7.4,
            leading=9.2,
            spaceBefore=6,
            spaceAfter=6,
            alignment=TA_LEFT,
        ),
        note=ParagraphStyle(
            "note", fontName=SANS, fontSize=6.6, leading=8.2, spaceBefore=3, spaceAfter=2
        ),
        ref=ParagraphStyle(
            "ref",
            fontName=SERIF,
            fontSize=7.4,
            leading=9.2,
            leftIndent=15,
            bulletIndent=0,
            bulletFontName=SERIF,
            bulletFontSize=7.4,
            spaceAfter=1.5,
            alignment=TA_LEFT,
            hyphenationLang=hyph,
            embeddedHyphenation=0,
        ),
        bullet=ParagraphStyle(
            "bullet",
            parent=body,
            firstLineIndent=0,
            leftIndent=12,
            bulletIndent=3,
            bulletFontName=SERIF,
            alignment=TA_LEFT,
        ),
        cell=ParagraphStyle(
            "cell", fontName=COND, fontSize=6.6, leading=7.9, splitLongWords=0, alignment=TA_LEFT
        ),
        cell_head=ParagraphStyle(
            "cell_head",
            fontName=f"{COND}-Bold",
            fontSize=6.6,
            leading=7.9,
            splitLongWords=0,
            alignment=TA_LEFT,
        ),
    )


def para(text: str, style: ParagraphStyle, **kw) -> Paragraph:
    return Paragraph(inline(text, style.fontName.split("-")[0]), style, **kw)


def caption_markup(text: str, style: ParagraphStyle) -> str:
    m = re.match(r"^((?:Table|Figure|Fig\.)\s*\d+[A-Za-z]?\.?)(.*)$", text, re.S)
    if not m:
        return inline(text)
    return f"<b>{inline(m.group(1))}</b>{inline(m.group(2))}"


# ---- tables


def _header_rows(rows: list[list[str]]) -> int:
    if not rows:
        return 0
    cells = [c.strip() for c in rows[0][1:] if c.strip()]
    if not cells or all(re.fullmatch(r"[\d.,\s()\-–]+", c) for c in cells):
        return 0  # numbers-at-risk style rows: no header
    k = 1
    while k < len(rows) and not rows[k][0].strip():
        k += 1
    return k


def _spans(rows: list[list[str]], nhead: int) -> list[tuple[int, int, int, int]]:
    """(col0,row0,col1,row1) spans for multi-row headers."""
    spans = []
    ncol = len(rows[0])
    for r in range(nhead - 1):
        c = 0
        while c < ncol:
            if rows[r][c].strip():
                k = c
                while (
                    k + 1 < ncol
                    and not rows[r][k + 1].strip()
                    and any(rows[r + 1][x].strip() for x in range(c, k + 2))
                ):
                    k += 1
                below_empty = all(not rows[rr][c].strip() for rr in range(r + 1, nhead))
                if k > c:
                    spans.append((c, r, k, r))
                elif below_empty:
                    spans.append((c, r, c, nhead - 1))
                c = k + 1
            else:
                c += 1
    return spans


def _column_widths(
    rows: list[list[str]],
    nhead: int,
    spans: list[tuple[int, int, int, int]],
    avail: float,
    styles: Styles,
    pad: float,
) -> list[float] | None:
    ncol = len(rows[0])
    spanned = {(c0, r0) for c0, r0, c1, _ in spans if c1 > c0}
    mins = [0.0] * ncol
    nats = [0.0] * ncol
    for r, row in enumerate(rows):
        st = styles.cell_head if r < nhead else styles.cell
        for c, cell in enumerate(row):
            if (c, r) in spanned:
                continue
            t = plain_text(cell).strip()
            if not t:
                continue
            w = [stringWidth(x, st.fontName, st.fontSize) for x in t.split()]
            mins[c] = max(mins[c], max(w))
            nats[c] = max(nats[c], stringWidth(t, st.fontName, st.fontSize))
    mins = [m + 2 * pad + 0.5 for m in mins]
    nats = [min(max(n + 2 * pad + 0.5, m), avail * 0.45) for n, m in zip(nats, mins, strict=True)]
    if sum(mins) > avail:
        return None
    if sum(nats) <= avail:
        extra = (avail - sum(nats)) / ncol
        return [n + extra for n in nats]
    slack = avail - sum(mins)
    want = [n - m for n, m in zip(nats, mins, strict=True)]
    total = sum(want) or 1.0
    return [m + slack * w / total for m, w in zip(mins, want, strict=True)]


def make_table(rows: list[list[str]], avail: float, styles: Styles) -> Table | None:
    ncol = max(len(r) for r in rows)
    rows = [r + [""] * (ncol - len(r)) for r in rows]
    nhead = _header_rows(rows)
    spans = _spans(rows, nhead)
    pad = 2.2
    widths = _column_widths(rows, nhead, spans, avail, styles, pad)
    if widths is None:
        return None
    data = [
        [
            Paragraph(inline(c.strip(), COND), styles.cell_head if r < nhead else styles.cell)
            for c in row
        ]
        for r, row in enumerate(rows)
    ]
    cmds: list[tuple] = [
        ("GRID", (0, 0), (-1, -1), 0.45, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), 1.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.8),
    ]
    if nhead:
        cmds += [
            ("BACKGROUND", (0, 0), (-1, nhead - 1), HEAD_GREY),
            ("VALIGN", (0, 0), (-1, nhead - 1), "MIDDLE"),
        ]
    cmds += [("SPAN", (c0, r0), (c1, r1)) for c0, r0, c1, r1 in spans]
    table = Table(data, colWidths=widths, repeatRows=nhead, hAlign="LEFT", splitByRow=1)
    table.setStyle(TableStyle(cmds))
    return table


# ---- page templates


def draw_running(meta: PaperMeta):
    def on_page(canvas, doc):
        w, h = canvas._pagesize
        canvas.saveState()
        canvas.setFont(SANS, 7.5)
        canvas.setFillColor(colors.Color(0.25, 0.25, 0.25))
        y_head = h - 12 * mm
        canvas.drawString(MARGIN_X, y_head, f"{meta.journal} · {meta.year}")
        canvas.setFont(f"{SANS}-Oblique", 7.5)
        canvas.drawRightString(w - MARGIN_X, y_head, meta.running_head)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, y_head - 3, w - MARGIN_X, y_head - 3)
        y_foot = 10 * mm
        canvas.line(MARGIN_X, y_foot + 9, w - MARGIN_X, y_foot + 9)
        canvas.setFont(SANS, 7.5)
        if meta.doi:
            canvas.drawString(MARGIN_X, y_foot, f"https://doi.org/{meta.doi}")
        canvas.drawRightString(w - MARGIN_X, y_foot, f"Page {doc.page}")
        canvas.restoreState()

    return on_page


def two_columns(top: float, prefix: str) -> list[Frame]:
    height = top - MARGIN_BOTTOM
    kw = dict(leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    return [
        Frame(MARGIN_X, MARGIN_BOTTOM, COL_W, height, id=f"{prefix}L", **kw),
        Frame(MARGIN_X + COL_W + GUTTER, MARGIN_BOTTOM, COL_W, height, id=f"{prefix}R", **kw),
    ]


def build_doc(out, meta: PaperMeta, title: str, title_height: float) -> BaseDocTemplate:
    kw = dict(leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    top = PAGE_H - MARGIN_TOP
    on_page = draw_running(meta)
    title_frame = Frame(MARGIN_X, top - title_height, BODY_W, title_height, id="title", **kw)
    first = PageTemplate(
        "First",
        [title_frame, *two_columns(top - title_height - 4 * mm, "first")],
        onPage=on_page,
        pagesize=A4,
    )
    body = PageTemplate("Body", two_columns(top, "body"), onPage=on_page, pagesize=A4)
    wide = PageTemplate(
        "Wide",
        [Frame(MARGIN_X, MARGIN_BOTTOM, BODY_W, top - MARGIN_BOTTOM, id="wide", **kw)],
        onPage=on_page,
        pagesize=A4,
    )
    lw, lh = landscape(A4)
    wide_l = PageTemplate(
        "WideLandscape",
        [
            Frame(
                MARGIN_X,
                MARGIN_BOTTOM,
                lw - 2 * MARGIN_X,
                lh - MARGIN_TOP - MARGIN_BOTTOM,
                id="widel",
                **kw,
            )
        ],
        onPage=on_page,
        pagesize=landscape(A4),
    )
    doc = BaseDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author=meta.running_head,
        subject=f"{meta.journal} ({meta.year}) — typeset by litkg corpus/make_pdfs.py "
        "from the plain-text seed; not the publisher's PDF",
        creator="litkg corpus/make_pdfs.py",
        invariant=1,
    )
    doc.addPageTemplates([first, body, wide, wide_l])
    return doc


# ---- story


def _title_index(blocks: list[Block]) -> int:
    for i, b in enumerate(blocks):
        if b.kind in ("para", "heading") and len(b.text.split()) >= 5:
            return i
    return 0


def _is_author_line(b: Block) -> bool:
    if b.kind != "para" or len(b.lines) != 1:
        return False
    t = plain_text(b.text).strip()
    if TERMINAL.search(t) or len(t) > 1500:
        return False
    segs = [s.strip() for s in re.split(r",| and ", t) if s.strip()]
    return len(segs) >= 2 and all(len(s.split()) <= 5 for s in segs)


def story_for(text: str, styles: Styles) -> tuple[str, list[Flowable], list[Flowable]]:
    blocks = classify(split_blocks(text))
    mark_wide_tables(blocks)
    ti = _title_index(blocks)
    title = plain_text(blocks[ti].text)
    head: list[Flowable] = []
    for b in blocks[:ti]:
        head.append(para(b.text, styles.kicker))
    head.append(para(blocks[ti].text, styles.title))
    rest = blocks[ti + 1 :]
    if rest and _is_author_line(rest[0]):
        head.append(para(rest[0].text, styles.authors))
        rest = rest[1:]

    # each run of consecutive wide blocks goes on portrait full-width page(s), or on
    # landscape page(s) when one of its tables does not fit the portrait width
    modes: list[str] = []
    i = 0
    while i < len(rest):
        if not rest[i].wide:
            modes.append("Body")
            i += 1
            continue
        j = i
        while j < len(rest) and rest[j].wide:
            j += 1
        fits = all(
            make_table(b.rows, BODY_W, styles) is not None for b in rest[i:j] if b.kind == "table"
        )
        modes += ["Wide" if fits else "WideLandscape"] * (j - i)
        i = j

    body: list[Flowable] = []
    mode = "Body"
    in_refs = False
    ref_no = 0
    for b, want in zip(rest, modes, strict=True):
        if want != mode:
            body += [NextPageTemplate(want), PageBreak()]
            mode = want
        if b.kind == "heading":
            in_refs = b.text.strip().rstrip(":").lower() in ("references", "bibliography")
            body.append(para(b.text, styles.heading))
        elif b.kind == "label":
            body.append(para(b.text, styles.label))
        elif b.kind == "caption":
            body.append(Paragraph(caption_markup(b.text, styles.caption), styles.caption))
        elif b.kind == "table":
            avail = {"Body": COL_W, "Wide": BODY_W}.get(mode, landscape(A4)[0] - 2 * MARGIN_X)
            table = make_table(b.rows, avail, styles)
            if table is None and mode == "Body":
                body += [NextPageTemplate("Wide"), PageBreak()]
                table = make_table(b.rows, BODY_W, styles)
                mode = "Wide"
            if table is None:  # wider than a landscape page even at the table font size
                raise ValueError(f"table too wide even in landscape: {b.rows[0]!r}")
            body += [Spacer(1, 3), table, Spacer(1, 5)]
        elif b.kind == "list":
            for marker, item in b.items:
                if in_refs:
                    ref_no = int(marker[:-1]) if marker[0].isdigit() else ref_no + 1
                    bullet = marker if marker[0].isdigit() else f"{ref_no}."
                    body.append(Paragraph(inline(item), styles.ref, bulletText=bullet))
                else:
                    bullet = marker if marker[0].isdigit() else "•"
                    body.append(Paragraph(inline(item), styles.bullet, bulletText=bullet))
        elif b.note:
            body.append(para(b.text, styles.note))
        else:
            markup = "<br/>".join(inline(line.strip()) for line in b.lines)
            body.append(Paragraph(markup, styles.body))
    return title, head, body


def title_block_height(head: list[Flowable]) -> float:
    h = 0.0
    for i, f in enumerate(head):
        _, fh = f.wrap(BODY_W, PAGE_H)
        h += fh + f.getSpaceAfter() + (f.getSpaceBefore() if i else 0)
    return h + 2


def render(text: str, meta: PaperMeta, hyphenate: bool) -> bytes:
    styles = make_styles(hyphenate)
    title, head, body = story_for(text, styles)
    height = title_block_height(head)
    buf = io.BytesIO()
    doc = build_doc(buf, meta, title, height)
    story = [*head, NextPageTemplate("Body"), FrameBreak(), *body]
    doc.build(story)
    return buf.getvalue()


def meta_for(stem: str) -> PaperMeta:
    if stem in PAPERS:
        return PAPERS[stem]
    return PaperMeta("litkg seed corpus", "", None, stem)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description="Typeset corpus/text/NAME.txt into journal-like two-column PDFs "
        "corpus/pdf/NAME.pdf (reportlab, DejaVu fonts, deterministic output)."
    )
    ap.add_argument("names", nargs="*", help="file stems to build (default: all texts)")
    ap.add_argument("--text-dir", type=Path, default=TEXT_DIR, help="input texts (%(default)s)")
    ap.add_argument("--out-dir", type=Path, default=PDF_DIR, help="output PDFs (%(default)s)")
    ap.add_argument(
        "--font-dir", help="folder with the DejaVu TTFs (default: search system font folders)"
    )
    ap.add_argument(
        "--no-hyphenation",
        action="store_true",
        help="never hyphenate words at line ends (by default long words are hyphenated "
        "when the pyphen package is installed)",
    )
    ap.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if any PDF is missing or differs from a fresh build",
    )
    args = ap.parse_args(argv)

    try:
        register_fonts(find_font_dir(args.font_dir))
    except FontError as exc:
        print(f"make_pdfs: error: {exc}", file=sys.stderr)
        return 2
    hyphenate = not args.no_hyphenation
    if hyphenate and pyphen is None:
        print(
            "make_pdfs: note: pyphen is not installed, so no line-end hyphenation; "
            "the PDFs will differ from the committed ones (pip install pyphen)",
            file=sys.stderr,
        )
    texts = sorted(args.text_dir.glob("*.txt"))
    if args.names:
        texts = [t for t in texts if t.stem in set(args.names)]
        missing = set(args.names) - {t.stem for t in texts}
        if missing:
            print(f"make_pdfs: error: no such text: {', '.join(sorted(missing))}", file=sys.stderr)
            return 2
    if not texts:
        print(f"make_pdfs: error: no *.txt in {args.text_dir}", file=sys.stderr)
        return 2
    stale = 0
    for path in texts:
        data = render(path.read_text(encoding="utf-8"), meta_for(path.stem), hyphenate)
        out = args.out_dir / f"{path.stem}.pdf"
        if args.check:
            same = out.is_file() and out.read_bytes() == data
            stale += not same
            print(f"{out}: {'up to date' if same else 'STALE'}")
        else:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(data)
            print(f"{out}: {len(data)} bytes")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
