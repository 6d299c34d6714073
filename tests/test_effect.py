"""litkg effect: cue reading, retrieval, answers and the batch CLI, on
sentences and a JATS paper written for these tests."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
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


def _codes_read(text: str, i: str, c: str, o: str, paper_text: str):
    from litkg.extractor.effect.aliases import arm_codes, code_contexts, grouped_codes

    i_s, c_s = arm_stems(i, c, {})
    codes = arm_codes(i, c, i_s, c_s, code_contexts(paper_text), grouped_codes(paper_text))
    return codes, read(text, i_s, c_s, {stem(w) for w in o.split()}, codes)


def test_arm_codes_from_the_papers_definitions_and_by_elimination():
    methods = (
        "Ninety children were allocated to group K, who were given ketamine 1 mg/kg before "
        "incision, or to group N, who were given the same volume of saline."
    )
    codes, r = _codes_read(
        "Emergence agitation was rarer in group K than in group N (4 vs 17 children; P = 0.002).",
        "ketamine 1 mg/kg",
        "saline",
        "emergence agitation",
        methods,
    )
    assert codes == {"K": "I", "N": "C"}
    assert r.tags.count("INTV") == 1 and r.tags.count("COMP") == 1
    assert r.subject_arm == "I"


def test_arm_codes_named_in_the_prompt_and_numbered_groups():
    methods = "Group 1 had warmed fluids; group 2 had fluids at room temperature."
    codes, r = _codes_read(
        "Shivering: 3 of 25 in Group 1 and 11 of 25 in Group 2 (p = 0.01).",
        "warmed intravenous fluids (group 1)",
        "fluids at room temperature",
        "shivering",
        methods,
    )
    assert codes == {"1": "I", "2": "C"}
    assert r.tags.count("INTV") == 1 and r.tags.count("COMP") == 1


def test_a_letter_that_is_a_word_is_an_arm_only_beside_group():
    methods = "Arm A received the drug and arm B received a dummy tablet."
    codes, r = _codes_read(
        "A fall in pain scores was larger in arm A than in arm B (P < 0.05).",
        "the drug",
        "dummy tablet",
        "pain scores",
        methods,
    )
    assert codes == {"A": "I", "B": "C"}
    assert r.tags[:1] != ["INTV"]  # the sentence's first word "A" is an article
    assert r.tags.count("INTV") == 1


def test_the_clause_naming_the_outcome_is_read_alone():
    r = _read(
        "Nausea did not differ between arms, but diarrhoea was significantly less frequent "
        "with zinc (P = 0.01).",
    )
    assert r.local is not None
    assert r.local.cues.get("p_sig") == 1.0 and not r.local.nsd
    assert r.nsd  # the whole sentence still holds the no-difference phrase


def test_clauses_are_not_cut_inside_parentheses():
    from litkg.extractor.effect.cues import focus_clause

    text = "Diarrhoea lasted 3.1 days with zinc (vs 4.2 days; P = 0.03)."
    assert focus_clause(text, {stem("diarrhoea")}) is None


def test_the_papers_extracted_outcome_is_shown_and_used_as_a_cross_check(paper):
    from litkg.extractor.effect.graph import cross_check
    from litkg.extractor.records import Arm, Outcome, Study, StudyRecord

    record = StudyRecord(
        "PMC1000001",
        Study(),
        arms=(Arm("Walking groups", "intervention"), Arm("Leaflet", "control")),
        other_outcomes=(
            Outcome(
                None, "mean", 71.2, name="Quality-of-life score", arm="Walking groups", p=0.0005
            ),
            Outcome(None, "mean", 64.0, name="Quality-of-life score", arm="Leaflet"),
            Outcome(None, "mean", 70.1, name="Resting heart rate", arm="Walking groups"),
        ),
    )
    with_graph = Paper.of(paper.document, record)
    a = answer(with_graph, "walking groups", "information leaflet", "quality of life")
    assert a.graph is not None
    assert (a.graph["intervention value"], a.graph["comparator value"]) == (71.2, 64.0)
    assert "extracted outcome" in a.explain()
    # one arm's value only: no cross-check
    i_s, c_s = arm_stems("walking groups", "leaflet", {})
    assert cross_check(record.other_outcomes, {}, i_s, c_s, {}, {stem("heart")}, {}) is None
    # the arm found by its role when its label names neither prompt arm
    roles = {"Arm 1": "intervention", "Arm 2": "control"}
    two = [
        Outcome(None, "rate", 12.0, name="falls", arm="Arm 1"),
        Outcome(None, "rate", 20.0, name="falls", arm="Arm 2"),
    ]
    g = cross_check(two, roles, i_s, c_s, {}, {stem("falls")}, {})
    assert g is not None and g.direction == -1


def test_a_leading_subordinate_clause_is_a_clause_of_its_own():
    r = _read(
        "Although baseline diarrhoea scores were similar (2.1 vs 2.3), diarrhoea fell "
        "significantly more with zinc at day 7 (P = 0.004)."
    )
    assert r.local is not None and not r.local.nsd and r.local.cues["p_sig"] == 1.0


def test_a_short_tail_stays_with_its_clause():
    r = _read("Diarrhoea was shorter with zinc than with placebo, but not significantly (P = 0.2).")
    assert r.local is None  # "but not significantly" is no clause about another outcome
    assert r.cues["p_all_ns"] == 1.0


def test_the_p_value_after_the_outcome_speaks_for_it():
    r = _read(
        "Vomiting (P = 0.01), diarrhoea (P = 0.44) and fever (P = 0.03) were recorded daily.",
    )
    assert r.p_next == ("=", 0.44) and r.cues["p_next_ns"] == 1.0


def test_changes_within_each_arm_are_told_from_differences_between_arms():
    within = _read("Diarrhoea scores fell from baseline in both groups (P < 0.001).")
    between = _read("Diarrhoea scores differed between the two groups at day 7 (P = 0.02).")
    assert within.cues.get("within_both") and within.cues.get("within_baseline")
    assert between.cues.get("between_groups") and not between.cues.get("within_both")


def test_the_direction_is_the_intervention_arms_whichever_arm_comes_first():
    from litkg.extractor.effect.answer import direction

    probs = np.array([0.5, 0.4, 0.1])
    for text, want in (
        ("Placebo recipients had higher diarrhoea scores than zinc recipients (P = 0.01).", 1),
        ("Zinc recipients had higher diarrhoea scores than placebo recipients (P = 0.01).", 0),
        ("Diarrhoea lasted longer on placebo compared with zinc (P < 0.05).", 1),
    ):
        r = _read(text)
        assert direction(r, probs)[0] == want, text


def test_respectively_after_the_values():
    r = _read("Stool frequency was 2.4 ± 0.8 and 3.9 ± 1.1 with zinc and placebo, respectively.")
    assert r.values == {"I": 2.4, "C": 3.9}


def test_ranker_fit_puts_the_marked_units_first_and_folds_are_stable():
    from litkg.extractor.effect.retrieve import FEATURES
    from litkg.extractor.effect.train import Item, fit_ranker, fold_of

    j = FEATURES.index("p_value")
    items = []
    for n in (3, 5, 4):
        x = np.zeros((n, len(FEATURES)))
        x[1, j] = 1.0  # the unit with a p-value is the annotators' one
        y = np.zeros(n)
        y[1] = 1.0
        items.append(Item(None, None, None, x, y))  # type: ignore[arg-type]
    w = fit_ranker(items, epochs=200)
    assert all(int(np.argmax(it.x @ w)) == 1 for it in items)
    assert fold_of("12345", 5) == fold_of("12345", 5) and 0 <= fold_of("12345", 5) < 5


def test_the_cross_check_needs_a_shared_word_naming_what_was_measured():
    from litkg.extractor.effect.graph import cross_check
    from litkg.extractor.effect.terms import content_stems
    from litkg.extractor.records import Outcome

    i_s, c_s = arm_stems("ketorolac", "saline", {})
    roles = {"Ketorolac": "intervention", "Saline": "control"}

    def two(name: str) -> list[Outcome]:
        return [
            Outcome(None, "mean", 2.5, name=name, arm="Ketorolac"),
            Outcome(None, "mean", 4.0, name=name, arm="Saline"),
        ]

    def check(record_name: str, prompt_outcome: str):
        o_s = set(content_stems(prompt_outcome))
        return cross_check(two(record_name), roles, i_s, c_s, {}, o_s, {})

    # the time words alone ("24th hour", "months") do not make two outcomes one
    assert check("Nausea at the 24th hour", "pain at 24th hour") is None
    assert check("Body weight, 6 months", "systolic pressure at 6 months") is None
    assert check("Postoperative vomiting", "postoperative shivering") is None
    # a shared word naming the measure does, whatever the time words
    g = check("Pain (VAS) at the 24th hour", "pain at 24th hour")
    assert g is not None and g.direction == -1
    assert check("Body weight, 6 months", "weight at 12 months") is not None


def test_the_compared_arm_after_a_noun_phrase_is_the_object():
    # "than those treated with", "than that of the", "than patients receiving"
    for s in (
        "Wheeze scores were significantly lower in children given salbutamol than in "
        "those treated with saline.",
        "The wheeze score of the salbutamol group was lower than that of the saline group.",
        "Patients receiving saline had higher wheeze scores than patients receiving salbutamol.",
    ):
        r = _read(s, i="salbutamol", c="saline", o="wheeze score")
        # each says the salbutamol arm's score was the lower one
        assert r.cues.get("dir_x_contrast") == -1.0, s


def test_a_direction_word_naming_an_arm_is_no_direction():
    r = _read(
        "Fracture rates in the double-dose group were lower than in the single-dose group.",
        i="double-dose vitamin D",
        c="single-dose vitamin D",
        o="fracture rates",
    )
    assert r.near_word == "lower" and r.cues.get("dir_x_contrast") == -1.0


@pytest.mark.parametrize(
    ("sentence", "direction", "word"),
    [
        ("Zinc gave a greater reduction in diarrhoea than placebo (p = 0.01).", -1.0, "greater"),
        ("Diarrhoea showed a smaller decline with zinc than with placebo.", 1.0, "smaller"),
        ("Zinc led to a larger rise in diarrhoea scores than placebo.", 1.0, "larger"),
        ("With zinc there was less increase of diarrhoea than with placebo.", -1.0, "less"),
    ],
)
def test_a_comparative_of_size_with_a_word_of_change_is_one_direction(
    sentence: str, direction: float, word: str
) -> None:
    r = _read(sentence)
    assert r.near_direction == direction and r.near_word.split()[0] == word


def test_a_trend_towards_is_no_significant_difference_but_a_significant_trend_is_not():
    assert _read("There was a trend towards less diarrhoea with zinc (p = 0.08).").nsd
    assert not _read("A significant trend for less diarrhoea with zinc (p = 0.01).").nsd


def test_an_arm_code_after_its_group_word_is_the_object_of_a_comparison():
    from litkg.extractor.effect.cues import _subject_arm

    text = "Compared with group P, diarrhoea was shorter in group Z."
    seq = [["COMP", text.index("P,")], ["INTV", text.index("Z.")]]
    assert _subject_arm(text, seq) == "I"
