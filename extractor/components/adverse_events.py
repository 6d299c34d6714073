"""Adverse events from sentences and tables: vocabulary matching plus general rules.

Public API (pure functions):

- `find_adverse_events(sentence)`: the adverse events one sentence reports, as
  `AEMatch` (canonical term, grade, n, percent, span within the sentence, rule).
- `adverse_events_from_table(table)`: the adverse events of an AE table, as
  `(AEMatch, row_index)`; spans are within the row rendered as cells joined by
  a tab (add `table.row_spans[row][0]` for a document offset).
- `find_adverse_events_in_text(text)`: a crude whole-text fallback (blank-line
  paragraphs, a regex sentence splitter, reference lists skipped); spans are
  document offsets.
- `merge_adverse_events(matches)`: one match per (term, grade, arm).
- `canonical_ae_term(text)`: the canonical term a phrase names, or None.
- `to_adverse_event(match, provenance)`: an `AdverseEvent` record.

The vocabulary and every cue list live in `ontology/vocab/adverse_events.json`.

How a sentence is read: terms are found by the vocabulary; each term gets a
grade (before it: "grade ≥3 neutropenia", "fatal adverse events"; in a
parenthesis after it: "(grade 3, N=1)", "(19% G3)"; right after it: "acute GVHD
grades 2–4"), a count after it ("occurred in 12 (18%) patients", ": n = 1") or
a subject count before it ("three patients experienced", "patient UPN-2 had",
"5 due to"), "respectively" lists are distributed, terms listed after a graded
class inherit its grade ("grade 3 non-hematological toxicities; ... febrile
neutropenia"), terms after a fatality cue ("causes of death", "died of") are
grade 5, and a grade breakdown after the count ("mostly grade 1 (5 patients)")
gives an extra event. Terms are dropped when negated (cue in a window before,
or after: "no neurologic toxicities", "none developed grade ≥ 2 CRS", "was not
observed"), when the sentence is an eligibility, baseline or citation sentence,
when they only abbreviate or specify another term ("(CRS)", "in the form of
confusion"), or when they are a class whose members are listed. A term with no
count, percentage or grade is reported only when the sentence has an
occurrence trigger ("observed", "interrupted due to") and no hedge ("risk",
"potential"). GVHD is reported only as a count without a percentage; a GVHD
incidence with a percentage is an outcome (RECORD.md). `any adverse event`
(totals) needs a count or percentage. Counts of zero mean absent: not listed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..records import AdverseEvent, Provenance
from ..sentences import split_sentences
from .ae_patterns import (
    CLAUSE_BOUNDARY,
    GRADE_EXPR,
    NOUN,
    NOUN_SING,
    NUM,
    PCT,
    TIME_UNIT,
    AEMatch,
    collapse_grades,
    grade_items,
    paren_depths,
    paren_end,
    to_int,
    to_pct,
)
from .ae_tables import TableAE, adverse_events_from_table, table_adverse_events, table_arm_roles
from .ae_vocab import (
    KIND_BLOCKED,
    KIND_CATEGORY,
    KIND_EVENT,
    KIND_GENERIC,
    canonical_term,
    load_vocab,
    lookup,
)

GVHD_TERMS = frozenset({"acute gvhd", "chronic gvhd", "graft versus host disease"})
ANY_AE = "any adverse event"


@dataclass
class _Mention:
    start: int
    end: int
    surface: str
    term: str | None
    kind: str
    # end of the mention plus its own trailing parenthesis / grade
    attr_end: int = 0
    grades: list[str] | None = None  # items of its own grade expression
    grade_src: str = ""
    pre_grade_start: int | None = None
    n: int | None = None
    pct: float | None = None
    n_rule: str = ""
    suppressed: str = ""
    negated: bool = False
    head: int | None = None  # index of the class it is listed under ("including")
    has_members: bool = False
    coord_prev: bool = False  # coordinated with the previous mention
    extra: list[tuple[str, int | None, float | None]] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)

    @property
    def grade(self) -> str | None:
        return collapse_grades(self.grades) if self.grades else None


# --------------------------------------------------------------------------- helpers


def _normalise(sentence: str) -> str:
    """Same-length clean-up: TeX math markers and odd spaces become spaces."""
    s = sentence.replace("$", " ").replace("\u00a0", " ").replace("\u2009", " ")
    s = s.replace("\u202f", " ").replace("\\geq", "≥   ").replace("\\leq", "≤   ")
    s = s.replace("\\ge ", "≥   ").replace("\\le ", "≤   ").replace("\\%", " %")
    return s


_REFERENCE = re.compile(
    r"(?:19|20)\d{2}\s*[;:]\s*\d+\s*(?:\([^)]*\))?\s*:\s*[A-Za-z]?\d+|"
    r"^\s*(?:\[\d+\]|\d{1,3}\.)?\s*[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?\s+[A-Z]{1,3},\s+[A-Z][\w'’\-]+\s+[A-Z]{1,3}[,.]"
)
_CITE = re.compile(
    r"\bet al\b|(?<=[A-Za-z.,)\]])[¹²³⁴⁵⁶⁷⁸⁹⁰⁻]+|(?<=[A-Za-z.,)\]])\^\{?\d|"
    r"\[\d+(?:\s*[,–\-]\s*\d+)*\]"
)
_GLOSSARY = re.compile(
    r"(?:^|[;.]\s*)[A-Za-z][\w\-+/]{0,12}\s*[:,]\s+[a-z][^;:]{2,80}?(?=;|\.\s*$|$)"
)
_OWN = re.compile(
    r"\b(?:we|our|us|this (?:study|trial|cohort|analysis)|the (?:present|current) (?:study|trial))\b",
    re.I,
)


def _skip_sentence(s: str) -> str:
    """Why the whole sentence is not read for adverse events ('' when it is)."""
    v = load_vocab()
    if _REFERENCE.search(s):
        return "reference"
    if _CITE.search(s) and not _OWN.search(s):
        return "citation"
    # each glossary entry holds a ":" or "," after its abbreviation
    if s.count(":") + s.count(",") >= 2 and len(_GLOSSARY.findall(s)) >= 2:
        return "glossary"
    if v.cues["skip_sentence"].search(s):
        return "eligibility"
    if v.cues["baseline"].search(s):
        return "baseline"
    return ""


def _find_mentions(s: str) -> list[_Mention]:
    v = load_vocab()
    out: list[_Mention] = []
    for m in v.scanner.finditer(s):
        entry = lookup(m.group())
        if entry is None:
            continue
        out.append(_Mention(m.start(), m.end(), m.group(), entry.term, entry.kind))
    # Shared heads: "bloodstream and respiratory infections" -> bloodstream infection too.
    extra: list[_Mention] = []
    for mm in out:
        if mm.kind != KIND_EVENT:
            continue
        words = mm.surface.split()
        if len(words) < 2:
            continue
        head = words[-1]
        pos = mm.start
        while True:
            pm = re.search(
                r"([A-Za-z][\w\-]*)\s*(?:,\s*(?:and|or)?|\band\b|\bor\b|and/or)\s*$", s[:pos]
            )
            if not pm:
                break
            entry = lookup(f"{pm.group(1)} {head}")
            if entry is None or entry.kind != KIND_EVENT or entry.term == mm.term:
                break
            if any(o.start <= pm.start(1) < o.end for o in out):
                break
            extra.append(
                _Mention(pm.start(1), pm.end(1), f"{pm.group(1)} {head}", entry.term, KIND_EVENT)
            )
            pos = pm.start(1)
    out = sorted(out + extra, key=lambda x: x.start)
    for mm in out:
        mm.attr_end = mm.end
        if mm.kind == KIND_BLOCKED:
            mm.suppressed = "blocked"
    return out


_CAUSE_BEFORE = re.compile(
    r"(?i)\b(?:for|because\s+of|due\s+to|owing\s+to|related\s+to|secondary\s+to|caused\s+by|"
    r"following|after)\s+(?:(?:an?|the|any|\w+-related)\s+)?(?:(?:grade\s*\S+|serious|severe)\s+)?$"
)
_PREDICATE_BEFORE = re.compile(
    r"(?i)\s*\b(?:was|were|is|are|being)\s+(?:also\s+)?(?:the\s+|a\s+|an\s+)?(?:\w+\s+)?"
    r"(?:most\s+)?(?:common|frequent|frequently\s+reported|reported|observed|important|notable|"
    r"serious|severe)?\s*(?:\w+\s+)?$"
)


def _block_context(s: str, mm: _Mention) -> bool:
    v = load_vocab()
    after = s[mm.end : mm.end + 30]
    am = re.match(r"[\s\-]*([A-Za-z]+)", after)
    if am and re.fullmatch(v.cues["block_after"], am.group(1)) and not re.match(r"\s*[,;.]", after):
        return True
    before = s[max(0, mm.start - 30) : mm.start]
    if (
        mm.kind == KIND_GENERIC
        and re.search(_CAUSE_BEFORE, before)
        and not re.search(r"(?i)\b(?:deaths?|died|fatalit\w*)\s+\w+(?:\s+\w+)?\s*$", before)
    ):
        return True
    rx = _block_before(v.cue_lists["block_before"])
    return rx is not None and rx.search(before) is not None


@lru_cache(maxsize=4)
def _block_before(cues: tuple[str, ...]) -> re.Pattern[str] | None:
    """The cues that block a mention they end right before, as one regex (a
    match where any one cue's own regex would match)."""
    if not cues:
        return None
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(c) for c in cues) + r")[\s\-]*$", re.I)


