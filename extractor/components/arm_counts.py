"""Arms counted beside their names with no allocation verb.

"Eighteen patients in Group L and 19 in Group H were examined", "there were
34 patients in the MLC601 group and 36 patients in the placebo group", "30
subjects in group A were treated with X while 30 subjects in group B ...":
each count stands right before "in <the group>", and the sentence counts
people, not what happened to them (no event, no result verb, no percent, no
sex breakdown).
"""

from __future__ import annotations

import re

from litkg.extractor.components import allocated
from litkg.extractor.components.arm_contrast import may_name_arm
from litkg.extractor.numbers import NUMBER_WORDS, words_to_int

_CNT = rf"(?P<n>\d{{1,3}}(?:,\d{{3}})+(?![\d,])|\d+|{NUMBER_WORDS})"
_SUBJ = allocated.nouns("people", "animals", plural_only=True)
# a designator: "Group L", "group BD5", "Group D₁", "arm 2", "group II", "G1 group"
_DESIGNATOR = (
    r"(?:group|arm|cohort)\s+(?:[A-Z][A-Za-z]{0,3}[0-9₀-₉]{0,3}|[0-9]{1,2}|[IVX]{1,4})(?![\w-])"
)
# a name: "the MLC601 group", "the low-dose arm"
_NAMED = (
    r"the\s+(?!(?:other|same|first|second|third|two|both|each|former|latter|age)\b)"
    r"[A-Za-z0-9][\w+/-]*(?:\s+(?!and\b|or\b|of\b|in\b|with\b)[\w+/-]+){0,2}?\s+(?:group|arm)(?![\w-])"
)
_ITEM = re.compile(
    rf"(?<![\w.,(\[/-]){_CNT}\s+(?:(?P<subj>{_SUBJ})\s+)?(?:were\s+)?in\s+"
    rf"(?P<label>{_DESIGNATOR}|{_NAMED})",
    re.I,
)
# a size printed before a group's name: "(n = 9 intervention group, n = 6 control group)"
_N_BEFORE = re.compile(
    r"(?<![\w-])[Nn]\s*=\s*(?P<n>\d+)\s+(?:in\s+)?(?:the\s+)?"
    rf"(?P<label>{_DESIGNATOR}|(?!(?:other|same|first|second|third|two|both|each|age)\b)"
    r"[A-Za-z][\w+/-]*(?:\s+(?!and\b|or\b|of\b|in\b)[\w+/-]+){0,2}?\s+(?:group|arm)(?![\w-]))",
    re.I,
)
# a designator with its size after it, "Group BD 5 (n = 30): ...", "Group R2 (n=23)"
_SIZED = re.compile(
    r"(?<![\w-])(?P<label>(?i:group|arm)\s+(?:[A-Z]{1,4}(?:\s?[0-9₀-₉]{1,3})?|[0-9]{1,2}|[IVX]{1,4}))"
    r"\s*\(\s*[Nn]\s*=\s*(?P<n>\d+)\s*\)"
)
# what the sentence says happened to those it counts: a subset, not an arm
_RESULT = re.compile(
    r"%|\b(?:had|has|have|developed|experienced|showed|reported|required|needed|occurred"
    r"|observed|presented|complained|suffered|achieved|died|deaths?|events?|progressed"
    r"|relapsed|recurr\w*|excluded|withdr[ae]w\w*|lost|dropped|discontinu\w*|failed"
    r"|responded|improved|remained|stratified|aged|male|female"
    # the flow, or a relative clause saying which of them: "41 in the random arm who refused"
    r"|refused|declined|left|quit|stopped|missed|switched|crossed|who|whom|whose)\b",
    re.I,
)
# a count standing as the object of a result: "occurred in 12 patients in group A"
_COUNT_AS_OBJECT = re.compile(r"\b(?:in|of|among|for|by|to|from|than)\s+$", re.I)
_BOTH_SEXES = re.compile(
    r"\b(?:men|males?|boys)\b.*\b(?:women|females?|girls)\b"
    r"|\b(?:women|females?|girls)\b.*\b(?:men|males?|boys)\b",
    re.I,
)


def _n(text: str) -> int | None:
    t = text.replace(",", "")
    return int(t) if t.isdigit() else words_to_int(t)


def counted_groups(sent: str) -> list[tuple[str, int]] | None:
    """(label, n) of two or more arms a sentence counts as "N in <group>", with
    no allocation verb; None unless every count is of people (five or more),
    the labels differ and nothing says the counts are of a subset."""
    out: list[tuple[str, int]] = []
    items = [] if _RESULT.search(sent) or _BOTH_SEXES.search(sent) else _ITEM.finditer(sent)
    for m in items:
        n = _n(m.group("n"))
        if n is None or n < 5 or 1900 <= n <= 2100:
            return None
        if _COUNT_AS_OBJECT.search(sent[max(0, m.start() - 12) : m.start()]):
            return None
        label = re.sub(r"\s+", " ", re.sub(r"(?i)^the\s+", "", m.group("label")))
        out.append((label, n))
    if not out:
        # sizes printed as sizes ("n = 9 intervention group", "Group BD 5 (n = 30)") need
        # no verb at all; a result ("had", a percent) may follow in the sentence without
        # making them a subset's
        out = [
            (re.sub(r"\s+", " ", m.group("label")), int(m.group("n")))
            for m in _N_BEFORE.finditer(sent)
        ]
        if len(out) < 2:
            out = [
                (re.sub(r"\s+", " ", m.group("label")), int(m.group("n")))
                for m in _SIZED.finditer(sent)
            ]
        if any(n < 2 for _lab, n in out):
            return None
    if len(out) < 2 or len({lab.lower() for lab, _n in out}) != len(out):
        return None
    # a named group that sorts the sample ("the older group", "n = 12 male group") is no arm
    if _BOTH_SEXES.search(sent) or not all(
        may_name_arm(re.sub(r"(?i)\s+(?:group|arm)$", "", lab)) for lab, _n in out
    ):
        return None
    return out
