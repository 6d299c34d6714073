"""Large vocabulary alternations run fast, with the matches of the plain regex.

A pattern ``(?<![B])(?:alt1|alt2|...)TAIL`` over hundreds of names is slow in
Python's engine: at every position of the text it tries every alternative.
`AlternationScanner` finds the same matches, left to right and not
overlapping, by trying only the positions where the lookbehind holds and whose
character some alternative can start with, each against the alternatives that
can start with that character, kept in their order (the first that matches
wins, as in the alternation). Whether an alternative may start at a
character is asked of the regex engine itself, so its case folding beyond
ASCII (``ſ`` matching ``s``, the Kelvin sign ``k``) holds here too.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from re import _constants, _parser  # type: ignore[attr-defined]
from typing import Any


@dataclass(frozen=True)
class Alternative:
    """One alternative: its regex, the character every match of it starts with,
    and whether that character matches case-insensitively. With `inline_ci`
    the regex is read case-insensitively (as ``(?i:regex)``; a run of such
    alternatives shares one group, which the engine compiles faster)."""

    regex: str
    first: str
    ignore_case: bool
    inline_ci: bool = False


def _joined(alts: Sequence[Alternative]) -> str:
    """The alternatives as one alternation, in order; each run of `inline_ci`
    alternatives in one ``(?i:...)`` group (the same matches: the group's
    branches are tried in the same order as separate groups would be)."""
    parts: list[str] = []
    run: list[str] = []
    for a in alts:
        if a.inline_ci:
            run.append(a.regex)
            continue
        if run:
            parts.append("(?i:" + "|".join(run) + ")")
            run = []
        parts.append(a.regex)
    if run:
        parts.append("(?i:" + "|".join(run) + ")")
    return "|".join(parts)


class AlternationScanner:
    """`finditer` of ``(?<![not_before])(?:alt1|alt2|...)tail`` with `flags`.

    The alternatives a position may start with are those whose first
    character matches its character (under the alternative's own case rule);
    ASCII letters share one group per letter for both cases (an alternative
    that cannot match there just fails, as in the alternation). Groups, and
    the whole pattern (`pattern`), are compiled when first needed.
    """

    def __init__(
        self,
        alts: Sequence[Alternative],
        not_before: str,
        tail: str,
        flags: int = 0,
    ) -> None:
        for a in alts:
            if len(a.first) != 1:
                raise ValueError(f"an alternative needs one first character: {a!r}")
        self._alts = list(alts)
        self._not_before, self._tail, self._flags = not_before, tail, flags
        self._firsts = {(a.first, a.ignore_case) for a in alts}
        # whether any alternative may start at a character: one engine test
        # before asking each first character (most characters start none)
        self._any_first = re.compile(
            "|".join(
                f"(?i:{re.escape(f)})" if ci else re.escape(f) for f, ci in sorted(self._firsts)
            )
            or "(?!)",
            flags,
        )
        self._groups: dict[tuple[Alternative, ...], re.Pattern[str] | None] = {}
        self._by_char: dict[str, re.Pattern[str] | None] = {}
        self._pattern: re.Pattern[str] | None = None
        ascii_starts = "".join(
            c
            for c in map(chr, range(128))
            if any(self._can_start(f, ci, c) for f, ci in self._firsts)
        )
        self._starts = re.compile(
            rf"(?<![{not_before}])(?:[{re.escape(ascii_starts)}]|[^\x00-\x7f])"
            if ascii_starts
            else rf"(?<![{not_before}])[^\x00-\x7f]",
            flags,
        )

    @property
    def pattern(self) -> re.Pattern[str]:
        """The whole alternation as one regex (compiled on first use)."""
        if self._pattern is None:
            self._pattern = re.compile(
                rf"(?<![{self._not_before}])(?:" + _joined(self._alts) + ")" + self._tail,
                self._flags,
            )
        return self._pattern

    def _can_start(self, first: str, ignore_case: bool, ch: str) -> bool:
        flags = self._flags | (re.IGNORECASE if ignore_case else 0)
        return re.fullmatch(re.escape(first), ch, flags) is not None

    def _group(self, ch: str) -> re.Pattern[str] | None:
        """The regex of the alternatives that may start at `ch` (None: none may)."""
        key = ch.lower() if ch.isascii() else ch
        if key in self._by_char:
            return self._by_char[key]
        chars = {key, key.upper()} if ch.isascii() else {ch}
        if not any(self._any_first.fullmatch(c) for c in chars):
            self._by_char[key] = None
            return None
        ok = {(f, ci) for f, ci in self._firsts if any(self._can_start(f, ci, c) for c in chars)}
        group = tuple(a for a in self._alts if (a.first, a.ignore_case) in ok)
        if group not in self._groups:
            self._groups[group] = (
                re.compile("(?:" + _joined(group) + ")" + self._tail, self._flags)
                if group
                else None
            )
        self._by_char[key] = rx = self._groups[group]
        return rx

    def fullmatch(self, text: str) -> re.Match[str] | None:
        """Whether the whole of `text` is one alternative (with the tail): a
        match when `pattern.fullmatch(text)` is one, else None. Only the
        alternatives that may start with its first character are tried, so the
        whole alternation need not be compiled."""
        rx = self._group(text[0]) if text else None
        return rx.fullmatch(text) if rx is not None else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of the alternation in `text`, left to right, not overlapping."""
        pos = 0
        by_char = self._by_char
        for s in self._starts.finditer(text):
            p = s.start()
            if p < pos:
                continue
            ch = text[p]
            key = ch.lower() if ch.isascii() else ch
            rx = by_char[key] if key in by_char else self._group(ch)
            m = rx.match(text, p) if rx is not None else None
            if m:
                pos = m.end()
                yield m


#: Characters the regex engine folds onto an ASCII letter under IGNORECASE
#: that `str.lower` leaves apart (checked against the engine by a test).
_ENGINE_FOLDS = str.maketrans({"\u017f": "s", "\u0131": "i"})


@lru_cache(maxsize=8192)
def folded(text: str) -> str:
    """`text` lower-cased as IGNORECASE compares it with ASCII letters (the
    dotted capital I, which the engine matches with "i", becomes "i", not
    "i" and a combining dot)."""
    low = text.lower()
    if low.isascii():
        return low
    # str.translate walks every character in Python-object steps: only when needed
    if "\u017f" in low or "\u0131" in low:
        low = low.translate(_ENGINE_FOLDS)
    return low.replace("i\u0307", "i") if "\u0307" in low else low


@dataclass(frozen=True)
class LiteralGate:
    """A necessary condition for a regex of literal alternatives to match: one
    of their first words occurs in the text (folded for a case-insensitive
    regex). `always` when the regex is not made of such literals."""

    needles: tuple[str, ...] = ()
    ignore_case: bool = False
    always: bool = True

    @classmethod
    def of(cls, literals: Sequence[str], ignore_case: bool) -> LiteralGate:
        """The gate of a regex whose alternatives are `literals`, escaped, with
        spaces matching runs of separators (the first word stays literal)."""
        needles = []
        for lit in literals:
            word = lit.split(" ", 1)[0]
            if not word or not word.isascii():
                return cls()
            needles.append(word.lower() if ignore_case else word)
        return cls(tuple(dict.fromkeys(needles)), ignore_case, always=False)

    @classmethod
    def of_patterns(cls, patterns: Sequence[str], ignore_case: bool) -> LiteralGate:
        """The gate of a regex that matches only where one of `patterns` matches
        (in an alternation, or as a part every match has): one of their
        literal starts occurs in the text. `always` when one has none."""
        starts = [literal_starts(p) for p in patterns]
        needles = [n for s in starts for n in s]
        if not needles or not all(starts) or not all(n.isascii() for n in needles):
            return cls()
        if ignore_case:
            needles = [n.lower() for n in needles]
        return cls(tuple(dict.fromkeys(needles)), ignore_case, always=False)

    @classmethod
    def of_contents(cls, patterns: Sequence[str]) -> LiteralGate:
        """The gate of a regex that matches only where one of `patterns` matches:
        one of the strings every match of one of them holds somewhere
        (`literal_contents`) occurs in the folded text, whatever the regex's
        case rule. Only a yes or no: the needles need not start the match.
        `always` when a pattern holds no such string."""
        contents = [literal_contents(p) for p in patterns]
        if not contents or not all(contents):
            return cls()
        needles = [n.lower() for c in contents for n in c]
        return cls(tuple(dict.fromkeys(needles)), ignore_case=True, always=False)

    @classmethod
    def of_presence(cls, patterns: Sequence[str], ignore_case: bool) -> LiteralGate:
        """The gate of a regex asked only whether it matches, not where (it is run
        from the text's start): `of_patterns`, else, where a pattern has no
        literal start, `of_contents`."""
        gate = cls.of_patterns(patterns, ignore_case)
        return cls.of_contents(patterns) if gate.always else gate

    def may_match(self, text: str, low: str) -> bool:
        """Whether the regex may match `text` (`low`: ``folded(text)``)."""
        if self.always:
            return True
        hay = low if self.ignore_case else text
        # map over the bound `in` test: no Python frame per needle (a genexpr's)
        return any(map(hay.__contains__, self.needles))


class GateSet:
    """Several `LiteralGate`s asked about one text at once: each distinct
    needle is looked for once, whatever the number of gates holding it."""

    def __init__(self, gates: Sequence[LiteralGate]) -> None:
        self._always = [g.always for g in gates]
        self._needles: dict[tuple[str, bool], list[int]] = {}
        for i, g in enumerate(gates):
            if not g.always:
                for n in g.needles:
                    self._needles.setdefault((n, g.ignore_case), []).append(i)

    def first_starts(self, text: str, low: str) -> list[int]:
        """Per gate, where the first of its needles occurs in `text` (`low`:
        ``folded(text)``, for a case-insensitive gate): 0 for an `always`
        gate, -1 where none occurs (its regex cannot match)."""
        pos = [0 if a else -1 for a in self._always]
        for (needle, ci), gates in self._needles.items():
            p = (low if ci else text).find(needle)
            if p >= 0:
                for i in gates:
                    if pos[i] < 0 or p < pos[i]:
                        pos[i] = p
        return pos


def literal_prefix(pattern: str) -> str:
    """Characters every match of `pattern` (compiled without flags) starts with
    ("" when none are known: an alternation or a class first, inline flags), so
    that a text without them need not be searched. Read from the engine's own
    parse of the pattern."""
    return os.path.commonprefix(list(literal_starts(pattern)))


def literal_starts(pattern: str) -> tuple[str, ...]:
    """Strings one of which every match of `pattern` (compiled without flags)
    starts with: its literal start, or one per branch of an alternation
    ("study|trial" -> "study", "trial"); () when that is not known (a class
    first, inline flags, a branch without a literal start)."""
    try:
        parsed = _parser.parse(pattern)
    except re.error:
        return ()
    if parsed.state.flags & re.IGNORECASE:
        return ()
    starts = _literal_starts(parsed.data)[0]
    return starts if all(starts) else ()


def _literal_starts(items: list[tuple[Any, Any]]) -> tuple[tuple[str, ...], bool]:
    """The strings `items` start with (none empty, unless `items` are all
    literal), and whether `items` are one literal string."""
    prefix: list[str] = []
    for op, av in items:
        # \b, ^, lookbehinds and lookaheads: zero width, the match starts after them
        if op is _constants.AT or op is _constants.ASSERT or op is _constants.ASSERT_NOT:
            continue
        if op is _constants.LITERAL:
            prefix.append(chr(av))
            continue
        p = "".join(prefix)
        known = (p,) if p else ()
        if op is _constants.SUBPATTERN and not av[1] and not av[2]:
            subs, whole = _literal_starts(av[3].data)
            if whole:
                prefix.append(subs[0])
                continue
            return (tuple(p + x for x in subs) if subs else known), False
        if op is _constants.BRANCH:
            branches = [_literal_starts(b.data)[0] for b in av[1]]
            if branches and all(b and all(b) for b in branches):
                return tuple(p + x for b in branches for x in b), False
        return known, False
    return ("".join(prefix),), True


def literal_contents(pattern: str) -> tuple[str, ...]:
    """ASCII strings one of which every match of `pattern` holds (read from the
    engine's parse, with no flags; a case-insensitive match holds it in some
    case, so that it is looked for in the folded text): the longest that
    every match must hold, () when none is known (every part optional, or
    a class, a back-reference, a non-ASCII letter)."""
    try:
        parsed = _parser.parse(pattern)
    except re.error:
        return ()
    return _contents(parsed.data) or ()


def _contents(items: Any) -> tuple[str, ...] | None:
    """The best set of strings one of which every match of the sequence `items`
    holds (the one whose shortest string is longest, then the smallest), or None."""
    options: list[tuple[str, ...]] = []
    run: list[str] = []

    def close() -> None:
        if run:
            options.append(("".join(run),))
            run.clear()

    for op, av in items:
        if op is _constants.LITERAL:
            run.append(chr(av))
            continue
        if op is _constants.AT:  # zero width: the literals on both sides are adjacent
            continue
        close()
        found: tuple[str, ...] | None = None
        if op is _constants.SUBPATTERN:
            found = _contents(av[3].data)
        elif op is _constants.BRANCH:
            branches = [_contents(b.data) for b in av[1]]
            if branches and all(branches):
                found = tuple(dict.fromkeys(x for b in branches if b for x in b))
        elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _POSSESSIVE) and av[0] >= 1:
            found = _contents(av[2].data)
        if found:
            options.append(found)
    close()
    options = [o for o in options if all(x.isascii() for x in o)]
    if not options:
        return None
    return max(options, key=lambda o: (min(map(len, o)), -len(o)))


#: the possessive repeat (Python 3.11+), an op of its own in the parse
_POSSESSIVE = getattr(_constants, "POSSESSIVE_REPEAT", _constants.MAX_REPEAT)
