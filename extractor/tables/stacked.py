"""Rows that print two or more arms in one cell: a label cell naming the arms one
after the other ("Drug (SD) Placebo (SD)", the line break between them read as a
space) beside value cells holding one value per arm in the same order
("12.4 (3.1) 14.0 (2.9)"). Such a row is read as the measure's heading over
one row per arm, so that the arms-as-rows reading gives each arm its values.

A row is split only when every filled value cell holds exactly as many values
as the label cell names arms, and every piece of the label names an arm: an
uneven row is left as printed (no value is given to a guessed arm).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from litkg.extractor.document import Table

from .labels import clean as clean_label
from .values import parse_value

# one printed value: a number-like token with the bracket group that follows it
# ("15.2 (3.1)", "42% (n = 8)", "−2.6 (−2.9 to −2.4)", "0.31ᵇ")
_TOKEN = re.compile(r"[^\s()\[\]]+(?:\s*[(\[][^()\[\]]*[)\]])?")
_PLUS_MINUS = re.compile(r"\s*(±|\+/-|\+/−)\s*")
# a label piece's own statistic in brackets: "Drug (sd)", "Placebo [mean (SE)]"
_PIECE_STAT = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*$")


def split_values(text: str) -> list[str] | None:
    """The values of a cell printing several side by side ("3.1 (1.2) 4.0 (1.1)"),
    or None when a piece is no value (a word, a lone bracket)."""
    t = _PLUS_MINUS.sub(r"\1", text.strip())
    if not t:
        return None
    pieces = _TOKEN.findall(t)
    if "".join(pieces).replace(" ", "") != t.replace(" ", ""):
        return None  # something between the tokens the pattern does not cover
    if any(parse_value(p).kind in ("text", "absent") for p in pieces):
        return None
    return pieces


def split_arms(text: str, k: int, names_arm: Callable[[str], bool]) -> list[str] | None:
    """The k arm names a label cell prints one after the other, each possibly with
    its statistic in brackets ("CBT (sd) Waitlist (sd)"); None unless every
    piece names an arm."""
    t = clean_label(text)
    if not t or k < 2:
        return None
    bracketed = re.findall(r"[^()\[\]]+?\s*[(\[][^()\[\]]*[)\]]", t)
    if len(bracketed) == k and "".join(bracketed).replace(" ", "") == t.replace(" ", ""):
        names = [_PIECE_STAT.sub("", p).strip() for p in bracketed]
        return names if all(n and names_arm(n) for n in names) else None
    words = t.split()
    return _segment(words, k, names_arm)


def _segment(words: list[str], k: int, names_arm: Callable[[str], bool]) -> list[str] | None:
    """Words cut into k consecutive arm names, when exactly one cut works."""
    if k == 1:
        name = " ".join(words)
        return [name] if words and names_arm(name) else None
    found: list[list[str]] = []
    for cut in range(1, len(words) - k + 2):
        head = " ".join(words[:cut])
        if not names_arm(head):
            continue
        rest = _segment(words[cut:], k - 1, names_arm)
        if rest is not None:
            found.append([head, *rest])
    return found[0] if len(found) == 1 else None


def unstack_arms(table: Table, names_arm: Callable[[str], bool]) -> tuple[Table, list[int]] | None:
    """The table with each stacked row ("MGHHS | CT (sd) BT (sd) | 15.2 (4.4) 15.4
    (4.4)") read as a heading row over one row per arm, and for every row of the
    new table the index of the row it comes from; None when no row is stacked.
    The arms' names must sit in the second column, under a blank header."""
    n_header = table.header_rows
    rows = table.rows
    if n_header < 1 or len(rows) <= n_header or any(len(r) < 3 for r in rows[n_header:]):
        return None
    if any(len(r) > 1 and clean_label(r[1]) for r in rows[:n_header]):
        return None  # the second column has a header of its own: values, not arm names
    out: list[list[str]] = [[r[0], *r[2:]] for r in rows[:n_header]]
    origin = list(range(n_header))
    stacked = 0
    for i, row in enumerate(rows[n_header:], start=n_header):
        cells = row[2:]
        filled = [c for c in cells if c.strip()]
        split = [split_values(c) for c in filled]
        counts = {len(s) for s in split if s is not None}
        arms = None
        if filled and None not in split and len(counts) == 1 and (k := counts.pop()) >= 2:
            arms = split_arms(row[1], k, names_arm)
        if arms is None:
            if clean_label(row[1]):
                return None  # a label the row keeps: the column is no list of arms
            out.append([row[0], *cells])
            origin.append(i)
            continue
        stacked += 1
        out.append([row[0], *["" for _ in cells]])  # the measure, as a heading row
        origin.append(i)
        parts = [split_values(c) if c.strip() else None for c in cells]
        for a, arm in enumerate(arms):
            out.append([arm, *[p[a] if p else "" for p in parts]])
            origin.append(i)
    if stacked < 1 or any(r >= n_header and rs > 1 for r, _c, rs, _cs in table.spans):
        return None
    spans = []
    for r, c, rs, cs in table.spans:  # the header's spans, the arms' column taken out
        if c >= 2:
            spans.append((r, c - 1, rs, cs))
        elif c + cs > 2 and cs > 1:
            spans.append((r, c, rs, cs - 1))
        elif c == 0:
            spans.append((r, c, rs, cs))
    rowspans = [table.row_spans[o] for o in origin] if len(table.row_spans) == len(rows) else []
    return replace(table, rows=out, row_spans=rowspans, spans=spans), origin
