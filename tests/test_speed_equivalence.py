"""The speed rewrites find exactly what the plain forms they replace find."""

from __future__ import annotations

import random
import re

import pytest

from litkg.extractor.components.alternation import AlternationScanner, Alternative
from litkg.extractor.components.drug_names import _pattern
from litkg.extractor.components.textutil import OTHER, OWN, sentence_context

NAMES = [
    "interferon alfa 2b",
    "interferon alfa",
    "5 fluorouracil",
    "abc123",
    "ab",
    "aba",
    "tacrolimus",
    "tac",
    "zoledronic acid",
    "zol",
]


def _plain(alts: list[str]) -> re.Pattern[str]:
    return re.compile(
        r"(?<![\w\-])(?:" + "|".join(_pattern(a) for a in alts) + r")(?![\w])", re.IGNORECASE
    )


def _drug_scanner(alts: list[str]) -> AlternationScanner:
    return AlternationScanner(
        [Alternative(_pattern(a), a[0], True) for a in alts],
        not_before=r"\w\-",
        tail=r"(?![\w])",
        flags=re.IGNORECASE,
    )


def _spans(it: object) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in it]  # type: ignore[attr-defined]


@pytest.mark.parametrize("order", ["longest-first", "as-listed"])
def test_scanner_matches_the_alternation(order: str) -> None:
    alts = sorted(NAMES, key=len, reverse=True) if order == "longest-first" else NAMES
    text = (
        "Patients got Interferon-Alfa-2b, then INTERFERON  alfa; 5-fluorouracil and "
        "x-tacrolimus (not a start), tacrolimuses, tac/zol, ABA ab aba-ab zoledronic\nacid. "
        "abc1234 abc123. \u017fab \u212aab"
    )
    scan = _drug_scanner(alts)
    assert _spans(scan.finditer(text)) == _spans(_plain(alts).finditer(text))
    assert _spans(scan.finditer(text)) == _spans(scan.pattern.finditer(text))


def test_scanner_matches_the_alternation_on_random_text() -> None:
    rng = random.Random(7)
    alts = sorted(NAMES, key=len, reverse=True)
    pieces = [*NAMES, "-", " ", "  ", "\n", "(", ")", "x", "s", ".", "2", "-b", "AB", "Tac"]
    scan, plain = _drug_scanner(alts), _plain(alts)
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(40))
        assert _spans(scan.finditer(text)) == _spans(plain.finditer(text)), text


def test_scanner_with_case_sensitive_and_folded_alternatives() -> None:
    """The adverse-event shape: abbreviations case-sensitive, terms folded, a
    lookbehind and a tail of their own."""
    alts = [
        Alternative(r"(?i:febrile[\s\-]+neutropeni(?:a|as))", "f", True),
        Alternative(r"(?i:neutropeni(?:a|as))", "n", True),
        Alternative(r"FN" + "s?", "F", False),
        Alternative(r"(?i:\u017fepsis)", "\u017f", True),  # a non-ASCII first letter
    ]
    scan = AlternationScanner(alts, not_before=r"\w\-/", tail=r"(?![\w\-/]|\+)")
    text = (
        "Febrile neutropenia (FN) and FNs; fn is no abbreviation; neutropenia+ and "
        "a/neutropenia, NEUTROPENIAS. Sepsis, SEPSIS and \u017fepsis; x-FN, FN/"
    )
    found = _spans(scan.finditer(text))
    assert found == _spans(scan.pattern.finditer(text))
    assert [f[2] for f in found] == [
        "Febrile neutropenia", "FN", "FNs", "NEUTROPENIAS", "Sepsis", "SEPSIS", "\u017fepsis",
    ]  # fmt: skip


def test_scanner_refuses_alternatives_without_one_first_character() -> None:
    with pytest.raises(ValueError):
        AlternationScanner([Alternative("ab", "", True)], not_before=r"\w", tail="")


def test_sentence_context_is_stable_when_cached() -> None:
    own = "We enrolled 40 patients in this trial."
    other = "Larger randomised trials are needed [12]."
    assert [sentence_context(own), sentence_context(other)] == [OWN, OTHER]
    assert [sentence_context(own), sentence_context(other)] == [OWN, OTHER]