def _clause_start(s: str, pos: int, depths: list[int], floor: int = 0) -> int:
    """Start of the clause holding `pos` (boundaries at the same paren depth or shallower)."""
    floor = max(floor, pos - 400)  # clauses are short; keeps long inputs linear
    start = floor
    d = depths[pos] if pos < len(depths) else 0
    for m in CLAUSE_BOUNDARY.finditer(s, floor, pos):
        if depths[m.start()] <= d:
            start = m.end()
    return start


def _clause_end(s: str, pos: int, depths: list[int]) -> int:
    d = depths[pos] if pos < len(depths) else 0
    for m in CLAUSE_BOUNDARY.finditer(s, pos, min(len(s), pos + 400)):
        if depths[m.start()] <= d:
            return m.start()
    return min(len(s), pos + 400)


def _negated(s: str, mm: _Mention, depths: list[int]) -> bool:
    v = load_vocab()
    cstart = _clause_start(s, mm.start, depths)
    end = mm.pre_grade_start if mm.pre_grade_start is not None else mm.start
    window = s[cstart:end]
    words = re.findall(r"[\w'’\-]+|[,;]", window)
    tail = " ".join(words[-8:])
    tail = v.cues["pseudo_negation"].sub(" ", tail)
    if v.cues["negation_pre"].search(tail):
        return True
    after = s[mm.attr_end : _clause_end(s, mm.attr_end, depths)]
    after = re.split(r"[,;]", after, maxsplit=1)[0][:60]
    return bool(v.cues["negation_post"].search(after))


