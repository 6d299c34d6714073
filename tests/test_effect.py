"""litkg effect: cue reading, retrieval, answers and the batch CLI, on
sentences and a JATS paper written for these tests."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from litkg.cli import cli
from litkg.extractor.effect.answer import Paper, answer
from litkg.extractor.effect.cues import arm_stems, read
from litkg.extractor.effect.terms import abbreviations, expand, stem
from litkg.extractor.ingest import load_document

FIXTURE = Path(__file__).parent / "fixtures" / "effect" / "PMC1000001.nxml"


@pytest.fixture(scope="module")
def paper() -> Paper:
    return Paper.of(load_document(FIXTURE))


def _read(text: str, i: str = "zinc", c: str = "placebo", o: str = "diarrhoea"):
    i_s, c_s = arm_stems(i, c, {})
    return read(text, i_s, c_s, {stem(w) for w in o.split()})


def test_abbreviation_defined_in_text_expands_both_ways():
    abbrs = abbreviations("Adults had their forced expiratory volume (FEV) measured.")
    assert abbrs["fev"] == [stem("forced"), stem("expiratory"), stem("volume")]
    assert "fev" in expand([stem("forced"), stem("expiratory"), stem("volume")], abbrs)
    assert stem("expiratory") in expand(["fev"], abbrs)


def test_p_values_read_with_their_operator():
    r = _read("Stool frequency fell (p<.001) but not duration (P-value = 0.31).")
    assert ("<", 0.001) in r.p_values and ("=", 0.31) in r.p_values
    assert r.cues["p_sig"] == 1.0 and r.cues["p_ns"] == 1.0


def test_ratio_ci_excluding_one_is_read_as_significant_and_below_one():
    r = _read("Diarrhoea odds ratio 0.62 (95% CI 0.45-0.88) with zinc.")
    assert r.cues["ci_excl_1"] == 1.0 and r.cues["ci_ratio_dir"] == -1.0


def test_no_difference_phrases():
    for s in (
        "Diarrhoea rates were similar with zinc and placebo.",
        "Zinc did not significantly change the duration of diarrhoea.",
        "There was no statistically significant difference between arms.",
    ):
        assert _read(s).nsd, s


def test_direction_word_read_against_the_arm_named_first():
    first_i = _read("Diarrhoea was less frequent with zinc than with placebo.")
    first_c = _read("Diarrhoea was less frequent with placebo than with zinc.")
    assert first_i.cues["dir_x_order"] == -1.0
    assert first_c.cues["dir_x_order"] == 1.0


def test_arm_values_in_either_order_and_respectively():
    a = _read("Episodes: zinc 3.1 versus placebo 4.6 per child.")
    b = _read("Episodes were 3.1 with zinc and 4.6 with placebo.")
    c = _read("Placebo and zinc groups had 4.6 and 3.1 episodes, respectively.")
    for r in (a, b, c):
        assert r.values == {"I": 3.1, "C": 4.6}
        assert r.cues["values_dir"] == -1.0


@pytest.mark.parametrize(
    "outcome,label,part",
    [
        ("systolic blood pressure", "significantly decreased", "abstract"),
        ("SBP", "significantly decreased", "abstract"),
        ("body weight", "no significant difference", "abstract"),
        ("falls", "no significant difference", "results"),
    ],
)
def test_answers_on_a_paper(paper, outcome, label, part):
    a = answer(paper, "walking groups", "information leaflet", outcome)
    assert a.label == label
    assert a.part == part
    assert a.evidence in paper.document.text
    assert a.reasons


def test_no_answer_when_the_paper_does_not_name_the_outcome(paper):
    a = answer(paper, "walking groups", "leaflet", "serum ferritin")
    assert a.label is None and a.why_none


def test_cli_single_form_prints_the_evidence():
    r = CliRunner().invoke(
        cli,
        ["effect", str(FIXTURE), "--intervention", "WG", "--comparator", "leaflet",
         "--outcome", "body weight"],
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    assert "no significant difference" in r.output
    assert "Body weight did not differ between the two arms (P = 0.41)." in r.output


def test_cli_batch_writes_predictions_and_names_missing_papers(tmp_path):
    prompts = tmp_path / "prompts.csv"
    prompts.write_text(
        "PromptID,PMCID,Outcome,Intervention,Comparator\n"
        "1,1000001,Systolic blood pressure,Walking groups,Leaflet\n"
        "2,1000001,Serum ferritin,Walking groups,Leaflet\n"
        "3,4242,Mortality,Drug,Placebo\n",
        encoding="utf-8",
    )
    out = tmp_path / "pred.csv"
    r = CliRunner().invoke(
        cli, ["effect", str(prompts), "--papers", str(FIXTURE.parent), "-o", str(out)]
    )
    assert r.exit_code == 0, r.output
    assert "PMC4242" in r.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [x["PromptID"] for x in rows] == ["1", "2", "3"]
    assert rows[0]["Label"] == "significantly decreased"
    assert rows[0]["Evidence"] in load_document(FIXTURE).text
    assert rows[1]["Label"] == "" and rows[2]["Label"] == ""


def test_cli_batch_rejects_a_prompts_file_without_the_columns(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    r = CliRunner().invoke(
        cli, ["effect", str(bad), "--papers", str(tmp_path), "-o", str(tmp_path / "o.csv")]
    )
    assert r.exit_code != 0
    assert "bad.csv" in r.output and "PromptID" in r.output
    assert "Traceback" not in r.output


def test_a_table_row_is_read_by_its_columns():
    from litkg.extractor.effect.cues import read_table_row

    i_s, c_s = arm_stems("zinc syrup", "placebo", {})
    header = ("Outcome", "Placebo (n=80)", "Zinc (n=79)", "P value")
    cells = ("Stool output, g/kg", "240", "180", "<0.01")
    r = read_table_row(read("\t".join(cells), i_s, c_s, set()), header, cells, i_s, c_s)
    assert r.values == {"I": 180.0, "C": 240.0}
    assert ("<", 0.01) in r.p_values
    assert r.cues["values_dir"] == -1.0 and r.cues["p_sig"] == 1.0


def test_direction_word_inside_the_outcome_name_is_not_the_direction():
    r = _read(
        "The weight increase was smaller with zinc than with placebo (p = 0.01).",
        o="weight increase",
    )
    assert r.near_direction == -1.0 and r.near_word == "smaller"


def test_good_news_words_do_not_set_the_direction():
    r = _read("Zinc was superior to placebo for diarrhoea (p = 0.02).")
    assert r.near_direction == 0.0


def test_arms_named_by_their_role():
    r = _read("Diarrhoea was shorter in the intervention group than in controls.")
    assert r.tags.count("INTV") == 1 and r.tags.count("COMP") == 1
    assert r.subject_arm == "I"
