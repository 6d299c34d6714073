"""What a piece of evidence says, read by rules: which words name the
intervention and the comparator, the p-values and confidence intervals, the
cue words of (non-)significance and direction, and the two arms' values.

Each reading is kept as a named cue, so that an answer can show the reasons
it rests on; `features` turns the cues into the classifier's inputs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
    r"\b(?:[aA]?OR|RR|HR|IRR|odds ratio|risk ratio|hazard ratio|relative risk|rate ratio)\b"
)
NSD = re.compile(
    r"\b(?:no(?:t)?\s+(?:\w+\s+){0,3}?(?:statistically\s+|clinically\s+)?(?:significant(?:ly)?|differen(?:t|ces?)|effect)"
    r"|non-?\s?significant(?:ly)?|insignificant(?:ly)?|did\s+not\s+(?:\w+\s+){0,2}(?:differ|reach|change|affect|improve|reduce|increase|decrease|show)"
    r"|(?:was|were|is|are)\s+not\s+(?:\w+\s+){0,2}(?:different|changed|affected|altered|associated)"
    r"|not\s+(?:statistically\s+)?significant|similar|comparable|equivalent|no\s+change|unchanged|unaffected"
    r"|failed\s+to|neither|nor\s+did|no\s+(?:\w+\s+){0,2}(?:between|among)|did\s+not\s+differ)\b",
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
    values: dict[str, float] = field(default_factory=dict)  # arm -> its value
    cues: dict[str, float] = field(default_factory=dict)


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
    if not cc and re.search(r"\b(?:control|placebo|usual|standard|sham|no\b)", comparator, re.I):
        cc = {"control", "placebo", "sham"} & (c or {"control"}) or {"control"}
    return ci or i, cc or c


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


def read(text: str, i_stems: set[str], c_stems: set[str], o_stems: set[str]) -> Reading:
    """Read `text` against the two arms and the outcome."""
    r = Reading()
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
    r.nsd = [m.group(0) for m in NSD.finditer(text)]
    r.sig = [m.group(0) for m in SIG.finditer(text)]
    r.up = [m.group(0) for m in UP.finditer(text)]
    r.down = [m.group(0) for m in DOWN.finditer(text)]
    if _NS.search(text):
        r.nsd.append("NS")
    # masked tokens and arm values
    seq: list[tuple[str, int]] = []
    for m in re.finditer(r"[A-Za-z][A-Za-z0-9]*|[-−]?\d+(?:[.·]\d+)?%?", text):
        w = m.group(0)
        if w[0].isdigit() or w[0] in "-−":
            inside = any(s <= m.start() < e for s, e in p_spans + ci_spans)
            seq.append(("P" if inside else "NUM", m.start()))
            continue
        s = stem(w)
        lw = w.lower()
        if s in i_stems or lw in i_stems:
            tag = "INTV"
        elif s in c_stems or lw in c_stems:
            tag = "COMP"
        elif s in o_stems:
            tag = "OUTC"
        else:
            tag = lw
        if seq and seq[-1][0] == tag and tag in ("INTV", "COMP", "OUTC", "NUM", "P"):
            continue
        seq.append((tag, m.start()))
    r.tags = [t for t, _ in seq]
    arms = [t for t in r.tags if t in ("INTV", "COMP")]
    r.first_arm = {"INTV": "I", "COMP": "C"}.get(arms[0]) if arms else None
    r.values = _arm_values(text, seq)
    _score_cues(r)
    return r


def _arm_values(text: str, seq: list[tuple[str, int]]) -> dict[str, float]:
    """The value printed for each arm, where the pattern is plain: "A 12% vs
    B 20%", "12% in A and 20% in B", or "A and B: 12 and 20, respectively"."""
    marks = [(t, pos) for t, pos in seq if t in ("INTV", "COMP", "NUM")]
    nums_at = {pos: _num(text[pos:].split()[0].rstrip(",;:)")) for t, pos in marks if t == "NUM"}
    arms = [(t, pos) for t, pos in marks if t != "NUM"]
    if not arms or {t for t, _ in arms} != {"INTV", "COMP"}:
        return {}
    out: dict[str, float] = {}
    if "respectively" in text.lower():
        order: list[str] = []
        for t, _ in arms:
            if t not in order:
                order.append(t)
        last = max(pos for _, pos in arms)
        after = [nums_at[pos] for t, pos in marks if t == "NUM" and pos > last]
        after = [v for v in after if v is not None]
        if len(after) >= 2:
            return {order[0][0]: after[0], order[1][0]: after[1]}
        return {}
    # arm then its number, or number then its arm
    for i, (t, _pos) in enumerate(marks):
        if t == "NUM":
            continue
        nxt = marks[i + 1] if i + 1 < len(marks) else None
        if nxt and nxt[0] == "NUM" and t[0] not in out:
            v = nums_at[nxt[1]]
            if v is not None:
                out[t[0]] = v
    if len(out) == 2:
        return out
    out = {}
    for i, (t, _pos) in enumerate(marks):
        if t == "NUM":
            continue
        prv = marks[i - 1] if i > 0 else None
        if prv and prv[0] == "NUM" and t[0] not in out:
            v = nums_at[prv[1]]
            if v is not None:
                out[t[0]] = v
    return out if len(out) == 2 else {}


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
    if "I" in r.values and "C" in r.values and r.values["I"] != r.values["C"]:
        c["values_dir"] = 1.0 if r.values["I"] > r.values["C"] else -1.0
    if r.first_arm:
        c["first_" + r.first_arm] = 1.0


def features(r: Reading) -> dict[str, float]:
    """The classifier's inputs: n-grams of the masked tokens and the cues."""
    f: dict[str, float] = {}
    t = ["<s>"] + r.tags + ["</s>"]
    for n in (1, 2, 3):
        for i in range(len(t) - n + 1):
            f["g:" + " ".join(t[i : i + n])] = 1.0
    for k, v in r.cues.items():
        f["c:" + k] = v
    return f
