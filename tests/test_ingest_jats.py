"""JATS XML ingestion: metadata, reading-order text, tables, references."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from litkg.extractor.document import IngestError
from litkg.extractor.ingest import load_document
from litkg.extractor.ingest.jats import parse_jats, read_jats
from litkg.extractor.ingest.text import parse_text

HERE = Path(__file__).resolve().parent
FIX = HERE / "fixtures" / "jats"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SAMPLES = SHARED / "jats-samples"


@pytest.fixture(scope="module")
def doc():
    return load_document(FIX / "article.nxml")


def _consistent(d) -> None:
    """Spans point at the rendered rows; headings at their titles; one page."""
    for t in d.tables:
        for (s, e), row in zip(t.row_spans, t.rows, strict=True):
            assert d.text[s:e] == "\t".join(row)
        assert len({len(r) for r in t.rows}) == 1  # columns aligned
        cap_end = d.text.rfind("\n", 0, t.char_start)
        if t.caption:
            assert d.text[: t.char_start - 1].endswith(t.caption)
            assert cap_end == t.char_start - 1
    for h in d.headings:
        assert d.text[h.char_start : h.char_start + len(h.title)] == h.title
        assert d.text[: h.char_start].endswith("#" * h.level + " ")
    assert [(p.number, p.char_start, p.char_end) for p in d.pages] == [(1, 0, len(d.text))]


def test_metadata(doc) -> None:
    md = doc.metadata
    assert doc.doc_id == "article" and doc.source_format == "jats"
    assert md["title"] == "Drug X maintenance after transplant: a phase 2 trial"
    assert md["journal"] == "Blood Advances"
    assert md["journal_abbrev"] == "Blood Adv."
    assert md["publisher"] == "American Society of Hematology"
    assert md["doi"] == "10.1182/bloodadvances.2020.001234"
    assert md["pmid"] == "31234567"
    assert md["pmcid"] == "PMC7654321"
    assert md["year"] == 2021  # epub comes before ppub; pmc-release is ignored
    assert (md["volume"], md["issue"], md["fpage"], md["lpage"]) == ("5", "7", "1868", "1876")
    assert md["article_type"] == "research-article"
    assert md["keywords"] == ["blinatumomab", "maintenance"]
    assert md["authors"] == [
        {"surname": "Gökbuget", "given": "Nicola"},
        {"surname": "Smith", "given": "John A."},
    ]
    assert md["registrations"] == ["NCT01234567", "2015-001234-56"]


def test_reading_order_and_headings(doc) -> None:
    _consistent(doc)
    assert doc.text.startswith("# Drug X maintenance after transplant: a phase 2 trial\n\n")
    assert [(h.level, h.title) for h in doc.headings] == [
        (1, "Drug X maintenance after transplant: a phase 2 trial"),
        (2, "Abstract"),
        (3, "Background"),
        (3, "Methods"),
        (2, "Introduction"),
        (2, "Methods"),
        (3, "Patients"),
        (4, "Eligibility"),
        (2, "Results"),
        (2, "Acknowledgements"),
        (2, "Conflicts of interest"),
        (2, "References"),
    ]
    t = doc.text
    assert "\n\nRelapse after transplant is common.\n\n" in t
    assert "\n\nFigure 1. Overall survival. Kaplan-Meier estimate.\n\n" in t
    # the floating table is placed after the paragraph citing it
    assert t.index("was normal (Table 1).") < t.index("Table 1. Patient") < t.index("\n## Methods")
    assert "\n\na Two patients unknown.\n\n" in t  # table footnote after the table
    assert t.index("We thank the patients.") < t.index("## References")


def test_inline_rendering(doc) -> None:
    t = doc.text
    assert "in 40% of patients¹,² and in 2[3] series." in t  # citations never glue on
    assert "CD3⁺" in t and "10⁹/L" in t and "CO₂" in t
    assert "were in CR1 [2]." in t  # small caps upper-cased; source brackets kept


def test_table_with_spans(doc) -> None:
    assert len(doc.tables) == 1
    tab = doc.tables[0]
    assert tab.caption == "Table 1. Patient characteristics"
    assert tab.rows == [
        ["Characteristic", "Drug X", "", "Control"],  # colspan -> blank cell
        ["Characteristic", "n", "%", "n"],  # rowspan -> repeated
        ["Male", "12", "60", "17"],
        ["Disease status", "", "", ""],
        ["CR1", "15", "75", "20ᵃ"],  # the empty row is dropped
    ]
    assert (tab.n_rows, tab.n_cols) == (5, 4)
    assert doc.text[slice(*tab.row_spans[2])] == "Male\t12\t60\t17"


def test_references(doc) -> None:
    refs = doc.references
    assert [r["index"] for r in refs] == [1, 2, 3, 4]
    r1, r2, r3, r4 = refs
    assert r1 == {
        "index": 1,
        "first_author": "Gökbuget",
        "year": 2012,
        "journal": "Blood",
        "volume": "120",
        "first_page": "1868",
        "doi": "10.1182/blood-2011-09-377713",
        "pmid": "22442346",
        "title": "Adult patients with ALL and molecular failure",
        "text": "1. Gökbuget N, Kneba M, et al. Adult patients with ALL and molecular failure. "
        "Blood. 2012;120(9):1868–1876. doi:10.1182/Blood-2011-09-377713",
    }
    # mixed-citation with markup, no DOI
    assert (r2["first_author"], r2["year"], r2["journal"], r2["volume"], r2["first_page"]) == (
        "Kantarjian",
        2017,
        "N Engl J Med",
        "376",
        "836",
    )
    assert r2["doi"] is None
    assert r2["text"] == (
        "2. Kantarjian H, Stein A. Blinatumomab versus chemotherapy for advanced ALL. "
        "N Engl J Med. 2017;376(9):836-847."
    )
    # mixed-citation without markup: read from the printed text, DOI included
    assert r3["first_author"] == "Mrózek"
    assert (r3["year"], r3["journal"], r3["volume"], r3["first_page"]) == (
        2009,
        "Hematol Oncol Clin North Am",
        "23",
        "991",
    )
    assert r3["doi"] == "10.1016/j.hoc.2009.07.001"
    # no label: index from order; collab as first author; elocation-id as first page
    assert (r4["index"], r4["first_author"], r4["first_page"]) == (4, "EBCTCG", "e930")
    for r in refs:
        assert "\n" + r["text"] + "\n" in doc.text + "\n"


def test_rendered_text_reads_back_as_the_same_tables(doc) -> None:
    back = parse_text(doc.text)
    assert [(t.caption, t.rows, t.row_spans) for t in back.tables] == [
        (t.caption, t.rows, t.row_spans) for t in doc.tables
    ]
    assert [(h.level, h.title, h.char_start) for h in back.headings] == [
        (h.level, h.title, h.char_start) for h in doc.headings
    ]


def test_mixed_citation_in_plain_citation_element() -> None:
    xml = b"""<article><front><article-meta><title-group><article-title>T</article-title>
    </title-group></article-meta></front><body><p>Text<xref ref-type="bibr" rid="b1">1</xref>.</p>
    </body><back><ref-list><ref id="b1"><label>1.</label><citation>Ries LAG, Hankey BF.
    <italic>Cancer Statistics Review 1973-88.</italic> Bethesda: NCI; 1991.</citation></ref>
    </ref-list></back></article>"""
    d = parse_jats(xml, doc_id="x")
    assert "Text[1]." in d.text
    (r,) = d.references
    assert (r["index"], r["first_author"], r["year"]) == (1, "Ries", 1991)
    assert (
        r["text"]
        == "1. Ries LAG, Hankey BF. Cancer Statistics Review 1973-88. Bethesda: NCI; 1991."
    )


def _ref(rid: str, label: str, surname: str) -> str:
    return (
        f'<ref id="{rid}"><label>{label}</label><element-citation><person-group>'
        f"<name><surname>{surname}</surname></name></person-group><year>2011</year>"
        "</element-citation></ref>"
    )


def test_one_reference_per_printed_number() -> None:
    # a two-entry list of a table's sources printed before the main list, and a
    # referee report (sub-article) with a list of its own
    side = _ref("s1", "1", "Okafor") + _ref("s2", "2", "Lindqvist")
    main = "".join(_ref(f"r{i}", str(i), s) for i, s in enumerate(
        ["Brennan", "Achterberg", "Moreau", "Tanaka"], start=1))  # fmt: skip
    xml = f"""<article><front><article-meta><title-group><article-title>T</article-title>
    </title-group></article-meta></front><body><p>Text.</p></body><back>
    <ref-list>{side}</ref-list><ref-list>{main}</ref-list></back>
    <sub-article><front-stub><title-group><article-title>Referee report</article-title>
    </title-group></front-stub><back><ref-list>{_ref("x1", "1", "Quist")}</ref-list></back>
    </sub-article></article>""".encode()
    d = parse_jats(xml, doc_id="x")
    assert [(r["index"], r["first_author"]) for r in d.references] == [
        (1, "Brennan"),
        (2, "Achterberg"),
        (3, "Moreau"),
        (4, "Tanaka"),
    ]


# --------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<article><front></article>", "malformed XML"),
        (b"<html><body>hello</body></html>", "not JATS"),
        (b"this is not XML at all", "malformed XML"),
    ],
)
def test_bad_xml(tmp_path: Path, content: bytes, message: str) -> None:
    p = tmp_path / "bad.xml"
    p.write_bytes(content)
    with pytest.raises(IngestError, match=message) as exc:
        read_jats(p)
    assert str(p) in str(exc.value)


def test_missing_and_empty(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no such file"):
        read_jats(tmp_path / "absent.nxml")
    (tmp_path / "empty.nxml").write_bytes(b"  \n")
    with pytest.raises(IngestError, match="empty"):
        load_document(tmp_path / "empty.nxml")


# ---------------------------------------------------------- shared samples


def _sample(name: str) -> Path:
    p = SAMPLES / name
    if not p.is_file():
        pytest.skip(f"{p} is absent")
    return p


def test_sample_pmc1891198() -> None:
    d = read_jats(_sample("PMC1891198.nxml"))
    _consistent(d)
    md = d.metadata
    assert md["title"].startswith("Addition of lenalidomide to melphalan in the treatment")
    assert md["journal"] == "Current Oncology"
    assert md["journal_abbrev"] == "Curr Oncol"
    assert "doi" not in md  # the XML has no DOI
    assert (md["pmid"], md["pmcid"], md["year"]) == ("17576467", "PMC1891198", 2007)
    assert (md["volume"], md["issue"], md["fpage"], md["lpage"]) == ("14", "2", "61", "65")
    assert len(md["authors"]) == 5 and md["authors"][0]["surname"] == "White"
    assert d.tables == []  # the article has no table-wrap
    assert len(d.references) == 22
    r2 = d.references[1]
    assert (r2["first_author"], r2["year"], r2["journal"], r2["volume"], r2["first_page"]) == (
        "Osgood",
        1960,
        "Cancer Chemother Rep",
        "9",
        "1",
    )
    assert r2["pmid"] == "13731417"
    assert d.references[0]["first_author"] == "Ries"  # unmarked <citation>
    assert "phase II trial (MY.11)" in d.text  # <sc>ii</sc>
    assert "thalidomide[3],[4]." in d.text
    assert [h.title for h in d.headings if h.level == 2] == [
        "Abstract",
        "1. INTRODUCTION",
        "2. DISCUSSION",
        "3. SUMMARY",
        "References",
    ]


def test_sample_pmc2687939() -> None:
    d = read_jats(_sample("PMC2687939.nxml"))
    _consistent(d)
    md = d.metadata
    assert md["title"].startswith("Sequential docetaxel as adjuvant chemotherapy")
    assert md["journal"] == "Lancet"
    assert md["doi"] == "10.1016/s0140-6736(09)60740-6"
    assert (md["pmid"], md["year"], md["volume"], md["fpage"]) == ("19447249", 2009, "373", "1681")
    # 34 references in "References" (labels 1-24, 34-43) + 9 in "Uncited reference" (25-33)
    assert len(d.references) == 43
    assert sorted(r["index"] for r in d.references) == list(range(1, 44))
    assert [r["index"] for r in d.references][23:26] == [24, 34, 35]
    refs_block = d.text[d.text.index("\n## References\n") : d.text.index("\n## Uncited reference")]
    assert len(re.findall(r"(?m)^\d+\. ", refs_block)) == 34
    # four table-wraps; rows = <tr> count, columns = sum of colspans per row
    assert [(t.caption.split(".")[0], t.n_rows, t.n_cols) for t in d.tables] == [
        ("Table 1", 39, 5),
        ("Table 2", 16, 7),
        ("Table 3", 32, 6),
        ("Table 4", 22, 8),
    ]
    t2 = d.tables[1]
    assert t2.rows[0] == [
        "",
        "FEC-D (experimental) group (n=2073)",
        "",
        "Control group (n=2089)",
        "",
        "Total (N=4162)",
        "",
    ]
    assert "fluorouracil).¹,² Incorporation" in d.text
    assert "questionnaire-based⁶⁻⁹ quality of life substudy.¹⁰,¹¹" in d.text
    assert len(re.findall(r"(?m)^Figure \d+\. ", d.text)) == 7
    heads = [h.title for h in d.headings if h.level == 2]
    assert heads[:5] == ["Abstract", "Introduction", "Methods", "Results", "Discussion"]
    assert heads.index("Conflicts of interest") < heads.index("References")


def test_citation_line_under_the_title() -> None:
    from litkg.extractor.ingest.jats import citation_line

    md = {"journal": "Lancet", "year": 2009, "volume": "373", "issue": "9676", "fpage": "1681",
          "lpage": "1692", "doi": "10.1016/s0140-6736(09)60740-6"}  # fmt: skip
    assert (
        citation_line(md) == "Lancet. 2009;373(9676):1681-1692. doi: 10.1016/s0140-6736(09)60740-6"
    )
    assert (
        citation_line({"journal": "BMJ", "year": 2015, "elocation_id": "h2145"})
        == "BMJ. 2015:h2145."
    )
    assert citation_line({}) == ""
