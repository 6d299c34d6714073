"""Parsed cell values: what a table cell holds, whatever the house style.

`parse_value("12 (18.2%)")` gives a `Value` with `n=12, percent=18.2`;
"12/65" gives `n=12, total=65`; "<1%" a percent bound; "66 (28–84)" a value
with a range; "0.84 (0.59–1.21)" the same shape (an estimate with its CI:
the column says which); "45.2 ± 12.1" a value with a dispersion; "P < 0.001",
"0·63" numbers with an operator; "NR", "NA", "-", "–", "..", "" absent. Footnote
marks ("9‡ (22.5)", "5 (10.6)b", "Vomiting¹") are taken off into `marks`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

# Footnote marks printed next to values or labels.
MARK_CHARS = "*†‡§¶║‖∥#"
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ"
_MARK_RE = re.compile(rf"[{re.escape(MARK_CHARS)}{_SUPERSCRIPTS}]+")
# "12.5a", "3.1 ab", and a list or a range of marks: "6.58a,b", "6.46a–c", "4.1 b, c, d"
_TRAILING_LETTER_MARK = re.compile(
    r"(?<=[\d)%\]])\s?([a-z](?:\s?,\s?[a-z])+|[a-z]\s?[–-]\s?[a-z]|[a-z]{1,2})$"
)
# a letter closed by a parenthesis no "(" opened: "1.48±0.11a)" (its stars are marks
# already), not the unit closing "(24 h)" or "(1.73 m)"
_PAREN_LETTER_MARK = re.compile(r"(?<=[\d)%\]])([a-z])\)$")
_ABSENT = {
    "",
    "-",
    "–",
    "—",
    "‒",
    "−",
    "..",
    "...",
    "…",
    ".",
    "na",
    "n/a",
    "n.a.",
    "ne",
    "nd",
    "n.d.",
    "not applicable",
    "not reported",
    "not evaluable",
}
_NOT_REACHED = {"nr", "not reached", "n.r."}
_NUM = r"\d+(?:[.·]\d+)?"
_SIGNED = r"[-−–]?\d+(?:[.·]\d+)?"
_RANGE_SEP = r"\s*(?:-|–|—|−|‒|to|,)\s*"
_INTERVAL_SEP = r"\s*(?:-|–|—|−|‒|to|,|;)\s*"  # "64 (43; 73)" in a parenthesis


@dataclass(frozen=True)
class Value:
    """A parsed cell.

    `kind` is one of: "absent" (empty, dash, NA), "nr" (not reached), "count"
    (n, with `percent` and/or `total` when printed), "percent" (a bare
    percentage, maybe a bound "<1%": `op` "<"), "number" (a bare number, `op`
    when printed "<0.001"), "estimate" (`value` with `low`/`high`: a median
    (range), an HR (95% CI); or with `disp`: mean ± SD), "range" (`low`-`high`
    alone), "text". `marks` holds footnote marks taken off the cell;
    `analysed` the number analysed printed before an estimate ("n=354, 3132.4
    (581.7)", "162, 280 (190-425)").
    """

    kind: str
    text: str
    n: int | None = None
    total: int | None = None
    percent: float | None = None
    value: float | None = None
    low: float | None = None
    high: float | None = None
    disp: float | None = None
    op: str | None = None
    marks: str = ""
    analysed: int | None = None

    @property
    def is_absent(self) -> bool:
        """Nothing printed: empty, a dash, NA."""
        return self.kind == "absent"

    @property
    def is_zero(self) -> bool:
        """A count or percentage of zero ("0", "0 (0.0)", "0%", "0/40")."""
        if self.kind == "count":
            return self.n == 0
        if self.kind in ("percent", "number"):
            return self.value == 0 and self.op is None
        return False

    @property
    def is_numeric(self) -> bool:
        return self.kind in ("count", "percent", "number", "estimate", "range", "nr")


def _f(text: str) -> float:
    return float(text.replace("·", ".").replace("−", "-").replace("–", "-"))


@lru_cache(maxsize=16384)
def strip_marks(text: str) -> tuple[str, str]:
    """(text without footnote marks, the marks)."""
    marks = "".join(_MARK_RE.findall(text))
    t = _MARK_RE.sub("", text)
    m = _TRAILING_LETTER_MARK.search(t)
    if m and re.search(r"\d", t):
        marks += m.group(1)
        t = t[: m.start()]
    m = _PAREN_LETTER_MARK.search(t)
    if m and t.count("(") < t.count(")"):
        marks += m.group(0)
        t = t[: m.start()]
    return re.sub(r"\s+", " ", t).strip(), marks


@lru_cache(maxsize=16384)
def parse_value(text: str) -> Value:
    """The `Value` of one cell's text."""
    raw = text or ""
    t, marks = strip_marks(raw)
    t = t.replace("\u2009", " ").replace("\u00a0", " ").strip()
    low = t.lower()
    if low in _ABSENT:
        return Value("absent", raw, marks=marks)
    if low in _NOT_REACHED:
        return Value("nr", raw, marks=marks)
    t = re.sub(r"(?i)^p\s*(?=[<>=≤≥])", "", t).strip()
    m = re.fullmatch(r"(?i)(?:n\s*=\s*(\d+)\s*[,;]?|(\d+)\s*[,;])\s+(\S.*)", t)
    if m:  # the number analysed, then its estimate: "n=354, 3132.4 (581.7)", "162, 280 (190-425)"
        inner = parse_value(m.group(3))
        if inner.kind == "estimate" and (inner.disp is not None or inner.low is not None):
            n = int(m.group(1) or m.group(2))
            return replace(inner, text=raw, marks=marks + inner.marks, analysed=n)
    m = re.fullmatch(rf"(\d+)\s*[(\[]\s*(<|≤|>)?\s*({_NUM})\s*%?\s*[)\]]", t)
    if m:
        n, op, p = int(m.group(1)), m.group(2), _f(m.group(3))
        if op:
            return Value("count", raw, n=n, op=op, value=p, marks=marks)
        return Value("count", raw, n=n, percent=p, marks=marks)
    m = re.fullmatch(rf"(\d+)\s*(?:/|of)\s*(\d+)(?:\s*[(\[]\s*(<)?\s*({_NUM})\s*%?\s*[)\]])?", t)
    if m:
        pct = _f(m.group(4)) if m.group(4) and not m.group(3) else None
        return Value(
            "count", raw, n=int(m.group(1)), total=int(m.group(2)), percent=pct, marks=marks
        )
    m = re.fullmatch(rf"(<|≤|>|≥)?\s*({_NUM})\s*%", t)
    if m:
        v = _f(m.group(2))
        return Value("percent", raw, percent=None if m.group(1) else v, value=v,
                     op=m.group(1), marks=marks)  # fmt: skip
    m = re.fullmatch(rf"(<|≤|>|≥|=)?\s*({_SIGNED})", t)
    if m:
        v = _f(m.group(2))
        op = m.group(1) if m.group(1) != "=" else None
        if op is None and v.is_integer() and not re.search(r"[.·]", m.group(2)) and v >= 0:
            return Value("number", raw, n=int(v), value=v, marks=marks)
        return Value("number", raw, value=v, op=op, marks=marks)
    # an interval printed without a separator, each bound with its own sign: "(-1.8 -0.5)",
    # "(22.7 110.5)" (a bound printed "03" is a misprint, not 3)
    m = re.fullmatch(rf"({_SIGNED})\s*[(\[]\s*({_SIGNED})\s+({_SIGNED})\s*[)\]]", t)
    if m and not any(re.match(r"[-−–]?0\d", g) for g in m.groups()[1:]):
        lo, hi = _f(m.group(2)), _f(m.group(3))
        if lo <= hi:
            return Value("estimate", raw, value=_f(m.group(1)), low=lo, high=hi, marks=marks)
    m = re.fullmatch(
        rf"({_SIGNED})\s*%?\s*[(\[]\s*(?:(?:95\s*%\s*)?CI[:,]?\s*|range[:,]?\s*|IQR[:,]?\s*)?"
        rf"({_SIGNED}|NR|NE){_INTERVAL_SEP}({_SIGNED}|NR|NE)\s*%?\s*[)\]]",
        t,
        re.I,
    )
    if m:
        lo = None if m.group(2).upper() in ("NR", "NE") else _f(m.group(2))
        hi = None if m.group(3).upper() in ("NR", "NE") else _f(m.group(3))
        if lo is not None and hi is not None and lo > hi:
            return Value("text", raw, marks=marks)  # "−0.4 (−0.5, −03)": a misprint, no reading
        return Value("estimate", raw, value=_f(m.group(1)), low=lo, high=hi, marks=marks)
    m = re.fullmatch(
        rf"({_SIGNED})\s*(?:±|\+/-|\+-)\s*({_NUM})"
        rf"(?:\s*[(\[]\s*{_SIGNED}(?:{_RANGE_SEP}{_SIGNED})?\s*[)\]])?",
        t,
    )
    if m:  # "12.1 ± 3.2", also with its median or range after it: "12.1±3.2 (11.0)", "(5–20)"
        return Value("estimate", raw, value=_f(m.group(1)), disp=_f(m.group(2)), marks=marks)
    m = re.fullmatch(rf"({_SIGNED})\s*[(\[]\s*(?:±|\+/-|\+-)\s*({_NUM})\s*[)\]]", t)
    if m:  # "12.1 (± 3.2)": the spread in brackets with its sign
        return Value("estimate", raw, value=_f(m.group(1)), disp=_f(m.group(2)), marks=marks)
    m = re.fullmatch(rf"({_SIGNED})\s*[(\[]\s*({_NUM})\s*[)\]]", t)
    if m:  # "12.5 (3.2)": a mean with its SD when the first number is not a count
        return Value("estimate", raw, value=_f(m.group(1)), disp=_f(m.group(2)), marks=marks)
    m = re.fullmatch(rf"({_SIGNED}){_RANGE_SEP.replace(',', '')}({_SIGNED})", t)
    if m:
        return Value("range", raw, low=_f(m.group(1)), high=_f(m.group(2)), marks=marks)
    m = re.fullmatch(r"([^\[\]]+?)\s*\[([^\[\]]+)\]", t)
    if m:  # "17.2 (8.0, 39.2) [1.8 (0.8, 4.1)]": the same estimate again in a second unit
        first, second = parse_value(m.group(1)), parse_value(m.group(2))
        # an integer with its spread reads as a count: "6.1 (1.4) [110 (25)]"
        spread = second.kind == "count" and second.percent is not None and second.total is None
        if first.kind == "estimate" and (
            (second.kind == "estimate" and (first.disp is None) == (second.disp is None))
            or (first.disp is not None and spread)
        ):
            return replace(first, text=raw, marks=marks + first.marks)
    return Value("text", raw, marks=marks)
