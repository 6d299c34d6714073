"""What a piece of evidence says, read by rules: which words name the
intervention and the comparator, the p-values and confidence intervals, the
cue words of (non-)significance and direction, and the two arms' values.

Each reading is kept as a named cue, so that an answer can show the reasons
it rests on; `features` turns the cues into the classifier's inputs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from litkg.extractor.effect.aliases import AMBIGUOUS as AMBIGUOUS_CODES
from litkg.extractor.effect.terms import STOPWORDS, expand, stem, words

# Words that name no arm in particular.
GENERIC = frozenset(
    [
        "mg",
        "kg",
        "day",
        "daily",
        "dose",
        "doses",
        "weekly",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "hour",
        "hours",
        "min",
        "oral",
        "intravenous",
        "iv",
        "im",
        "sc",
        "therapy",
        "regimen",
        "alone",
        "only",
        "once",
        "twice",
        "combination",
        "combined",
        "high",
        "low",
        "dose",
        "standard",
        "conventional",
        "routine",
    ]
)

# Words that name an arm by its role.
ACTIVE_ROLE = frozenset(
    stem(w) for w in ("intervention", "experimental", "active", "supplemented", "verum")
)
CONTROL_ROLE = frozenset(stem(w) for w in ("control", "controls", "placebo", "sham", "untreated"))

_NUMBER = re.compile(r"(?<![\w.])[-−]?\d+(?:[.·]\d+)?(?:\s*%)?")
_P = re.compile(
    r"(?<![A-Za-z])[pP](?:[- ]?values?)?\s*(?:\(\s*[^)]{0,20}\)\s*)?([<>≤≥=]|&lt;|&gt;|<=|>=|=<)\s*(0?[.·]\d+|1(?:[.·]0+)?|0)(?:\s*[x×]\s*10\s*[-−–⁻](\d+))?"
)
_P_BARE = re.compile(r"(?<![\w.])[pP]\s*(?:[<≤])\s*0?[.·]0[15]\b")
_NS = re.compile(r"\b(?:NS|n\.s\.)(?![\w.])")
_CI = re.compile(
    r"(?:95\s?%|CI)[^0-9\-−]{0,30}?([-−]?\d+(?:[.·]\d+)?)\s*%?\s*(?:-|–|—|to|,|;|‒)\s*([-−]?\d+(?:[.·]\d+)?)"
)
_RATIO = re.compile(
    r"\b(?:[aA]?OR|RR|HR|IRR|odds ratio|risk ratio|hazard ratio|relative risk|rate ratio|relative rate)\b",
    re.I,
)
# "HR 0.62 (0.45-0.88)", "relative rate (95% CI) 0·49 (0·31 to 0·75)"
_RATIO_CI = re.compile(
    r"\b(?:[aA]?OR|RR|HR|IRR|odds ratio|risk ratio|hazard ratio|relative risk|rate ratio|relative rate)"
    r"[^0-9]{0,25}?(\d+(?:[.·]\d+)?)\s*[(\[]\s*(\d+(?:[.·]\d+)?)\s*(?:-|–|—|to|,|;)\s*(\d+(?:[.·]\d+)?)",
    re.I,
)
# Words of good or bad news, not of more or less: left to the classifier.
EVALUATIVE = re.compile(r"^(?:superior|better|improv\w*|inferior|worse)$", re.I)
NSD = re.compile(
    r"\b(?:no(?:t)?\s+(?:\w+\s+){0,3}?(?:statistically\s+|clinically\s+)?(?:significant(?:ly)?|differen(?:t|ces?)|effect)"
    r"|non-?\s?significant(?:ly)?|insignificant(?:ly)?|did\s+not\s+(?:\w+\s+){0,2}(?:differ|reach|change|affect|improve|reduce|increase|decrease|show)"
    r"|(?:was|were|is|are)\s+not\s+(?:\w+\s+){0,2}(?:different|changed|affected|altered|associated)"
    r"|not\s+(?:statistically\s+)?significant|similar|comparable|equivalent|no\s+change|unchanged|unaffected"
    r"|failed\s+to|neither|nor\s+did|(?<!significant\s)trend(?:ed|s)?\s+(?:towards?|for)|no\s+(?:\w+\s+){0,2}(?:between|among)|did\s+not\s+differ)\b",
    re.I,
)
SIG = re.compile(r"\b(?:significant(?:ly)?|statistically|markedly|substantially)\b", re.I)
UP = re.compile(
    r"\b(?:higher|greater|more|increas\w*|larger|longer|elevat\w*|rais\w*|rise|rose|gain\w*|superior|better|improv\w*|enhanc\w*|exceed\w*|augment\w*|prolong\w*|boost\w*|doubl\w*|excess)\b",
    re.I,
)
DOWN = re.compile(
    r"\b(?:lower|less|fewer|decreas\w*|reduc\w*|smaller|shorter|declin\w*|drop\w*|fell|fall|attenuat\w*|inferior|worse|diminish\w*|lowered|suppress\w*|inhibit\w*|prevent\w*|halv\w*|shortened|loss)\b",
    re.I,
)


# "greater reduction", "less decline", "smaller increase": a comparative of
# size before a word of change says which way the change went: its own sign
# times the change's ("greater" + "reduction" is a decrease).
_MAGNITUDE = re.compile(
    r"\b(?:(greater|larger|bigger|more)|(smaller|less|lesser))\s+(?:[a-z]+\s+){0,2}?"
    r"(?:(increases?|rises?|gains?|elevations?)|(reductions?|decreases?|declines?|falls?|drops?|loss(?:es)?|lowering))\b",
    re.I,
)


def directions(text: str) -> list[tuple[int, float, str]]:
    """Each direction word of `text` as (offset, +1 or -1, word); a
    comparative of size with its word of change ("greater reduction") is one
    direction, at the comparative, with the compound's sign."""
    out: list[tuple[int, float, str]] = []
    taken: list[tuple[int, int]] = []
    for m in _MAGNITUDE.finditer(text):
        sign = (1.0 if m.group(1) else -1.0) * (1.0 if m.group(3) else -1.0)
        out.append((m.start(), sign, m.group(0)))
        taken.append(m.span())
    for rx, sign in ((UP, 1.0), (DOWN, -1.0)):
        for m in rx.finditer(text):
            if not any(a <= m.start() < b for a, b in taken):
                out.append((m.start(), sign, m.group(0)))
    return sorted(out)


