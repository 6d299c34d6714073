"""Sentences about the sample, not its results: who the patients were when
they entered the study, and the study's setting or design parameters.

"The mean duration of diabetes was 10 ± 6 years", "40% were nulliparous at
study enrollment", "The causes of CKD in groups I and II were diabetic
nephropathy (45% and 44%)", "Within the exposure chamber, PM concentrations
were 1,115 μg/m³" state numbers that are no outcome (RECORD.md: baseline
characteristics are not outcomes). A sentence is read as one when

- it stands under a heading naming the sample ("Baseline characteristics",
  "Parameters at baseline"), or it names the sample's time of entry ("on
  admission", "at the time of surgery"), a characteristic of who the patients
  are ("active smokers", "the causes of CKD"), the study's setting ("the
  exposure chamber", "simulated trials") or the population the sample was
  drawn from ("the parent study"); and it names no later time or change
  ("at 12 weeks", "decreased", "compared with baseline"), which makes it a
  result however it also names the start;
- or it follows one read as one, in the same paragraph with no sentence
  between, and makes no comparison nor names a later time ("The mean HbA1c
  level was 7.1%").

The baseline value of a measure the paper also reports as an outcome is an
outcome at time 0 (RECORD.md): `baseline_values` gives those back. The
words are data (ontology/vocab/sample_description.json). Pure functions of
their input, but for `SampleReader`, which remembers the last sentence it
read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache
from typing import Any, Protocol

from litkg.extractor.vocab import load_vocab


class _Heading(Protocol):
    title: str
    char_start: int


@cache
def _pattern(key: str) -> re.Pattern[str]:
    """The vocabulary list `key`, as one case-insensitive alternation on word boundaries."""
    words = load_vocab("sample_description")[key]
    return re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{w})" for w in words) + r")(?![\w])", re.I)


@cache
def _fillers() -> frozenset[str]:
    return frozenset(load_vocab("sample_description")["name_fillers"])


def heading_names_sample(title: str) -> bool:
    """A heading over a description of the sample ("Baseline patient
    characteristics"), not over its results ("Baseline characteristics and
    outcomes", "Changes from baseline")."""
    return bool(_pattern("sample_headings").search(title)) and not _pattern(
        "result_headings"
    ).search(title)


def names_later_time(sent: str) -> bool:
    """The sentence names a time after entry or a change ("at 12 weeks",
    "from 8.1% to 7.2%", "compared with baseline") or an effect ("more
    effective"): it states a result."""
    if _pattern("later_times").search(sent) or _pattern("result_words").search(sent):
        return True
    return bool(re.search(r"\bfrom\s+[-−]?\d[^;]{0,60}?\bto\s+[-−]?\d", sent))


def sample_sentence(sent: str) -> bool:
    """The sentence itself describes the sample at entry, its characteristics,
    the study's setting or the population it was drawn from, and names no
    later time or change."""
    if names_later_time(sent):
        return False
    return any(
        _pattern(key).search(sent)
        for key in ("sample_times", "characteristics", "setting", "source_population")
    )


def continues_description(sent: str) -> bool:
    """A sentence that may only continue a description of the sample: it
    makes no comparison and names no later time ("The mean HbA1c level was
    7.1%, mean total cholesterol 155 mg/dL")."""
    return not names_later_time(sent) and not _pattern("comparisons").search(sent)


class SampleReader:
    """Tells, sentence by sentence in reading order, which ones describe the
    sample: `describes(text, start)` with `start` the sentence's offset in
    the document `text` whose `headings` are given."""

    def __init__(self, text: str, headings: Iterable[_Heading]) -> None:
        self.text = text
        self.headings = sorted((h.char_start, h.title) for h in headings)
        self._described_end: int | None = None  # end of the last sentence found describing

    def _heading_at(self, offset: int) -> str:
        title = ""
        for pos, t in self.headings:
            if pos > offset:
                break
            title = t
        return title

    def _follows_description(self, start: int) -> bool:
        """The sentence at `start` comes right after one found describing, in
        the same paragraph: nothing but spaces between them, no line break."""
        if self._described_end is None or self._described_end > start:
            return False
        gap = self.text[self._described_end : start]
        return not gap.strip() and "\n" not in gap

    def describes(self, sent: str, start: int) -> bool:
        """The sentence at `start` describes the sample (see the module's docstring)."""
        under_sample_heading = heading_names_sample(self._heading_at(start))
        if (
            (under_sample_heading and not names_later_time(sent))
            or sample_sentence(sent)
            or (self._follows_description(start) and continues_description(sent))
        ):
            self._described_end = start + len(sent)
            return True
        self._described_end = None
        return False


def _name_words(name: str | None) -> frozenset[str]:
    words = re.findall(r"[a-z][a-z0-9₀-₉²³]*", (name or "").lower())
    return frozenset(w for w in words if w not in _fillers())


def measures_outcome(name: str | None, outcome_names: Sequence[str | None]) -> bool:
    """The measure `name` is one of the paper's outcomes: its words (less
    "mean", "baseline", "level", numbers ...) are one outcome's, or two or
    more of them are all among one outcome's or hold all of its ("EEM area"
    and "change in EEM area"; a lone word shared is no match)."""
    own = _name_words(name)
    if not own:
        return False
    for other in outcome_names:
        words = _name_words(other)
        if not words:
            continue
        if own == words or (own < words and len(own) >= 2) or (words < own and len(words) >= 2):
            return True
    return False


#: a name that says what the people were ("were US-born", "was married") is who they are, not a measure
_BEING = re.compile(r"(?:were|was|are|is)\b", re.I)


def baseline_values(held: Iterable[tuple[Any, Any]], outcome_names: Sequence[str | None]):
    """Of the (match, span) pairs read from sentences describing the sample,
    those measuring one of the paper's outcomes (`outcome_names`, the names
    of the results read elsewhere), as values at time 0 (RECORD.md: the
    baseline value of an outcome measure is an outcome at time 0). A value
    named by what the people were ("were current smokers") is no measure."""
    for m, span in held:
        o = m.outcome
        if (
            o.comparator
            or _BEING.match(o.name or "")
            or not measures_outcome(o.name, outcome_names)
        ):
            continue
        if o.timepoint_months is None:
            m = replace(m, outcome=replace(o, timepoint_months=0.0))
        yield m, span
