"""Small text helpers shared by the study and intervention components.

Pure functions over strings: loading vocabularies shipped in
`litkg.ontology/vocab`, a crude sentence splitter (a fallback for tests and
benches; the pipeline's own sentences are passed in when available), where the
reference list starts, and whether a sentence speaks about the paper's own
study or about other studies.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from re import _constants, _parser  # type: ignore[attr-defined]
from typing import Any

from litkg.extractor.components.alternation import LiteralGate, folded
from litkg.extractor.sentences import split_sentences as _split_spans
from litkg.extractor.vocab import load_vocab  # noqa: F401  (re-exported for the components)

Sentence = tuple[str, int]

SUPERSCRIPTS = "\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079\u207b"


@lru_cache(maxsize=512)
def compile_any(patterns: tuple[str, ...], flags: int = re.IGNORECASE) -> re.Pattern[str] | None:
    """One alternation regex for several patterns (None when there are none)."""
    if not patterns:
        return None
    parts: list[str] = []
    run: list[str] = []  # consecutive patterns that start with \b
    for p in patterns:
        if _starts_at_boundary(p, flags):
            run.append(f"(?:{p[2:]})")
            continue
        if run:
            parts.append(r"\b(?:" + "|".join(run) + ")")
            run = []
        parts.append(f"(?:{p})")
    if run:
        parts.append(r"\b(?:" + "|".join(run) + ")")
    # one \b before a run of patterns that each start with it: the same
    # matches (tried in the same order), and the engine skips the patterns whose
    # first letter differs instead of testing the boundary for each
    return re.compile("|".join(parts), flags | re.MULTILINE)


def _starts_at_boundary(pattern: str, flags: int) -> bool:
    """Whether `pattern` is ``\b`` followed by the rest (no alternation around it)."""
    if not pattern.startswith(r"\b"):
        return False
    try:
        items = _parser.parse(pattern, flags).data
    except re.error:
        return False
    return bool(items) and items[0] == (_constants.AT, _constants.AT_BOUNDARY)


def split_sentences(text: str, offset: int = 0) -> list[Sentence]:
    """Sentences as (text, start) pairs, from the pipeline's own splitter
    (for callers and tests that have no processed document at hand)."""
    return [(text[s:e], offset + s) for s, e in _split_spans(text)]


def ensure_sentences(
    text: str, sentences: Iterable[Sentence] | Iterable[tuple[int, int]] | None
) -> list[Sentence]:
    """(text, start) pairs from the given sentences -- (text, start) pairs or
    (start, end) spans into `text` -- or the crude split of `text` when None."""
    if sentences is None:
        return split_sentences(text)
    out: list[Sentence] = []
    for a, b in sentences:
        if isinstance(a, str):
            out.append((a, int(b)))
        else:
            out.append((text[int(a) : int(b)], int(a)))
    return out


_REF_HEADING = re.compile(
    r"^[ \t#*]*(?:REFERENCES|References|Reference List|Bibliography|"
    r"Literature Cited|LITERATURE CITED)"
    r"(?:[ \t*:]*$|[ \t]+(?=\[?1[.\])]?\s+[A-Z\u00c0-\u017f]))",
    re.MULTILINE,
)
_REF_LIKE = re.compile(
    r"^\s*(?:\[\d{1,3}\]|\d{1,3}[.)]?)\s+[A-Z\u00c0-\u017f][\w'\u00c0-\u017f\-]+,?\s+(?:[A-Z]{1,3}\b|[A-Z]\.)"
    r"|(?:19|20)\d{2}\s*[;,]\s*\d+\s*(?:\(\w+\))?\s*:\s*[\w\d]+"
)


def references_start(text: str, headings: Iterable[Any] = ()) -> int:
    """Offset where the reference list starts (len(text) when none is found).

    A heading from the reader wins; else the last line that is "References"
    (or a synonym, possibly followed by the first entry); else the first line,
    past 40% of the text, from which reference-like lines dominate.
    """
    for h in headings:
        title = getattr(h, "title", "")
        if re.fullmatch(r"\s*(?:references?|bibliography|literature cited)\s*", title, re.I):
            return int(h.char_start)
    hits = [m.start() for m in _REF_HEADING.finditer(text)]
    if hits:
        return hits[-1]
    lines = [(m.start(), bool(_REF_LIKE.search(m.group(0)))) for m in re.finditer(r"[^\n]+", text)]
    floor = len(text) * 2 // 5
    for i, (start, ref_like) in enumerate(lines):
        if start < floor or not ref_like:
            continue
        window = lines[i : i + 8]
        if len(window) >= 4 and sum(r for _, r in window) >= max(4, len(window) * 5 // 8):
            return start
    return len(text)


OWN, OTHER, NEUTRAL = "own", "other", "neutral"


class AnyOf:
    """Whether one of `patterns` matches somewhere in a text: the truth of
    ``compile_any(patterns, flags).search(text)``, each pattern asked alone
    and only where its necessary condition holds (`LiteralGate.of_presence`:
    one of its literal starts, or of the strings every match holds, in the
    text). Most patterns open with \\b, which keeps the engine from skipping
    to their first letters: one substring test instead of a scan."""

    def __init__(self, patterns: Iterable[str], flags: int = re.IGNORECASE) -> None:
        ci = bool(flags & re.IGNORECASE)
        self._checks: list[tuple[LiteralGate, re.Pattern[str] | None, re.Pattern[str]]] = []
        for p in patterns:
            gate = LiteralGate.of_presence([p], ignore_case=ci)
            first = _first_char(p, flags | re.MULTILINE) if gate.always else None
            self._checks.append((gate, first, re.compile(p, flags | re.MULTILINE)))

    def __bool__(self) -> bool:
        return bool(self._checks)

    def search(self, text: str) -> bool:
        """Whether one of the patterns matches in `text`."""
        low = folded(text)
        return any(
            g.may_match(text, low) and (first is None or first.search(text)) and rx.search(text)
            for g, first, rx in self._checks
        )


def _first_char(pattern: str, flags: int) -> re.Pattern[str] | None:
    """The character every match of `pattern` starts with, as a regex of its
    own (compiled with `flags`, as the pattern is): the first item past the
    zero-width ones (\\b, ^, lookarounds) when that is a literal or a class
    of literals and ranges; None otherwise, or when the pattern sets its own
    flags. A class alone is found fast (the engine skips to its characters)
    where a pattern opening with a lookbehind is tried at every position."""
    if pattern.startswith("(?") and not pattern.startswith(("(?:", "(?=", "(?!", "(?<")):
        return None
    try:
        items = _parser.parse(pattern, flags).data
    except re.error:
        return None
    for op, av in items:
        if op in (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT):
            continue
        if op is _constants.LITERAL:
            return re.compile(re.escape(chr(av)), flags)
        if op is not _constants.IN:
            return None
        parts = []
        for o, a in av:
            if o is _constants.LITERAL:
                parts.append(re.escape(chr(a)))
            elif o is _constants.RANGE:
                parts.append(f"{re.escape(chr(a[0]))}-{re.escape(chr(a[1]))}")
            else:
                return None  # a negated class, \\d, \\w ...: not worth it
        return re.compile("[" + "".join(parts) + "]", flags)
    return None


@lru_cache(maxsize=1)
def _context_cues() -> tuple[AnyOf | None, AnyOf | None]:
    vocab = load_vocab("designs.json")
    own, other = AnyOf(vocab["own_study_cues"]), AnyOf(vocab["other_study_cues"])
    return own or None, other or None


@lru_cache(maxsize=8192)
def sentence_context(sentence: str) -> str:
    """Whether a sentence is about the paper's own study ("own"), about other
    or future studies ("other": citation markers, "et al.", "are needed"), or
    neither ("neutral"). Own cues win: "We previously reported...[14]" is own.
    Cached: several components ask it about the same sentences.
    """
    own, other = _context_cues()
    if own is not None and own.search(sentence):
        # "we" in a sentence that only cites others' future needs still counts as own,
        # except when the sentence says something is needed/future.
        if other is not None and re.search(
            r"\b(?:needed|warranted|required|future)\b", sentence, re.IGNORECASE
        ):
            return OTHER
        return OWN
    if other is not None and other.search(sentence):
        return OTHER
    return NEUTRAL


def line_at(text: str, pos: int) -> tuple[str, int]:
    """The line holding offset `pos`, and where it starts."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    if end < 0:
        end = len(text)
    return text[start:end], start


def looks_like_reference_entry(line: str) -> bool:
    """A line that reads like an entry of a reference list."""
    s = line.strip()
    if re.match(
        r"^(?:\[\d+\]|\d{1,3}\.|-|\u2022)\s+[A-Z\u00c0-\u017f][\w\u00c0-\u017f'\-]+,?\s+[A-Z]{1,3}\b",
        s,
    ):
        return True
    return bool(re.search(r"\bet al\.", s) and re.search(r"\b(?:19|20)\d{2}\s*;\s*\d+", s))