@dataclass
class Reading:
    """The rules' reading of one piece of evidence."""

    tags: list[str] = field(default_factory=list)  # masked token sequence
    p_values: list[tuple[str, float]] = field(default_factory=list)
    cis: list[tuple[float, float]] = field(default_factory=list)
    ratio: bool = False
    nsd: list[str] = field(default_factory=list)
    sig: list[str] = field(default_factory=list)
    up: list[str] = field(default_factory=list)
    down: list[str] = field(default_factory=list)
    first_arm: str | None = None  # "I" or "C": which arm the evidence names first
    subject_arm: str | None = None  # "I" or "C": which arm a direction word speaks of
    contrast_arm: str | None = None  # "I" or "C": the arm set against the other ("A than B")
    near_direction: float = 0.0  # +1/-1: the direction word nearest the outcome
    near_word: str = ""
    values: dict[str, float] = field(default_factory=dict)  # arm -> its value
    cues: dict[str, float] = field(default_factory=dict)
    p_next: tuple[str, float] | None = None  # the first p-value after the outcome's name
    local: Reading | None = None  # the clause naming the outcome, read alone
    local_span: tuple[int, int] | None = None
    text: str = ""


def arm_stems(
    intervention: str, comparator: str, abbrs: dict[str, list[str]]
) -> tuple[set[str], set[str]]:
    """The stems that name the intervention and not the comparator, and back."""

    def stems(t: str) -> set[str]:
        ws = [w for w in words(t) if w.lower() not in STOPWORDS or w.lower() in ("placebo",)]
        s = expand([stem(w) for w in ws], abbrs)
        return {x for x in s if x not in GENERIC and not x.isdigit()}

    i, c = stems(intervention), stems(comparator)
    ci, cc = i - c, c - i
    ci, cc = ci or i, cc or c
    # papers name the arms by their role as often as by their content
    if not (ci & CONTROL_ROLE):
        cc = cc | (CONTROL_ROLE - ci)
    if not (cc & ACTIVE_ROLE):
        ci = ci | (ACTIVE_ROLE - cc)
    return ci, cc


