"""Design, phase and registration rules on hand-written papers in other house styles."""

from __future__ import annotations

from litkg.extractor.components.study import extract_study
from litkg.extractor.components.textutil import sentence_context
from litkg.extractor.document import Document, Heading
from litkg.extractor.sentences import split_sentences


def paper(sections: list[tuple[str, str]], title: str) -> Document:
    """A Markdown-style paper: a title line then `## Heading` sections."""
    text = f"# {title}\n\n"
    headings = [Heading(title=title, level=1, char_start=2)]
    for head, body in sections:
        headings.append(Heading(title=head, level=2, char_start=len(text) + 3))
        text += f"## {head}\n\n{body}\n\n"
    return Document(doc_id="p", source="p.txt", source_format="text", text=text, headings=headings)


RCT = paper(
    [
        (
            "Abstract",
            "Background: Agent Q is active in sarcoma. Methods: Adults were randomly assigned "
            "to agent Q or doxorubicin. Conclusions: Agent Q was not superior.",
        ),
        (
            "Introduction",
            "A recent single-arm trial of agent Q reported a response rate of 30%. "
            "A retrospective series from Lyon suggested activity in liposarcoma. "
            "Investigators in a phase Ib study (ClinicalTrials.gov identifier: NCT05550001) "
            "are now combining agent Q with radiotherapy.",
        ),
        (
            "Methods",
            "The trial was conducted at the Royal Marsden Hospital, London. "
            "It was approved by the institutional review board and registered with "
            "ClinicalTrials.gov (NCT05550002). Patients with more than 3 metastatic sites "
            "were eligible. In an exploratory analysis, we related response to grade. "
            "At the time of the final analysis (June 2022), 40 patients had died.",
        ),
        (
            "Discussion",
            "In a phase III study by our group [12], agent R improved survival. "
            "This randomised phase 2 trial is the first to test agent Q against doxorubicin.",
        ),
    ],
    title="Agent Q versus doxorubicin in advanced soft-tissue sarcoma",
)


def test_randomised_trial_design_terms() -> None:
    s = extract_study(RCT)
    # controlled is implied by randomisation; single-center from "conducted at the X Hospital";
    # the introduction's single-arm and retrospective studies are others'; metastatic sites are
    # not centres; an exploratory analysis inside a trial and "the time of the final analysis"
    # do not make the paper an exploratory analysis or a follow-up report
    assert set(s.design) == {"randomized", "controlled", "single-center", "prospective"}


def test_phase_and_registration_of_cited_or_described_trials_left_out() -> None:
    s = extract_study(RCT)
    assert s.phase == "2"  # not the cited phase III study of "our group [12]"
    assert s.registrations == ("NCT05550002",)


def test_paper_that_is_a_post_hoc_analysis_or_final_report() -> None:
    post_hoc = paper(
        [("Methods", "We performed a post hoc analysis of the ALPHA-2 randomised trial.")],
        title="Tumour grade and benefit from agent Q",
    )
    assert "exploratory-analysis" in extract_study(post_hoc).design
    final = paper(
        [("Results", "Here we present the final results of the multicentre BETA trial.")],
        title="Agent R in myeloma",
    )
    assert {"follow-up-report", "multicenter"} <= set(extract_study(final).design)


def test_sites_count_as_centres_only_as_trial_sites() -> None:
    s = extract_study(
        paper(
            [("Methods", "Patients were enrolled at 24 sites in France and randomly assigned.")],
            title="Agent S in gastric cancer",
        )
    )
    assert "multicenter" in s.design
    assert "single-center" not in s.design


def test_single_arm_trial_is_not_controlled() -> None:
    s = extract_study(
        paper(
            [("Methods", "In this non-randomized, single-arm study, all patients received S.")],
            title="Agent S in gastric cancer",
        )
    )
    assert "controlled" not in s.design
    assert {"non-randomized", "single-arm"} <= set(s.design)


def test_ethics_approval_is_not_a_sentence_about_another_study() -> None:
    assert sentence_context("The trial was approved by the local ethics committee.") != "other"
    assert sentence_context("Drug X was approved by the FDA in 2017.") == "other"


def test_sentence_ends_before_a_bracketed_citation_number() -> None:
    text = "Survival improved (HR 0.7).(15) In our cohort it did not. Rates fell.[3,4] We saw."
    got = [text[a:b] for a, b in split_sentences(text)]
    assert got == [
        "Survival improved (HR 0.7).(15)",
        "In our cohort it did not.",
        "Rates fell.[3,4]",
        "We saw.",
    ]


def test_limitations_state_this_studys_design() -> None:
    s = extract_study(
        paper(
            [
                (
                    "Methods",
                    "Thirty adults joined this pilot of a walking programme. "
                    "Patients were not masked to treatment allocation.",
                ),
                (
                    "Discussion",
                    "Its small size and the lack of a control group are limitations.",
                ),
            ],
            title="A walking programme after bowel cancer surgery",
        )
    )
    assert {"uncontrolled", "single-arm", "open-label"} <= set(s.design)
