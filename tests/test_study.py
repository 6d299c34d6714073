"""Study-level extraction on small hand-written texts (styles the seeds do not use)."""

from __future__ import annotations

import pytest

from litkg.extractor.components.study import (
    extract_study,
    find_registrations,
    normalise_phase,
)
from litkg.extractor.components.textutil import references_start, sentence_context, split_sentences
from litkg.extractor.document import Document


def make(text: str, **metadata: object) -> Document:
    return Document(
        doc_id="t",
        source="t.txt",
        source_format="jats" if metadata else "text",
        text=text,
        metadata=metadata,
    )


TRIAL = """ORIGINAL ARTICLE

Drug Y versus placebo for refractory disease Z: a randomised, double-blind, placebo-controlled, phase 3 trial

Anna Smith, MD,¹ Bo Jones, PhD,² and Carl Lee, MD³

Lancet Haematol 2021; 8: e100-10

Published Online February 3, 2021 https://doi.org/10.1016/S2352-3026(20)30400-1

Summary
Background Drug Y showed activity in a phase 2 study.[4]
Methods In this randomised, double-blind, placebo-controlled, phase 3 trial done at 41 centres in 12 countries, adults with refractory disease Z were randomly assigned (2:1) to drug Y or placebo. This trial is registered with ClinicalTrials.gov, NCT number: NCT01234567, and EudraCT, 2015-001234-56.
Findings Between 2016 and 2019, 300 patients were enrolled.

Introduction
The earlier X-1 trial (NCT09999999) showed no benefit of drug W.[5]

References
1. Smith A, Jones B. A prior study. Blood 2019;133:1-10. doi:10.1182/blood-2018-01-000001
"""


def test_trial_fields() -> None:
    s = extract_study(make(TRIAL))
    assert s.title.startswith("Drug Y versus placebo")  # the banner is skipped
    assert s.doi == "10.1016/s2352-3026(20)30400-1"
    assert s.journal == "Lancet Haematol"
    assert s.year == 2021
    assert s.phase == "3"
    assert s.registrations == ("NCT01234567", "2015-001234-56")
    assert set(s.design) == {"randomized", "blinded", "controlled", "multicenter", "prospective"}
    assert s.article_type == "trial-report"
    rules = {p.rule.split(".")[0] for p in s.provenance}
    assert {"title", "doi", "journal", "year", "phase", "registration", "design"} <= rules
    for p in s.provenance:
        if p.char_end > p.char_start:
            assert TRIAL[p.char_start : p.char_end] == p.quote


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The study was registered at ClinicalTrials.gov (identifier 01234567).", ["NCT01234567"]),
        ("ClinicalTrials.gov identifier: 01234567", ["NCT01234567"]),
        ("Trial registration: ISRCTN12345678.", ["ISRCTN12345678"]),
        (
            "This trial is registered with the EudraCT number 2015-001234-56.",
            ["2015-001234-56"],
        ),
        (
            "Registered in the Chinese Clinical Trial Registry (ChiCTR2000012345).",
            ["ChiCTR2000012345"],
        ),
        ("Registration: UMIN000012345; jRCTs031190001.", ["UMIN000012345", "jRCTs031190001"]),
    ],
)
def test_registration_styles(text: str, expected: list[str]) -> None:
    regs = find_registrations(make(text))
    assert [f.value for f in regs] == expected


def test_registration_of_other_trial_is_left_out() -> None:
    text = (
        "Title of a trial about drug Q in patients\n\n"
        + "Filler sentence about the disease burden. " * 120
        + "\nIn the phase 3 ECHO trial (NCT07654321), drug Q showed a benefit (Smith et al.).\n"
        + "Our study was registered at ClinicalTrials.gov as NCT01234567.\n"
    )
    assert [f.value for f in find_registrations(make(text))] == ["NCT01234567"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a phase Ib/II study", "1/2"),
        ("a phase 1b trial", "1"),
        ("Phase IIa", "2"),
        ("phase III", "3"),
        ("phase I-II", "1/2"),
        ("phase 2/3", "2/3"),
        ("no phase here", None),
        # spans no trial phase names: no phase rather than a concept that does not exist
        ("a phase III-IV surveillance study", None),
        ("phase 2 to 4 registries", None),
    ],
)
def test_normalise_phase(text: str, expected: str | None) -> None:
    assert normalise_phase(text) == expected