def _p_float(m: re.Match[str]) -> float | None:
    try:
        v = float(m.group(2).replace("·", "."))
    except ValueError:
        return None
    if m.group(3):
        v *= 10 ** (-int(m.group(3)))
    return v


def _num(s: str) -> float | None:
    try:
        return float(s.replace("·", ".").replace("−", "-").replace("%", "").strip())
    except ValueError:
        return None


_GROUP_WORDS = frozenset({"group", "groups", "arm", "arms"})
_GROUP_NEXT = re.compile(r"\s*-?\s*(?:group|arm)s?\b", re.I)


def read(
    text: str,
    i_stems: set[str],
    c_stems: set[str],
    o_stems: set[str],
    codes: dict[str, str] | None = None,
    *,
    focus: bool = True,
) -> Reading:
    """Read `text` against the two arms (by their words, and by the codes
    `codes` gives: "group D" -> "I") and the outcome. When the text has
    several clauses, the one naming the outcome is also read alone."""
    r = _read(text, i_stems, c_stems, o_stems, codes or {})
    if focus:
        span = focus_clause(text, o_stems)
        if span is not None:
            r.local = _read(text[span[0] : span[1]], i_stems, c_stems, o_stems, codes or {})
            r.local_span = span
    return r


# Where a sentence's clauses part (outside parentheses): "; ", ", but",
# "whereas", "while", "although", "except", "with the exception of", "in contrast".
_CLAUSE_BREAK = re.compile(
    r";\s|,?\s+(?:but|whereas|while|although|though|however|except(?:\s+for)?|"
    r"with\s+the\s+exception\s+of|apart\s+from|in\s+contrast(?:\s+to)?|and\s+(?=there\s+was|no\s))\b|"
    r"\.\s+(?=[A-Z])",
    re.I,
)


_SUBORDINATE_START = re.compile(r"^\s*(?:although|though|while|whereas|despite|except)\b", re.I)
_BASELINE_WORD = re.compile(
    r"\bbaseline\b|\bat entry\b|\bbefore (?:the )?(?:treatment|intervention)\b", re.I
)
_CONTENT = re.compile(r"[A-Za-z]{4,}")


def clauses(text: str) -> list[tuple[int, int]]:
    """The spans of a sentence's clauses: cut at "; ", ", but", "whereas",
    "although"... outside parentheses, and after a leading "Although ...,";
    a piece with fewer than three longer words ("but not significantly")
    stays with the clause before it."""
    depth, cuts = 0, []
    breaks = {m.start(): m.end() for m in _CLAUSE_BREAK.finditer(text)}
    lead = bool(_SUBORDINATE_START.match(text))
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and i in breaks:
            cuts.append((i, breaks[i]))
        elif depth == 0 and lead and ch == "," and i > 0:
            cuts.append((i, i + 1))
            lead = False
    spans, start = [], 0
    for a, b in cuts:
        spans.append((start, a))
        start = b
    spans.append((start, len(text)))
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and len(_CONTENT.findall(text[a:b])) < 3:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def focus_clause(text: str, o_stems: set[str]) -> tuple[int, int] | None:
    """The span of the clause naming most of the outcome's words, when the
    text has several clauses and one names more of them than the others
    (of two that name as many, the one not about baseline values)."""
    if not o_stems:
        return None
    spans = clauses(text)
    if len(spans) < 2:
        return None
    hits = [len({stem(w) for w in words(text[a:b])} & o_stems) for a, b in spans]
    best = max(hits)
    if best == 0:
        return None
    tied = [sp for sp, h in zip(spans, hits, strict=True) if h == best]
    if len(tied) > 1:
        tied = [sp for sp in tied if not _BASELINE_WORD.search(text[sp[0] : sp[1]])]
    return tied[0] if len(tied) == 1 else None


