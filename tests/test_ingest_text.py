"""Plain-text ingestion: encodings, the three table forms, headings, pages, seeds."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from litkg.extractor.document import IngestError
from litkg.extractor.ingest import load_document
from litkg.extractor.ingest.text import parse_text, read_text

HERE = Path(__file__).resolve().parent
FIX = HERE / "fixtures" / "text"
CORPUS = HERE.parent / "corpus" / "text"


def _spans_ok(doc) -> None:
    """Every table row span quotes its original line; headings point at their title."""
    for t in doc.tables:
        assert t.char_start == t.row_spans[0][0]
        assert t.char_end == t.row_spans[-1][1]
        for (s, e), row in zip(t.row_spans, t.rows, strict=True):
            line = doc.text[s:e]
            assert "\n" not in line
            for cell in row:
                assert cell.replace("|", "") in line.replace("\\|", "")
    for h in doc.headings:
        assert doc.text[h.char_start : h.char_start + len(h.title)] == h.title


# ------------------------------------------------------------------ encodings

SAMPLE = "Patients in Zürich and Malmö: the médecin noted “no” adverse events — naïve.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + SAMPLE.encode("utf-32-le"), "utf-32-le"),
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),  # no BOM
        (SAMPLE.encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_decode_to_the_same_text(tmp_path: Path, data: bytes, encoding: str) -> None:
    p = tmp_path / "paper.txt"
    p.write_bytes(data)
    doc = read_text(p)
    assert doc.text == SAMPLE
    assert doc.metadata["encoding"] == encoding
    assert doc.doc_id == "paper"
    assert doc.source_format == "text"


def test_latin1_text(tmp_path: Path) -> None:
    p = tmp_path / "latin.txt"
    p.write_bytes("Größe und Café in Genève\r\nsecond line\r\n".encode("latin-1"))
    assert read_text(p).text == "Größe und Café in Genève\nsecond line\n"


def test_newlines_normalised_only(tmp_path: Path) -> None:
    p = tmp_path / "crlf.txt"
    p.write_bytes(b"a  b\r\nc\rd\n\te\n")
    assert read_text(p).text == "a  b\nc\nd\n\te\n"


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", codecs.BOM_UTF8 + b" \n"])
def test_empty_refused(tmp_path: Path, data: bytes) -> None:
    p = tmp_path / "empty.txt"
    p.write_bytes(data)
    with pytest.raises(IngestError, match="empty"):
        read_text(p)


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n\x00\x00",
        b"\x00\x01\x02\x03binary\x00junk\xff\xfe" * 20,
        bytes(range(256)) * 4,
    ],
)
def test_binary_refused(tmp_path: Path, data: bytes) -> None:
    p = tmp_path / "renamed.txt"
    p.write_bytes(data)
    with pytest.raises(IngestError, match="binary|encoding could not be detected"):
        read_text(p)


def test_undetectable_encoding_refused(tmp_path: Path) -> None:
    p = tmp_path / "odd.txt"
    # bytes undefined in cp1252 (0x81, 0x8d, 0x8f, 0x90, 0x9d) among high bytes
    p.write_bytes(b"Result \x81\x8d\x8f\x90\x9d\xff\xfe\x81 end " * 3)
    with pytest.raises(IngestError) as exc:
        read_text(p)
    assert "not UTF-8 and the encoding could not be detected" in str(exc.value)
    assert "convert it to UTF-8" in str(exc.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no such file"):
        read_text(tmp_path / "absent.txt")
    with pytest.raises(IngestError, match="no such file"):
        load_document(tmp_path / "absent.txt")


# ------------------------------------------------------------------- PDF dump


def test_pdf_dump_tab_tables_and_pages() -> None:
    doc = load_document(FIX / "pdf_dump.txt")
    raw = (FIX / "pdf_dump.txt").read_text(encoding="utf-8")
    assert doc.text == raw
    _spans_ok(doc)
    assert len(doc.tables) == 2
    t1, t2 = doc.tables
    assert t1.caption == "Table 1. Baseline characteristics"
    assert (t1.n_rows, t1.n_cols) == (5, 4)
    assert t1.rows[0] == ["Characteristic", "Drug X (N=20)", "Control (N=30)", "p-value"]
    assert t1.rows[2] == ["Sex, n (%)", "", "", ""]
    assert t1.rows[4] == ["Female", "8 (40)", "13 (43)"]  # a row with fewer cells
    assert doc.text[slice(*t1.row_spans[1])] == "Age, median (range)\t54 (21-70)\t56 (19-75)\t0.41"
    assert t2.caption == "Table 1. continued"
    assert (t2.n_rows, t2.n_cols) == (2, 3)
    # pages split at the form feed, which belongs to neither page
    assert [p.number for p in doc.pages] == [1, 2]
    ff = doc.text.index("\f")
    assert doc.pages[0].char_end == ff and doc.pages[1].char_start == ff + 1
    assert t1.page == 1
    heads = [(h.level, h.title) for h in doc.headings]
    assert heads == [
        (1, "INTRODUCTION"),
        (2, "Results and Discussion"),
        (2, "Statistical analysis"),
    ]


# ------------------------------------------------------------------- Markdown


def test_markdown_headings_and_pipe_tables() -> None:
    doc = load_document(FIX / "markdown.md")
    _spans_ok(doc)
    assert doc.metadata["title"] == "Drug X after transplant: a randomized trial"
    assert [(h.level, h.title) for h in doc.headings] == [
        (1, "Drug X after transplant: a randomized trial"),
        (2, "Abstract"),
        (3, "Background"),
        (2, "Results"),
        (3, "Survival"),
    ]
    t2, t3 = doc.tables
    assert t2.caption == "Table 2 Adverse events"
    assert t2.rows == [
        ["Event", "Grade", "Drug X (n=20)", "Placebo (n=20)"],
        ["Neutropenia", "3-4", "8 (40%)", "2 (10%)"],
        ["Fever | chills", "1-2", "3 (15%)", ""],
    ]
    # the separator line is inside the table's range but is not a row
    assert len(t2.row_spans) == 3
    assert "|---|" in doc.text[t2.char_start : t2.char_end]
    assert doc.text[slice(*t2.row_spans[1])] == "| Neutropenia | 3-4 | 8 (40%) | 2 (10%) |"
    assert t3.caption == "Table 3. Response"
    assert t3.rows == [["Arm", "CR", "PR"], ["Drug X", "10", "5"], ["Placebo", "4", "6"]]


def test_markdown_table_without_separator_or_outer_pipes() -> None:
    doc = parse_text("Intro.\n\nA | B | C\n1 | 2 | 3\n4 | 5 | 6\n\nEnd | here\n")
    assert len(doc.tables) == 1
    assert doc.tables[0].rows == [["A", "B", "C"], ["1", "2", "3"], ["4", "5", "6"]]
    assert doc.tables[0].caption is None


# ------------------------------------------------------------ aligned columns


def test_aligned_columns() -> None:
    doc = load_document(FIX / "aligned.txt")
    _spans_ok(doc)
    assert len(doc.tables) == 1  # prose with double spaces and bullets are no table
    t = doc.tables[0]
    assert t.caption == "Table 4. Efficacy by arm"
    assert t.rows == [
        ["Outcome", "Drug X", "Placebo", "HR"],
        ["Overall response", "24 (60%)", "10 (25%)", ""],
        ["1-year OS", "81.6%", "62.0%", "0.45"],
        ["1-year PFS", "70.1%", "50.3%", "0.52"],
    ]
    assert [h.title for h in doc.headings] == ["METHODS"]


def test_aligned_needs_three_lines() -> None:
    assert parse_text("Arm      N\nDrug X   20\n").tables == []


# ------------------------------------------------------------------- headings


@pytest.mark.parametrize(
    ("line", "is_heading"),
    [
        ("Introduction", True),
        ("REFERENCES", True),
        ("Results and Discussion", True),
        ("2.1 Patients and Methods", True),
        ("Statistical analysis", True),
        ("Patients were enrolled", False),
        ("A", False),
        ("Correspondence:", False),
        ("Marlise R. Luskin and Jessica T. Leonard", False),
        ("This is the end of a sentence.", False),
    ],
)
def test_conservative_headings(line: str, is_heading: bool) -> None:
    doc = parse_text(f"Some prose here.\n\n{line}\n\nMore prose follows here.\n")
    assert bool(doc.headings) is is_heading


def test_heading_must_stand_alone() -> None:
    # a section's own name over its paragraph is one (tests/test_text_heading_lines.py);
    # any other title-case line needs its blank lines
    doc = parse_text("Patient Characteristics\nText directly under it.\n")
    assert doc.headings == []


# ---------------------------------------------------------------------- seeds


def _seed(prefix: str) -> Path:
    found = sorted(CORPUS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"seed {prefix} absent")
    return found[0]


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        # (caption start, rows, cols) of each "Table 1" part, counted by hand
        ("000", [("Table 1. Summary of patient", 44, 5)]),
        ("001", [("Table 1. Detailed information", 19, 12), ("Table 1. continued", 6, 11)]),
        ("002", [("Table 1. Patient characteristics", 10, 14)]),
    ],
)
def test_seed_table_1(prefix: str, expected: list[tuple[str, int, int]]) -> None:
    doc = read_text(_seed(prefix))
    _spans_ok(doc)
    got = [
        (t.caption, t.n_rows, t.n_cols)
        for t in doc.tables
        if t.caption and t.caption.startswith("Table 1")
    ]
    assert len(got) == len(expected)
    for (cap, r, c), (exp_cap, er, ec) in zip(got, expected, strict=True):
        assert cap.startswith(exp_cap)
        assert (r, c) == (er, ec)


def test_seed_000_row_values() -> None:
    doc = read_text(_seed("000"))
    t = next(t for t in doc.tables if t.caption and t.caption.startswith("Table 1"))
    assert t.rows[0] == [
        "Measure",
        "All (N=57)",
        "Blinatumomab (N=21)",
        "Controls (N=36)",
        "p-value",
    ]
    assert t.rows[2] == ["Male", "33 (58)", "17 (81)", "16 (44)", "0.012"]
    # the caption follows the table in this dump ("Legend Table 1:" then the caption)
    assert doc.text.index(t.caption) > t.char_end


@pytest.mark.parametrize("prefix", ["003", "004"])
def test_seeds_without_tables(prefix: str) -> None:
    doc = read_text(_seed(prefix))
    assert doc.tables == []
    assert doc.n_pages == 1


# ------------------------------------------------------------------ robustness

_ALPHABET = "ab T1.|-: \t\n\f#*é"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=200))
def test_parse_text_never_fails_and_spans_hold(text: str) -> None:
    doc = parse_text(text)
    assert doc.text == text
    for t in doc.tables:
        assert t.rows and len(t.row_spans) == t.n_rows
        for s, e in t.row_spans:
            assert 0 <= s <= e <= len(text)
    for h in doc.headings:
        assert text[h.char_start : h.char_start + len(h.title)] == h.title
    assert doc.pages[0].char_start == 0
