"""Outcomes: endpoints with their numbers, read sentence by sentence.

A sentence is turned into a sequence of typed mentions (the shared
`litkg.extractor.mentions` layer: values, timepoints, arm cues; endpoints
from `outcome_endpoints`), and values are attached to endpoints by
the structure of the sentence: "respectively" lists are zipped, a list of
values under one endpoint shares it, otherwise the nearest compatible
endpoint before the value wins. Everything here is a pure function of the
sentence text; `outcome_tables` reads table rows the same way (its
readers and the endpoint functions callers use are re-exported here).
"""

from __future__ import annotations

import re
from dataclasses import replace

from litkg.extractor.components.outcome_endpoints import (  # noqa: F401  (re-exported)
    _GVHD_KEYS,
    _PCT_ONLY,
    OTHER,
    _endpoints,
    _gated_endpoint_patterns,
    _term_gates,
    _unkeyed_term_gates,
    _unkeyed_vocab,
    endpoint_definitions,
    endpoint_key,
    glossary_aliases,
)
from litkg.extractor.components.outcome_match import OutcomeMatch
from litkg.extractor.components.outcome_tables import (  # noqa: F401  (re-exported)
    outcomes_from_arm_rows,
    outcomes_from_table,
)
from litkg.extractor.mentions import Mention, to_months
from litkg.extractor.mentions import masked_spans as _masked_spans
from litkg.extractor.mentions import timepoints as _timepoints
from litkg.extractor.mentions import values as _values
from litkg.extractor.numbers import (
    DASH,
    P_VALUE_RE,
    parse_ci,
    to_float,
)

# --------------------------------------------------------------------------- assembly

_CONTROL_RE = re.compile(
    r"\b(?:in|for|among|of|with)\s+(?:the\s+)?(?:matched\s+|historical\s+|concurrent\s+)?"
    r"(?:controls?|control\s+(?:group|cohort|arm|patients)|comparator(?:\s+(?:group|cohort|arm))?|placebo(?:\s+(?:group|arm))?)\b"
    r"|\bin\s+(?:those|patients)\s+who\s+did\s+not\s+receive\b",
    re.I,
)
_BOTH_RE = re.compile(r"\bin\s+both\s+(?:the\s+)?[\w\s-]{0,40}?\band\s+(?:the\s+)?control\b", re.I)


_SEP_RE = re.compile(
    r"^[\s,;:/]*(?:(?:and|or|vs\.?|versus|compared\s+(?:with|to)|respectively|in\s+\w+|with|\(|\))[\s,;:/()]*)*$",
    re.I,
)
_EP_SEP_RE = re.compile(
    r"^[\s,;/]*(?:(?:and|or|&|as\s+well\s+as)[\s,]*)?(?:\(\s*\w+\s*\)\s*)?[\s,]*$", re.I
)


def _strip_masked(
    text: str, start: int, masked: list[tuple[int, int]], others: list[Mention]
) -> str:
    """The text between two mentions with masked spans and timepoints removed."""
    chars = list(text)
    for s, e in masked:
        for i in range(max(s - start, 0), min(e - start, len(chars))):
            chars[i] = " "
    for m in others:
        for i in range(max(m.start - start, 0), min(m.end - start, len(chars))):
            chars[i] = " "
    return "".join(chars)


def _group(
    items: list[Mention], sent: str, sep: re.Pattern[str], masked, others
) -> list[list[Mention]]:
    groups: list[list[Mention]] = []
    for m in items:
        if groups:
            prev = groups[-1][-1]
            between = sent[prev.end : m.start]
            if sep.match(_strip_masked(between, prev.end, masked, others)):
                groups[-1].append(m)
                continue
        groups.append([m])
    return groups


_STAT_FOR = {"pct": "rate", "time": "median"}


