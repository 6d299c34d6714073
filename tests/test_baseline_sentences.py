"""Sentences about the sample at entry, its characteristics or the study's
setting give no outcome; result sentences naming a later time or a change
keep theirs, and the baseline value of a measure the paper also reports as
an outcome stays, at time 0. Written in ophthalmology, orthopaedic,
dental, occupational-health and veterinary house styles."""

from litkg.extractor.components.baseline_sentences import (
    SampleReader,
    continues_description,
    heading_names_sample,
    measures_outcome,
    names_later_time,
    sample_sentence,
)
from litkg.extractor.document import Heading
from litkg.extractor.ingest import load_document
from litkg.extractor.pipeline import extract_record


def test_sentences_about_the_sample_at_entry():
    for sent in (
        "Twenty-two eyes (48%) had an intraocular pressure above 21 mmHg at presentation.",
        "At the time of operation, 64% of the knees were graded Kellgren-Lawrence IV.",
        "Forty-one per cent of the workers were current smokers.",
        "The underlying causes of tooth loss in arms 1 and 2 were periodontitis (61% and 58%).",
        "The causes of blindness in groups A and B were glaucoma (31% and 29%).",
        "Mean disease duration was 7.2 ± 3.1 years in the etanercept arm.",
        "Thirty-six dogs (72%) weighed more than 20 kg on admission to the clinic.",
        "Noise levels within the chamber were 85 ± 2 dB(A).",
        "Compared with the parent cohort, the substudy held 9% more women.",
    ):
        assert sample_sentence(sent), sent


def test_result_sentences_are_not_about_the_sample():
    for sent in (
        "At 12 weeks, 31 eyes (67%) had an intraocular pressure below 18 mmHg.",
        "Mean pain on the visual analogue scale fell from 6.8 to 2.1 in the injection group.",
        "Plaque index at 6 months was 0.9 ± 0.3 compared with baseline values of 1.8 ± 0.4.",
        "Eighty-one per cent of the dogs were lame-free after the treatment.",
        "Causes of death were cardiac in 12 (44%) of the patients.",  # a result, not a history
        "The 1-year revision rate was 4.1% in the cemented arm.",
        "Following one year of grazing, mean hoof wall growth was 5.1 mm in the zinc herd.",
        "Intraoperatively, aspiration from the anterior chamber took 1.9 minutes in the active arm.",
        "Withdrawal for adverse events was 3% in the active arm, though its heading says demographics.",
    ):
        assert not sample_sentence(sent), sent


def test_later_times_and_changes():
    assert names_later_time("Scores at 6 weeks were 12.1 and 14.3.")
    assert names_later_time("The index rose in both arms (p = 0.03).")
    assert names_later_time("Acuity went from 0.42 to 0.61 logMAR.")
    assert not names_later_time("Mean disease duration was 12 ± 6 years.")  # a length, no time


def test_headings_over_the_sample():
    assert heading_names_sample("Baseline demographic data")
    assert heading_names_sample("3.2 Characteristics of the herds")
    assert heading_names_sample("Ocular parameters on admission")
    assert not heading_names_sample("Baseline characteristics and visual outcomes")
    assert not heading_names_sample("Changes from baseline in pain")
    assert not heading_names_sample("Primary end point")


def test_a_description_continues_only_without_comparison():
    assert continues_description("The mean axial length was 23.6 mm.")
    assert not continues_description("The mean axial length was longer in arm B (23.9 vs 23.4 mm).")
    assert not continues_description("Mean axial length was 23.6 mm in arm B (p<0.05).")