def _read(
    text: str, i_stems: set[str], c_stems: set[str], o_stems: set[str], codes: dict[str, str]
) -> Reading:
    r = Reading(text=text)
    # p-values and CIs
    p_spans: list[tuple[int, int]] = []
    for m in _P.finditer(text):
        v = _p_float(m)
        if v is None:
            continue
        op = {"&lt;": "<", "&gt;": ">", "<=": "≤", ">=": "≥", "=<": "≤"}.get(m.group(1), m.group(1))
        r.p_values.append((op, v))
        p_spans.append(m.span())
    ci_spans: list[tuple[int, int]] = []
    for m in _CI.finditer(text):
        lo, hi = _num(m.group(1)), _num(m.group(2))
        if lo is not None and hi is not None and lo <= hi:
            r.cis.append((lo, hi))
            ci_spans.append(m.span())
    r.ratio = bool(_RATIO.search(text))
    for m in _RATIO_CI.finditer(text):
        est, lo, hi = (_num(m.group(k)) for k in (1, 2, 3))
        if None not in (est, lo, hi) and lo <= est <= hi and (lo, hi) not in r.cis:
            r.cis.append((lo, hi))
    r.nsd = [m.group(0) for m in NSD.finditer(text)]
    r.sig = [m.group(0) for m in SIG.finditer(text)]
    dirs = directions(text)
    r.up = [w for _at, sign, w in dirs if sign > 0]
    r.down = [w for _at, sign, w in dirs if sign < 0]
    if _NS.search(text):
        r.nsd.append("NS")
    # masked tokens: (tag, position, value of a number run)
    seq: list[list] = []
    outcome_at: list[int] = []  # every word of the outcome's mentions
    prev, prev_code = "", False
    for m in re.finditer(r"[A-Za-z][A-Za-z0-9]*|[-−]?\d+(?:[.·]\d+)?(?:\s?%)?", text):
        w = m.group(0)
        code = codes.get(w)
        if code and (
            prev in _GROUP_WORDS
            or (prev_code and prev in ("and", "vs", "versus", "or"))
            or (not w.isdigit() and w not in AMBIGUOUS_CODES)
            or _GROUP_NEXT.match(text, m.end())
        ):
            tag = "INTV" if code == "I" else "COMP"
            prev, prev_code = w.lower(), True
            if not (seq and seq[-1][0] == tag):
                seq.append([tag, m.start(), None, False])
            continue
        if prev_code and w.lower() not in ("and", "vs", "versus", "or"):
            prev_code = False
        prev = w.lower()
        if w[0].isdigit() or w[0] in "-−":
            inside = any(s <= m.start() < e for s, e in p_spans + ci_spans)
            tag = "P" if inside else "NUM"
            v = _num(w)
            if seq and seq[-1][0] == tag:
                # a run of numbers ("12/40 (30%)"): its percentage speaks for it
                if tag == "NUM" and w.endswith("%") and not seq[-1][3]:
                    seq[-1][2], seq[-1][3] = v, True
                continue
            seq.append([tag, m.start(), v, w.endswith("%")])
            continue
        st = stem(w)
        lw = w.lower()
        if st in i_stems or lw in i_stems:
            tag = "INTV"
        elif st in c_stems or lw in c_stems:
            tag = "COMP"
        elif st in o_stems:
            tag = "OUTC"
        else:
            tag = lw
        if tag == "OUTC":
            outcome_at.append(m.start())
        if seq and seq[-1][0] == tag and tag in ("INTV", "COMP", "OUTC"):
            continue
        seq.append([tag, m.start(), None, False])
    r.tags = [t[0] for t in seq]
    arms = [t for t in r.tags if t in ("INTV", "COMP")]
    r.first_arm = {"INTV": "I", "COMP": "C"}.get(arms[0]) if arms else None
    r.subject_arm = _subject_arm(text, seq)
    r.contrast_arm = _contrast(text, seq)
    r.values = _arm_values(text, seq)
    arm_at = {t[1] for t in seq if t[0] in ("INTV", "COMP")}
    r.near_direction, r.near_word = _near_direction(text, outcome_at, arm_at)
    r.p_next = _p_next(r.p_values, p_spans, outcome_at)
    _score_cues(r)
    return r


