"""Endpoint mentions in a sentence: the keyed vocabulary (ontology/vocab/endpoints.json),
GVHD grade bands, site-limited and unkeyed result names, and the abbreviations a
paper defines for endpoints (parenthetical definitions and table-footnote glossaries).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, lru_cache

from litkg.extractor.components.alternation import GateSet, LiteralGate, folded
from litkg.extractor.mentions import Mention
from litkg.extractor.mentions import dedupe_overlaps as _dedupe_overlaps
from litkg.extractor.numbers import (
    DASH,
)
from litkg.extractor.vocab import load_vocab

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
            out.append(
                (key, re.compile(pat, re.I), LiteralGate.of_patterns([pat], ignore_case=True))
            )
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
    must hold for it to match, else the strings one of which every match holds
    (`_sentence_terms` asks these gates only whether, and runs the term's
    regex from the sentence's start); `always` where the pattern has neither."""
    return [
        LiteralGate.of_presence([t], ignore_case=True)
        for t in load_vocab("endpoints")["unkeyed"]["terms"]
    ]


@lru_cache(maxsize=1024)
def _alias_regex(short: str) -> re.Pattern[str]:
    """A paper's own endpoint abbreviation as printed, as a whole word (compiled
    once per abbreviation, not once per sentence)."""
    return re.compile(rf"(?<![\w/-]){re.escape(short)}(?![\w-])")


def _find_endpoints(sent: str, aliases: dict[str, str] | None = None) -> list[Mention]:
    keyed, gvhd, _ = _sentence_terms(sent)
    out = list(keyed)
    for short, key in (aliases or {}).items():
        if key and short in sent:  # the pattern is the abbreviation as printed
            out += [
                Mention("endpoint", m.start(), m.end(), key=key)
                for m in _alias_regex(short).finditer(sent)
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


_PCT_ONLY = {"ALIVE", "COMPLETION", "CR", "ORR", "MRD_NEG", "PR", "DCR", "PCR"}
_GVHD_KEYS = {"AGVHD_1_2", "AGVHD_2_4", "AGVHD_3_4", "CGVHD", "CGVHD_SEVERE"}

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


def endpoint_key(text: str) -> str | None:
    """The endpoint key a phrase names ("overall survival" -> "OS"), or None."""
    eps = _endpoints(text)
    if len(eps) == 1 and eps[0].end - eps[0].start >= len(text.strip()) - 2:
        return eps[0].key
    return None