def _parse_paren(content: str) -> tuple[list[str] | None, int | None, float | None, bool]:
    """(grades, n, percent, recognised) from a parenthesis after a term."""
    if re.search(r"(?i)\b(?:supplement\w*|table|fig\w*|ref\w*)\b", content):
        return None, None, None, False
    grades: list[str] | None = None
    n: int | None = None
    pct: float | None = None
    found = False
    for part in re.split(r"[;,]", content):
        part = part.strip()
        if not part:
            continue
        gm = GRADE_EXPR.search(part)
        if gm and not gm.group("any"):
            grades = grade_items(gm)
            found = True
            part = (part[: gm.start()] + " " + part[gm.end() :]).strip()
        pm = re.search(PCT, part)
        if pm:
            pct = to_pct(pm.group())
            found = True
        nm = re.search(r"(?<![A-Za-z])[Nn]\s*=\s*(\d+)", part)
        if nm:
            n = int(nm.group(1))
            found = True
            continue
        nm = re.fullmatch(
            rf"\s*({NUM})\s*(?:/\s*\d+\s*)?(?:{NOUN})?\s*(?:\(\s*{PCT}\s*\))?\s*", part.rstrip("%")
        )
        if nm and not pm:
            n = to_int(nm.group(1))
            found = True
            continue
        nm = re.fullmatch(rf"\s*({NUM})\s*(?:/\s*\d+\s*)?(?:{NOUN})?\s*\(?\s*{PCT}\s*\)?\s*", part)
        if nm:
            n = to_int(nm.group(1))
            found = True
            continue
        if re.fullmatch(r"(?i)(?:UPN|patient|pt|case|P|#)[\s#\-]*\d+", part):
            n = 1 if n is None else n
            found = True
    return grades, n, pct, found


_SUBJ_VERB = (
    r"(?i:had|has|have|developed|develop|experienced|experience|presented\s+with|"
    r"suffered(?:\s+from)?|reported|showed|exhibited|acquired|contracted|"
    r"(?:was|were)\s+diagnosed\s+with|(?:was|were)\s+treated\s+for|"
    r"required\s+(?:treatment|hospitali[sz]ation)\s+for|(?:was|were)\s+hospitali[sz]ed\s+(?:for|with)|"
    r"(?:discontinued|stopped|interrupted|withdrew(?:\s+from)?)(?:\s+\w+){0,3}?\s+"
    r"(?:because\s+of|due\s+to|owing\s+to|for))"
)
_FILL = r"[^;()\d%]{0,30}"
_SUBJ_PATTERNS = [
    (
        "subject",
        re.compile(
            rf"(?P<num>{NUM}|(?i:a\s+single|another|a|an))\s*(?:\(\s*(?P<pct>{PCT})\s*\)\s*)?"
            rf"(?:(?i:of\s+(?:the\s+)?)(?:\d+\s+)?)?(?:[A-Za-z\-]+\s+)?{NOUN}\s*"
            rf"(?:\(\s*(?P<pct2>{PCT})\s*\)\s*)?(?:\([^()]*\)\s*)?,?\s*(?i:who\s+|that\s+)?"
            rf"(?i:(?:also|each|all|only|subsequently|later|eventually|ultimately)\s+)?"
            rf"{_SUBJ_VERB}\b{_FILL}$"
        ),
    ),
    (
        "subject_id",
        re.compile(
            rf"\b{NOUN_SING}\s+(?:[A-Z]{{1,5}}[\-#]?\d+|#\s?\d+|(?i:no\.?)\s*\d+|\d+)\s*"
            rf"(?:\([^()]*\)\s*)?,?\s*(?i:who\s+)?{_SUBJ_VERB}\b{_FILL}$"
        ),
    ),
    (
        "subject_pct",
        re.compile(
            rf"(?P<pct>{PCT})\s+(?i:of\s+(?:the\s+)?)(?:[A-Za-z\-]+\s+)?{NOUN}\s*"
            rf"(?:\([^()]*\)\s*)?{_SUBJ_VERB}\b{_FILL}$"
        ),
    ),
    (
        "subject_due",
        re.compile(
            rf"(?P<num>{NUM})\s+(?:{NOUN}\s+|(?P<death>(?i:deaths?|fatalities)\s+))?"
            rf"(?i:(?:were\s+|was\s+)?(?:due\s+to|from|because\s+of|secondary\s+to|caused\s+by|"
            rf"attributed\s+to|attributable\s+to))\s+{_FILL}$"
        ),
    ),
    (
        "subject_died",
        re.compile(
            rf"(?P<num>{NUM})\s+(?:(?:of\s+(?:them|these)|{NOUN})\s+)?(?i:died|deaths?)\s+"
            rf"(?i:of|from|due\s+to|because\s+of|caused\s+by)\s+[^;\d%]{{0,30}}$"
        ),
    ),
    (
        "subject_bare",
        re.compile(
            rf"(?:^|[,;]\s*|\b(?i:of\s+(?:whom|them|these|those)|including|and|while|whereas)\s+)"
            rf"(?P<num>{NUM})\s*(?:\(\s*(?P<pct>{PCT})\s*\)\s*)?{_SUBJ_VERB}\b{_FILL}$"
        ),
    ),
]