def _compatible(ep: str, v: Mention, sent: str) -> bool:
    if ep == "FOLLOWUP":
        return v.vkind == "time" and _median_before(sent, v.start)
    if v.vkind == "time":
        return (
            ep not in _PCT_ONLY
            and ep not in _GVHD_KEYS
            and (_median_before(sent, v.start) or _paired_survival_times(ep, v, sent))
        )
    if v.vkind == "ratio":
        if v.ratio in ("or", "rr"):
            return ep not in ("ALIVE", "COMPLETION")
        return ep not in _PCT_ONLY
    return True


_TIME_TO_EVENT = {"OS", "PFS", "EFS", "RFS", "DFS", "GRFS", "TTP", "DOR"}
_TIME = r"\d+(?:[.·]\s?\d+)?\s*(?:months?|mos?|days?|weeks?|years?)\b"
_VERSUS = r"\b(?:versus|vs\.?|compared\s+(?:with|to))"


def _paired_survival_times(ep: str, v: Mention, sent: str) -> bool:
    """ "a shorter PFS (1.9 months in arm A versus 3.6 months in arm B)": two
    times of a time-to-event endpoint set against each other are its medians
    (Kaplan-Meier), though "median" is not printed; never beside a mean, and
    never a gain ("longer by 2.1 months")."""
    if ep not in _TIME_TO_EVENT or re.search(r"\b(?:mean|average)\b", sent, re.I):
        return False
    gain = re.compile(
        r"\b(?:by|than|longer|shorter|gain|difference|increase|improvement|prolonged|extended)\s*$",
        re.I,
    )
    if gain.search(sent[max(0, v.start - 25) : v.start]):
        return False
    after = re.match(rf"{_TIME}[^;()]{{0,50}}?{_VERSUS}\s+\d", sent[v.start : v.start + 120], re.I)
    if after:
        return True
    lo = max(0, v.start - 120)
    before = re.search(rf"(?<![\d.·]){_TIME}[^;()]{{0,50}}?{_VERSUS}\s*$", sent[lo : v.start], re.I)
    return bool(before) and not gain.search(
        sent[max(0, lo + before.start() - 25) : lo + before.start()]
    )


def _median_before(sent: str, pos: int) -> bool:
    """ "median" shortly before a time value, or further back with only a
    list of such values between ("median follow-up was 38 months (IQR ...)
    overall, 36 months (...) in arm A and 39 months (...) in arm B")."""
    if re.search(r"\bmedian\b", sent[max(0, pos - 120) : pos], re.I):
        return True
    found = list(re.finditer(r"\bmedian\b", sent[max(0, pos - 300) : pos], re.I))
    if not found:
        return False
    last = found[-1]
    between = sent[max(0, pos - 300) + last.end() : pos]
    return not re.search(r";|\bmean\b|\.\s+[A-Z]", between) and bool(
        re.search(r"\d\s*(?:months?|days?|weeks?|years?)\b", between, re.I)
    )


# a completion predicate after its subjects: "212 (40%) of 533 in arm A and
# 195 (37%) of 530 in arm B received all six scheduled cycles"
_SUBJECT_REACH = 220
_OTHER_PREDICATE = re.compile(
    r"\b(?:had|has|have|were|was|experienced|developed|achieved|showed|died|progressed|relapsed)\b",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z]")


def _after_reach(g: list[Mention], sent: str) -> int:
    """How far before an endpoint named after its values the values may stand."""
    if g[0].key == "COMPLETION" and re.match(r"(?i)(?:received|completed)\b", sent[g[0].start :]):
        return _SUBJECT_REACH
    return 70