def test_phase_of_other_study_is_ignored_and_results_of_phase_wins() -> None:
    text = (
        "Drug R after transplant: results of the phase I part of a phase I/II trial\n\n"
        "Drug R was effective in the phase 3 ALPHA trial.[12] We conducted a phase I/II trial."
    )
    assert extract_study(make(text)).phase == "1"
    text2 = (
        "Drug R after transplant in adults\n\nDrug R was effective in the phase 3 ALPHA trial.[12]"
    )
    assert extract_study(make(text2)).phase is None


def test_retrospective_multicenter_cohort() -> None:
    text = (
        "Outcomes of drug S maintenance in myeloma: a real-world analysis\n\n"
        "We performed a retrospective, multi-institutional cohort study of 120 patients treated "
        "between 2015 and 2020 at 9 centers. Informed consent was waived. Prospective randomized "
        "trials are needed to confirm these findings."
    )
    s = extract_study(make(text))
    assert s.article_type == "cohort-study"
    assert set(s.design) == {"retrospective", "multicenter"}
    assert s.phase is None


def test_editorial_and_journal_from_in_this_issue() -> None:
    text = (
        "Better outcomes with drug T\n\nJane Doe\n\nEarly view: March 3, 2023.\n\n"
        "In this issue of *Blood Advances*, Roe and colleagues report a randomized trial of drug T. "
        "They found a benefit."
    )
    s = extract_study(make(text))
    assert s.article_type == "editorial"
    assert s.journal == "Blood Advances"
    assert s.year == 2023
    assert s.design == () and s.registrations == ()


def test_year_is_earliest_publication_not_received() -> None:
    text = (
        "A trial of drug U in children with leukemia\n\nReceived: 3 May 2023\nAccepted: 1 Dec 2023\n"
        "Published online: 9 January 2024\n"
    )
    assert extract_study(make(text)).year == 2024


def test_journal_is_never_inferred_from_doi() -> None:
    text = "A trial of drug V in adults with lymphoma\n\nhttps://doi.org/10.3324/haematol.2024.000001\n"
    s = extract_study(make(text))
    assert s.doi == "10.3324/haematol.2024.000001"
    assert s.journal is None


def test_jats_metadata_wins() -> None:
    text = "Some printed heading line of the article\n\nBlood 2020;1:1. doi: 10.1/printed\n"
    doc = make(
        text,
        title="Marked-up title of the trial",
        journal="Marked Journal",
        doi="https://doi.org/10.5555/ABC.1",
        year="2019",
        article_type="editorial",
        registrations=["NCT00000001"],
    )
    s = extract_study(doc)
    assert s.title == "Marked-up title of the trial"
    assert s.journal == "Marked Journal"
    assert s.doi == "10.5555/abc.1"
    assert s.year == 2019
    assert s.article_type == "editorial"


def test_follow_up_and_matched_controls() -> None:
    text = (
        "Long-term follow-up of a phase 2 trial of drug W after transplantation\n\n"
        "We compared the 40 treated patients with 80 propensity-matched controls. "
        "This single-institution phase 2 trial was registered at ClinicalTrials.gov (NCT01111111)."
    )
    s = extract_study(make(text))
    assert {
        "follow-up-report",
        "matched-control",
        "single-center",
        "prospective",
        "single-arm",
    } <= set(s.design)
    assert s.phase == "2"


def test_sentence_context() -> None:
    assert sentence_context("We conducted a multicenter trial.") == "own"
    assert sentence_context("Smith et al. conducted a single-center study.") == "other"
    assert sentence_context("Prior trials showed benefit.¹²") == "other"
    assert sentence_context("The dose was 5 µg/m²/day.") == "neutral"
    assert sentence_context("Further randomized studies are needed.") == "other"


def test_split_sentences_and_references_start() -> None:
    text = (
        "First sentence here. Second one, et al. continues. Third.¹² Fourth\n\nReferences\n1. A B."
    )
    sents = split_sentences(text)
    assert [s for s, _ in sents][:3] == [
        "First sentence here.",
        "Second one, et al. continues.",
        "Third.¹²",
    ]
    for s, b in sents:
        assert text[b : b + len(s)] == s
    assert text[references_start(text) :].startswith("References")


def test_journal_banner_line_is_not_the_title() -> None:
    text = (
        "Journal of Clinical Haematology\n\n"
        "Drug Z consolidation in older adults with acute myeloid leukemia\n\n"
        "Ann Lee, Bob Park, Cy Young\n\n"
        "Journal of Clinical Haematology 2022; 14: 201-9\n"
    )
    s = extract_study(make(text))
    assert s.journal == "Journal of Clinical Haematology"
    assert s.title == "Drug Z consolidation in older adults with acute myeloid leukemia"
    assert s.year == 2022