_POST_IN = re.compile(
    rf"^[^;()]{{0,80}}?\b(?i:in|among|affect(?:ing|ed)|for|by)\s+(?i:a\s+total\s+of\s+)?(?P<num>{NUM})\s*"
    rf"(?:\(\s*(?P<pct>{PCT})\s*\)\s*)?(?:(?:/|(?i:of|out\s+of))\s*(?:the\s+)?\d+\s*)?"
    rf"(?:(?P<noun>{NOUN})\b)?\s*(?:\(\s*(?:(?P<n2>\d+)\s*[,;/]\s*)?(?P<pct2>{PCT})\s*\))?"
)
_POST_IN_PCT = re.compile(
    rf"^[^;()]{{0,60}}?\b(?i:in|among|affect(?:ing|ed)|by)\s+(?P<pct>{PCT})\s*(?i:of\s+(?:the\s+)?(?:\w+\s+)?{NOUN})?"
)
_POST_WAS_PCT = re.compile(
    rf"^\s*(?i:rates?\s+|incidences?\s+)?(?i:was|were|of|at|:)\s+(?i:approximately\s+|about\s+)?"
    rf"(?P<pct>{PCT})"
)
# a count as the predicate: "(women) with at least one adverse event was 217 (55%)"
_POST_WAS_COUNT = re.compile(rf"^\s*(?i:was|were)\s+(?P<num>{NUM})\s*\(\s*(?P<pct>{PCT})\s*\)")
_POST_COLON = re.compile(
    rf"^\s*[:=,]?\s*(?:[Nn]\s*=\s*(?P<n>\d+)|:\s*(?P<num>{NUM})\b(?!\s*{TIME_UNIT}))"
    rf"(?:\s*\(\s*(?P<pct>{PCT})\s*\))?"
)
_POST_FATAL = re.compile(r"\s*(?i:was|were|proved|being)\s+(?i:fatal|lethal)\b")
_BREAKDOWN = re.compile(
    rf"\s*(?:\(\s*(?P<num>{NUM})\s*(?:{NOUN})?\s*(?:[,;]\s*(?P<pct>{PCT}))?\s*\)"
    rf"|(?i:in)\s+(?P<num2>{NUM})\b(?!\s*{TIME_UNIT})\s*(?:{NOUN})?\s*"
    rf"(?:\(\s*(?P<pct2>{PCT})\s*\))?)"
)
_BREAKDOWN_PRE = re.compile(
    rf"(?P<num>{NUM})\s*(?:\(\s*(?P<pct>{PCT})\s*\)\s*)?"
    rf"(?:(?i:of\s+(?:these|them|whom|those|which))(?:\s+\w+)?\s+)?"
    rf"(?i:were|was|being)\s+(?:(?i:of)\s+)?(?=(?i:grade|G\d|fatal))"
)
_VALUE_ITEM = re.compile(
    rf"(?P<pct>{PCT})\s*(?:\(\s*[Nn]\s*=\s*(?P<pn>\d+)\s*\))?"
    rf"|(?P<num>{NUM})(?!\s*(?:{TIME_UNIT}\b|[\-–]\s*(?:year|month|day)))\s*(?:/\s*\d+\s*)?"
    rf"(?:{NOUN}\s*)?(?:\(\s*(?P<pct2>{PCT})\s*\))?"
)


def _own_attributes(s: str, mentions: list[_Mention], depths: list[int]) -> None:
    """Grades, parentheses, counts that belong to each mention by position."""
    claimed: list[tuple[int, int]] = []
    prev_end = 0
    for i, mm in enumerate(mentions):
        # pre-grade: grade expression ending just before the mention, adjectives between
        floor = max(prev_end, _clause_start(s, mm.start, depths))
        window = s[max(floor, mm.start - 60) : mm.start]
        best = None
        for gm in GRADE_EXPR.finditer(window):
            between = window[gm.end() :]
            if re.fullmatch(r"[\sA-Za-z\-–/]{0,30}", between) and len(between.split()) <= 3:
                best = gm
        if best is not None and grade_items(best) is not None:
            items = grade_items(best)
            off = mm.start - len(window)
            mm.pre_grade_start = off + best.start()
            claimed.append((off + best.start(), off + best.end()))
            if items:
                mm.grades = items
                mm.grade_src = "pre"
            elif best.group("any"):
                mm.grade_src = "any"
        prev_end = mm.end
        del i
    for i, mm in enumerate(mentions):
        nxt = mentions[i + 1].start if i + 1 < len(mentions) else len(s)
        pos = mm.end
        # trailing parentheses: abbreviation, attributes
        for _ in range(2):
            pm = re.match(r"\s*\(", s[pos:nxt])
            if not pm:
                break
            open_at = pos + pm.end() - 1
            close = paren_end(s, open_at)
            if close is None:
                break
            content = s[open_at + 1 : close - 1]
            inner = [o for o in mentions if open_at < o.start < close]
            first_is_abbrev = bool(inner) and not s[open_at + 1 : inner[0].start].strip()
            if inner and any(o.term == mm.term for o in inner):
                for o in inner:
                    if o.term == mm.term or (first_is_abbrev and o is inner[0]):
                        o.suppressed = o.suppressed or "abbreviation"
            elif first_is_abbrev:
                inner[0].suppressed = inner[0].suppressed or "abbreviation"
            others = [o for o in inner if o.suppressed != "abbreviation" and o.kind != KIND_BLOCKED]
            if others:
                break
            grades, n, pct, found = _parse_paren(content)
            if found:
                if grades is not None and mm.grades is None:
                    mm.grades, mm.grade_src = grades, "paren"
                if n is not None and mm.n is None:
                    mm.n, mm.n_rule = n, "paren"
                if pct is not None and mm.pct is None:
                    mm.pct = pct
                    mm.n_rule = mm.n_rule or "paren"
            pos = close
            nxt = max(nxt, pos)
        # grade right after: "acute GVHD grades 2-4", "neutropenia, grade 3"
        gm = re.match(r"\s*,?\s*(?i:of\s+)?", s[pos:])
        gpos = pos + gm.end()
        g = GRADE_EXPR.match(s, gpos)
        if g and not g.group("fatal") and not any(a <= g.start() < b for a, b in claimed):
            items = grade_items(g)
            if items and mm.grades is None:
                mm.grades, mm.grade_src = items, "post"
                pos = g.end()
        mm.attr_end = pos


def _find_heads(s: str, mentions: list[_Mention]) -> None:
    v = load_vocab()
    member_rx = v.cues["member"]
    live = [m for m in mentions if not m.suppressed]
    for j in range(1, len(live)):
        mm, prev = live[j], live[j - 1]
        between = s[prev.attr_end : mm.start]
        if re.fullmatch(
            r"\s*(?:,|\band\b|\bor\b|and/or|as well as|&|/|,\s*(?:and|or))?\s*(?:(?i:both|either)\s+)?",
            between,
        ):
            mm.coord_prev = True
            if prev.head is not None:
                mm.head = prev.head
            continue
        cue = member_rx.search(between)
        if (
            cue
            and re.fullmatch(r"[\s,:(\-–—]*(?:[A-Za-z\s]*)?", between[: cue.start()])
            and len(between) < 60
        ):
            if prev.head is not None and prev.coord_prev is False and prev.kind == KIND_EVENT:
                head_idx = mentions.index(prev)
            else:
                head_idx = mentions.index(prev) if prev.head is None else prev.head
            mm.head = head_idx
            mentions[head_idx].has_members = True