def find_outcomes(sent: str, aliases: dict[str, str] | None = None) -> list[OutcomeMatch]:
    """Outcomes stated in one sentence (see the module docstring for the rules).

    `aliases` maps abbreviations a paper defines ("LFS") to endpoint keys, or
    to "" when the paper defines them as something else ("CR" for controlled
    release), which stops the vocabulary's reading of them.
    """
    eps = _endpoints(sent, aliases)
    if not eps:
        return []
    vals = _values(sent)
    if not vals:
        return []
    tps = _timepoints(sent)
    masked = _masked_spans(sent)
    # a value inside an endpoint or timepoint mention is not a value ("2-year")
    vals = [v for v in vals if not any(t.start <= v.start < t.end for t in tps + eps)]
    if not vals:
        return []
    ep_groups = _group(eps, sent, _EP_SEP_RE, masked, [])
    val_groups = _group(vals, sent, _SEP_RE, masked, tps)
    respectively = bool(re.search(r"\brespectively\b", sent, re.I))
    out: list[OutcomeMatch] = []
    used_groups: set[int] = set()
    assigned: dict[int, list[Mention]] = {}  # endpoint mention -> values given to it so far
    for vg in val_groups:
        before = [
            i for i, g in enumerate(ep_groups)
            if g[-1].end <= vg[0].start and not _clause_break(sent[g[-1].end : vg[0].start])
        ]  # fmt: skip
        after = [
            i for i, g in enumerate(ep_groups)
            if g[0].start >= vg[-1].end and g[0].start - vg[-1].end < _after_reach(g, sent) and not _clause_break(sent[vg[-1].end : g[0].start]) and not _SENTENCE_END.search(sent[vg[-1].end : g[0].start])
        ]  # fmt: skip
        pairs: list[tuple[Mention, Mention, int]] = []  # (endpoint, value, chunk)
        if before:
            eg = ep_groups[before[-1]]
            k = len(eg)
            items = _respectively_items(sent, eg, vg) if respectively and len(vg) > 1 else None
            if items is not None and (k == 1 or len(vg) % k != 0):
                for e, v in items:
                    pairs.append((e, v, 0))
            elif k > 1 and respectively and len(vg) % k == 0:
                for ci in range(len(vg) // k):
                    for e, v in zip(eg, vg[ci * k : (ci + 1) * k], strict=True):
                        pairs.append((e, v, ci))
            elif k > 1 and len(vg) == k and _EP_SEP_RE.match(sent[eg[0].end : eg[-1].start] or " "):
                # "OS and PFS were 50% and 40%" without "respectively": zip all the same
                for e, v in zip(eg, vg, strict=True):
                    pairs.append((e, v, 0))
            else:
                for j, v in enumerate(vg):
                    e = _forward_bound(eps, v, sent) or _nearest_compatible(eps, v, sent)
                    if e is not None:
                        pairs.append((e, v, j if k == 1 and len(vg) > 1 else 0))
            used_groups.add(before[-1])
        if after and not pairs:
            eg = ep_groups[after[0]]
            if eg[0].start - vg[-1].end >= 70 and _OTHER_PREDICATE.search(
                sent[vg[-1].end : eg[0].start]
            ):
                eg = []
            for j, v in enumerate(vg if eg else []):
                if v.vkind != "pct":
                    continue
                e = eg[0] if len(vg) == 1 else (eg[j] if len(eg) == len(vg) else None)
                if e is not None:
                    pairs.append((e, v, 0))
        for e, v, chunk in pairs:
            if not _compatible(e.key or "", v, sent):
                continue
            if e.key in ("CGVHD", "CGVHD_SEVERE") and re.search(
                r"\b(?:mild|moderate|limited|extensive)\b", sent[e.end : v.end], re.I
            ):
                continue  # a severity subset, not chronic GVHD as a whole
            chunk_vals = [x for x, c in ((p[1], p[2]) for p in pairs) if c == chunk]
            # a ratio compares the arms: its arm is the numerator, the intervention
            prev_same = [x for x in assigned.get(id(e), []) if x.start < v.start]
            assigned.setdefault(id(e), []).append(v)
            arm = (
                "intervention"
                if v.vkind == "ratio"
                else _arm_for(sent, v, chunk_vals[-1] if chunk_vals else v, vals, prev_same, e.end)
            )
            out.append(_make(sent, e, v, arm, vg, tps, eps, vals))
    out = _inherit_timepoints(sent, out, tps)
    out = _distribute_timepoint_list(sent, out)
    if _PROGNOSTIC_RE.search(sent):
        # RECORD.md: a ratio for a patient characteristic or biomarker is no outcome
        out = [o for o in out if o.statistic not in ("hr", "sdhr", "or", "rr")]
    # values under one endpoint mention share its reading: a list of differences
    first_diff: dict[int, int] = {}
    for o in out:
        if o.statistic == "difference":
            k = o.extra.get("ep_start", -1)
            first_diff[k] = min(first_diff.get(k, o.end), o.end)
    out = [
        replace(o, statistic="difference")
        if o.statistic == "rate"
        and o.end > first_diff.get(o.extra.get("ep_start", -1), len(sent) + 1)
        else o
        for o in out
    ]
    return _expand_both(sent, out)


def _respectively_items(
    sent: str, eg: list[Mention], vg: list[Mention]
) -> list[tuple[Mention, Mention]] | None:
    """Pair values with the items of a coordinated list that holds the endpoints:
    "the incidences of grade I CRS and grade III-IV aGvHD were 14.3% and 4.8%,
    respectively" -> the second item (aGvHD) takes the second value."""
    start = max(sent.rfind(";", 0, eg[0].start), 0)
    if len(eg) == 1 and _lists_groups(sent, start, eg[0]):
        return None
    m = re.search(r"\b(?:were|was|are|is|of|:)\s*$", sent[: vg[0].start])
    end = m.start() if m else vg[0].start
    if end <= eg[-1].end:
        return None
    region = sent[start:end]
    seps = [start + x.end() for x in re.finditer(r",\s*(?:and\s+)?|\s+and\s+|\s+or\s+", region)]
    bounds = [start] + seps
    n_items = len(bounds)
    if n_items < len(vg):
        return None
    first_item = n_items - len(vg)
    pairs = []
    for e in eg:
        item = max(i for i, b in enumerate(bounds) if b <= e.start)
        if item >= first_item:
            pairs.append((e, vg[item - first_item]))
    return pairs or None


# a biomarker or characteristic as the subject of a survival association
_PROGNOSTIC_RE = re.compile(
    r"\b(?:levels?|concentrations?|expression|counts?|status|scores?)\s+(?:\([^()]*\)\s+)?"
    r"(?:of\s+[\w-]+\s+)?(?:was|were|is|are)\s+(?:\w+\s+){0,2}?"
    r"(?:associated|correlated|prognostic|predictive|of\s+(?:\w+\s+)?prognostic)\b"
    r"|\b(?:an?\s+)?(?:independent\s+|adverse\s+|unfavou?rable\s+|poor\s+)?prognostic\s+(?:factors?|value|significance|markers?)\b",
    re.I,
)
_GROUP_NOUN_RE = re.compile(r"\b(?:groups?|arms?|cohorts?|subgroups?|patients)\b", re.I)


def _lists_groups(sent: str, start: int, e: Mention) -> bool:
    """Whether a coordinated list before one endpoint's values names groups,
    not other measures: "ORR in the A and B groups was 54% and 50%,
    respectively" (the endpoint stands before the list), "between matched and
    unmatched groups regarding the 3-year RFS (68 vs. 74%, respectively)"."""
    clause = sent[start : e.start]
    if not re.search(r"\s(?:and|or|vs\.?|versus)\s|,", clause):
        return True  # the endpoint precedes any coordination
    last = max(m.end() for m in re.finditer(r"\s(?:and|or|vs\.?|versus)\s|,", clause))
    return bool(_GROUP_NOUN_RE.search(clause[last:]))


_FORWARD_RE = re.compile(
    r"^\s*[\])]?\s*(?:\([^()]*\)\s*)?(?:of\s+(?:the\s+|all\s+)?(?:\d+\s+)?(?:\w+\s+){0,2}?(?:patients|participants|subjects|children|adults|women|men)\s+)?"
    r"(?:\([^()]*\)\s*)?(?:(?:achieved|attained|reached|had|obtained|showed|experienced|developed|were\s+in)\s+(?:a\s+|an\s+)?"
    r"|(?<=\))\s*)",
    re.I,
)


def _forward_bound(eps: list[Mention], v: Mention, sent: str) -> Mention | None:
    """ "24% of patients achieved a complete remission": the value belongs to the
    endpoint its own clause goes on to name, not to one named before it."""
    m = _FORWARD_RE.match(sent[v.end :])
    if not m or v.vkind != "pct":
        return None
    pos = v.end + m.end()
    for e in eps:
        if e.start == pos and _compatible(e.key or "", v, sent):
            return e
    return None


def _nearest_compatible(eps: list[Mention], v: Mention, sent: str) -> Mention | None:
    """The last compatible endpoint before a value in its clause; one named in
    an aside the value stands outside ("the ORR (CR + PR) was", "ORR, which
    included CR and PR, was") only where no other is."""
    cands = [
        e for e in eps
        if e.end <= v.start and not _clause_break(sent[e.end : v.start]) and _compatible(e.key or "", v, sent)
    ]  # fmt: skip
    outside = [e for e in cands if not _in_aside(sent, e, v)]
    return (outside or cands)[-1] if cands else None


_ASIDE_RE = re.compile(
    r"\([^()]*\)|\[[^\[\]]*\]"
    r"|,\s*(?:which|that)\s+(?:included|includes|include|comprised|comprises|covered|covers|"
    r"(?:was|is|were|are)\s+defined\s+as)\b[^,;()]*(?:\([^()]*\)[^,;()]*)*,",
    re.I,
)


def _in_aside(sent: str, e: Mention, v: Mention) -> bool:
    """Whether an endpoint mention lies in a parenthesis or a defining clause
    that closes before the value."""
    return any(
        m.start() < e.start and e.end <= m.end() <= v.start for m in _ASIDE_RE.finditer(sent)
    )


def _clause_break(between: str) -> bool:
    """A semicolon between two mentions, outside parentheses ("HR 0.94 (95% CI
    0.58-1.54; P = .81), and 0.95" stays one clause)."""
    return ";" in re.sub(r"\([^()]*\)|\[[^\[\]]*\]", "", between)


_DIFFERENCE_RE = re.compile(
    r"\b(?:difference|improvement|reduction|increase|decrease|gain)\b", re.I
)
#: "relapse decreased by 12%", "increased by about 9%": a change ("decreased to 12%" is a rate)
_CHANGED_BY_RE = re.compile(
    r"\b(?:increased|decreased|reduced|improved|declined|fell|rose|dropped|lowered)\b"
    r"[^.;%]{0,40}?\bby\s+(?:about\s+|approximately\s+|nearly\s+|almost\s+|only\s+)?$",
    re.I,
)
# "an estimated 36% risk reduction", "a 12% relative reduction in the risk of death"
_DIFFERENCE_AFTER_RE = re.compile(
    r"\s*(?:relative\s+|absolute\s+)?(?:risk\s+)?(?:reduction|decrease|increase|improvement)\b"
    r"|\s*(?:lower|higher|reduced|increased)\s+(?:relative\s+)?risk\b",
    re.I,
)
_COMPARE_RE = re.compile(r"\b(?:compared\s+(?:with|to)|versus|vs\.?|than)\s", re.I)


def _arm_for(
    sent: str,
    v: Mention,
    last: Mention,
    vals: list[Mention],
    prev_same: list[Mention] | None = None,
    ep_end: int | None = None,
) -> str | None:
    """The arm role of a value: control when a control cue follows it (or its
    chunk) in its clause, or when it stands after a comparison word and a
    control cue comes later; intervention for the first value; unknown (None)
    for a later value that nothing names."""
    nxt = [x.start for x in vals if x.start > last.start]
    tail = sent[last.end : min(nxt) if nxt else len(sent)]
    clause = re.split(r"[,;]", tail, maxsplit=1)[0]
    if _BOTH_RE.search(tail[:80]):
        return "intervention"
    if _CONTROL_RE.search(clause[:80]):
        return "control"
    if re.search(
        r"\b(?:controls?|comparators?|placebo)(?:\s+(?:group|cohort|arm|patients))?\s*\(\s*$",
        sent[: v.start],
        re.I,
    ):
        return "control"  # "... and the matched comparator cohort (28%)"
    if not prev_same:
        # "The median follow-up for the matched control cohort was 51.7 months"
        if ep_end is not None and _CONTROL_RE.search(re.split(r"[;]", sent[ep_end : v.start])[-1]):
            return "control"
        return "intervention"
    if _COMPARE_RE.search(sent[prev_same[-1].end : v.start]) and _CONTROL_RE.search(sent[v.end :]):
        return "control"
    return None


_LIST_NUM = r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)"
_TIMEPOINT_LIST_RE = re.compile(
    rf"(?<![\w.])(?P<head>(?:{_LIST_NUM}[-‐],?\s+(?:(?:and|or)\s+)?)+)(?P<last>{_LIST_NUM})"
    r"[-‐](?P<u>year|yr|month|mo|day|week)s?\b",
    re.I,
)


