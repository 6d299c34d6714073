"""Property tests for the dose parser (`extractor/components/doses.py`).

Whatever the text: no exception, every dose's span quotes the text, and its
value is the number printed there (times the documented unit factors:
g -> mg x1000, cGy -> Gy /100), never a number the text does not hold.
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from litkg.extractor.components.doses import (
    find_cycles,
    find_days,
    find_route,
    normalise_unit,
    parse_doses,
)

# The unit factors documented in ontology/vocab/units.json.
FACTORS = {"g": 1000, "gram": 1000, "grams": 1000, "cGy": Decimal("0.01")}
MASSES = [
    "µg", "μg", "ug", "mcg", "microgram", "micrograms", "mg", "milligram", "milligrams",
    "g", "gram", "grams", "ng", "Gy", "cGy", "IU", "U", "units", "MU", "mL", "ml", "mmol", "mEq",
]  # fmt: skip
BODIES = ["", "/kg", "/m2", "/m²", " per kg", "/m^2", "/ kg body weight", "/sqm", "/m/"]
TIMES = ["", "/day", "/d", "/24 h", "/week", "/wk", "/h", "/dose", "/cycle", " per course", "/min"]
WORDS = [
    "daily", "once daily", "twice daily", "orally", "IV", "of drug", "(max 4 g)", "[", "]",
    "maximum:", "up to", "tablets", "on days 1-28", "for 4 cycles", "every", "and", "or", ",",
    ";", ".", "-", "–", "/", "x", "×", "·", "\n", "  ", "4 courses of", "days 1, 8 and 15",
]  # fmt: skip

_PRINTED = re.compile(r"(\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:[.\u00b7]\d+)?)")


def numbers() -> st.SearchStrategy[str]:
    """Numbers as they may be printed, plus the awkward ones."""
    ints = st.integers(min_value=0, max_value=10**12).map(str)
    thousands = st.integers(min_value=1000, max_value=10**9).map(lambda n: f"{n:,}")
    decimals = st.decimals(
        min_value=0, max_value=10**6, allow_nan=False, allow_infinity=False, places=4
    ).map(lambda d: format(d, "f"))
    tiny = st.integers(min_value=1, max_value=12).map(lambda k: "0." + "0" * k + "1")
    huge = st.integers(min_value=300, max_value=500).map(lambda k: "9" * k)
    middot = st.tuples(st.integers(0, 999), st.integers(0, 99)).map(lambda t: f"{t[0]}\u00b7{t[1]}")
    other_script = st.text(
        alphabet=st.characters(categories=["Nd"]), min_size=1, max_size=4
    )  # Arabic-Indic, Devanagari, mathematical digits...
    return st.one_of(ints, thousands, decimals, tiny, huge, middot, other_script)


@st.composite
def dose_texts(draw: st.DrawFn) -> str:
    """Text made of dose statements, filler words and random characters."""
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            parts.append(draw(st.text(max_size=12)))
        elif kind == 1:
            parts.append(draw(st.sampled_from(WORDS)))
        else:
            parts.append(
                draw(numbers())
                + draw(st.sampled_from(["", " ", "  ", "\u00a0"]))
                + draw(st.sampled_from(MASSES))
                + draw(st.sampled_from(BODIES))
                + draw(st.sampled_from(TIMES))
            )
    sep = draw(st.sampled_from([" ", "", "\n", " (", ", "]))
    return sep.join(parts)


any_text = st.one_of(st.text(max_size=80), dose_texts())


def _printed_value(raw: str) -> Decimal:
    m = _PRINTED.match(raw)
    assert m, f"a dose must start with its number: {raw!r}"
    digits = "".join(
        str(unicodedata.decimal(c)) if c.isdecimal() else c
        for c in m.group(1).replace(",", "").replace("\u00b7", ".")
    )
    return Decimal(digits)


def _mass(raw: str) -> str:
    rest = _PRINTED.sub("", raw, count=1).lstrip()
    return re.match(r"[^\W\d_]+", rest).group(0)  # type: ignore[union-attr]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
@example("0.0000001 mg")  # smaller than the old 6-decimal rounding
@example("9" * 400 + " mg")  # float overflow: was OverflowError
@example("1.1 g/m2 daily")
@example("٣ mg and 𝟐𝟓 µg")
@example("carboplatin AUC 5 and AUC = 6 mg/mL/min")
def test_doses_are_printed_numbers(text: str) -> None:
    for d in parse_doses(text):
        assert text[d.start : d.end] == d.raw
        assert math.isfinite(d.value) and d.value >= 0
        if d.unit == "AUC":  # "AUC 5": the number follows its unit
            assert d.raw.startswith("AUC") and str(int(d.value)) in d.raw
            continue
        printed = _printed_value(d.raw)
        factor = FACTORS.get(_mass(d.raw), 1)
        expected = float(printed * Decimal(factor))
        assert math.isclose(d.value, expected, rel_tol=1e-12), (d, printed, factor)
        assert d.unit and " " not in d.unit


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.sampled_from(MASSES), st.text(max_size=6)),
    st.one_of(st.none(), st.sampled_from(["kg", "m2", "m²", "m ^ 2", "kg body weight", "sqm", "m"])),
    st.one_of(st.none(), st.sampled_from(["day", "d", "24 h", "week", "h", "dose", "cycle", "course", "min"]), st.text(max_size=5)),
    st.booleans(),
)  # fmt: skip
def test_normalise_unit_never_crashes(
    mass: str, body: str | None, time: str | None, daily: bool
) -> None:
    factor, unit = normalise_unit(mass, body, time, daily)
    assert factor in (1.0, 1000.0, 0.01)
    if body:
        assert "/kg" in unit or "/m2" in unit
    if daily and not time:
        assert unit.endswith("/day")


@settings(max_examples=300, deadline=None)
@given(any_text)
@example("days 1, 8 and 15")
@example("day 9999-1")
def test_days_and_cycles_come_from_the_text(text: str) -> None:
    days = find_days(text)
    if days is not None:
        assert re.fullmatch(r"\d+-\d+|\d+(?:,\d+)*", days, re.ASCII) or all(
            n in text for n in re.split(r"[-,]", days)
        )
        for n in re.split(r"[-,]", days):
            assert n in text
    cycles = find_cycles(text)
    if cycles is not None:
        words = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}  # fmt: skip
        printed = {int(n) for n in re.findall(r"\d+", text, re.ASCII)}
        printed |= {v for w, v in words.items() if w in text.lower()}
        assert cycles in printed or str(cycles) in unicodedata.normalize("NFKC", text)
    find_route(text)


# --- regressions found by the properties -------------------------------------


def test_tiny_dose_is_not_rounded_to_zero() -> None:
    assert [d.value for d in parse_doses("0.0000001 mg")] == [1e-07]


def test_absurdly_long_number_is_not_a_dose() -> None:
    assert parse_doses("9" * 400 + " mg once daily") == []


def test_gram_conversion_stays_exact() -> None:
    assert [(d.value, d.unit) for d in parse_doses("1.1 g/m2 daily")] == [(1100.0, "mg/m2/day")]