def _subject_count(s: str, mm: _Mention, floor: int) -> None:
    end = mm.pre_grade_start if mm.pre_grade_start is not None else mm.start
    pre = s[floor:end]
    for name, rx in _SUBJ_PATTERNS:
        m = rx.search(pre)
        if not m:
            continue
        gd = m.groupdict()
        if name == "subject_id":
            mm.n, mm.n_rule = 1, name
            return
        if gd.get("death") and mm.grades is None:
            mm.grades, mm.grade_src = ["5"], "fatal"
        if gd.get("num"):
            n = to_int(gd["num"])
            if n is not None:
                mm.n, mm.n_rule = n, name
        p = gd.get("pct") or gd.get("pct2")
        if p:
            mm.pct = to_pct(p)
            mm.n_rule = mm.n_rule or name
        if mm.n is not None or mm.pct is not None:
            return


def _post_count(s: str, mm: _Mention, region_end: int, start: int | None = None) -> int:
    """Count after the mention (or after its listed members); returns where it ends."""
    begin = mm.attr_end if start is None else start
    post = s[begin:region_end]
    m = _POST_COLON.match(post)
    if m:
        mm.n = int(m.group("n")) if m.group("n") else to_int(m.group("num"))
        if m.group("pct"):
            mm.pct = to_pct(m.group("pct"))
        mm.n_rule = "colon"
        return begin + m.end()
    m = _POST_IN.match(post)
    if m and (m.group("noun") or m.group("pct") or m.group("pct2")):
        mm.n = to_int(m.group("num"))
        p = m.group("pct") or m.group("pct2")
        if p:
            mm.pct = to_pct(p)
        mm.n_rule = "count_after"
        return begin + m.end()
    m = _POST_WAS_COUNT.match(post)
    if m:
        mm.n, mm.pct = to_int(m.group("num")), to_pct(m.group("pct"))
        mm.n_rule = "count_after"
        return begin + m.end()
    m = _POST_IN_PCT.match(post) or _POST_WAS_PCT.match(post)
    if m and not _CHANGE_BY.search(post[: m.start("pct")]) and to_pct(m.group("pct")) <= 100:
        mm.pct = to_pct(m.group("pct"))
        mm.n_rule = "percent_after"
        return begin + m.end()
    return begin


# "increased by 288%": a change, not the share of patients who had the event
_CHANGE_BY = re.compile(
    r"(?i:\b(?:(?:in|de)creas\w*|reduc\w*|rose|risen|rising|fell|fallen|falling|dropp?\w*|"
    r"declin\w*|chang\w*|improv\w*|lower\w*|rais\w*|grew|grown|shortened|prolong\w*)\s+by\s*$)"
)


def _respectively(s: str, mentions: list[_Mention], depths: list[int]) -> list[AEMatch]:
    out: list[AEMatch] = []
    seg_start = 0
    for rm in re.finditer(r"\brespectively\b", s, re.I):
        seg_end = rm.start()
        lo = seg_start
        for b in re.finditer(r";", s[seg_start:seg_end]):
            if depths[seg_start + b.start()] == 0:
                lo = seg_start + b.end()
        seg_start = rm.end()
        starts = [lo] + [
            b.end() for b in CLAUSE_BOUNDARY.finditer(s, lo, seg_end) if depths[b.start()] == 0
        ]
        for lo2 in starts:
            got = _respectively_segment(s, mentions, lo2, seg_end)
            if got is not None:
                out.extend(got)
                break
    return out


def _respectively_segment(
    s: str, mentions: list[_Mention], lo: int, seg_end: int
) -> list[AEMatch] | None:
    """Matches of one "..., respectively" segment, or None when values and slots differ."""
    out: list[AEMatch] = []
    if True:
        ms = [m for m in mentions if lo <= m.start < seg_end and not m.suppressed]
        if not ms:
            return None
        last = ms[-1]
        tail = s[last.attr_end : seg_end]
        vm = re.search(r"(?i)\b(?:in|were|was|of|at|among|affected|:)\s|(?<!\S)(?=\d)", tail)
        if not vm:
            return None
        values = []
        for it in _VALUE_ITEM.finditer(tail, vm.start()):
            gd = it.groupdict()
            if gd["pct"]:
                values.append((int(gd["pn"]) if gd["pn"] else None, to_pct(gd["pct"])))
            elif gd["num"]:
                values.append((to_int(gd["num"]), to_pct(gd["pct2"]) if gd["pct2"] else None))
        if len(values) < 2:
            return None
        slots: list[tuple[_Mention, str | None]] = []
        if len(ms) == 1 and ms[0].grades and len(ms[0].grades) == len(values):
            slots = [(ms[0], g) for g in ms[0].grades]
        elif len(ms) == len(values):
            for k, m in enumerate(ms):
                g = m.grade
                if g is None and k > 0 and m.coord_prev and ms[k - 1].grade_src == "pre":
                    g = slots[-1][1]
                slots.append((m, g))
        if not slots:
            return None
        for (m, g), (n, p) in zip(slots, values, strict=True):
            m.suppressed = m.suppressed or "respectively"
            if m.negated or m.kind not in (KIND_EVENT, KIND_GENERIC):
                continue
            out.append(
                AEMatch(m.term or "", g, n, p, m.start, m.end, "ae.respectively", surface=m.surface)
            )
    return out


