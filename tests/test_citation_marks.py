"""A superscript after a unit is its exponent, not a citation mark: sentences
with 'mg/m²' or 'mL·min⁻¹' stay the study's own, while 'studies³⁻⁵' and
'before.¹²' still cite other work."""

import pytest

from litkg.extractor.ingest import load_document
from litkg.extractor.pipeline import citation_marks, cites_other_work, extract_record


@pytest.mark.parametrize(
    "sentence",
    [
        "Forty children were randomised to propofol 2.5 mg/m² or to saline.",
        "The mean body mass index was 31.2 kg/m² in the exercise arm.",
        "Participants with an eGFR below 45 mL/min per 1.73 m² were excluded.",
        "Clearance fell to 38 mL/min/1.73m² in the sirolimus group.",
        "Dexmedetomidine was infused at 0.7 μg·kg⁻¹·h⁻¹ in group D.",
        "Remifentanil ran at 0.1 µg kg⁻¹ min⁻¹ throughout surgery.",
        "Oxygen uptake rose by 2.1 mL·kg⁻¹·min⁻¹ after 12 weeks.",
        "Fasting glucose was 6.1 mmol·L⁻¹ on metformin and 7.0 mmol L⁻¹ on placebo.",
        "The wound area shrank from 4.2 cm² to 1.1 cm² with the dressing.",
        "Plaque volume (mm³) fell by 12% in the statin arm.",
        "Platelets below 50,000/mm³ occurred in 4 patients (10%).",
        "Walking speed improved to 1.02 m⋅s⁻² in the training group.",
        "Each dose of 3 g/m² was given over 3 hours, per m² of body surface.",
        "Neutrophils were 1.5 × 10⁹/L at day 28.",
    ],
)
def test_unit_exponents_are_no_citation(sentence):
    assert not cites_other_work(sentence), citation_marks(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "This regimen was active in earlier studies³⁻⁵ of older adults.",
        "Relapse after transplant is common, as shown before.¹²",
        "Jones et al.⁷ gave 2.5 mg/m² without benefit.",
        "Response rates near 40% were reported,⁸,⁹ though with more toxicity.",
        "Relapse was frequent in cohorts treated in the 1990s² with chemotherapy.",
        "The median dose was 30 mg/m².¹⁴",
        "Two trials found no difference [4, 5] at 1.73 m².",
        "Earlier reports^{6,7} were small.",
    ],
)
def test_genuine_marks_still_cite(sentence):
    assert cites_other_work(sentence)


def test_a_sign_never_starts_a_mark_but_a_range_keeps_its_second_number():
    marks = [m.group() for m in citation_marks("In trials²⁻⁴ the dose was 5 mg·kg⁻¹.")]
    assert marks == ["²⁻⁴"]


PAPER = """# Low-dose ketamine after knee replacement: a randomised trial

# Methods

Adults with a body mass index of 18 to 35 kg/m² were eligible. Sixty patients were randomised to ketamine (n = 30) or saline (n = 30).

# Results

Baseline body mass index was 27.4 kg/m² with ketamine and 28.1 kg/m² with saline. The overall response rate was 63% in the ketamine group and 40% in the saline group.

Opioid-sparing analgesia has lowered delirium rates in other surgical cohorts.³⁻⁵ The overall response rate was 55% in those series.
"""


def test_unit_exponents_do_not_make_a_results_paragraph_background(tmp_path):
    f = tmp_path / "ketamine_trial.txt"
    f.write_text(PAPER, encoding="utf-8")
    rec = extract_record(load_document(f)).to_record()
    orr = {o["value"] for o in rec["outcomes"] if o["endpoint"] == "ORR"}
    assert {63.0, 40.0} <= orr
    assert 55.0 not in orr  # the sentence after a genuine citation mark
    assert sorted(a["n"] for a in rec["arms"] if a["role"] in ("intervention", "control")) == [
        30,
        30,
    ]


BROKEN = """# Early mobilisation after hip fracture: a randomised trial

# Results

Mobilisation within 24 hours lowered delirium rates in cohorts reported in

earlier studies from Scandinavia.⁴ The overall response rate was 58% in those series.

The overall response rate was 71% in the early mobilisation group.
"""


def test_a_citing_sentence_cut_by_a_page_break_marks_the_paragraph_it_ends_in(tmp_path):
    f = tmp_path / "hip_trial.txt"
    f.write_text(BROKEN, encoding="utf-8")
    rec = extract_record(load_document(f)).to_record()
    orr = {o["value"] for o in rec["outcomes"] if o["endpoint"] == "ORR"}
    assert 71.0 in orr
    assert 58.0 not in orr


@pytest.mark.parametrize(
    "sentence",
    [
        "Remission was more frequent with lithium (χ² = 6.3, P = 0.01).",
        "Adherence differed by arm, X²(2) = 7.10, p = .03.",
        "Age explained little of the change in pain (R² = 0.04).",
        "The effect of the programme on anxiety was moderate (partial η² = 0.09).",
        "A Chi² test compared the proportions healed at week 12 (64% vs 41%).",
    ],
)
def test_a_statistics_square_is_no_citation(sentence):
    assert not cites_other_work(sentence), citation_marks(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["Relapse was rarer in hepatitis B² carriers.", "Like the UK trial² we found no benefit."],
)
def test_a_square_after_a_letter_of_a_word_still_cites(sentence):
    assert cites_other_work(sentence)
