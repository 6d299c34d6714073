"""Property tests: the number parsers never crash and never return a value
that is not printed in their input."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from litkg.extractor.components.outcomes import find_outcomes
from litkg.extractor.numbers import parse_ci, parse_p_value, to_float

NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=999).map(str),
    st.floats(min_value=0, max_value=999, allow_nan=False).map(lambda f: f"{f:.2f}"),
)
PIECES = st.one_of(
    NUMBERS,
    st.sampled_from(
        [
            "%",
            " ",
            "(",
            ")",
            "[",
            "]",
            ";",
            ",",
            "-",
            "–",
            " to ",
            "95% CI",
            "95% CI:",
            "P =",
            "p<",
            "HR",
            "OS",
            "median",
            "months",
            "1-year",
            "at 2 years",
            "overall survival",
            "respectively",
            " and ",
            "vs",
            "grade 3-4 acute GVHD",
            "was",
            "were",
            "days",
            "range",
            "0.",
            ".",
        ]
    ),  # fmt: skip
)
TEXTS = st.lists(PIECES, max_size=30).map("".join)


def _printed_numbers(text: str) -> set[float]:
    return {float(x) for x in re.findall(r"\d+(?:\.\d+)?|\.\d+", text)}


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_p_value_is_printed_and_a_probability(text: str) -> None:
    p = parse_p_value(text)
    if p is not None:
        assert 0 <= p <= 1
        assert p in _printed_numbers(text)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
@example("95% CI-1;0")
def test_ci_bounds_are_printed_and_ordered(text: str) -> None:
    ci = parse_ci(text)
    if ci is not None:
        lo, hi = ci
        assert lo <= hi
        # a bound's sign may be its dash ("95% CI -1; 0"): its digits are printed
        assert {abs(lo), abs(hi)} <= _printed_numbers(text)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_outcome_values_come_from_the_sentence(text: str) -> None:
    printed = _printed_numbers(text)
    for o in find_outcomes(text):
        # values in years are converted to months (x12), days stay days
        assert o.value in printed or round(o.value / 12, 2) in {round(x, 2) for x in printed}
        if o.ci:
            assert set(o.ci) <= printed
        if o.p is not None:
            assert o.p in printed
        assert 0 <= o.start <= o.end <= len(text)


@given(st.text(max_size=40))
def test_to_float_never_raises(text: str) -> None:
    to_float(text)