def _inherit_grade(s: str, mentions: list[_Mention], idx: int) -> str | None:
    v = load_vocab()
    mm = mentions[idx]
    for j in range(idx - 1, -1, -1):
        g = mentions[j]
        if g.kind not in (KIND_GENERIC, KIND_CATEGORY) or not g.grades:
            continue
        between = s[g.end : mm.start]
        if re.search(r"(?i)\b(?:but|whereas|however|although)\b", between) or ". " in between:
            return None
        has_member_cue = bool(v.cues["member"].search(between))
        if g.kind == KIND_CATEGORY or (g.n is None and g.pct is None):
            if has_member_cue or re.search(r"[;:]|\b(?:were|was)\b", between):
                return g.grade
        elif has_member_cue:
            return g.grade
        return None
    return None


def _fatal_before(s: str, mm: _Mention, depths: list[int]) -> bool:
    v = load_vocab()
    for fm in v.cues["fatal"].finditer(s, max(0, mm.start - 200), mm.start):
        between = s[fm.end() : mm.start]
        d0 = depths[fm.start()]
        blocked = any(
            depths[fm.end() + b.start()] <= d0
            for b in re.finditer(r";|,\s*and\b|\bbut\b|\bwhereas\b|\bwhile\b", between)
        )
        if not blocked and len(between) < 160:
            return True
    return False


# --------------------------------------------------------------------------- public API


def find_adverse_events(sentence: str) -> list[AEMatch]:
    """The adverse events one sentence reports for the study's own patients.

    Returns matches in text order with the canonical term, the grade
    ("1"…"5", "3-4", ">=3", "1-3" or None), the number of patients and/or the
    percentage, the character span of the term in `sentence`, and the rule id.
    Negated, hypothetical, eligibility, baseline and cited-study mentions are
    left out (see the module docstring).
    """
    v = load_vocab()
    s = _normalise(sentence)
    if not s.strip():
        return []
    # the terms first: most sentences name none, and the scan for them costs
    # less than the reasons to skip a sentence
    mentions = _find_mentions(s)
    if not mentions or _skip_sentence(s):
        return []
    depths = paren_depths(s)
    for k, mm in enumerate(mentions):
        if not mm.suppressed and _block_context(s, mm):
            mm.suppressed = "context"
        if (
            not mm.suppressed
            and mm.kind in (KIND_GENERIC, KIND_CATEGORY)
            and k > 0
            and mentions[k - 1].kind == KIND_EVENT
            and re.fullmatch(_PREDICATE_BEFORE, s[mentions[k - 1].end : mm.start])
            and not GRADE_EXPR.search(s[mentions[k - 1].end : mm.start])
        ):
            mm.suppressed = "predicate"
        spec = v.cues["specifier"].search(s[max(0, mm.start - 30) : mm.start])
        if spec and not s[max(0, mm.start - 30) : mm.start][spec.end() :].strip(" ,"):
            mm.suppressed = mm.suppressed or "specifier"
    _own_attributes(s, mentions, depths)
    for mm in mentions:
        mm.negated = _negated(s, mm, depths)
    _find_heads(s, mentions)
    out = _respectively(s, mentions, depths)

    # counts
    live = [i for i, m in enumerate(mentions) if not m.suppressed]
    for pos, i in enumerate(live):
        mm = mentions[i]
        prev = mentions[live[pos - 1]] if pos > 0 else None
        floor = _clause_start(s, mm.start, depths)
        if prev is not None and not mm.coord_prev:
            floor = max(floor, prev.attr_end)
        if mm.n is None and mm.pct is None:
            if mm.coord_prev and prev is not None and (prev.n is not None or prev.pct is not None):
                if prev.n_rule.startswith("subject"):
                    mm.n, mm.pct, mm.n_rule = prev.n, prev.pct, prev.n_rule
            else:
                _subject_count(s, mm, floor)
        elif mm.n is None and not mm.coord_prev:
            pct, rule = mm.pct, mm.n_rule
            _subject_count(s, mm, floor)
            mm.pct, mm.n_rule = pct, rule
        fm = _POST_FATAL.match(s, mm.attr_end)
        if fm and mm.grades is None:
            mm.grades, mm.grade_src = ["5"], "fatal"
            mm.attr_end = fm.end()
    for pos, i in enumerate(live):
        mm = mentions[i]
        # region after: up to the next live mention not listed under this one
        region_end = _clause_end(s, mm.attr_end, depths)
        for j in live[pos + 1 :]:
            o = mentions[j]
            if o.head == i or (o.coord_prev and o.head is not None and o.head == mm.head):
                continue
            region_end = min(region_end, o.start)
            break
        if mm.head is not None:
            # a listed member takes no trailing count of its class
            region_end = min(region_end, mm.attr_end)
        if mm.n is None and mm.pct is None:
            members = [mentions[j] for j in live if mentions[j].head == i]
            skip_to = max((o.attr_end for o in members), default=mm.attr_end)
            count_end = _post_count(s, mm, region_end, skip_to)
        else:
            count_end = mm.attr_end
        bd_end = next((mentions[j].start for j in live[pos + 1 :]), len(s))
        for gm in GRADE_EXPR.finditer(s, count_end, bd_end):
            bm = _BREAKDOWN.match(s, gm.end())
            items = grade_items(gm)
            if not bm or not items or gm.group("any"):
                continue
            num = bm.group("num") or bm.group("num2")
            p = bm.group("pct") or bm.group("pct2")
            mm.extra.append((collapse_grades(items), to_int(num), to_pct(p) if p else None))
        for bm in _BREAKDOWN_PRE.finditer(s, count_end, bd_end):
            gm = GRADE_EXPR.match(s, bm.end())
            items = grade_items(gm) if gm else None
            if not items:
                continue
            p = bm.group("pct")
            mm.extra.append(
                (collapse_grades(items), to_int(bm.group("num")), to_pct(p) if p else None)
            )
    # coordinated mentions share a trailing count ("neutropenia and anemia in 5 patients")
    for pos in range(len(live) - 1, 0, -1):
        mm, prev = mentions[live[pos]], mentions[live[pos - 1]]
        if mm.coord_prev and prev.n is None and prev.pct is None and mm.n_rule == "count_after":
            if prev.head == mm.head:
                prev.n, prev.pct, prev.n_rule = mm.n, mm.pct, mm.n_rule
        if mm.coord_prev and mm.grades is None and prev.grade_src == "pre":
            mm.grades, mm.grade_src = prev.grades, "coord"
    for pos, i in enumerate(live):
        mm = mentions[i]
        if pos > 0 and mm.coord_prev and mm.grades is None:
            prev = mentions[live[pos - 1]]
            if prev.grade_src in ("pre", "coord", "inherit"):
                mm.grades, mm.grade_src = prev.grades, "coord"

    has_trigger = bool(v.cues["trigger"].search(s))
    hedged = bool(v.cues["hedge"].search(s))
    for i in live:
        mm = mentions[i]
        if mm.negated or mm.kind not in (KIND_EVENT, KIND_GENERIC):
            continue
        rules = [f"ae.{mm.n_rule}" if mm.n_rule else "ae.mention"]
        if mm.grades is None and mm.grade_src != "any":
            if mm.head is not None and mentions[mm.head].grades:
                mm.grades, mm.grade_src = [mentions[mm.head].grade or ""], "inherit"
            else:
                g = _inherit_grade(s, mentions, i)
                if g:
                    mm.grades, mm.grade_src = [g], "inherit"
        if mm.grades is None and _fatal_before(s, mm, depths):
            mm.grades, mm.grade_src = ["5"], "fatal"
        if mm.grade_src:
            rules.append(f"grade.{mm.grade_src}")
        rule = "+".join(rules)
        cands = [(mm.grade, mm.n, mm.pct, rule)]
        cands += [(g, n, p, "ae.grade_breakdown") for g, n, p in mm.extra]
        for grade, n, pct, r in cands:
            if n == 0 or pct == 0:
                continue
            numbered = n is not None or pct is not None
            if mm.term in GVHD_TERMS and (n is None or pct is not None):
                continue
            if mm.kind == KIND_GENERIC and not numbered:
                continue
            if mm.has_members and not numbered and grade is None:
                continue
            if not numbered and (hedged or (grade is None and not has_trigger)):
                continue
            out.append(
                AEMatch(mm.term or "", grade, n, pct, mm.start, mm.end, r, surface=mm.surface)
            )
    out = [m for m in out if (m.n is None or m.n > 0) and (m.percent is None or m.percent > 0)]
    out = [
        m
        for m in out
        if not (m.term in GVHD_TERMS and (m.n is None or m.percent is not None))
        and not (m.term == ANY_AE and m.n is None and m.percent is None)
    ]
    return sorted(out, key=lambda m: (m.char_start, m.grade or ""))


