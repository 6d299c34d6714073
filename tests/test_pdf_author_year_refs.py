"""Unnumbered author-year reference lists in PDFs: entries found by their indents, parsed.

Unit tests typeset a short list written here (hanging indents, two columns,
a page break inside the list); the bench's generator also typesets real
lists from ../shared/pmc-rct (skipped when absent) and must get >= 0.95 of
the entries right on every field.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from litkg.extractor.components.citation_parse import parse_reference
from litkg.extractor.components.references import extract_references
from litkg.extractor.ingest.pdf import read_pdf

REPO = Path(__file__).resolve().parents[1]
PMC = REPO.parent / "shared" / "pmc-rct" / "labelled"


def _bench():
    sys.path.insert(0, str(REPO / "bench"))
    spec = importlib.util.spec_from_file_location(
        "author_year_refs", REPO / "bench" / "author_year_refs.py"
    )
    assert spec and spec.loader
    module = sys.modules.get("author_year_refs")
    if module is None:
        module = importlib.util.module_from_spec(spec)
        sys.modules["author_year_refs"] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
    return module


def _entries(bench) -> list:
    E = bench.Entry  # noqa: N806
    base = [
        E([("Abara", "K"), ("Oyelaran", "TB")], "2011", "Night sweats after malaria treatment in adolescents who were followed up for a long time", "Trop Med Int Health", "16", "4", "410", "418", None),  # noqa: E501
        E([("Baptiste", "M")], "2009", "A ward-based audit of oral rehydration", "Paediatr Nurs", "21", None, "33", "37", None),  # noqa: E501
        E([("Chowdhury", "R"), ("Lin", "Y"), ("Marsh", "PQ"), ("Ndlovu", "S")], "2015", "Community health workers and the uptake of bed nets in three rural districts: a cluster randomised comparison", "Malar J", "14", None, "102", None, None),  # noqa: E501
        E([("Diallo", "A")], "2018", "Seasonal chemoprevention", "Lancet Glob Health", "6", "2", "e190", "e198", None),  # noqa: E501
    ]  # fmt: skip
    # 48 distinct entries in alphabetical order (repeated lines would be running headers)
    out = []
    for k in range(12):
        for e in base:
            first = (e.authors[0][0] + "abcdefghijkl"[k], e.authors[0][1])
            out.append(
                E(
                    [first, *e.authors[1:]],
                    str(int(e.year) - k),
                    f"Study {k + 1} of {e.title.lower()}",
                    e.source,
                    str(int(e.volume) + k),
                    e.issue,
                    e.fpage,
                    e.lpage,
                    None,
                )
            )  # noqa: E501
    return sorted(out, key=lambda e: e.authors[0][0])


@pytest.mark.parametrize("style", ["springer", "apa", "elsevier"])
def test_typeset_list_split_by_hanging_indents(tmp_path: Path, style: str) -> None:
    bench = _bench()
    entries = _entries(bench)
    pdf = tmp_path / "list.pdf"
    bench.typeset(entries, style, pdf, "Journal of Invented Studies")
    doc = read_pdf(pdf)
    assert doc.n_pages >= 2  # the list breaks across columns and a page
    refs = extract_references(doc)
    assert [r.index for r in refs] == list(range(1, len(entries) + 1))  # index = position
    for r, e in zip(refs, entries, strict=True):
        got = {f: getattr(r, f) for f in e.expected()}
        assert got == e.expected(), (style, r.provenance.quote)


@pytest.mark.parametrize(
    "text, journal, year",
    [
        (
            "Okafor, C.N., Ibe, A., 2013. Sleep in shift nurses. Occup. Environ. Med. 70(3), 210-215.",
            "Occup. Environ. Med",
            2013,
        ),  # noqa: E501
        (
            "Lund, P., et al., 2020. Tele-follow-up of colitis. Inflamm. Bowel Dis. 26, 88-95.",
            "Inflamm. Bowel Dis",
            2020,
        ),  # noqa: E501
    ],
)
def test_harvard_year_after_authors_and_dotted_journal(text: str, journal: str, year: int) -> None:
    f = parse_reference(text)
    assert (f["journal"], f["year"]) == (journal, year)


def test_a_year_inside_a_title_is_not_the_author_year() -> None:
    f = parse_reference(
        "Health Board: Risk Factors, 2001. In Risk Factors, 2001. Canberra: HB; 2002."
    )
    assert f["year"] == 2002


def test_real_author_year_lists(tmp_path: Path) -> None:
    if not PMC.is_dir():
        pytest.skip(f"{PMC} is absent")
    bench = _bench()
    right, total, extra = bench.score(PMC, 4)
    assert total >= 80 and extra == 0
    assert right / total >= 0.95
