"""Counts of people per group in a result sentence: "One patient in group P and
4 patients in group S had nausea", "5 and 12 patients in the LP and SP groups
complained of shoulder pain", "Vomiting was not observed in any patient in
group A but in 3 patients in group B", "fewer in the silicone group (3 cases)
than in the latex group (nine cases)".

A count becomes a result only when the sentence names both its group and what
was counted (the predicate after the counts, "N cases of X were seen in ...",
or the subject before them); counts of who took part (completed, withdrew,
were analysed) are arm sizes, not results. Pure functions of the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from litkg.extractor.components import allocated
from litkg.extractor.mentions import Mention
from litkg.extractor.numbers import NUMBER_WORDS, words_to_int

_NUM = rf"(?:\d{{1,5}}|{NUMBER_WORDS})"
_WHO = allocated.nouns("people", "body_parts")
#: "4 patients in ", "only one case in the ", "twelve (of the) women from the": a count before its group
_COUNT_BEFORE = re.compile(
    rf"(?<![\w.·/%-])(?P<n>{_NUM})\s+(?:(?:more|other|further|additional)\s+)?"
    rf"(?:(?P<who>{_WHO}\s+)?(?:in|of|from|among|within)"
    # "Five cases of candiduria were observed in the": the counted thing between
    rf"|(?P<what>{_WHO}\s+of\s+[^,;:()\[\]]{{3,60}}?\s+(?:was|were)\s+(?:(?:also|only)\s+)?"
    r"(?:observed|seen|noted|found|reported|recorded|detected|diagnosed)\s+in))\s+(?:the\s+)?$",
    re.I,
)
#: "not observed in any patient in ", "none of the patients in ": a zero count
_ZERO_BEFORE = re.compile(
    rf"\b(?:(?:in|of|among)\s+)?(?:any|no|none\s+of\s+the)\s+{_WHO}\s+(?:in|of|from|among)\s+(?:the\s+)?$",
    re.I,
)
#: "the Nelatone group (3 cases)": a count in parentheses after its group
_COUNT_AFTER = re.compile(rf"^\s*[(\[]\s*(?P<n>{_NUM})\s+(?P<who>{_WHO})\s*[)\]]", re.I)
#: "5 and 12 patients in the LP and SP groups", "3 and 9 cases in groups A and B"
_PAIR_RE = re.compile(
    rf"(?<![\w.·/%-])(?P<a>{_NUM})\s+(?:and|vs\.?|versus)\s+(?P<b>{_NUM})\s+{_WHO}\s+"
    rf"(?:in|of|from|among)\s+(?:the\s+|both\s+)?"
    r"(?:(?P<la>[\w+/·-]+(?:\s+[\w+/·-]+)?)\s+(?:and|vs\.?|versus)\s+(?:the\s+)?"
    r"(?P<lb>[\w+/·-]+(?:\s+[\w+/·-]+)?)\s+(?:groups|arms)\b"
    r"|(?:groups|arms)\s+(?P<da>[A-Z]{1,3}\d{0,2})\s+(?:and|vs\.?|versus)\s+(?P<db>[A-Z]{1,3}\d{0,2})\b)",
    re.I,
)
#: what a count of participants (an arm size) says of them: not a result
_TOOK_PART = re.compile(
    r"^(?:were|was)?\s*(?:not\s+)?(?:complet\w*|finish\w*|drop\w*|withdr\w*|discontinu\w*|lost|"
    r"randomi[sz]\w*|allocat\w*|assign\w*|enrol\w*|recruit\w*|includ\w*|exclud\w*|analy[sz]\w*|"
    r"evaluat\w*|available|eligible|participat\w*|received|underwent|were\s+given|treated|"
    r"entered|remained|aged|male|female|men|women)\b",
    re.I,
)
#: the predicate after the counts: "had nausea", "complained of shoulder pain"
_PREDICATE = re.compile(
    r"^\s*(?:[)\]]\s*)?(?:,\s*respectively,?\s*)?(?:(?:also|each)\s+)?"
    r"(?P<verb>had|have|developed|experienced|reported|complained\s+of|presented\s+with|"
    r"suffered(?:\s+from)?|showed|required|needed|requested|asked\s+for|vomited)\s+"
    r"(?:(?:an?|the|some|any)\s+)?(?P<name>[^,;:()\[\]]{3,70})",
    re.I,
)
_NAME_CUT = re.compile(
    r"\s+(?:in|for|among|with|at|after|during|within|on|compared|versus|vs\.?|than|whereas|"
    r"while|and\s+the|but|respectively|which|that|who|\(|p\s*[=<>])\b.*$|\s*\d.*$",
    re.I,
)
#: "three cases of staphylococcal UTI were observed in": the counted thing after "of"
_OF_NAME = re.compile(
    rf"^\s*{_NUM}\s+{_WHO}\s+of\s+(?P<name>[^,;:()\[\]]{{3,60}}?)\s+(?:was|were)\s+"
    r"(?:(?:also|only)\s+)?(?:observed|seen|noted|found|reported|recorded|detected|diagnosed)\s+in\b",
    re.I,
)
#: "Vomiting was not observed in ", "The number of UTI were ", "The frequency of X was less in ":
#: the clause's subject before its first count
_SUBJECT = re.compile(
    r"(?:^|[;:]\s*|,\s+(?:and|but|while|whereas)\s+)(?:[A-Z][a-z]+(?:\s+[a-z]+)?,\s+)?"
    r"(?:(?:the|a)\s+)?(?P<np>[A-Za-z][\w/'’-]*(?:\s+[\w/'’-]+){0,6}?)\s+(?:was|were|occurred|"
    r"developed|appeared)\s+(?P<rest>[^;]{0,120})$",
    re.I,
)
_SUBJECT_REST = re.compile(
    r"^(?:(?:not|also|only|significantly|statistically|more|less|lower|higher|frequent|common|"
    r"observed|seen|noted|reported|found|recorded|present|detected|documented|as)\s+)*"
    r"(?:(?:than|in|among|for|to)\b.*)?$",
    re.I,
)
_NOT_COUNTED = re.compile(
    r"^(?:(?:the|a)\s+)?(?:number|total|rest|remainder|majority|patients?|participants?|"
    r"subjects?|groups?|arms?|cases?|difference|sample|it|they|this|there)\s*$"
    r"|\b(?:age|aged|sex|gender|baseline|randomi\w*|allocat\w*|enrol\w*|eligib\w*|"
    r"dropouts?|withdraw\w*|follow-?up|questionnaires?|missing|data|values?|records?|"
    r"information|measurements?|samples?)\b",
    re.I,
)
_LEAD = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?:(?:number|incidence|frequency|occurrence|rate)\s+of\s+"
    r"(?:(?:the|a)\s+)?)?",
    re.I,
)


@dataclass(frozen=True)
class GroupCount:
    """A count of people with a result, for the group printed, at [start, end)."""

    n: int
    label: str
    start: int
    end: int


def _num(text: str) -> int | None:
    return words_to_int(text)


def _counts(sent: str, cues: list[Mention]) -> list[GroupCount]:
    out: list[GroupCount] = []
    with_who = False
    for m in _PAIR_RE.finditer(sent):
        a, b = _num(m.group("a")), _num(m.group("b"))
        la = m.group("la") or m.group("da")
        lb = m.group("lb") or m.group("db")
        if a is None or b is None or not la or not lb:
            continue
        if m.group("da"):
            la, lb = f"group {la}", f"group {lb}"
        out.append(GroupCount(a, la, m.start("a"), m.end("a")))
        out.append(GroupCount(b, lb, m.start("b"), m.end()))  # the groups end the pair
        with_who = True
    taken = [(c.start, c.end) for c in out]
    for c in cues:
        if not c.label:
            continue
        base = max(0, c.start - 120)
        before = sent[base : c.start]  # a cue starts at its label: "in the |LP group"
        bm = _COUNT_BEFORE.search(before)
        zm = None if bm else _ZERO_BEFORE.search(before)
        am = None if bm or zm else _COUNT_AFTER.match(sent[c.end :])
        if bm:
            n, s, e = _num(bm.group("n")), base + bm.start("n"), c.end
            who = bool(bm.group("who") or bm.group("what"))
        elif zm:
            n, s, e, who = 0, base + zm.start(), c.end, True
        elif am:
            n, s, e, who = _num(am.group("n")), c.end + am.start("n"), c.end + am.end(), True
        else:
            continue
        if n is None or any(a <= s < b for a, b in taken):
            continue
        with_who = with_who or who
        out.append(GroupCount(n, c.label, s, e))
    if not with_who:
        return []  # "3 in group A and 5 in group B": a count of what is not said
    return sorted(out, key=lambda g: g.start)


def _name(sent: str, counts: list[GroupCount], cues: list[Mention]) -> str | None:
    first, last = counts[0], counts[-1]
    tail_from = max([last.end] + [c.end for c in cues if c.start >= last.start])
    pm = _PREDICATE.match(sent[tail_from:])
    if pm:
        return _NAME_CUT.sub("", pm.group("name")).strip()
    om = _OF_NAME.match(sent[first.start :])
    if om:
        return om.group("name").strip()
    sm = _SUBJECT.search(sent[: first.start])
    if sm and _SUBJECT_REST.match(sm.group("rest")):
        return sm.group("np").strip()
    return None


def group_counts(sent: str, cues: list[Mention]) -> list[tuple[GroupCount, str]]:
    """The counts per group a sentence states, each with the name of what was
    counted; none when the sentence names no result for them."""
    counts = _counts(sent, cues)
    if not counts:
        return []
    if len({g.label.lower() for g in counts}) < len(counts):
        return []  # one group counted twice: two results, or a breakdown of one
    tail_from = max([counts[-1].end] + [c.end for c in cues if c.start >= counts[-1].start])
    after = re.sub(r"^\s*[)\]]?\s*(?:,\s*respectively,?\s*)?", "", sent[tail_from:])
    if _TOOK_PART.match(after):
        return []
    name = _name(sent, counts, cues)
    if not name:
        return []
    name = _LEAD.sub("", name).strip(" ,.")
    if len(name) < 3 or not re.search(r"[A-Za-z]{3}", name) or _NOT_COUNTED.search(name):
        return []
    if _TOOK_PART.match(name):
        return []
    return [(g, name) for g in counts]
