"""Finding the evidence: the paper's sentences and table rows ranked by how
well they name the outcome and the two arms and report a comparison.

Each unit gets a few named features (how much of each prompt term it holds,
weighted by the term's rarity in the paper; statistics in it; the part of the
paper; its length); the score is their weighted sum, with weights learned on
the train split by `extractor/effect/train.py` (`ranker.json`) to put the
annotators' evidence first."""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from litkg.extractor.effect.terms import content_stems, expand
from litkg.extractor.effect.units import Unit

RANKER_PATH = Path(__file__).with_name("ranker.json")

_STATS = re.compile(
    r"\b[pP]\s*[<=≤>]|signific|95\s*%|\bCI\b|differ|compar|versus|\bvs\b|than\b", re.I
)
_P = re.compile(r"(?<![A-Za-z])[pP]\s*(?:[- ]?values?)?\s*[<=≤>]")
_SIG = re.compile(r"signific", re.I)
_NSD = re.compile(
    r"\bno(?:t)?\s+(?:\w+\s+){0,3}?(?:significant|differen)|similar|did not differ|comparable", re.I
)
_CMP = re.compile(r"\b(?:higher|lower|greater|less|fewer|more|increas|decreas|reduc|improv)", re.I)
_BASELINE = re.compile(r"\bbaseline\b|\bat entry\b|\bcharacteristics\b", re.I)
_DESIGN = re.compile(
    r"\b(?:were randomi[sz]ed|was calculated|sample size|will be|we hypothesi)", re.I
)
PARTS = ("abstract", "results", "table", "discussion", "methods", "introduction", "legend", "body")

FEATURES = (
    ["outcome", "intervention", "comparator", "outcome_all", "outcome_x_arms", "outcome_best"]
    + ["stats", "p_value", "significant", "no_difference", "comparative", "baseline", "design"]
    + [f"part_{p}" for p in PARTS]
    + ["len_long", "len_very_long"]
)

# Hand-set weights, used when no learned ranker is present.
DEFAULT_WEIGHTS = {
    "outcome": 3.0, "intervention": 0.7, "comparator": 0.5, "stats": 0.8,
    "part_abstract": 0.45, "part_results": 0.45, "part_table": 0.25, "part_discussion": 0.1,
    "part_body": 0.2, "len_very_long": -0.5,
}  # fmt: skip


@cache
def ranker_weights(path: Path = RANKER_PATH) -> np.ndarray:
    """The ranker's weights, in the order of FEATURES."""
    w = json.loads(path.read_text(encoding="utf-8")) if path.exists() else DEFAULT_WEIGHTS
    return np.array([w.get(f, 0.0) for f in FEATURES])


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


def unit_features(units: list[Unit], query: Query, abbrs: dict) -> np.ndarray:
    """The ranking features of each unit, one row per unit (columns: FEATURES).
    A table row also holds its table's header and caption."""
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

    x = np.zeros((len(units), len(FEATURES)))
    col = {f: i for i, f in enumerate(FEATURES)}
    for r, (u, bag) in enumerate(zip(units, bags, strict=True)):
        t = u.text
        oc, ic, cc = (cover(q, bag) for q in (query.outcome, query.intervention, query.comparator))
        row = {
            "outcome": oc, "intervention": ic, "comparator": cc, "outcome_all": float(oc >= 0.999),
            "outcome_x_arms": oc * (ic + cc) / 2,
            "stats": float(bool(_STATS.search(t))), "p_value": float(bool(_P.search(t))),
            "significant": float(bool(_SIG.search(t))), "no_difference": float(bool(_NSD.search(t))),
            "comparative": float(bool(_CMP.search(t))), "baseline": float(bool(_BASELINE.search(t))),
            "design": float(bool(_DESIGN.search(t))),
            f"part_{u.kind}": 1.0,
            "len_long": float(len(t) > 350),
            "len_very_long": float(len(t) > 600),
        }  # fmt: skip
        for k, v in row.items():
            if k in col:
                x[r, col[k]] = v
    if len(units):
        best = x[:, col["outcome"]].max()
        x[:, col["outcome_best"]] = (x[:, col["outcome"]] >= best - 1e-9) & (best > 0)
    return x


def rank(
    units: list[Unit], query: Query, abbrs: dict, weights: np.ndarray | None = None
) -> list[Ranked]:
    """`units` best first (by the committed ranker unless `weights` are given)."""
    if not units:
        return []
    x = unit_features(units, query, abbrs)
    s = x @ (ranker_weights() if weights is None else weights)
    oc = x[:, FEATURES.index("outcome")]
    arms = (x[:, FEATURES.index("intervention")] + x[:, FEATURES.index("comparator")]) / 2
    order = sorted(range(len(units)), key=lambda i: (-s[i], i))
    return [Ranked(units[i], float(s[i]), float(oc[i]), float(arms[i])) for i in order]
