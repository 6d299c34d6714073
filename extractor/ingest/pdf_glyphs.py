"""Ligature repair over a whole PDF, with the document's own words as the dictionary.

* **Unmapped glyphs.** A word holding U+FFFD (a glyph the font maps to no
  Unicode, typeset for a ligature) gets the ligature (fi, fl, ff, ffi, ffl)
  that makes it a word found elsewhere in the document; failing that "fi",
  by far the most common one.
* **Split ligatures.** Two words of one line, adjacent in the content
  stream, where the first ends in a ligature's letters (``eff`` /
  ``ective``) or the second starts with them (``signi`` / ``ficant``), are
  one word when the joined form occurs elsewhere in the document, or when
  the fragment (``ective``, ``signi``) never occurs elsewhere as a word of
  its own and the gap is narrower than a word space (0.2 font sizes).
  ``staff training`` stays apart.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from itertools import chain, compress
from operator import attrgetter

import numpy as np

from litkg.extractor.ingest.pdf_chars import UNMAPPED, PageChars, Word

_CANDIDATES = ("fi", "fl", "ff", "ffi", "ffl")
_ENDS = re.compile(r"[^\W\d_](?:ffi|ffl|ff|fi|fl)$")
_STARTS = re.compile(r"(?:ffi|ffl|ff|fi|fl)[a-z]")
_LETTERS = re.compile(r"[^\W\d_]+")
# what every text `_ENDS` or `_STARTS` takes ends or starts with: a page's texts,
# one a line, are scanned for these in one pass
_END_HINT = re.compile(r"f[fil]$", re.MULTILINE)
_START_HINT = re.compile(r"^f[fil]", re.MULTILINE)
_TEXT = attrgetter("text")


def _key(text: str) -> str:
    low = text.lower()
    if low.isalpha():
        return low  # every character a letter: `_LETTERS` takes them all
    return "".join(_LETTERS.findall(low))


def _split_pair(a: Word, b: Word) -> str | None:
    """ "end" / "start" when a ligature may have split `a` and `b`, else None."""
    if b.seq != a.seq + 1 or abs(a.baseline - b.baseline) > 0.2 * a.size:
        return None
    if not 0 <= b.x0 - a.x1 < 0.6 * a.size or not b.text[:1].islower():
        return None
    if _ends_in_ligature(a.text) and b.text[:1].isalpha():
        return "end"
    if _starts_with_ligature(b.text) and a.text[-1:].isalpha():
        return "start"
    return None


@functools.lru_cache(maxsize=1 << 16)
def _ends_in_ligature(text: str) -> bool:
    return _ENDS.search(text) is not None


@functools.lru_cache(maxsize=1 << 16)
def _starts_with_ligature(text: str) -> bool:
    return _STARTS.match(text) is not None


def _pair_kinds(words: list[Word]) -> list[str | None]:
    """`_split_pair` of each two neighbours, tested only where the first text
    ends or the second starts with "ff", "fi" or "fl" (where it can be
    something else than None), found by one scan of the page's texts."""
    kinds: list[str | None] = [None] * max(len(words) - 1, 0)
    if not kinds:
        return kinds
    texts = list(map(_TEXT, words))
    joined = "\n".join(texts)
    if joined.count("\n") != len(kinds):  # a text holding a line break
        pairs: Sequence[int] = range(len(kinds))
    else:
        ends = np.cumsum(np.fromiter(map(len, texts), np.int64, len(texts)) + 1)
        at = [m.end() for m in _END_HINT.finditer(joined)]
        at += [m.start() - 1 for m in _START_HINT.finditer(joined)]  # the text before it
        if not at:
            return kinds
        pairs = np.unique(np.searchsorted(ends, at, side="right")).tolist()
    for i in pairs:
        if i < len(kinds):
            kinds[i] = _split_pair(words[i], words[i + 1])
    return kinds


def repair_ligatures(pages: Sequence[PageChars]) -> None:
    """Resolve unmapped ligature glyphs and rejoin split ligatures, in place."""
    texts = Counter(map(_TEXT, chain.from_iterable(p.words for p in pages)))
    counts: Counter[str] = Counter()
    get = counts.get
    for key, n in zip(map(_key, texts), texts.values(), strict=True):
        counts[key] = get(key, 0) + n  # one key per distinct text
    unmapped = UNMAPPED in "".join(texts)
    fragments: Counter[str] = Counter()
    page_kinds = []
    for p in pages:
        kinds = _pair_kinds(p.words)
        page_kinds.append(kinds)
        for i in compress(range(len(kinds)), kinds):
            a, b = p.words[i], p.words[i + 1]
            fragments[_key(b.text if kinds[i] == "end" else a.text)] += 1
    for p, kinds in zip(pages, page_kinds, strict=True):
        changed: set[int] = set()  # words whose text the unmapped glyphs changed
        for i, w in enumerate(p.words) if unmapped else ():
            if UNMAPPED in w.text:
                changed.add(i)
            while UNMAPPED in w.text:
                options = [w.text.replace(UNMAPPED, c, 1) for c in _CANDIDATES]
                known = [o for o in options if counts[_key(o.replace(UNMAPPED, ""))]]
                w.text = known[0] if known else options[0]
        if not changed and not any(kinds):
            continue  # no glyph resolved and no pair split: every word stays as it is
        words = p.words
        n = len(words)
        # the words where the pass below can do anything but keep the word: a
        # split pair's second word, a changed word and the one after it, and
        # (found as it goes) the word after a merge
        events = sorted(
            {i + 1 for i in compress(range(len(kinds)), kinds)}
            | {j for i in changed for j in (i, i + 1) if 0 < j < n}
        )
        merged: list[Word] = words[:1]
        fresh = True  # merged[-1] is the word before, as it was when `kinds` was made
        i, e = 1, 0
        while i < n:
            if fresh:
                while e < len(events) and events[e] < i:
                    e += 1
                nxt = events[e] if e < len(events) else n
                merged.extend(words[i:nxt])  # kept as they are
                i = nxt
                if i >= n:
                    break
            w = words[i]
            prev = merged[-1]
            if fresh and not (changed and (i in changed or i - 1 in changed)):
                kind = kinds[i - 1]
            else:
                kind = _split_pair(prev, w)
            i += 1
            if kind:
                frag = _key(w.text if kind == "end" else prev.text)
                joined = _key(prev.text + w.text)
                tight = w.x0 - prev.x1 < 0.2 * prev.size
                if counts[joined] or (tight and counts[frag] <= fragments[frag]):
                    prev.text += w.text
                    prev.x1 = max(prev.x1, w.x1)
                    prev.top, prev.bottom = min(prev.top, w.top), max(prev.bottom, w.bottom)
                    prev.soft = w.soft
                    prev.seq = w.seq
                    fresh = False
                    continue
            merged.append(w)
            fresh = True
        p.words = merged
