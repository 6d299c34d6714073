"""Large vocabulary alternations run fast, with the matches of the plain regex.

A pattern ``(?<![B])(?:alt1|alt2|...)TAIL`` over hundreds of names is slow in
Python's engine: at every position of the text it tries every alternative.
`AlternationScanner` finds the same matches, left to right and not
overlapping, by trying only the positions where the lookbehind holds and whose
character some alternative can start with, each against the alternatives that
can start with that character, kept in their order (the first that matches
wins, as in the alternation). A position holding a non-ASCII character is
tried against the whole alternation, so case folding beyond ASCII (``ſ``
matching ``s``) is the engine's own.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Alternative:
    """One alternative: its regex, the character every match of it starts with,
    and whether that character matches case-insensitively."""

    regex: str
    first: str
    ignore_case: bool


class AlternationScanner:
    """`finditer` of ``(?<![not_before])(?:alt1|alt2|...)tail`` with `flags`."""

    def __init__(
        self,
        alts: Sequence[Alternative],
        not_before: str,
        tail: str,
        flags: int = 0,
    ) -> None:
        self.pattern = re.compile(
            rf"(?<![{not_before}])(?:" + "|".join(a.regex for a in alts) + ")" + tail, flags
        )
        keys: set[str] = set()
        for a in alts:
            if len(a.first) != 1:
                raise ValueError(f"an alternative needs one first character: {a!r}")
            if a.first.isascii():
                keys.update({a.first.lower(), a.first.upper()} if a.ignore_case else {a.first})
            elif a.ignore_case:
                keys.update(string.ascii_letters)  # "K" (Kelvin sign) folds to "k"
        by_key: dict[str, list[str]] = {}
        for k in sorted(keys):
            by_key[k] = [
                a.regex
                for a in alts
                if not a.first.isascii()
                or a.first == k
                or (a.ignore_case and a.first.lower() == k.lower())
            ]
        self._rx = {
            k: re.compile("(?:" + "|".join(group) + ")" + tail, flags)
            for k, group in by_key.items()
        }
        starts = re.escape("".join(sorted(keys)))
        self._starts = re.compile(rf"(?<![{not_before}])(?:[{starts}]|[^\x00-\x7f])", flags)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of the alternation in `text`, left to right, not overlapping."""
        pos = 0
        for s in self._starts.finditer(text):
            p = s.start()
            if p < pos:
                continue
            ch = text[p]
            rx = self._rx.get(ch) if ch.isascii() else self.pattern
            m = rx.match(text, p) if rx is not None else None
            if m:
                pos = m.end()
                yield m
