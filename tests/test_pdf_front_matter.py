"""Front matter and reading order of a journal layout with a margin column and a side box.

The two-page PDF is typeset here (reportlab) in the manner of weekly medical
journals: a letter-spaced banner above the title, a body column with a
narrower margin column in a smaller font beside it on the same baselines
(affiliations, "Published Online" date and a DOI broken after its prefix),
the journal citation only in the running header, the DOI in the running
footer, a shaded two-column box at the top of page 2, and a body sentence
running over the page break under that box.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from litkg.extractor.ingest.pdf import read_pdf

W, H = A4
TITLE = ["Nightly valerian drops against placebo for", "shift workers' insomnia: a pilot trial"]
HEADER = "Journal of Invented Medicine 2023; 12: 345-52"
FOOTER = "www.inventedmedicine.example Vol 12 doi:10.5555/jim.2023.0042"
BODY_1 = [
    "Shift workers often sleep badly, and the remedies on offer",
    "are few. We randomly assigned 120 night-shift nurses to",
    "valerian drops or to placebo drops taken at bedtime for",
    "eight weeks and measured their sleep with diaries and",
    "wrist monitors. Adherence was high in both groups, and",
    "the sleep diaries were returned by nearly every nurse",
    "who began the trial, which let us compare the groups over",
]
BODY_2 = [
    "the whole period of treatment without imputation.",
    "Sleep latency fell more with valerian than with placebo.",
    "No serious harms were seen in either group of nurses.",
]
BODY_2_RIGHT = [
    "Larger trials with longer follow-up are now justified,",
    "and should include workers on rotating shifts.",
]
MARGIN = [
    "Published Online",
    "March 3, 2023",
    "https://doi.org/10.5555/",
    "jim.2023.0042",
    "Department of Sleep",
    "Studies, Northtown",
    "University, Northtown",
]
BOX_LEFT = ["Research in context", "Evidence before this study", "Two small trials had tested"]
BOX_RIGHT = ["Added value of this study", "This trial is the first in", "nurses on night shifts."]


def _running(c: canvas.Canvas) -> None:
    c.setFont("Helvetica", 7)
    c.drawString(40, H - 30, HEADER)
    c.drawString(40, 30, FOOTER)


def make_pdf(path: Path) -> None:
    c = canvas.Canvas(str(path), pagesize=A4)
    _running(c)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(40, H - 70, " ".join("RESEARCH ARTICLE"))  # letter-spaced banner
    c.setFont("Helvetica-Bold", 20)
    for i, line in enumerate(TITLE):
        c.drawString(40, H - 110 - 24 * i, line)
    c.setFont("Times-Roman", 11)
    c.drawString(40, H - 175, "Ann Sleeper, Ben Dreamer, Cy Napper")
    y = H - 220
    for i, line in enumerate(BODY_1):
        c.setFont("Times-Roman", 9)
        c.drawString(40, y - 11 * i, line)
        if i < len(MARGIN):
            c.setFont("Times-Roman", 6.5)
            c.drawString(300, y - 11 * i, MARGIN[i])  # same baseline, 20 pt beside the body
    c.showPage()
    _running(c)
    c.setFillColorRGB(0.96, 0.88, 0.86)
    c.rect(36, H - 160, 480, 100, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    c.setFont("Times-Roman", 9)
    for i, (left, right) in enumerate(zip(BOX_LEFT, BOX_RIGHT, strict=True)):
        c.drawString(40, H - 80 - 11 * i, left)
        c.drawString(290, H - 80 - 11 * i, right)
    for i, line in enumerate(BODY_2):
        c.drawString(40, H - 190 - 11 * i, line)
    for i, line in enumerate(BODY_2_RIGHT):
        c.drawString(290, H - 190 - 11 * i, line)
    c.showPage()
    c.save()


@pytest.fixture(scope="module")
def doc(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("front") / "invented.pdf"
    make_pdf(path)
    return read_pdf(path)


def test_title_is_the_largest_type_not_the_banner(doc) -> None:
    assert doc.metadata["title"] == " ".join(TITLE)


def test_citation_from_running_header_doi_from_footer(doc) -> None:
    md = doc.metadata
    assert md["doi"] == "10.5555/jim.2023.0042"
    assert (md["journal"], md["year"], md["volume"]) == ("Journal of Invented Medicine", 2023, "12")
    assert (md["fpage"], md["lpage"]) == ("345", "52")
    assert "Journal of Invented Medicine" not in doc.text  # running lines stay out of the body


def test_margin_column_is_its_own_block(doc) -> None:
    text = doc.text
    assert " ".join(BODY_1[:4]) in text  # body sentences not spliced with margin lines
    assert "Published Online March 3, 2023 https://doi.org/10.5555/jim.2023.0042" in text
    assert "Department of Sleep Studies, Northtown University, Northtown" in text


def test_side_box_read_whole_and_not_inside_a_sentence(doc) -> None:
    text = doc.text
    # the body sentence runs from page 1 over the page break, under the box
    assert "compare the groups over the whole period of treatment without imputation." in text
    box = text.index("Research in context")
    assert text.index("Two small trials had tested") < text.index("Added value of this study")
    assert box > text.index("without imputation.")
    assert "Sleep latency fell" not in text[box : text.index("nurses on night shifts.")]


@pytest.mark.parametrize(
    "banner",
    [
        "The Northern Journal of Medicine",
        "This provisional PDF corresponds to the accepted article",
    ],
)
def test_masthead_or_notice_in_large_type_is_not_the_title(tmp_path: Path, banner: str) -> None:
    path = tmp_path / "masthead.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Times-Bold", 26)
    c.drawString(40, H - 60, banner)
    c.setFont("Helvetica-Bold", 18)
    c.drawString(40, H - 110, "Valerian drops for insomnia in night-shift nurses")
    c.setFont("Times-Roman", 9)
    for i in range(12):
        c.drawString(40, H - 160 - 11 * i, "Shift workers often sleep badly, and remedies are few.")
    c.showPage()
    c.save()
    doc = read_pdf(path)
    assert doc.metadata["title"] == "Valerian drops for insomnia in night-shift nurses"
