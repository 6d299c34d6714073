"""`textutil.AnyOf` says what the joined alternation (`compile_any`) says about
whether one of several patterns matches, however it skips patterns."""

from __future__ import annotations

import re

import pytest

from litkg.extractor.components.textutil import AnyOf, _first_char, compile_any, sentence_context
from litkg.extractor.vocab import load_vocab

SENTENCES = [
    "We enrolled 40 volunteers in the present pilot study.",
    "Earlier cohorts were summarised by Okafor et al (2009).",
    "Larger trials are still warranted to settle the question.",
    "The dose was 5 mg/m² on day 1 and the ratio was χ² = 3.1.",
    "Hepatic toxicity was described before,¹⁴ and again in a registry.³",
    "Two readers scored each slide [4, 7–9] without the clinical data.",
    "Mean scores (12) fell; see reference (ref. 3).",
    "Design: a crossover comparison of two inhalers.",
    "methods. Volunteers were paired by age",
    "ſome text with a long s and Herein a dotless ı and İstanbul.",
    "The sponsor's drug was approved by the regional ethics committee.",
    "The drug was first approved in 2011.",
    "",
]


@pytest.mark.parametrize("key", ["own_study_cues", "other_study_cues", "citation_cues"])
@pytest.mark.parametrize("flags", [re.IGNORECASE, 0])
def test_same_answer_as_the_alternation(key: str, flags: int) -> None:
    patterns = load_vocab("designs.json")[key]
    any_of = AnyOf(patterns, flags)
    joined = compile_any(tuple(patterns), flags)
    assert joined is not None
    for s in SENTENCES:
        assert any_of.search(s) == bool(joined.search(s)), s


def test_first_char_past_zero_width_items() -> None:
    rx = _first_char(r"(?<=[a-z])(?<!cm)[\u00b9\u00b2-\u00b3]", 0)
    assert rx is not None and rx.pattern == "[¹²-³]"
    rx = _first_char(r"\bwe\b", re.I)
    assert rx is not None and rx.search("WE") and not rx.search("xyz")
    assert _first_char(r"[^a]b", 0) is None  # a negated class
    assert _first_char(r"(?i)ab", 0) is None  # flags of its own
    assert _first_char(r"(?:ab|cd)", 0) is None


def test_empty_is_false() -> None:
    assert not AnyOf([])


def test_sentence_context_unchanged() -> None:
    assert sentence_context("We report our own trial of a new inhaler.") == "own"
    assert sentence_context("Such inhalers were studied before.²") == "other"
    assert sentence_context("Volunteers rested for 10 min.") == "neutral"