def _distribute_timepoint_list(sent: str, out: list[OutcomeMatch]) -> list[OutcomeMatch]:
    """ "The 1-, 3-, and 5-year OS rates were 89%, 82%, and 75% for arm A and
    92%, 90%, and 82% for arm B": the landmarks of the list go to its values in
    turn (the last landmark alone is what the timepoint reader sees)."""
    for m in _TIMEPOINT_LIST_RE.finditer(sent):
        nums = re.findall(_LIST_NUM, m.group("head"), re.I) + [m.group("last")]
        months = [to_months(n, m.group("u")) for n in nums]
        if None in months:
            continue
        for ep_start in sorted({o.extra.get("ep_start", -1) for o in out}):
            if not (0 <= ep_start - m.end() < 40) or re.search(
                r"[;.]|\b(?:was|were)\b", sent[m.end() : ep_start]
            ):
                continue
            idx = [i for i, o in enumerate(out) if o.extra.get("ep_start") == ep_start]
            if not idx or len(idx) % len(months) or any(out[i].statistic != "rate" for i in idx):
                continue
            for k, i in enumerate(idx):
                out[i] = replace(out[i], timepoint_months=months[k % len(months)])
    return out


def _inherit_timepoints(
    sent: str, out: list[OutcomeMatch], tps: list[Mention]
) -> list[OutcomeMatch]:
    """ "a 5-year CIR of 9.9% and NRM of 6.7%": the landmark covers the coordinated list."""
    res: list[OutcomeMatch] = []
    for o in out:
        if o.statistic == "rate" and o.timepoint_months is None and res:
            prev = res[-1]
            between = sent[prev.end : o.start]
            if (
                prev.statistic == "rate"
                and prev.timepoint_months is not None
                and prev.endpoint != o.endpoint
                and re.match(r"^[^;.]{0,40}?\band\b[^;.]{0,20}$", between)
                and not re.search(r"\b(?:was|were|is|are)\b", between)
                and not any(prev.end <= t.start < o.start for t in tps)
            ):
                o = replace(o, timepoint_months=prev.timepoint_months)
        res.append(o)
    return res


