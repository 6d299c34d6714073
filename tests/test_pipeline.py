"""End to end: a document in, a study record out, every fact with provenance.

The Markdown fixture is a made-up trial report written for these tests in a
house style the seed papers do not use; the expected values were read off it
by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from litkg.extractor.ingest import load_document
from litkg.extractor.pipeline import extract_record

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS_TEXT = Path(__file__).resolve().parents[1] / "corpus" / "text"


@pytest.fixture(scope="module")
def md_record():
    doc = load_document(FIXTURES / "markdown_trial.md")
    return doc, extract_record(doc)


def test_study_metadata_from_markdown(md_record) -> None:
    _, rec = md_record
    s = rec.to_record()["study"]
    assert s["title"].startswith("Maintenance lenvatinib versus placebo")
    assert s["doi"] == "10.5555/jho.2023.0417"
    assert s["year"] == 2023
    assert s["registrations"] == ["NCT04455566"]
    assert s["phase"] == "3"
    assert {"randomized", "blinded", "multicenter"} <= set(s["design"])


def test_arms_from_the_adverse_event_table_header(md_record) -> None:
    _, rec = md_record
    # the median follow-up is everyone's, so the whole randomised population is an arm too
    assert {(a.role, a.n) for a in rec.arms} == {
        ("intervention", 160),
        ("control", 158),
        ("overall", 318),
    }


def test_outcomes_with_landmark_ci_and_hr(md_record) -> None:
    _, rec = md_record
    got = {(o.endpoint, o.statistic, o.value, o.timepoint_months, o.arm) for o in rec.outcomes}
    assert ("RFS", "rate", 68.2, 24, "intervention") in got
    assert ("RFS", "rate", 51.3, 24, "control") in got
    assert ("RFS", "hr", 0.58, None, "intervention") in got
    assert ("FOLLOWUP", "median", 30.4, None, "overall") in got  # everyone's follow-up
    assert ("OS", "rate", 81, 36, "intervention") in got
    # the discussion's figure from another trial is not this study's result
    assert not any(o.value == 33 for o in rec.outcomes)


def test_intervention_dose(md_record) -> None:
    _, rec = md_record
    assert ("lenvatinib", 8, "mg/day", "po") in {
        (i.drug, i.dose, i.unit, i.route) for i in rec.interventions
    }


def test_adverse_events_and_negations(md_record) -> None:
    _, rec = md_record
    got = {(e.term, e.grade, e.n) for e in rec.adverse_events}
    assert ("hypertension", ">=3", 18) in got
    assert not any("hepato" in e.term for e in rec.adverse_events)


def test_references(md_record) -> None:
    _, rec = md_record
    assert [(r.index, r.first_author, r.year, r.volume, r.first_page) for r in rec.references] == [
        (1, "Llovet", 2021, "7", "6"),
        (2, "Bruix", 2015, "16", "1344"),
    ]


def test_every_fact_quotes_its_evidence_from_the_document(md_record) -> None:
    doc, rec = md_record
    facts = [*rec.outcomes, *rec.adverse_events, *rec.arms, *rec.interventions]
    assert facts
    for f in facts:
        p = f.provenance
        assert p is not None and p.doc_id == doc.doc_id
        assert doc.text[p.char_start : p.char_end] == p.quote
        assert p.page == 1 and p.rule


@pytest.mark.parametrize("path", sorted(CORPUS_TEXT.glob("*.txt")), ids=lambda p: p.stem)
def test_corpus_evidence_is_verbatim(path: Path) -> None:
    doc = load_document(path)
    rec = extract_record(doc).to_record()
    for item in rec["outcomes"] + rec["adverse_events"]:
        assert item["evidence"] and item["evidence"] in doc.text


def test_subgroup_results_carry_the_subgroup_and_restatements_are_one_outcome() -> None:
    from litkg.extractor.ingest.text import parse_text

    text = (
        "# A cohort study\n\n## Results\n\n"
        "Forty patients were included in the analysis. The 1-year overall survival was 70%.\n\n"
        "Of the 12 patients with FLT3 mutations, 5 relapsed. The 1-year overall survival for these "
        "patients was 50%.\n\n## Discussion\n\nIn our cohort, a 1-year overall survival of 70% is encouraging.\n"
    )
    rec = extract_record(parse_text(text, doc_id="t"))
    got = sorted((o.value, o.arm) for o in rec.outcomes if o.endpoint == "OS")
    assert got == [(50, "FLT3 mutations"), (70, "intervention")]
    assert ("subgroup", 12) in {(a.role, a.n) for a in rec.arms}


def test_each_side_of_a_subgroup_comparison_keeps_its_subgroup() -> None:
    from litkg.extractor.ingest.text import parse_text

    text = (
        "# An editorial\n\n## Discussion\n\nThe authors report two cohorts. Notably, patients with NPM1 mutations had a 3-year "
        "CIR of 12.0% (95% CI 5–20) and NRM of 8.0% compared to a 3-year CIR of 30.5% and NRM 15.2% "
        "in those who did not carry the mutation.\n"
    )
    rec = extract_record(parse_text(text, doc_id="e"))
    got = {(o.endpoint, o.value): o.arm for o in rec.outcomes}
    assert got == {
        ("CIR", 12.0): "with NPM1 mutations",
        ("NRM", 8.0): "with NPM1 mutations",
        ("CIR", 30.5): "who did not carry the mutation",
        ("NRM", 15.2): "who did not carry the mutation",
    }


def test_adverse_events_given_for_two_arms_in_one_sentence() -> None:
    from litkg.extractor.ingest.text import parse_text

    text = (
        "# Trial\n\n## Results\n\nNausea occurred in 12% of patients in the dexamethasone group and 5% in the "
        "placebo group. The most common adverse events were headache (20% vs 15%) and fatigue (18% vs 10%). "
        "Grade 3 or higher neutropenia was reported in 45 (30.0%) and 20 (13.5%) patients in the combination "
        "and control arms, respectively. Grade 3 and 4 adverse events occurred in 20 (31%) and 28 (44%) "
        "patients, respectively.\n"
    )
    got = {
        (e.term, e.grade, e.n, e.percent, e.arm)
        for e in extract_record(parse_text(text, doc_id="x")).adverse_events
    }
    assert got == {
        ("nausea", None, None, 12.0, "intervention"),
        ("nausea", None, None, 5.0, "control"),
        ("headache", None, None, 20.0, "intervention"),
        ("headache", None, None, 15.0, None),
        ("fatigue", None, None, 18.0, "intervention"),
        ("fatigue", None, None, 10.0, None),
        ("neutropenia", ">=3", 45, 30.0, "intervention"),
        ("neutropenia", ">=3", 20, 13.5, "control"),
        ("any adverse event", "3", 20, 31.0, "intervention"),
        ("any adverse event", "4", 28, 44.0, "intervention"),
    }


def test_methods_name_events_without_reporting_them() -> None:
    from litkg.extractor.ingest.text import parse_text

    text = (
        "# Trial\n\n## Methods\n\nErythropoietin was given in cases of grade 3+ anaemia, and "
        "treatment was interrupted in case of grade 3 fatigue.\n\n"
        "## Results\n\nGrade 4 neutropenia occurred in 6 patients (15%). Vomiting of any grade "
        "was frequent.\n"
    )
    got = {
        (e.term, e.grade, e.n, e.percent)
        for e in extract_record(parse_text(text, doc_id="x")).adverse_events
    }
    assert ("neutropenia", "4", 6, 15.0) in got
    assert ("anemia", ">=3", None, None) not in got
    assert ("fatigue", "3", None, None) not in got


def test_two_unnamed_subsets_of_one_arm_keep_distinct_labels() -> None:
    from litkg.extractor.ingest.text import parse_text

    text = (
        "# Nintedanib versus placebo in lung fibrosis: a randomised trial\n\n## Abstract\n\n"
        "Patients were randomly assigned to nintedanib (n = 80) or placebo (n = 78).\n\n"
        "## Results\n\nMedian time to exacerbation was 5.2 months in 24 patients of the nintedanib group.\n\n"
        "Median time to oxygen use was 11.3 months in 19 patients of the nintedanib group.\n"
    )
    rec = extract_record(parse_text(text, doc_id="s"))
    subsets = [(a.label, a.n) for a in rec.arms if a.role == "subgroup"]
    assert sorted(n for _, n in subsets) == [19, 24]
    # one label, one size: the graph makes one arm node per label
    assert len({label for label, _ in subsets}) == len(subsets)


def test_the_progress_line_counts_outcomes_outside_the_key_list(tmp_path) -> None:
    from types import SimpleNamespace

    from litkg.cli import _outcome_line

    paper = tmp_path / "bp_trial.txt"
    paper.write_text(
        "Amlodipine versus placebo for stage 1 hypertension: a randomised trial\n\n"
        "Results\n\n"
        "At 8 weeks, mean systolic blood pressure was 128.4 mmHg (SD 9.1) in the "
        "amlodipine group and 139.7 mmHg (SD 10.3) in the placebo group (P < 0.001).\n"
    )
    doc = load_document(paper)
    rec = extract_record(doc)
    assert not rec.outcomes  # blood pressure is no key of the record
    unkeyed = [o for o in rec.other_outcomes if o.endpoint is None]
    assert len(unkeyed) >= 2  # one value per arm
    line = _outcome_line(SimpleNamespace(path=paper, record=rec))
    assert f"{len(rec.other_outcomes)} outcomes" in line
    assert not line.endswith("(0 outcomes, 0 adverse events)")


def test_fixed_patterns_stay_compiled_past_a_papers_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """Once the pipeline is built, a pattern passed to `re` as a string is not
    compiled again after a few hundred others (a paper's arm names, say)."""
    import re
    import re._compiler as re_compiler  # type: ignore[import-not-found]

    from litkg.extractor.pipeline import build_nlp

    build_nlp()
    compiled: list[str] = []
    real = re_compiler.compile

    def counting(p, flags=0):  # type: ignore[no-untyped-def]
        compiled.append(p if isinstance(p, str) else "")
        return real(p, flags)

    monkeypatch.setattr(re_compiler, "compile", counting)
    fixed = r"\bzebra-crossing test pattern (\d+)\b"
    re.search(fixed, "a zebra-crossing test pattern 4")
    for i in range(900):
        re.search(rf"\bown arm name number {i}\b", "text")
    re.search(fixed, "a zebra-crossing test pattern 5")
    assert compiled.count(fixed) <= 1
