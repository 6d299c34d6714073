"""Labelled front matter of plain-text papers (export-tool labels and MEDLINE tags)."""

from __future__ import annotations

from litkg.extractor.components.study import extract_study
from litkg.extractor.ingest.front_matter import parse_citation, read_front_matter
from litkg.extractor.ingest.text import parse_text

EXPORT = """TITLE: Tislelizumab with or without chemotherapy in untreated gastric cancer: a phase 3 trial
JOURNAL: Journal of Clinical Oncology 2021;39(15):4012-4020
DOI: https://doi.org/10.1200/JCO.21.00001
AUTHORS: Mei-Ling Chan, Pieter van der Berg, Jorge Ruiz

# Abstract
Patients were randomly assigned to two groups.
"""

MEDLINE = """PMID- 31234567
TI  - Adjuvant gefitinib versus observation in resected lung cancer: results of
      a multicentre randomised phase II study.
DP  - 2019 Nov 12
AB  - Background: we report the trial.
FAU - Okafor, Chidi A
AU  - Okafor CA
FAU - Lindqvist, Sara
AU  - Lindqvist S
JT  - European journal of cancer (Oxford, England : 1990)
TA  - Eur J Cancer
VI  - 121
IP  - 4
PG  - 88-97
LID - 10.1016/j.ejca.2019.08.011 [doi]
SO  - Eur J Cancer. 2019 Nov 12;121(4):88-97. doi: 10.1016/j.ejca.2019.08.011.

Results
The hazard ratio was 0.71.
"""


def test_citation_line_split_into_parts() -> None:
    assert parse_citation("Annals of Surgery 2020;271(2):e15") == {
        "journal": "Annals of Surgery",
        "year": 2020,
        "volume": "271",
        "issue": "2",
        "pages": "e15",
    }
    assert parse_citation("Radiother Oncol. 2016 Aug;120(2):230-5") == {
        "journal": "Radiother Oncol",
        "year": 2016,
        "volume": "120",
        "issue": "2",
        "pages": "230-5",
    }
    assert parse_citation("Leukemia (2022) 36:1017") == {
        "journal": "Leukemia",
        "year": 2022,
        "volume": "36",
        "pages": "1017",
    }
    assert parse_citation("Gut, 68(3), 400-411, 2019") == {
        "journal": "Gut",
        "year": 2019,
        "volume": "68",
        "issue": "3",
        "pages": "400-411",
    }
    # a volume without pages, and a bare journal name
    assert parse_citation("Frontiers in Oncology 2023;13:") == {
        "journal": "Frontiers in Oncology",
        "year": 2023,
        "volume": "13",
    }
    assert parse_citation("The Oncologist") == {"journal": "The Oncologist"}


def test_export_labels_read_like_jats() -> None:
    md = read_front_matter(EXPORT)
    assert md["title"].startswith("Tislelizumab with or without")
    assert md["journal"] == "Journal of Clinical Oncology"
    assert md["year"] == 2021
    assert (md["volume"], md["issue"], md["fpage"], md["lpage"]) == ("39", "15", "4012", "4020")
    assert md["doi"] == "10.1200/jco.21.00001"
    assert md["authors"][0] == {"surname": "Chan", "given": "Mei-Ling"}
    assert md["authors"][1] == {"surname": "van der Berg", "given": "Pieter"}


def test_medline_record_read() -> None:
    md = read_front_matter(MEDLINE)
    assert md["title"] == (
        "Adjuvant gefitinib versus observation in resected lung cancer: results of "
        "a multicentre randomised phase II study."
    )
    assert md["journal"] == "European journal of cancer (Oxford, England : 1990)"
    assert md["journal_abbrev"] == "Eur J Cancer"
    assert md["year"] == 2019
    assert (md["volume"], md["issue"], md["fpage"], md["lpage"]) == ("121", "4", "88", "97")
    assert md["doi"] == "10.1016/j.ejca.2019.08.011"
    assert md["pmid"] == "31234567"
    assert [a["surname"] for a in md["authors"]] == ["Okafor", "Lindqvist"]


def test_no_front_matter_no_metadata() -> None:
    # a body that opens with a capitalised "Background:" is not front matter
    assert read_front_matter("Background: lymphoma is common.\nMethods: we treated 20.\n") == {}
    assert read_front_matter("\n\nA plain title\n\nText.") == {}


def test_study_fields_from_text_front_matter() -> None:
    doc = parse_text(EXPORT, doc_id="export")
    study = extract_study(doc)
    assert study.journal == "Journal of Clinical Oncology"
    assert study.year == 2021
    assert study.doi == "10.1200/jco.21.00001"
    assert study.title.startswith("Tislelizumab")