def _make(sent, e: Mention, v: Mention, arm: str | None, vg, tps, eps, vals) -> OutcomeMatch:
    nxt = [x.start for x in vals if x.start > v.start]
    window_end = min(nxt) if nxt else len(sent)
    tail = sent[v.end : window_end]
    ci = parse_ci(tail[:80]) if re.match(r"\s*[\[(,;]?\s*(?:95)", tail) else None
    inner = re.search(
        r"[\[(]\s*(?:95\s?%\s*CI[:,]?\s*)?(\d+(?:[.·]\d+)?)\s*(?:-|–|—|to)\s*(\d+(?:[.·]\d+)?)\s*[\])]",
        sent[v.start : v.end],
    )
    if ci is None and inner and v.vkind == "time":
        # "2.7 (95% CI, 1.5–3.5) months", "the median (95% CI) PFS was 5.5 (3.8–14.0) months"
        if "95" in inner.group(0) or re.search(r"\(\s*95\s?%\s*CI\s*\)", sent[: v.start], re.I):
            lo, hi = to_float(inner.group(1)), to_float(inner.group(2))
            if lo is not None and hi is not None and lo <= (v.value or 0) <= hi:
                ci = (lo, hi)
    p = None
    pm = P_VALUE_RE.search(tail[:90])
    if pm:
        from litkg.extractor.numbers import parse_p_value

        p = parse_p_value(pm.group(0))
    prev_end = max([x.end for x in vals if x.end <= v.start], default=max(0, e.start - 40))
    if v.vkind == "pct" and (
        _DIFFERENCE_RE.search(
            sent[min(prev_end, e.start if e.start < v.start else prev_end) : v.start]
        )
        or _DIFFERENCE_AFTER_RE.match(sent[v.end :])
        or _CHANGED_BY_RE.search(sent[max(prev_end, v.start - 60) : v.start])
    ):
        stat, unit = "difference", "%"
    elif v.vkind == "pct":
        stat, unit = "rate", "%"
    elif v.vkind == "time":
        stat, unit = "median", v.unit
    else:
        stat, unit = v.ratio or "hr", None
    if ci is None and stat != "median":
        m = re.match(
            rf"\s*[\[(]\s*(−?\d+(?:[.·]\d+)?)\s*%?\s*(?:{DASH}|to)\s*(−?\d+(?:[.·]\d+)?)\s*%?\s*[\])]",
            tail,
        )
        lo, hi = (to_float(m.group(1)), to_float(m.group(2))) if m else (None, None)
        if lo is not None and hi is not None and v.value is not None and lo <= v.value <= hi:
            ci = (lo, hi)
    tp = None if stat not in ("rate", "difference") else _timepoint_for(sent, e, v, vg, tps, vals)
    start = min(e.start, v.start)
    end = max(e.end, v.end)
    return OutcomeMatch(
        endpoint=e.key or "",
        statistic=stat,
        value=v.value if v.value is not None else 0.0,
        unit=unit,
        timepoint_months=tp,
        arm=arm,
        ci=ci,
        p=p,
        start=start,
        end=end,
        rule=f"outcomes.sentence.{v.vkind}",
        extra={
            "ep_start": e.start,
            "v_start": v.start,
            "v_end": v.end,
            "name": e.label if e.key == OTHER else None,
        },
    )


