"""Outcomes: endpoints with their numbers, read sentence by sentence.

A sentence is turned into a sequence of typed mentions (the shared
`litkg.extractor.mentions` layer: values, timepoints, arm cues; endpoints
from this module's vocabulary), and values are attached to endpoints by
the structure of the sentence: "respectively" lists are zipped, a list of
values under one endpoint shares it, otherwise the nearest compatible
endpoint before the value wins. Everything here is a pure function of the
sentence text; `outcome_rows_from_table` reads table rows the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from litkg.extractor.components.alternation import GateSet, LiteralGate, folded
from litkg.extractor.mentions import Mention, to_months
from litkg.extractor.mentions import dedupe_overlaps as _dedupe_overlaps
from litkg.extractor.mentions import masked_spans as _masked_spans
from litkg.extractor.mentions import timepoints as _timepoints
from litkg.extractor.mentions import values as _values
from litkg.extractor.numbers import (
    DASH,
    P_VALUE_RE,
    parse_ci,
    to_float,
)
from litkg.extractor.tables import TableModel
from litkg.extractor.vocab import load_vocab


@dataclass(frozen=True)
class OutcomeMatch:
    """An outcome read from one sentence (offsets relative to the sentence)."""

    endpoint: str
    statistic: str
    value: float
    unit: str | None
    timepoint_months: float | None
    arm: str | None
    ci: tuple[float, float] | None
    p: float | None
    start: int
    end: int
    rule: str
    extra: dict = field(default_factory=dict)


# --------------------------------------------------------------------------- vocab


@cache
def _endpoint_patterns() -> list[tuple[str, re.Pattern[str]]]:
    return [(key, rx) for key, rx, _ in _gated_endpoint_patterns()]


@cache
def _gated_endpoint_patterns() -> list[tuple[str, re.Pattern[str], LiteralGate]]:
    """(key, regex, a necessary condition for the regex to match) per endpoint term list."""
    vocab = load_vocab("endpoints")
    out: list[tuple[str, re.Pattern[str], LiteralGate]] = []
    for key, spec in vocab["endpoints"].items():
        if "gvhd" in spec:
            continue
        terms = sorted(spec.get("terms", []), key=len, reverse=True)
        if terms:
            alt = "|".join(re.escape(t).replace(r"\ ", r"[\s-]+") for t in terms)
            rx = re.compile(rf"(?<![\w-])(?:{alt})(?:s)?(?![\w-])", re.I)
            out.append((key, rx, LiteralGate.of(terms, ignore_case=True)))
        abbrs = spec.get("abbreviations", [])
        if abbrs:
            alt = "|".join(re.escape(a) for a in abbrs)
            rx = re.compile(rf"(?<![\w/-])(?:{alt})(?:s)?(?![\w-])")
            out.append((key, rx, LiteralGate.of(abbrs, ignore_case=False)))
        for pat in spec.get("patterns", []):
            out.append((key, re.compile(pat, re.I), LiteralGate()))
    return out


@cache
def _gvhd_heads() -> dict[str, re.Pattern[str]]:
    vocab = load_vocab("endpoints")["gvhd"]
    heads = {}
    for kind, names in vocab.items():
        alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        heads[kind] = re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.I)
    return heads


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}
_GRADE_NUM = r"(?:IV|III|II|I|[1-5])"
_GRADE_RANGE = rf"(?:{_GRADE_NUM}\s*{DASH}\s*{_GRADE_NUM}|(?:≥|>=|>)\s*{_GRADE_NUM}|{_GRADE_NUM}\s*(?:or|to)\s*(?:higher|more|above|{_GRADE_NUM}))"
_GRADES_RE = re.compile(
    rf"\bgrades?\s*(?P<list>{_GRADE_RANGE}(?:\s*(?:,|and|or|/)\s*{_GRADE_RANGE})*)", re.I
)
_ONE_RANGE_RE = re.compile(_GRADE_RANGE, re.I)


def _grade_value(tok: str) -> int:
    tok = tok.strip().lower()
    return int(tok) if tok.isdigit() else _ROMAN.get(tok, 0)


def _normalise_grade_range(text: str) -> str | None:
    nums = [_grade_value(t) for t in re.findall(r"IV|III|II|I|[1-5]", text, re.I)]
    if re.search(r"≥|>=|>|higher|more|above", text):
        lo = nums[0] + (1 if ">" in text and "=" not in text and "≥" not in text else 0)
        hi = 4
    elif len(nums) >= 2:
        lo, hi = nums[0], nums[1]
    else:
        return None
    return f"{lo}-{hi}"


_AGVHD_KEYS = {"1-2": "AGVHD_1_2", "2-4": "AGVHD_2_4", "3-4": "AGVHD_3_4"}


def _gvhd_mentions(sent: str) -> list[Mention]:
    heads = _gvhd_heads()
    out: list[Mention] = []
    for kind, pat in heads.items():
        for m in pat.finditer(sent):
            if kind == "chronic":
                before = sent[max(0, m.start() - 25) : m.start()].lower()
                after = sent[m.end() : m.end() + 3]
                if re.search(r"\bseverity\b|\bmild|\bmoderate|\bgrade", before):
                    continue
                key = "CGVHD_SEVERE" if re.search(r"\bsevere\s*$", before) else "CGVHD"
                end = m.end()
                if after.startswith(" ("):
                    close = sent.find(")", m.end())
                    if 0 < close - m.end() < 12:
                        end = close + 1
                out.append(Mention("endpoint", m.start(), end, key=key))
                continue
            # acute: grades before ("grade III-IV acute GVHD") or after ("aGVHD grades 2-4")
            found = False
            window_before = sent[max(0, m.start() - 45) : m.start()]
            gb = list(_GRADES_RE.finditer(window_before))
            if gb and not re.search(r"[.;]", window_before[gb[-1].end() :]):
                g = gb[-1]
                base = m.start() - len(window_before)
                for r in _ONE_RANGE_RE.finditer(g.group("list")):
                    key = _AGVHD_KEYS.get(_normalise_grade_range(r.group(0)) or "")
                    if key:
                        s = base + g.start("list") + r.start()
                        out.append(Mention("endpoint", s, s + len(r.group(0)), key=key))
                        found = True
            if not found:
                ga = _GRADES_RE.match(
                    sent, m.end() + (len(sent[m.end() :]) - len(sent[m.end() :].lstrip()))
                )
                if ga is None:
                    ga2 = re.match(r"\s*\(?[A-Za-z]*\)?\s*,?\s*", sent[m.end() :])
                    if ga2:
                        ga = _GRADES_RE.match(sent, m.end() + ga2.end())
                if ga:
                    for r in _ONE_RANGE_RE.finditer(ga.group("list")):
                        key = _AGVHD_KEYS.get(_normalise_grade_range(r.group(0)) or "")
                        if key:
                            s = ga.start("list") + r.start()
                            out.append(Mention("endpoint", s, s + len(r.group(0)), key=key))
    return out


# --------------------------------------------------------------------------- mentions

# mentions: see litkg.extractor.mentions

_CONTROL_RE = re.compile(
    r"\b(?:in|for|among|of|with)\s+(?:the\s+)?(?:matched\s+|historical\s+|concurrent\s+)?"
    r"(?:controls?|control\s+(?:group|cohort|arm|patients)|comparator(?:\s+(?:group|cohort|arm))?|placebo(?:\s+(?:group|arm))?)\b"
    r"|\bin\s+(?:those|patients)\s+who\s+did\s+not\s+receive\b",
    re.I,
)
_BOTH_RE = re.compile(r"\bin\s+both\s+(?:the\s+)?[\w\s-]{0,40}?\band\s+(?:the\s+)?control\b", re.I)


def _endpoints(sent: str, aliases: dict[str, str] | None = None) -> list[Mention]:
    # memoised: the same sentences and table stubs are asked about several times
    return list(_endpoints_cached(sent, tuple(aliases.items()) if aliases else ()))


@lru_cache(maxsize=4096)
def _endpoints_cached(sent: str, alias_items: tuple[tuple[str, str], ...]) -> tuple[Mention, ...]:
    return tuple(_find_endpoints(sent, dict(alias_items)))


_Found = tuple[int, int, str]


@cache
def _term_gates() -> GateSet:
    """The gates of the keyed endpoint patterns, then of the unkeyed result
    terms, asked about a sentence at once."""
    keyed = [gate for _, _, gate in _gated_endpoint_patterns()]
    return GateSet(keyed + _unkeyed_term_gates())


@lru_cache(maxsize=4096)
def _sentence_terms(
    sent: str,
) -> tuple[tuple[Mention, ...], tuple[Mention, ...], tuple[tuple[_Found, ...], ...]]:
    """What the vocabulary finds in a sentence whatever the paper's own
    abbreviations: the keyed terms, the GVHD mentions, and the matches of each
    unkeyed result term (memoised: a sentence is asked about again with the
    paper's abbreviations). A pattern is run only from where the first of its
    gate's needles (the first words of its terms) occurs."""
    gated = _gated_endpoint_patterns()
    starts = _term_gates().first_starts(sent, folded(sent))
    keyed = tuple(
        Mention("endpoint", m.start(), m.end(), key=key)
        for (key, rx, _), pos in zip(gated, starts, strict=False)
        if pos >= 0
        for m in rx.finditer(sent, pos)
    )
    _, _, terms = _unkeyed_vocab()
    others = tuple(
        tuple((m.start(), m.end(), m.group(0)) for m in rx.finditer(sent)) if pos >= 0 else ()
        for rx, pos in zip(terms, starts[len(gated) :], strict=True)
    )
    return keyed, tuple(_gvhd_mentions(sent)), others


@cache
def _unkeyed_term_gates() -> list[LiteralGate]:
    """For each unkeyed result term, the literal starts one of which a sentence
    must hold for it to match (`always` where the pattern has none)."""
    return [
        LiteralGate.of_patterns([t], ignore_case=True)
        for t in load_vocab("endpoints")["unkeyed"]["terms"]
    ]


def _find_endpoints(sent: str, aliases: dict[str, str] | None = None) -> list[Mention]:
    keyed, gvhd, _ = _sentence_terms(sent)
    out = list(keyed)
    for short, key in (aliases or {}).items():
        if key and short in sent:  # the pattern is the abbreviation as printed
            out += [
                Mention("endpoint", m.start(), m.end(), key=key)
                for m in re.finditer(rf"(?<![\w/-]){re.escape(short)}(?![\w-])", sent)
            ]
    # an abbreviation the paper defines as something else is not an endpoint here
    blocked = {short for short, key in (aliases or {}).items() if not key}
    out = [m for m in out if sent[m.start : m.end].rstrip("s") not in blocked]
    out = [
        m for m in out
        if m.key != "FOLLOWUP" or re.search(r"\bmedian\b", sent[max(0, m.start - 80) : m.end + 80], re.I)
    ]  # fmt: skip
    out += gvhd
    out = _dedupe_overlaps(out)
    out = _site_limited(sent, out) + _other_results(sent, out)
    out = _dedupe_overlaps(out)
    # "progression-free survival (PFS)": the abbreviation restates the endpoint
    merged: list[Mention] = []
    for m in sorted(out, key=lambda x: x.start):
        if (
            merged
            and merged[-1].key == m.key
            and re.fullmatch(r"\s*\(\s*", sent[merged[-1].end : m.start])
        ):
            close = sent.find(")", m.end)
            end = close + 1 if 0 <= close - m.end < 3 else m.end
            merged[-1] = replace(merged[-1], end=end)
            continue
        merged.append(m)
    return merged


#: the key of a result outside the record's keys (printed with its name)
OTHER = "OTHER"


@cache
def _unkeyed_vocab() -> tuple[re.Pattern[str], re.Pattern[str], list[re.Pattern[str]]]:
    spec = load_vocab("endpoints")["unkeyed"]
    return (
        re.compile(spec["site_modifiers"], re.I),
        re.compile(spec["site_after"], re.I),
        [re.compile(t, re.I) for t in spec["terms"]],
    )


def _site_limited(sent: str, eps: list[Mention]) -> list[Mention]:
    """ "local progression-free survival", "time to progression within the brain":
    a site-limited result is not the general key; it keeps its printed name."""
    before, after, _ = _unkeyed_vocab()
    out: list[Mention] = []
    for e in eps:
        m = before.search(sent[max(0, e.start - 30) : e.start])
        a = after.match(sent[e.end :])
        if e.key not in _GVHD_KEYS and e.key != "FOLLOWUP" and (m or a):
            start = e.start - (len(m.group(0)) if m else 0)
            end = e.end + (a.end() if a else 0)
            out.append(replace(e, key=OTHER, start=start, end=end, label=sent[start:end]))
        else:
            out.append(e)
    return out


def _other_results(sent: str, eps: list[Mention]) -> list[Mention]:
    """Result names outside the keys ("stable disease", "SRE-free survival",
    "abstinence rate"), where no keyed term stands."""
    out: list[Mention] = []
    for found in _sentence_terms(sent)[2]:
        for start, end, label in found:
            if any(e.start < end and start < e.end for e in eps + out):
                continue
            out.append(Mention("endpoint", start, end, key=OTHER, label=label))
    return out


# --------------------------------------------------------------------------- assembly

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
_PCT_ONLY = {"ALIVE", "COMPLETION", "CR", "ORR", "MRD_NEG", "PR", "DCR", "PCR"}
_GVHD_KEYS = {"AGVHD_1_2", "AGVHD_2_4", "AGVHD_3_4", "CGVHD", "CGVHD_SEVERE"}


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


def endpoint_key(text: str) -> str | None:
    """The endpoint key a phrase names ("overall survival" -> "OS"), or None."""
    eps = _endpoints(text)
    if len(eps) == 1 and eps[0].end - eps[0].start >= len(text.strip()) - 2:
        return eps[0].key
    return None


_GLOSSARY_ITEM_RE = re.compile(
    r"(?:^|(?<=[;:\n])|(?<=\.\s))\s*(?P<abbr>[A-Za-z]{0,2}[A-Z][A-Za-z]{0,4})\s*,\s+"
    r"(?P<long>[a-z][^;.\n]{2,80})"
)


def glossary_aliases(text: str) -> dict[str, str]:
    """Endpoint abbreviations a glossary defines, as a table footnote prints
    them: "RR, response rate covering both CR and PR; SD, stable disease" ->
    {"RR": "ORR"}. The definition must begin with an endpoint's name."""
    out: dict[str, str] = {}
    for m in _GLOSSARY_ITEM_RE.finditer(text):
        abbr = m.group("abbr")
        if sum(ch.isupper() for ch in abbr) < 2:
            continue
        eps = [e for e in _endpoints(m.group("long")) if e.key and e.key != OTHER]
        if eps and eps[0].start == 0:
            out.setdefault(abbr, eps[0].key or "")
    return out


_DEFINED_RE = re.compile(r"\((?P<abbr>[A-Za-z]{0,2}[A-Z][A-Za-z]{0,4})\)")


def endpoint_definitions(text: str) -> dict[str, str]:
    """Abbreviations the text defines after an endpoint's name ("partial
    response (PR)"), though it may define them otherwise too ("progesterone
    receptor (PR)"): a reader that keeps one long form per abbreviation
    loses the endpoint's."""
    out: dict[str, str] = {}
    for m in _DEFINED_RE.finditer(text):
        abbr = m.group("abbr")
        if abbr in out or sum(ch.isupper() for ch in abbr) < 2:
            continue
        lo = max(0, m.start() - 80)
        window = text[lo : m.end()]
        eps = [e for e in _endpoints(window) if e.key and e.key != OTHER]
        before = [e for e in eps if e.start < m.start() - lo]
        if before and before[-1].end >= m.start() - lo - 1:
            out[abbr] = before[-1].key or ""
    return out


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


# --------------------------------------------------------------------------- tables


_CELL_RE = re.compile(
    rf"^\s*(?:(?P<lead>\d+)\s+(?=\d))?(?P<a>−?\d+(?:[.·]\d+)?)\s*(?P<pct>%)?\s*"
    rf"(?:(?:/\s*(?P<den>\d+)\s*)?[\[(]\s*(?:95\s*%\s*CI[:,]?\s*)?(?P<b>−?\d+(?:[.·]\d+)?)\s*%?\s*"
    rf"(?:(?:{DASH}|to|,)\s*(?P<c>−?\d+(?:[.·]\d+)?)\s*%?\s*)?[\])])?\s*$",
)
_HR_COLUMN = re.compile(
    r"(?i)^\s*(?:(?:adjusted\s+)?(?:hr|hazard ratio)|(?P<sd>s(?:d)?hr|subdistribution))\b"
)
_LABEL_COUNT_PCT = re.compile(r"(?i)\b(?:n|no\.?|number)\s*(?:\(\s*%\s*\)|,\s*%)|\bn\s*/\s*n\b")


_RESPONSE_CATEGORY = re.compile(r"(?i)^\s*(?:SD|PD|NE|stable|progressive|not evaluable)\b")


def _pct_in_parens(cell: str) -> bool:
    """ "15 (37%)", "21/438 (5%)": a count with its percentage."""
    return bool(
        re.fullmatch(r"\s*\d+\s*(?:/\s*\d+\s*)?[\[(]\s*\d+(?:[.·]\d+)?\s*%\s*[\])]\s*", cell)
    )


def _count_of_response(ep: str, m: re.Match[str], a: float, b: float) -> bool:
    """ "CR | 20 (31.7)": for a response-type row, a whole number with a
    bracketed figure up to 100 is a count with its percentage."""
    return (
        (ep in _PCT_ONLY or ep == OTHER)
        and a == int(a)
        and not m.group("pct")
        and b <= 100
        and "." in m.group("b")
    )


_BASELINE_CAPTION = re.compile(
    r"(?i)\b(?:baseline|demographic|patients?'?)\s+(?:[\w-]+\s+){0,3}?characteristics\b"
)


def outcomes_from_table(
    table_rows: list[list[str]],
    arms: dict[int, str | None],
    aliases: dict[str, str] | None = None,
    context: str = "",
) -> list[tuple[int, int, OutcomeMatch]]:
    """Outcomes of a results table: (row, column, outcome) for each cell of an
    endpoint row under an arm column, and hazard ratios from an HR column.

    The row label says what the cells hold: "median ... months" (medians;
    the unit must be printed), "n (%)" (counts with percentages: the rate is
    the percentage), "%" or "rate" or a landmark ("2-year OS") (rates). A
    bracketed pair is a CI when the label or cell says so, or when it brackets
    a rate or ratio; after a median it is a range unless labelled CI.
    """
    if not table_rows:
        return []
    header = table_rows[0]
    hr_cols = {
        j: ("sdhr" if m.group("sd") else "hr")
        for j, c in enumerate(header)
        if (m := _HR_COLUMN.match(c))
    }
    p_col = next(
        (j for j, c in enumerate(header) if re.fullmatch(r"(?i)\s*p[- ]?(?:value)?\s*", c)), None
    )
    out: list[tuple[int, int, OutcomeMatch]] = []
    # a response in a baseline table is a characteristic ("efficacy of prior
    # chemotherapy: PR"), not this trial's result; its follow-up rows are results
    baseline = bool(_BASELINE_CAPTION.search(context))
    response_table = any(
        e.key in ("CR", "PR", "ORR", "DCR")
        for row in table_rows[1:]
        if row
        for e in _endpoints(row[0], aliases)
    )
    for r, row in enumerate(table_rows[1:], start=1):
        if not row or not row[0].strip():
            continue
        label = row[0]
        eps = _endpoints(label, aliases)
        if not eps and response_table and _RESPONSE_CATEGORY.match(label):
            # "SD", "PD" rows among CR / PR rows: response categories outside the keys
            eps = [Mention("endpoint", 0, len(label), key=OTHER, label=label.strip())]
        if not eps:
            continue
        ep = eps[0].key or ""
        if baseline and (ep in _PCT_ONLY or ep == OTHER):
            continue
        tps = _timepoints(label)
        tp = tps[0].months if tps else None
        median = bool(re.search(r"\bmedian\b", label, re.I))
        unit_m = re.search(r"\b(months?|days?|weeks?|years?)\b", label, re.I)
        # "n (%)" in the row label, or in the caption / header corner for the table
        count_pct = bool(_LABEL_COUNT_PCT.search(label) or _LABEL_COUNT_PCT.search(context))
        rate = bool(re.search(r"%|\brate\b|\bproportion\b|\bincidence\b", label, re.I)) or (
            tp is not None and not median
        )
        ci_label = bool(re.search(r"95\s*%\s*CI|confidence", label, re.I))
        p = None
        if p_col is not None and p_col < len(row):
            p = to_float(re.sub(r"[<>≤=\s]", "", row[p_col].replace("·", ".")))
            p = p if p is not None and 0 <= p <= 1 else None
        for col, arm in sorted(arms.items()):
            if col >= len(row):
                continue
            m = _CELL_RE.match(row[col])
            if not m:
                continue
            a = to_float(m.group("a"))
            b, c = to_float(m.group("b") or ""), to_float(m.group("c") or "")
            if a is None:
                continue
            if median and unit_m and ep not in _PCT_ONLY:
                unit = unit_m.group(1).lower()
                factor = (
                    12.0 if unit.startswith("y") else 7 / 30.4375 if unit.startswith("w") else 1.0
                )
                unit = "days" if unit.startswith("d") else "months"
                ci = (
                    (b * factor, c * factor)
                    if ci_label and b is not None and c is not None
                    else None
                )
                o = OutcomeMatch(ep, "median", round(a * factor, 2), unit, None, arm, ci, p, 0, 0,
                                 "outcomes.table.median", {"ep_start": 0})  # fmt: skip
            elif (
                b is not None
                and c is None
                and 0 <= b <= 100
                and (
                    count_pct
                    or _pct_in_parens(row[col])
                    or _count_of_response(ep, m, a, b)
                    or (col < len(header) and bool(_LABEL_COUNT_PCT.search(header[col])))
                )
            ):
                o = OutcomeMatch(
                    ep,
                    "rate",
                    b,
                    "%",
                    tp,
                    arm,
                    None,
                    p,
                    0,
                    0,
                    "outcomes.table.n_pct",
                    {"n": a, "name": label.strip() if ep == OTHER else None},
                )
            elif (rate or m.group("pct")) and not count_pct and 0 <= a <= 100:
                ci = (
                    (b, c)
                    if b is not None and c is not None and (ci_label or b <= a <= c)
                    else None
                )
                o = OutcomeMatch(
                    ep,
                    "rate",
                    a,
                    "%",
                    tp,
                    arm,
                    ci,
                    p,
                    0,
                    0,
                    "outcomes.table.rate",
                    {"name": label.strip() if ep == OTHER else None},
                )
            else:
                continue
            out.append((r, col, o))
        for col, kind in hr_cols.items():
            if col >= len(row) or ep in _PCT_ONLY:
                continue
            m = _CELL_RE.match(row[col])
            if not m or m.group("pct"):
                continue
            a, b, c = (
                to_float(m.group("a")),
                to_float(m.group("b") or ""),
                to_float(m.group("c") or ""),
            )
            if a is None:
                continue
            ci = (b, c) if b is not None and c is not None and b <= a <= c else None
            out.append(
                (
                    r,
                    col,
                    OutcomeMatch(
                        ep,
                        kind,
                        a,
                        None,
                        None,
                        "intervention",
                        ci,
                        p,
                        0,
                        0,
                        "outcomes.table.hr",
                        {},
                    ),
                )
            )
    return out


_LABEL_TIMEPOINT = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)?)[-\s]?(years?|yrs?|months?|mos?|days?|weeks?)\b", re.I
)
_TOTAL_STUB = re.compile(
    r"(?i)^\s*(?:total|overall|all(?: patients)?|whole (?:cohort|population))\s*$"
)


