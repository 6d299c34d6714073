"""Arms named by a letter or code ("group D", "the S group", "Group 2",
"frovatriptan (F)"): which of the prompt's two arms each code stands for.

A code is given to an arm when the prompt's own text names it ("control
group S received sufentanil"), else when the paper's sentences defining it
("Group D received dexmedetomidine") hold words of one arm and not the
other; of two codes, when one is placed, the other is the other arm."""

from __future__ import annotations

import re
from collections import defaultdict

from litkg.extractor.effect.terms import stem, words

_GROUP = r"(?:[Gg]roups?|[Aa]rms?|GROUPS?)"
_CODE = r"(?:[A-Z]{1,3}\d?|[IVX]{1,4}|\d)"
# "group D", "Group II", "groups 1 and 2" (the first), "D group", "(group D)", "(D)"
_CODE_AFTER = re.compile(rf"\b{_GROUP}\s+({_CODE})(?![\w-])")
_CODE_BEFORE = re.compile(r"(?<![\w-])([A-Z]{1,2})[\s-]+(?:group|arm)s?\b")
# a code in parentheses: "(group D)" anywhere, "(F)" a single letter in a paper,
# up to three letters in a prompt's own text ("frovatriptan (FR)")
_PAREN_GROUP = re.compile(r"\(\s*(?:group|arm)\s+([A-Z]{1,3}\d?|\d)\s*\)", re.I)
_PAREN_LETTER = re.compile(r"\(\s*([B-HJ-Z])\s*\)")
_PAREN_PROMPT = re.compile(r"\(\s*([A-Z]{1,3}\d?)\s*\)")
# codes that are also ordinary words or units when not beside "group"
AMBIGUOUS = frozenset({"A", "I"})
# codes never counted among a paper's arm codes
AMBIGUOUS_ALONE = frozenset({"AND", "OR", "IN", "ON", "AT", "TO", "NO", "MG", "ML", "CI"})
# how many mentions of a code to read for its definition, and how far
_MENTIONS = 8
_AFTER, _BEFORE = 140, 80


def codes_in(text: str) -> list[str]:
    """The arm codes a prompt's text names, in order of first mention."""
    found: list[tuple[int, str]] = []
    for rx in (_CODE_AFTER, _CODE_BEFORE, _PAREN_PROMPT):
        found += [(m.start(), m.group(1)) for m in rx.finditer(text)]
    found += [(m.start(), m.group(1).upper()) for m in _PAREN_GROUP.finditer(text)]
    out: list[str] = []
    for _, c in sorted(found):
        if c not in out:
            out.append(c)
    return out


def code_contexts(text: str) -> dict[str, list[set[str]]]:
    """For each arm code of a paper, the stems around its first mentions:
    the words after "group D" up to the clause's end, and those before a
    parenthesised "(group D)" or "(D)". Codes a paper names beside "group"
    or "arm" come first, in order of mention."""
    hits: list[tuple[bool, int, str, int, int]] = []
    for rx in (_CODE_AFTER, _CODE_BEFORE):
        hits += [(True, m.start(), m.group(1), m.start(), m.end()) for m in rx.finditer(text)]
    for rx in (_PAREN_GROUP, _PAREN_LETTER):
        for m in rx.finditer(text):
            hits.append((rx is _PAREN_GROUP, m.start(), m.group(1).upper(), m.start(), m.end()))
    out: dict[str, list[set[str]]] = defaultdict(list)
    for _grouped, _pos, code, start, end in sorted(hits, key=lambda h: h[1]):
        if len(out[code]) >= _MENTIONS:
            continue
        after = re.split(
            r"[;.]\s|\b(?:and|while|whereas|but)\s+(?:the\s+)?(?:[Gg]roup|[Aa]rm)\b",
            text[end : end + _AFTER],
        )[0]
        ctx = after
        if text[start : start + 1] == "(" or text[start - 1 : start] == "(":
            ctx = re.split(r"[;.,]\s|\)", text[max(0, start - _BEFORE) : start])[-1]
            ctx += " " + after[:40]
        out[code].append({stem(w) for w in words(ctx)})
    return dict(out)


def grouped_codes(text: str) -> list[str]:
    """The codes a paper names beside "group" or "arm", in order."""
    out: list[str] = []
    for _, c in sorted(
        (m.start(), m.group(1)) for rx in (_CODE_AFTER, _CODE_BEFORE) for m in rx.finditer(text)
    ):
        if c not in out and c not in AMBIGUOUS_ALONE:
            out.append(c)
    return out


def arm_codes(
    intervention: str,
    comparator: str,
    i_stems: set[str],
    c_stems: set[str],
    contexts: dict[str, list[set[str]]],
    grouped: list[str],
) -> dict[str, str]:
    """Code -> "I" or "C" for the codes this prompt's arms can be told by."""
    out: dict[str, str] = {}
    in_i, in_c = codes_in(intervention), codes_in(comparator)
    for c in in_i:
        if c not in in_c:
            out[c] = "I"
    for c in in_c:
        if c not in in_i:
            out[c] = "C"
    for code, ctxs in contexts.items():
        if code in out:
            continue
        hi = sum(len(ctx & i_stems) for ctx in ctxs)
        hc = sum(len(ctx & c_stems) for ctx in ctxs)
        if hi > hc:
            out[code] = "I"
        elif hc > hi:
            out[code] = "C"
    # of exactly two codes of one kind, one placed: the other is the other arm
    for kind in (str.isdigit, lambda s: not s.isdigit()):
        codes = [c for c in grouped if kind(c)]
        if len(codes) == 2:
            placed = [c for c in codes if c in out]
            if len(placed) == 1:
                other = next(c for c in codes if c not in out)
                out[other] = "C" if out[placed[0]] == "I" else "I"
    if len(set(out.values())) < 2 and not (in_i or in_c):
        return {}  # both codes read as one arm, or one only: not to be trusted
    return out