def _timepoint_for(sent, e: Mention, v: Mention, vg, tps, vals) -> float | None:
    # 1. a timepoint right after the value: "36% at 1 year"
    nxt = [x.start for x in vals if x.start > v.start]
    limit = min(nxt) if nxt else len(sent)
    for t in tps:
        if v.end <= t.start < limit and t.start - v.end < 25:
            return t.months
    # 2. a timepoint right before the endpoint (or its list): "the 1-year OS, PFS and NRM"
    for t in reversed(tps):
        if (
            t.end <= e.start
            and e.start - t.end < 40
            and not re.search(r"[;.]|\bwas\b|\bwere\b", sent[t.end : e.start])
        ):
            return t.months
    # 3. between the endpoint and its value: "acute GVHD grades 2-4 at 100 days ... was 33%"
    for t in tps:
        if (
            e.end <= t.start
            and t.end <= v.start
            and not any(e.end <= x.start < t.start for x in vals)
        ):
            return t.months
    # 4. a timepoint before the first value of a respectively-list that covers this one
    for t in reversed(tps):
        if t.end <= vg[0].start and t.start >= e.start:
            return t.months
    return None


def _expand_both(sent: str, out: list[OutcomeMatch]) -> list[OutcomeMatch]:
    """ "... in 29% of patients in both the drug and control groups" -> both arms."""
    res: list[OutcomeMatch] = []
    for o in out:
        res.append(o)
        tail = sent[o.end : o.end + 80]
        if _BOTH_RE.search(tail) and o.arm == "intervention":
            res.append(replace(o, arm="control"))
    return res