def outcomes_from_arm_rows(
    model: TableModel,
    role_of: Callable[[str], str | None],
    aliases: dict[str, str] | None = None,
) -> list[tuple[int, int, OutcomeMatch]]:
    """Outcomes of a table laid out the other way round: a row per arm ("Arm
    A", "Total"), a column per endpoint and landmark ("OS rate (%)" over
    "1-year | 3-year | 5-year"). Each cell under an endpoint column of an arm
    row is that arm's rate (or median, when the column says median and a
    unit); p columns are left to the comparison."""
    rows = []
    for row in model.data_rows():
        role = "overall" if _TOTAL_STUB.match(row.stub or "") else role_of(row.stub or "")
        if role is not None:
            rows.append((row, role))
    if len({r for _, r in rows if r != "overall"}) < 2:
        return []
    out: list[tuple[int, int, OutcomeMatch]] = []
    for col in model.columns:
        if col.is_test:
            continue
        text = " ".join(col.labels)
        eps = _endpoints(text, aliases)
        if len({e.key for e in eps}) != 1:
            continue
        e = eps[0]
        tp_m = _LABEL_TIMEPOINT.search(text)
        tp = _to_months_label(tp_m.group(1), tp_m.group(2)) if tp_m else None
        median = bool(re.search(r"\bmedian\b", text, re.I))
        unit_m = re.search(r"\b(months?|days?)\b", text, re.I)
        rate = bool(re.search(r"%|\brates?\b|\bproportion\b", text, re.I)) or (
            tp is not None and not median
        )
        for row, role in rows:
            v = model.cell(row, col).value
            num = v.percent if v.kind == "count" and v.percent is not None else v.value
            if num is None or v.kind not in ("number", "percent", "estimate", "count") or v.op:
                continue
            ci = (
                (v.low, v.high)
                if v.kind == "estimate" and v.low is not None and v.high is not None
                else None
            )
            if median and unit_m and e.key not in _PCT_ONLY:
                unit = "days" if unit_m.group(1).lower().startswith("d") else "months"
                o = OutcomeMatch(e.key or "", "median", num, unit, None, role, ci, None, 0, 0,
                                 "outcomes.table.arm_rows", {"name": text if e.key == OTHER else None})  # fmt: skip
            elif rate and 0 <= num <= 100 and not median:
                o = OutcomeMatch(e.key or "", "rate", num, "%", tp, role, ci, None, 0, 0,
                                 "outcomes.table.arm_rows", {"name": text if e.key == OTHER else None})  # fmt: skip
            else:
                continue
            out.append((row.index, col.index, o))
    return out


def _to_months_label(n: str, unit: str) -> float | None:
    v = to_float(n)
    if v is None:
        return None
    u = unit[0].lower()
    months = v * {"y": 12.0, "m": 1.0, "d": 1 / 30.4375, "w": 7 / 30.4375}[u]
    return round(months, 1) if u in "dw" else months
