"""Finding the evidence: the paper's sentences and table rows ranked by how
well they name the outcome and the two arms and report a comparison."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from litkg.extractor.effect.terms import content_stems, expand
from litkg.extractor.effect.units import Unit

_STATS = re.compile(
    r"\b[pP]\s*[<=≤>]|signific|95\s*%|\bCI\b|differ|compar|versus|\bvs\b|than\b", re.I
)
# the parts of a paper that report the trial's own results, and how much each is preferred
PART_BONUS = {"abstract": 0.45, "results": 0.45, "table": 0.25, "discussion": 0.1, "body": 0.2}


@dataclass(frozen=True)
class Query:
    """A prompt's three terms as stems, each expanded with the paper's abbreviations."""

    outcome: tuple[str, ...]
    intervention: tuple[str, ...]
    comparator: tuple[str, ...]


def make_query(outcome: str, intervention: str, comparator: str, abbrs: dict) -> Query:
    def q(t: str) -> tuple[str, ...]:
        return tuple(sorted(expand(content_stems(t), abbrs)))

    return Query(q(outcome), q(intervention), q(comparator))


@dataclass(frozen=True)
class Ranked:
    unit: Unit
    score: float
    outcome_cover: float
    arms_cover: float


def rank(units: list[Unit], query: Query, abbrs: dict) -> list[Ranked]:
    """`units` best first. Each prompt term counts by the share of its stems
    (weighted by rarity in the paper) that the unit holds; a table row also
    holds its table's header and caption."""
    bags = []
    for u in units:
        extra = " ".join(u.header) + " " + u.caption if u.is_table else ""
        bags.append(expand(content_stems(u.text + " " + extra), abbrs))
    df = Counter(s for b in bags for s in b)
    n = max(len(units), 1)

    def idf(s: str) -> float:
        return math.log(n / (1 + df.get(s, 0))) + 1.5

    def cover(terms: tuple[str, ...], bag: set[str]) -> float:
        if not terms:
            return 0.0
        ws = [idf(s) for s in terms]
        return sum(w for s, w in zip(terms, ws, strict=True) if s in bag) / sum(ws)

    out = []
    for u, bag in zip(units, bags, strict=True):
        oc = cover(query.outcome, bag)
        ic = cover(query.intervention, bag)
        cc = cover(query.comparator, bag)
        s = 3.0 * oc + 0.7 * ic + 0.5 * cc
        if _STATS.search(u.text):
            s += 0.8
        s += PART_BONUS.get(u.kind, 0.0)
        if len(u.text) > 600:
            s -= 0.5
        out.append(Ranked(u, s, oc, (ic + cc) / 2))
    out.sort(key=lambda r: (-r.score, r.unit.index))
    return out
