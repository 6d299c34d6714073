"""The time point of each value a sentence gives: the one printed after the
measure's name ("Serum phosphate at month 6 was ..."), the one opening the
sentence ("At week 12, X was ..."), baseline for the first value of "fell from
140 to 128", and the one a pair of values set against each other shares
("(67.5 ± 11.4 vs. 71.6 ± 10.3 kg)"). Pure functions of their input.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from litkg.extractor.mentions import Mention

if TYPE_CHECKING:
    from litkg.extractor.components.unkeyed_outcomes import UnkeyedMatch

#: "at week 12", "by month 6": a time point named by its ordinal, which may end a name
ORDINAL_TIME = r"(?:weeks?|months?|days?|years?|visits?|cycles?)\s*\d{1,3}"


def from_baseline_values(sent: str, out: list[UnkeyedMatch]) -> list[UnkeyedMatch]:
    """ "fell from 140 to 128 mmHg in the A group": the first value is the
    group's baseline (time point 0), the second its value after."""
    fixed: list[UnkeyedMatch] = []
    for k, m in enumerate(out):
        before = sent[max(0, m.start - 6) : m.start]
        after = re.match(
            r"\s*(?:%|[^\s\d]{1,8})?\s+(?:at\s+[\w-]+(?:\s+[\w-]+)?\s+)?to\s+[-−+]?\d",
            sent[m.end :],
        )
        if re.search(r"\bfrom\s*$", before, re.I) and after:
            nxt = out[k + 1] if k + 1 < len(out) else None
            label = m.arm_label or (nxt.arm_label if nxt is not None else None)
            o = replace(m.outcome, timepoint="baseline", timepoint_months=0.0)
            m = replace(m, outcome=o, arm_label=label)
        fixed.append(m)
    return fixed


def named_times(sent: str, ms: list[Mention], out: list[UnkeyedMatch]) -> list[UnkeyedMatch]:
    """ "Serum phosphate at month 6 was lower in the A group than in the B group
    (4.9 versus 5.6)": the time point printed after the measure's name is the
    value's, however far the value is from it."""
    times = [t for t in ms if t.kind == "timepoint"]
    fixed: list[UnkeyedMatch] = []
    for m in out:
        o = m.outcome
        if o.timepoint is None and o.name:
            for t in times:
                if t.end <= m.start and sent[: t.start].rstrip().endswith(o.name):
                    o = replace(o, timepoint=sent[t.start : t.end], timepoint_months=t.months)
                    m = replace(m, outcome=o)
                    break
        fixed.append(m)
    return fixed


#: "(67.5 ± 11.4 vs. 71.6 ± 10.3 kg": two values of one measure set against each other
_PAIR_BETWEEN = re.compile(r"\s*(?:vs\.?|versus|and|compared\s+with|v\.?|/)\s*", re.I)


def paired_values(sent: str, out: list[UnkeyedMatch]) -> list[UnkeyedMatch]:
    """ "(67.5 ± 11.4 vs. 71.6 ± 10.3 kg, P = 0.06)": the unit printed once after
    the pair is the first value's too, and the pair shares its time point."""
    fixed = list(out)
    for k in range(len(fixed) - 1):
        a, b = fixed[k], fixed[k + 1]
        if a.outcome.name != b.outcome.name or a.outcome.statistic != b.outcome.statistic:
            continue
        if not _PAIR_BETWEEN.fullmatch(sent[a.end : b.start]):
            continue
        oa, ob = a.outcome, b.outcome
        if oa.unit is None and ob.unit is not None:
            oa = replace(oa, unit=ob.unit)
        if ob.timepoint is None and oa.timepoint is not None and oa.timepoint != "baseline":
            ob = replace(ob, timepoint=oa.timepoint, timepoint_months=oa.timepoint_months)
        elif oa.timepoint is None and ob.timepoint is not None and ob.timepoint != "baseline":
            oa = replace(oa, timepoint=ob.timepoint, timepoint_months=ob.timepoint_months)
        fixed[k], fixed[k + 1] = replace(a, outcome=oa), replace(b, outcome=ob)
    return fixed


def leading_timepoint(sent: str, ms: list[Mention], v: Mention) -> Mention | None:
    """ "At week 12, X was 138 in the A group and 149 in the B group": the time point
    opening the sentence is each value's, unless another time point or "baseline"
    comes between it and the value (or just after the value)."""
    times = [t for t in ms if t.kind == "timepoint"]
    if not times or times[0].start > 2 or times[0].end > v.start:
        return None
    lead = times[0]
    if any(lead.end <= t.start < v.end + 20 for t in times[1:]):
        return None
    if re.search(r"\bbaseline\b", sent[lead.end : v.end + 20], re.I):
        return None
    return lead