_OBJECT_BEFORE = re.compile(
    r"(?:\bthan|compared\s+(?:with|to)|comparison\s+(?:with|to)|versus|\bvs\.?|relative\s+to|\bover|against)\s+"
    r"(?:(?:the\s+|a\s+|an\s+|in\s+the\s+|with\s+)"
    # "than that of the", "than those sedated with", "than patients receiving"
    r"|(?:that|those)\s+(?:of|in|for|with|on)\s+(?:the\s+)?"
    r"|(?:(?:in\s+)?(?:the\s+)?(?:those|patients|participants|subjects|children|women|men|infants|mothers|people|animals|rats|mice|eyes)\s+)"
    r"(?:(?:who\s+)?(?:received|receiving|given|taking|took|treated\s+with|sedated\s+with|assigned\s+to|allocated\s+to|randomi[sz]ed\s+to|in|on|with|from|of|undergoing|underwent)\s+)(?:the\s+|a\s+|an\s+)?)?"
    # "compared with group D": a code after its group word
    r"(?:(?:group|arm)s?\s+)?$",
    re.I,
)


def _subject_arm(text: str, seq: list[list]) -> str | None:
    """The arm the sentence speaks of: the first arm not named as the object
    of a comparison ("than placebo", "compared with control"); when every
    arm named is such an object, the other arm."""
    named = [(t[0], t[1]) for t in seq if t[0] in ("INTV", "COMP")]
    if not named:
        return None
    objects = set()
    for tag, pos in named:
        if _OBJECT_BEFORE.search(text[max(0, pos - 40) : pos]):
            objects.add(tag)
        else:
            return tag[0]
    if len(objects) == 1:
        return "C" if "INTV" in objects else "I"
    return None


def _contrast(text: str, seq: list[list]) -> str | None:
    """The arm set against the other in a comparison: "A ... than B",
    "A ... compared with B", A named (not as an object) before B, the
    object: "I" or "C" for A; None when the sentence has no such pair."""
    named = [(t[0], t[1]) for t in seq if t[0] in ("INTV", "COMP")]
    for j, (tag, pos) in enumerate(named):
        if _OBJECT_BEFORE.search(text[max(0, pos - 40) : pos]):
            before = [t for t, q in named[:j] if t != tag]
            return before[-1][0] if before else None
    return None


def _p_next(
    ps: list[tuple[str, float]], spans: list[tuple[int, int]], outc: list[int]
) -> tuple[str, float] | None:
    """The p-value printed first after the outcome's first mention (in a
    sentence listing several outcomes, each with its own p), else the last
    one before it."""
    if not outc or not ps:
        return None
    after = [p for p, (s, _e) in zip(ps, spans, strict=True) if s > outc[0]]
    return after[0] if after else ps[-1]


def _is_sig(op: str, v: float) -> bool:
    return op in ("<", "≤") and v <= 0.05 or op == "=" and v < 0.05


def _near_direction(
    text: str, outc: list[int], arm_at: set[int] | frozenset[int] = frozenset()
) -> tuple[float, str]:
    """+1/-1 and the word, for the direction word nearest the outcome's
    mention (else the first one); (0, "") when there is none. A word that
    opens an arm's name ("double dose", "higher-dose group") is no direction."""
    dirs = [
        d
        for d in directions(text)
        if d[0] not in outc and d[0] not in arm_at and not EVALUATIVE.match(d[2])
    ]
    if not dirs:
        return 0.0, ""
    if not outc:
        _, sign, word = min(dirs)
        return sign, word
    _, sign, word = min(dirs, key=lambda d: (min(abs(d[0] - o) for o in outc), d[0]))
    return sign, word


