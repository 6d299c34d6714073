"""The paper's own extracted results as a cross-check of an effect answer:
the outcomes litkg's extraction put in the paper's record (keyed and
unkeyed, each with its arm, value and p), matched to the prompt's outcome
and arms, so that `litkg effect` and the graph say the same thing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from litkg.extractor.effect.terms import TIMEPOINT_STEMS, content_stems, expand, stem, words
from litkg.extractor.records import Outcome, StudyRecord


@dataclass(frozen=True)
class GraphResult:
    """One outcome of the record with a value for each of the prompt's arms."""

    name: str
    statistic: str
    intervention: float
    comparator: float
    unit: str | None
    p: float | None
    timepoint: str | None
    evidence: str | None

    @property
    def direction(self) -> int:
        """+1 when the intervention arm's value is the higher, -1 lower, 0 equal."""
        d = self.intervention - self.comparator
        return (d > 0) - (d < 0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.name,
            "statistic": self.statistic,
            "intervention value": self.intervention,
            "comparator value": self.comparator,
            "unit": self.unit,
            "p": self.p,
            "timepoint": self.timepoint,
            "evidence": self.evidence,
        }


def record_outcomes(record: StudyRecord) -> list[Outcome]:
    """Every outcome of a record, keyed and unkeyed."""
    return list(record.outcomes) + list(record.other_outcomes)


def _side(
    label: str | None, roles: dict[str, str], i_stems: set[str], c_stems: set[str], codes: dict
) -> str | None:
    """Which of the prompt's arms a record's arm label stands for."""
    if not label:
        return None
    ws = words(label)
    st = {stem(w) for w in ws} | {w.lower() for w in ws}
    hi, hc = len(st & i_stems), len(st & c_stems)
    for w in ws:
        if w in codes:
            hi, hc = hi + (codes[w] == "I"), hc + (codes[w] == "C")
    if hi != hc:
        return "I" if hi > hc else "C"
    role = roles.get(label, label.lower())
    return {"control": "C", "placebo": "C", "intervention": "I", "experimental": "I"}.get(role)


def _name_cover(name: str, o_stems: set[str], abbrs: dict) -> float:
    """How much of the prompt's outcome the record's outcome name covers, or
    of the name the outcome covers, on the words that name what was measured:
    words saying when ("at the 24th hour", "6 months") are left out, so two
    outcomes measured at the same time are not one outcome."""
    ns = expand(content_stems(name), abbrs) - TIMEPOINT_STEMS
    os_ = o_stems - TIMEPOINT_STEMS
    shared = ns & os_
    if not shared:
        return 0.0
    return max(len(shared) / len(os_), len(shared) / len(ns))


def cross_check(
    outcomes: Iterable[Outcome],
    arm_roles: dict[str, str],
    i_stems: set[str],
    c_stems: set[str],
    codes: dict[str, str],
    o_stems: set[str],
    abbrs: dict,
    *,
    min_cover: float = 0.6,
) -> GraphResult | None:
    """The record's result for this outcome with a value for each arm (the
    best-named one; per-arm values grouped by name, statistic, timepoint)."""
    groups: dict[tuple, dict[str, Outcome]] = {}
    cover: dict[tuple, float] = {}
    for o in outcomes:
        name = o.name or o.endpoint or ""
        cv = _name_cover(name, o_stems, abbrs)
        if cv < min_cover or o.comparator:
            continue
        side = _side(o.arm, arm_roles, i_stems, c_stems, codes)
        if side is None:
            continue
        key = (name.lower(), o.statistic, o.timepoint, o.timepoint_months)
        groups.setdefault(key, {}).setdefault(side, o)
        cover[key] = cv
    best = [k for k, g in groups.items() if "I" in g and "C" in g]
    if not best:
        return None
    k = max(best, key=lambda k: (cover[k], -len(k[0])))
    i, c = groups[k]["I"], groups[k]["C"]
    p = i.p if i.p is not None else c.p
    quote = i.provenance.quote if i.provenance else None
    return GraphResult(
        i.name or i.endpoint or "", i.statistic, i.value, c.value, i.unit, p, i.timepoint, quote
    )
