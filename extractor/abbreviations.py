"""scispaCy's abbreviation detector with array matchers.

scispaCy runs two spaCy `Matcher`s over the whole document: `"(" {OP: +} ")"`
for the candidates (every "(" with every later ")", tens of thousands of raw
matches in a paper, before its own filter drops every inside longer than 8
tokens) and one with the token sequence of each abbreviation it found. Both
patterns are exact token sequences around a gap, so they are found here on
the array of the tokens' ORTH ids instead: the same matches, in the order the
spaCy matchers give them (by end, the later start first), without building a
Python token per position. scispaCy's own filtering and pairing run unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy
from scispacy.abbreviation import AbbreviationDetector
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

# scispaCy's filter_matches keeps insides of at most this many tokens
MAX_INSIDE = 8

Match = tuple[int, int, int]


def _orth(doc: Doc) -> numpy.ndarray:
    return doc.to_array([ORTH]).reshape(-1)


class ParenthesisMatcher:
    """The matches of `"(" {OP: "{1,MAX_INSIDE}"} ")"`: (key, start, end) for
    every "(" token followed, 1 to `MAX_INSIDE` tokens later, by a ")" token."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._key = vocab.strings.add("parenthesis")
        self._open = numpy.uint64(vocab.strings.add("("))
        self._close = numpy.uint64(vocab.strings.add(")"))

    def __call__(self, doc: Doc) -> list[Match]:
        orth = _orth(doc)
        closes = numpy.flatnonzero(orth == self._close)
        opens = numpy.flatnonzero(orth == self._open)
        # the closing brackets 2 to MAX_INSIDE + 1 tokens after each opening one
        los = numpy.searchsorted(closes, opens + 2).tolist()
        his = numpy.searchsorted(closes, opens + MAX_INSIDE + 1, side="right").tolist()
        ends = closes.tolist()
        key = self._key
        out = [
            (key, i, j + 1)
            for i, lo, hi in zip(opens.tolist(), los, his, strict=True)
            for j in ends[lo:hi]
        ]
        # spaCy's matcher gives them by end, the later start first (its states
        # for the optional tokens are re-queued behind the newer ones)
        return sorted(out, key=lambda m: (m[2], -m[1]))


class SequenceMatcher:
    """The part of `Matcher` scispaCy's global matcher uses, for patterns that
    are exact ORTH sequences (``[{"ORTH": "A"}, {"ORTH": "B"}]``): every
    occurrence of each sequence, as (key, start, end)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._patterns: dict[int, list[tuple[int, ...]]] = {}

    def add(self, key: str, patterns: Sequence[Sequence[dict[str, str]]]) -> None:
        """Add `patterns` (lists of ``{"ORTH": text}``) under `key`."""
        if any(set(tok) != {"ORTH"} for p in patterns for tok in p):
            raise ValueError("SequenceMatcher takes ORTH-only patterns")
        seqs = [tuple(self.vocab.strings.add(tok["ORTH"]) for tok in p) for p in patterns]
        self._patterns.setdefault(self.vocab.strings.add(key), []).extend(s for s in seqs if s)

    def remove(self, key: str) -> None:
        """Drop the patterns under `key`."""
        del self._patterns[self.vocab.strings[key]]

    def __len__(self) -> int:
        return len(self._patterns)

    def __call__(self, doc: Doc) -> list[Match]:
        if not self._patterns:
            return []
        orth = _orth(doc)
        n = len(orth)
        found: dict[Match, int] = {}
        rank = 0
        for key, seqs in self._patterns.items():
            for seq in seqs:
                hits = numpy.flatnonzero(orth[: n - len(seq) + 1] == numpy.uint64(seq[0]))
                for k, tok in enumerate(seq[1:], 1):
                    hits = hits[orth[hits + k] == numpy.uint64(tok)]
                for i in hits.tolist():
                    found.setdefault((key, i, i + len(seq)), rank)
                rank += 1
        # spaCy's matcher gives them by end, then start, then pattern (the order
        # its states were started in); a match found twice once
        return sorted(found, key=lambda m: (m[2], m[1], found[m]))


class BoundedAbbreviationDetector(AbbreviationDetector):
    """`AbbreviationDetector` whose matchers work on the token array, the
    parenthesis pattern bounded to `MAX_INSIDE` tokens."""

    def __init__(self, nlp: Language, name: str = "litkg_abbreviations") -> None:
        super().__init__(nlp, name=name)
        self.matcher = ParenthesisMatcher(nlp.vocab)
        self.global_matcher = SequenceMatcher(nlp.vocab)


@Language.factory("litkg_abbreviations")
def make_abbreviation_detector(nlp: Language, name: str) -> BoundedAbbreviationDetector:
    """The pipeline's abbreviation detector (sets `doc._.abbreviations`)."""
    return BoundedAbbreviationDetector(nlp, name=name)