def test_reader_follows_headings_and_paragraphs():
    text = (
        "Demographics\n\n"
        "Mean age was 61 years. Mean axial length was 23.6 ± 1.1 mm.\n\n"
        "Visual outcomes\n\n"
        "Mean visual acuity was 0.31 logMAR in the laser arm. "
        "Eleven eyes (24%) were pseudophakic at study entry. "
        "Mean corneal thickness was 548 ± 31 µm. "
        "Acuity was better in the laser arm than in the sham arm (0.31 vs 0.44 logMAR)."
    )
    heads = [Heading("Demographics", 1, 0), Heading("Visual outcomes", 1, text.index("Visual"))]
    reader = SampleReader(text, heads)
    sents = [
        "Mean age was 61 years.",
        "Mean axial length was 23.6 ± 1.1 mm.",
        "Mean visual acuity was 0.31 logMAR in the laser arm.",
        "Eleven eyes (24%) were pseudophakic at study entry.",
        "Mean corneal thickness was 548 ± 31 µm.",
        "Acuity was better in the laser arm than in the sham arm (0.31 vs 0.44 logMAR).",
    ]
    got = [reader.describes(s, text.index(s)) for s in sents]
    assert got == [True, True, False, True, True, False]


def test_who_the_people_were_is_no_baseline_value():
    from litkg.extractor.components.baseline_sentences import baseline_values
    from litkg.extractor.components.unkeyed_outcomes import UnkeyedMatch
    from litkg.extractor.records import Outcome

    held = [
        (
            UnkeyedMatch(
                Outcome(None, "rate", 31.0, "%", name="were night-shift workers"), 0, 9, "t"
            ),
            (0, 9),
        ),
        (
            UnkeyedMatch(Outcome(None, "mean", 6.1, None, name="sleep latency score"), 0, 9, "t"),
            (0, 9),
        ),
    ]
    names = ["night-shift workers", "sleep latency score"]
    got = [(m.outcome.value, m.outcome.timepoint_months) for m, _s in baseline_values(held, names)]
    assert got == [(6.1, 0.0)]


def test_outcome_names_match_without_fillers():
    assert measures_outcome("mean gingival index", ["change in gingival index"])
    assert measures_outcome("EEM area", ["EEM area"])
    assert not measures_outcome("run length", ["change in plaque area"])
    assert not measures_outcome("baseline mean", ["plaque area"])  # no word of its own
    assert not measures_outcome("residents", ["residents vaccinated"])  # one word shared: no match


DENTAL = """Chlorhexidine varnish for root caries in nursing-home residents

# Methods

Residents were randomised to chlorhexidine varnish or to placebo varnish.

# Results

## Characteristics of the residents

The mean number of remaining teeth was 14.2 ± 5.1 in the chlorhexidine group and
13.8 ± 5.6 in the placebo group. The mean plaque index was 2.4 ± 0.5 in the
chlorhexidine group and 2.5 ± 0.4 in the placebo group.

## Root caries

Twenty-nine residents (36%) were current smokers. Mean salivary flow
was 0.21 ± 0.09 mL/min.

At 12 months, the mean plaque index was 1.6 ± 0.4 in the chlorhexidine group and
2.3 ± 0.6 in the placebo group (p < 0.001).

Mean DMFT increment at 12 months was 0.8 ± 0.3 in the chlorhexidine group compared
with 1.9 ± 0.7 in the placebo group (p = 0.002).
"""


def test_a_paper_keeps_its_results_and_its_outcomes_baseline(tmp_path):
    f = tmp_path / "varnish.txt"
    f.write_text(DENTAL, encoding="utf-8")
    rec = extract_record(load_document(f)).to_record()
    values = {o["value"]: o for o in rec["outcomes"] if o["endpoint"] is None}
    assert {1.6, 2.3, 0.8, 1.9} <= set(values)  # the results at 12 months
    assert 14.2 not in values and 13.8 not in values  # teeth: under the sample's heading
    assert 36.0 not in values  # smokers: a characteristic of the sample
    assert 0.21 not in values  # salivary flow: continues the description, no outcome
    # the plaque index at entry: an outcome's baseline value, at time 0
    assert values[2.4]["timepoint_months"] == 0 and values[2.5]["timepoint_months"] == 0
