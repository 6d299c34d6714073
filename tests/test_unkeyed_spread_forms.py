"""How a value's spread is printed in sentences: a plus sign standing for "±"
(physiotherapy, dentistry and dermatology house styles written for these tests),
and the sums, doses and formulas where a plus is a plus."""

from litkg.extractor.components.unkeyed_outcomes import unkeyed_from_sentence
from litkg.extractor.mentions import estimates


def _read(sent: str, arms=()):
    return [
        (m.outcome.name, m.outcome.statistic, m.outcome.value, m.arm_label)
        for m in unkeyed_from_sentence(sent, None, list(arms))
    ]


def _spreads(sent: str):
    return [(m.value, m.spread) for m in estimates(sent)]


def test_a_plus_sign_standing_for_plus_minus_is_a_spread():
    sent = (
        "Grip strength reached 31.4+6.2 kg in the splint group and 27.9 +5.8 kg "
        "in the sham group after six weeks."
    )
    assert _spreads(sent) == [(31.4, 6.2), (27.9, 5.8)]
    assert _read(sent) == [
        ("Grip strength", "mean", 31.4, "splint"),
        ("Grip strength", "mean", 27.9, "sham"),
    ]


def test_a_plus_spread_in_a_bracketed_comparison():
    sent = (
        "Plaque index was lower with chlorhexidine than with saline (1.12 + 0.41 vs. 1.86 + 0.52)."
    )
    assert _spreads(sent) == [(1.12, 0.41), (1.86, 0.52)]


def test_whole_numbers_joined_by_a_plus_are_no_spread():
    # grades, gestational weeks+days, a buffer's recipe: no decimals, no spread
    for sent in (
        "Erythema of grades 2 + 3 was seen in 14 patients.",
        "Women delivered between 37+0 and 41+6 weeks.",
        "Slides were blocked in Tween 20 + 2% milk for one hour.",
    ):
        assert _spreads(sent) == []


def test_a_sum_or_a_dose_is_no_spread():
    for sent in (
        "The adjusted count was 1 + 0.25 (8 - 1) = 2.75 per patient.",
        "The mean of the three visits, (12.5+30+14)/3, was used.",
        "Each tablet held 2.5 + 10 mg of the two drugs.",
        "The 1.5+2-dose schedule was used.",
    ):
        assert _spreads(sent) == [], sent


def test_a_plus_is_a_plus_where_the_sentence_prints_plus_minus():
    sent = "Pain fell by 2.5 ± 1.1 points with 0.5 + 1.5 g of the gel."
    assert _spreads(sent) == [(2.5, 1.1)]