def canonical_ae_term(text: str) -> str | None:
    """The canonical adverse-event term `text` names (the whole of it), or None.

    Accepts synonyms, abbreviations, plural forms and laboratory phrasings
    ("ALT elevation" -> "transaminase increased"); ignores surrounding white
    space, footnote marks and a trailing ", n (%)". Classes ("non-hematologic
    toxicities") and blocked phrases give None.
    """
    return canonical_term(text)


_PER_ARM_COUNT = r"(?P<{a}>[A-Za-z][\w+/-]*(?:\s+[A-Za-z][\w+/-]*){{0,2}}?)\s+(?P<{n}>\d+)\s*[\[(]\s*(?P<{p}>\d+(?:[.·]\d+)?)\s*%\s*[\])]"
_PER_ARM = re.compile(
    r"(?P<term>[A-Za-z][A-Za-z' -]{1,60}?)\s*\(\s*"
    + _PER_ARM_COUNT.format(a="a1", n="n1", p="p1")
    + r"(?:\s+(?:of\s+\d+\s*)?[a-z]+)?\s*(?:,|;|vs\.?|versus)\s*"
    + _PER_ARM_COUNT.format(a="a2", n="n2", p="p2")
    + r"(?:\s+(?:of\s+\d+\s*)?[a-z]+)?\s*\)"
)


def arm_breakdowns(sentence: str) -> list[AEMatch]:
    """Events counted per arm inside parentheses, as Lancet-style papers print
    them: "pruritus (moxidectin 43 [4%] of 978 participants, ivermectin 12 [2%]
    of 494 participants)". One match per arm, `arm` the label as printed."""
    out: list[AEMatch] = []
    if sentence.count("%") < 2:
        return out  # each arm's count has its percentage: no match (and the regex is slow)
    for m in _PER_ARM.finditer(sentence):
        words = m.group("term").split()
        term = None
        for k in range(min(len(words), 6), 0, -1):  # the longest ending that names an event
            term = canonical_term(" ".join(words[-k:]))
            if term:
                break
        if term is None or term == "any adverse event" and "adverse" not in m.group("term").lower():
            continue
        for a, n, p in (("a1", "n1", "p1"), ("a2", "n2", "p2")):
            out.append(
                AEMatch(
                    term=term,
                    grade=None,
                    n=int(m.group(n)),
                    percent=float(m.group(p).replace("·", ".")),
                    char_start=m.start("term"),
                    char_end=m.end(),
                    rule="ae.sentence.arm_breakdown",
                    arm=m.group(a),
                    surface=m.group("term").strip(),
                )
            )
    return out