def _arm_values(text: str, seq: list[list]) -> dict[str, float]:
    """The value printed for each arm, where the pattern is plain: "A 12% vs
    B 20%", "12% in A and 20% in B", or "A and B: 12 and 20, respectively"."""
    marks = [t for t in seq if t[0] in ("INTV", "COMP", "NUM")]
    arms = [t for t in marks if t[0] != "NUM"]
    if {t[0] for t in arms} != {"INTV", "COMP"}:
        return {}
    if "respectively" in text.lower():
        order: list[str] = []
        for t in arms:
            if t[0][0] not in order:
                order.append(t[0][0])
        last = max(t[1] for t in arms)
        after = [t[2] for t in marks if t[0] == "NUM" and t[1] > last and t[2] is not None]
        if len(after) >= 2:
            return {order[0]: after[0], order[1]: after[1]}
        # "12.1 vs 14.3 for groups A and B, respectively": the values come first
        first = min(t[1] for t in arms)
        before = [t[2] for t in marks if t[0] == "NUM" and t[1] < first and t[2] is not None]
        return {order[0]: before[-2], order[1]: before[-1]} if len(before) >= 2 else {}
    # "A 12% vs B 20%" when an arm comes before the first number, else "12% in A"
    first_num = next((t[1] for t in marks if t[0] == "NUM"), None)
    if first_num is None:
        return {}
    step = 1 if arms[0][1] < first_num else -1
    out: dict[str, float] = {}
    for i, t in enumerate(marks):
        if t[0] == "NUM" or t[0][0] in out:
            continue
        j = i + step
        if 0 <= j < len(marks) and marks[j][0] == "NUM" and marks[j][2] is not None:
            out[t[0][0]] = marks[j][2]
    return out if len(out) == 2 else {}


# Whether a sentence compares the arms or reports a change within each arm.
_SCOPE_CUES = (
    (
        "within_both",
        re.compile(
            r"\b(?:both|each|all)\s+(?:\w+\s+)?(?:groups?|arms?|treatments?|regimens?)\b|\bin either group\b",
            re.I,
        ),
    ),
    (
        "within_baseline",
        re.compile(
            r"\b(?:from|compared\s+(?:with|to)|relative\s+to|over|versus|vs\.?)\s+(?:the\s+)?(?:baseline|pre-?\s?treatment|pre-?\s?operative\s+values?)|\bbefore\s+and\s+after\b|\bwithin[- ]group\b",
            re.I,
        ),
    ),
    (
        "between_groups",
        re.compile(
            r"\bbetween(?:[- ]group|\s+(?:the\s+)?(?:\w+\s+)?(?:groups|arms))\b|\bgroup\s+differences?\b|\binter-?group\b",
            re.I,
        ),
    ),
)


def _score_cues(r: Reading) -> None:
    c = r.cues
    ps = r.p_values
    if ps:
        sig = [v for op, v in ps if op in ("<", "≤") and v <= 0.05 or op == "=" and v < 0.05]
        ns = [v for op, v in ps if op in (">", "≥") and v >= 0.05 or op == "=" and v >= 0.05]
        c["p_sig"] = 1.0 if sig else 0.0
        c["p_ns"] = 1.0 if ns else 0.0
        c["p_all_ns"] = 1.0 if ns and not sig else 0.0
        c["p_all_sig"] = 1.0 if sig and not ns else 0.0
    else:
        c["p_none"] = 1.0
    if r.p_next is not None:
        c["p_next_sig" if _is_sig(*r.p_next) else "p_next_ns"] = 1.0
    for cue, rx in _SCOPE_CUES:
        if rx.search(r.text):
            c[cue] = 1.0
    for lo, hi in r.cis:
        if r.ratio and (hi < 1 or lo > 1):
            c["ci_excl_1"] = 1.0
            c["ci_ratio_dir"] = 1.0 if lo > 1 else -1.0
        elif r.ratio:
            c["ci_incl_1"] = 1.0
        if hi < 0 or lo > 0:
            c["ci_excl_0"] = 1.0
        else:
            c["ci_incl_0"] = 1.0
    if r.nsd:
        c["nsd_cue"] = 1.0
    if r.sig:
        c["sig_cue"] = 1.0
    d = (1.0 if r.up else 0.0) - (1.0 if r.down else 0.0)
    if d:
        c["dir_word"] = d
        # the direction word speaks of the arm named first
        if r.first_arm:
            c["dir_x_order"] = d if r.first_arm == "I" else -d
    if r.near_direction:
        c["dir_near"] = r.near_direction
    if r.near_direction and r.subject_arm:
        c["dir_x_subject"] = r.near_direction if r.subject_arm == "I" else -r.near_direction
    if r.near_direction and r.contrast_arm:
        c["dir_x_contrast"] = r.near_direction if r.contrast_arm == "I" else -r.near_direction
    if "I" in r.values and "C" in r.values and r.values["I"] != r.values["C"]:
        c["values_dir"] = 1.0 if r.values["I"] > r.values["C"] else -1.0
    if r.first_arm:
        c["first_" + r.first_arm] = 1.0


def features(r: Reading) -> dict[str, float]:
    """The classifier's inputs: uni- and bigrams of the masked tokens and the cues
    (`c:`); of the clause naming the outcome when there is one, the whole
    sentence's cues then as `s:`."""
    if r.local is not None:
        f = _features(r.local)
        for k, v in r.cues.items():
            f["s:" + k] = v
        f["c:clause"] = 1.0
        return f
    return _features(r)


def _features(r: Reading) -> dict[str, float]:
    f: dict[str, float] = {}
    t = ["<s>"] + r.tags + ["</s>"]
    for n in (1, 2):
        for i in range(len(t) - n + 1):
            f["g:" + " ".join(t[i : i + n])] = 1.0
    for k, v in r.cues.items():
        f["c:" + k] = v
    return f


_P_HEADER = re.compile(
    r"^\s*(?:p|p[- ]?values?|significance|sig\.?)\s*(?:\(.*\))?\s*[a-z*†‡§¶]?\s*$", re.I
)
_CELL_P = re.compile(r"^\s*([<>≤≥=]?)\s*(0?[.·]\d+|1(?:[.·]0+)?)\s*[a-z*†‡§¶]*\s*$")
_CELL_NUM = re.compile(r"[-−]?\d+(?:[.·]\d+)?\s*%?")


def _cell_value(cell: str) -> float | None:
    """The value a cell reports: its percentage if it has one, else its first number."""
    nums = _CELL_NUM.findall(cell)
    if not nums:
        return None
    pct = [n for n in nums if n.rstrip().endswith("%")]
    return _num((pct or nums)[0])


def read_table_row(
    r: Reading,
    header: tuple[str, ...],
    cells: tuple[str, ...],
    i_stems: set[str],
    c_stems: set[str],
) -> Reading:
    """Add what a table row says through its table's columns: the value under
    the intervention's column and the comparator's, and the p-value column."""
    if not header or len(header) != len(cells):
        return r
    i_col = c_col = p_col = None
    for j, h in enumerate(header[1:], start=1):
        hs = {stem(w) for w in words(h)} | {w.lower() for w in words(h)}
        if _P_HEADER.match(h):
            p_col = j
        elif hs & i_stems and not hs & c_stems and i_col is None:
            i_col = j
        elif hs & c_stems and not hs & i_stems and c_col is None:
            c_col = j
    changed = False
    if p_col is not None:
        cell = cells[p_col]
        m = _CELL_P.match(cell)
        if m:
            r.p_values.append((m.group(1) or "=", float(m.group(2).replace("·", "."))))
            changed = True
        elif re.fullmatch(r"\s*(?:NS|n\.?s\.?)\s*", cell, re.I):
            r.nsd.append(cell.strip())
            changed = True
    if i_col is not None and c_col is not None:
        vi, vc = _cell_value(cells[i_col]), _cell_value(cells[c_col])
        if vi is not None and vc is not None:
            r.values = {"I": vi, "C": vc}
            changed = True
    if changed:
        r.cues.clear()
        _score_cues(r)
        r.cues["table_row"] = 1.0
    return r