_PCT_VALUE = re.compile(r"(?:(?P<n>\d+)\s*\(\s*)?(?P<p>\d+(?:[.·]\d+)?)\s*%")
_SECOND_VALUE = re.compile(
    r"\)?(?P<gap>[^;.%]{0,70}?)\b(?:vs\.?|versus|and|compared\s+(?:with|to))\s+"
    r"(?:(?P<n>\d+)\s*(?:patients\s*)?\(\s*)?(?P<p>\d+(?:[.·]\d+)?)\s*%"
)
_AE_CONTROL = re.compile(
    r"\b(?:placebo|control|comparator|usual care|standard care|observation)\b", re.I
)


def second_arm_value(text: str, m: AEMatch) -> tuple[int | None, float, str | None] | None:
    """The comparator arm's count of an event the sentence gives for two arms:
    "nausea occurred in 12% ... and 5% in the placebo group", "headache (20% vs
    15%)", "45 (30.0%) and 20 (13.5%) patients ... respectively"; the arm is
    the control when the rest of the clause names it, else left unnamed."""
    if m.percent is None:
        return None
    if re.search(r"\brespectively\b", text) and not re.search(
        r"\b(?:groups?|arms?|cohorts?)\b[^;.]{0,10}\brespectively\b", text
    ):
        return None  # a respectively-list pairs values with terms or grades, not arms
    for v in _PCT_VALUE.finditer(text, m.char_end):
        p = float(v.group("p").replace("·", "."))
        if abs(p - m.percent) > 0.01:
            continue
        nxt = _SECOND_VALUE.match(text, v.end())
        if not nxt:
            return None
        pct = float(nxt.group("p").replace("·", "."))
        n = int(nxt.group("n")) if nxt.group("n") else None
        clause = re.split(r"[;]", text[nxt.end() :], maxsplit=1)[0]
        arm = "control" if _AE_CONTROL.search(clause[:80]) else None
        return (n, pct, arm) if pct <= 100 else None
    return None


def _from_table(m: object) -> bool:
    prov = getattr(m, "provenance", None)
    rule = getattr(m, "rule", None) or (prov.rule if prov is not None else "")
    return str(rule).startswith("ae.table")


def _compatible(a: AEMatch, b: AEMatch) -> bool:
    if _from_table(a) and _from_table(b):
        return False  # two table cells are two facts (another period, another table)
    if a.n is not None and b.n is not None and a.n != b.n:
        return False
    return a.percent is None or b.percent is None or abs(a.percent - b.percent) < 0.05


def merge_adverse_events(matches: Iterable[AEMatch]) -> list[AEMatch]:
    """One match per (term, grade, arm) and value: a restatement with the same
    n/percent (or one of them missing) is merged into the first, missing n or
    percent filled from it; a different value (another period, another
    table, a sentence giving another figure) stays its own entry."""
    out: list[AEMatch] = []
    index: dict[tuple[str, str | None, str | None], list[int]] = {}
    for m in matches:
        k = (m.term, m.grade, m.arm)
        slot = next((i for i in index.get(k, []) if _compatible(out[i], m)), None)
        if slot is None:
            index.setdefault(k, []).append(len(out))
            out.append(m)
            continue
        cur = out[slot]
        if _from_table(m) and not _from_table(cur):
            cur, m = m, cur  # the table cell is the fact; the sentence restates it
        n = cur.n if cur.n is not None else m.n
        pct = cur.percent if cur.percent is not None else m.percent
        out[slot] = replace(cur, n=n, percent=pct)
    return _drop_restated_cells(out)


def _drop_restated_cells(events: list[AEMatch]) -> list[AEMatch]:
    """A sentence giving the same count as a table cell (same term and grade,
    equal n, or equal percent where a count is missing) restates that cell,
    whatever arm the sentence was read with: the cell, whose arm is its
    column's, is kept."""
    cells = [e for e in events if _from_table(e)]

    def restates(e: AEMatch) -> bool:
        for c in cells:
            if (c.term, c.grade) != (e.term, e.grade):
                continue
            if e.n is not None and c.n is not None:
                if e.n == c.n and (
                    e.percent is None or c.percent is None or abs(e.percent - c.percent) < 0.6
                ):
                    return True
            elif (
                e.percent is not None
                and c.percent is not None
                and abs(e.percent - c.percent) < 0.05
            ):
                return True
        return False

    return [e for e in events if _from_table(e) or not restates(e)]


def to_adverse_event(match: AEMatch, provenance: Provenance | None = None) -> AdverseEvent:
    """The study-record `AdverseEvent` for a match (arm left as printed; map it to a role)."""
    from .ae_vocab import implied_grade

    return AdverseEvent(
        term=match.term,
        grade=match.grade or implied_grade(match.term),
        n=match.n,
        percent=match.percent,
        arm=match.arm,
        provenance=provenance,
    )


# --------------------------------------------------------------------------- text fallback

_REF_HEADING = re.compile(r"(?im)^\s*#*\s*(references|bibliography|literature cited)\s*$")


def find_adverse_events_in_text(text: str) -> list[AEMatch]:
    """Adverse events of a plain text (prose only; tab-separated table lines skipped).

    Spans are offsets in `text`. The reference list (after a "References"
    heading) is not read. Not merged: see `merge_adverse_events`.
    """
    ref = _REF_HEADING.search(text)
    limit = ref.start() if ref else len(text)
    out = []
    for a, b in split_sentences(text[:limit]):
        sent = text[a:b]
        if "\t" in sent:
            continue
        for m in find_adverse_events(sent):
            out.append(replace(m, char_start=m.char_start + a, char_end=m.char_end + a))
    return out


__all__ = [
    "AEMatch",
    "TableAE",
    "adverse_events_from_table",
    "table_adverse_events",
    "table_arm_roles",
    "canonical_ae_term",
    "find_adverse_events",
    "find_adverse_events_in_text",
    "merge_adverse_events",
    "second_arm_value",
    "arm_breakdowns",
    "split_sentences",
    "to_adverse_event",
]
