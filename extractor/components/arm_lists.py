"""Arms a sentence names without counting them: lists after an allocation.

Methods sections often allocate by name only: "were randomly divided into
three groups: the honey group, the mouthwash group and the chewing-gum group",
"were assigned to receive either the active drink or a matched placebo",
"allocated to group I and group II", "Group A: 92 enrolled ... vs Group B: 89
enrolled". These give the arms' labels (and a size where one is printed
beside a designator); the values in the results then name the arms so.

Nothing here guesses: a list is read only after an allocation verb, every
item must read as an arm (no count, no verb, no sex or flow step), and where
the sentence says how many groups there are, the list must hold that many.
"""

from __future__ import annotations

import re

from litkg.extractor.components import allocated
from litkg.extractor.components.arm_words import GENERIC_NAME, own_words
from litkg.extractor.numbers import words_to_int

_CUE = re.compile(rf"\b{allocated.verbs('allocation', 'grouping')}\b", re.I)
# allocations by stratum or by order are no arms
_NOT_ALLOCATION = re.compile(r"\b(?:stratif\w*|order\s+of|sequences?)\b", re.I)
# a within-subject (crossover) design: everyone gets every listed treatment, so the
# list names no parallel arms ("received both X and Y in random order")
_WITHIN_SUBJECT = re.compile(
    r"\b(?:receiv\w*|given|underw\w*|undergo\w*|took|take|had|completed)\s+both\s+"
    r"(?!(?:the\s+)?(?:groups?|arms?)\b)"
    r"|\bin\s+(?:a\s+|the\s+)?(?:random(?:i[sz]ed)?|counterbalanced|balanced|alternating)"
    r"\s+(?:order|sequence)\b"
    # "... caffeine and placebo on two separate days": one person, every treatment
    r"|\bon\s+(?:two|three|four|[2-4]|separate|different)\s+(?:separate\s+|different\s+)?"
    r"(?:test\s+|study\s+)?(?:days|occasions|sessions|visits|mornings|evenings)\b",
    re.I,
)

# --------------------------------------------------------------- designators

_DESIG = re.compile(
    r"(?<!\w)(?P<d>(?:[Gg]roup|GROUP|[Aa]rm|ARM)\s+(?:[A-Z]{1,2}|[IV]{1,3}|\d{1,2})(?![\w-])"
    r"|G\d{1,2}(?![\w-]))"
)
# "two equal groups, A and B", "groups A, B and C"
_DESIG_LIST = re.compile(
    r"\b(?:groups|arms)\s*,?\s*\(?\s*(?P<list>(?:[A-Z]|[IV]{1,3}|\d)(?:\s*(?:,\s*(?:and|or)?|and|or)\s*"
    r"(?:[A-Z]|[IV]{1,3}|\d))+)\b(?![\w-])"
)
# a size after a designator: "Group A: 92 enrolled", "group B (n = 45)", "group 1, n = 30"
_DESIG_SIZE = re.compile(
    r"^\s*(?:\(\s*[^()]{0,40}?\b[Nn]\s*=\s*(?P<a>\d+)"
    r"|[:,]?\s*[Nn]\s*=\s*(?P<b>\d+)"
    r"|:\s*(?P<c>\d+)\s+(?:enrolled|patients|participants|subjects|children|adults|women|men"
    r"|infants|eyes|teeth|cases|were|randomi[sz]ed|allocated|assigned))"
)
# a short description in parentheses after a designator: "Group C (no antibiotics)"
_DESIG_DESC = re.compile(r"^\s*\(\s*(?P<d>[A-Za-z][^()\d=]{1,30}?)\s*\)")


def designator_groups(sent: str) -> list[tuple[str, int]] | None:
    """Arms a sentence allocating patients names by designators outside
    parentheses: "randomly allocated to group I and group II", "divided into
    two equal groups, A and B", "Group A: 92 enrolled ... vs Group B: 89
    enrolled". Labels are the designators (with a short description printed in
    parentheses after them); the size is the one printed beside them, else 0."""
    if _NOT_ALLOCATION.search(sent):
        return None
    out: list[tuple[str, int]] = []
    seen: set[str] = set()
    for m in _DESIG.finditer(sent):
        d = re.sub(r"\s+", " ", m.group("d"))
        key = re.sub(r"(?i)^(?:group|arm)\s+", "", d)
        if key in seen:
            continue
        seen.add(key)
        tail = sent[m.end() : m.end() + 60]
        size = _DESIG_SIZE.match(tail)
        desc = _DESIG_DESC.match(tail)
        label = d[0].upper() + d[1:] if d[0].islower() else d
        if desc and not re.search(r"\b[Nn]\s*=|%", desc.group("d")):
            label = f"{label} ({desc.group('d').strip()})"
        n = int(next(g for g in size.groups() if g)) if size else 0
        out.append((label, n))
    if len(out) < 2:
        lst = _DESIG_LIST.search(sent)
        if lst is None:
            return None
        keys = re.findall(r"[A-Z]+|\d", lst.group("list"))
        out = [(f"Group {k}", 0) for k in dict.fromkeys(keys)]
    if len(out) < 2 or any(0 < n < 2 for _l, n in out):
        return None
    if not _CUE.search(sent) and not all(n for _l, n in out):
        return None  # designators with their sizes need no allocation verb
    return out


# --------------------------------------------------------------- named lists

_K = r"(?P<k>two|three|four|five|six|[2-6])"
# "into three groups: ...", "to one of the two groups, namely ...", "into four groups (...)"
_K_GROUPS = re.compile(
    rf"\b(?:to|into|in|as)\s+(?:one\s+of\s+)?(?:the\s+)?(?:following\s+)?{_K}\s+"
    r"(?:(?:equal|equally[- ]sized|treatment|study|parallel|intervention|different|separate|"
    r"experimental|dietary|randomi[sz]ed)\s+)*(?:groups|arms|conditions|categories)\s*"
    # "into two groups that received either X or Y": the groups are named by what they got
    r"(?:,?\s*(?:(?:that|which|who)\s+(?:were\s+)?)?(?:received|receiving|given|treated\s+with"
    r"|underwent|undergoing)\s+(?P<either>either)\b"
    r"|:|;|,\s*(?:i\.\s?e\.,?|namely|viz\.?,?)?|\(|\s+(?:i\.\s?e\.,?|namely|viz\.?,?)|\s+of)\s*",
    re.I,
)
# "assigned to (receive) (either) A or B", "divided into A and B groups", "into groups of A and B"
_TO_LIST = re.compile(
    # "randomized either to X or to Y": "either" may stand before the preposition
    r"(?:\beither\s+)?\b(?P<prep>to|into|between)\s+"
    r"(?:(?:receive|be\s+given|undergo|have|use|wear|consume|get)\s+)?"
    r"(?:either\s+)?(?:(?:the\s+)?(?:groups?|arms?)\s+of\s+)?",
    re.I,
)
_CONSISTED = re.compile(
    r"\b(?:study|trial|design|groups|arms)\s+(?:consisted\s+of|comprised(?:\s+of)?|included)\s+",
    re.I,
)
# the list follows its allocation verb closely ("randomly allocated for elective
# surgery to receive ..."); an adjective allocates nothing ("randomized controlled study")
_REACH = 60
_ADJECTIVE = re.compile(
    r"\s*,?\s*(?:(?:double|single|triple|open)[- ]\w+\s+|placebo[- ]\w+\s+)?"
    r"(?:controlled|control|clinical|trial|study|studies|design|prospective|parallel|cross|"
    r"crossover|comparative|pilot|manner|fashion|order|sequence|sample)\b",
    re.I,
)
_SEP = re.compile(
    r"\s*,\s*(?:and|or)\s+|\s+(?:and|or|versus|vs\.?)\s+|\s*;\s*(?:and|or)?\s*|\s*,\s*", re.I
)
# where an item's name ends: "placebo for 12 weeks", "control in a 1:1 ratio"
_ITEM_END = re.compile(
    r"\s+(?:for|during|at|by|using|according|before|after|until|on|from|based|in|who|which|that|"
    r"each|respectively|comprising|consisting|over|via|through|to|as|following|prior|"
    r"with\s+(?:a|an|the|\d))\b"
    # a duration after the name: "placebo 3 hours before exercise"
    r"|\s+\d+(?:\.\d+)?\s*(?:h|hours?|min|minutes?|days?|weeks?|months?)\b",
    re.I,
)
# an "item" followed by a verb is the subject of the next clause ("randomised into two
# groups and adherence was measured"), not an arm
_CLAUSE = re.compile(
    r"\s+(?:were|was|is|are|will|would|could|can|may|had|has|have|showed|reported|experienced"
    r"|achieved|demonstrated|exhibited|displayed)\b",
    re.I,
)
# who or what is allocated: the list after the verb names arms only when people (or the
# units a trial allocates) are
_ALLOCATED = re.compile(rf"\b{allocated.allocated_words()}\b", re.I)
# a size in parentheses ends the name, not the list: "X (n = 28; 17 girls) or Y (n = 24)"
# ("n = 20 per subgroup" sizes a part of the arm, not the arm)
_SIZE_PAREN = re.compile(r"\s*\(\s*[^()]{0,30}?\b[Nn]\s*=\s*(?P<n>\d+)(?!\d|\s*per\b)[^()]*\)?")
_NUMBERING = re.compile(r"^(?:\(?\d\s*\)|\d\s*[-–.:]\s*|\(?[ivx]{1,3}\)|\(?[a-f]\))\s*", re.I)
_LEAD = re.compile(r"^(?:(?:the|a|an|either|receive|received|receiving|one)\s+)+", re.I)
_VERB = re.compile(
    r"\b(?:were|was|is|are|be|been|received|receiving|had|have|has|did|do|does|underwent|took|"
    r"given|randomi[sz]ed|assigned|allocated|divided|compared)\b",
    re.I,
)
_NOT_LEAD = re.compile(
    r"(?:of|to|in|for|any|each|either|all|both|two|three|four|five|these|those|their|his|her|its"
    r"|our|this|that|which|who|not|no\s+one)\b",
    re.I,
)
_EITHER_INSIDE = re.compile(r"\s(?:either|neither)\b", re.I)
_COUNTED = re.compile(
    rf"\b\d+\s+{allocated.nouns('people', 'body_parts', 'animals', 'clusters')}\b", re.I
)
_GENERIC_ITEM = re.compile(
    r"^(?:groups?|arms?|conditions?|categories|each|both|all|one|other|others|same|treatment|"
    r"treatments|intervention\s+groups|study\s+groups|ratio|equal\s+\w+|two|three|four)$",
    re.I,
)


def _depth0_splits(text: str) -> list[tuple[int, int, str]]:
    """Separators of a list that stand outside parentheses: (start, end, text)."""
    depth = 0
    depths = []
    for ch in text:
        if ch in "([":
            depth += 1
        depths.append(depth)
        if ch in ")]" and depth > 0:
            depth -= 1
    return [(m.start(), m.end(), m.group(0)) for m in _SEP.finditer(text) if depths[m.start()] == 0]


def _clean_item(raw: str) -> tuple[str, int, bool] | None:
    """(label, size, ended) of one list item, or None when it names no arm;
    `ended` when the item's name stopped before the item did (the list ends)."""
    from litkg.extractor.components.arms import _NOT_ARM, not_an_arm

    item = _NUMBERING.sub("", raw.strip())
    item = _LEAD.sub("", item).strip()
    size = 0
    n = _SIZE_PAREN.search(item)
    if n:
        size = int(n.group("n"))
        item = item[: n.start()]
    end = _ITEM_END.search(item)
    ended = end is not None
    if end:
        item = item[: end.start()]
    if _CLAUSE.search(item):
        return None
    # a short alias in parentheses stays ("low pressure (LP)"), a dose or a size goes
    item = re.sub(
        r"\s*\(([^()]*)\)", lambda m: f" ({m.group(1)})" if _alias(m.group(1)) else "", item
    )
    item = re.sub(r"\s*\([^)]*$", "", item)  # an unclosed parenthesis: the list ran past it
    if item.count(")") > item.count("("):
        item = item.rstrip(") ")  # the list stood in parentheses: "(A or B)"
    item = re.sub(r"\s+", " ", item).strip(" ,;:-–")
    words = item.split()
    if not words or len(words) > 7 or not re.search(r"[A-Za-z]{2}", item):
        return None
    if re.match(r"^[\d.,]+(?:\s|%|$)", item) or _VERB.search(item) or _GENERIC_ITEM.match(item):
        return None
    if re.search(r"[:;]|\b(?:groups|arms)\b(?!$)", item, re.I):  # "three groups: early"
        return None
    if re.match(r"[^\w]", item) or _NOT_LEAD.match(item):
        return None  # "(row sum ...)", "any of the treatment options", "two equal groups"
    if _EITHER_INSIDE.search(item) or _COUNTED.search(item):
        # "into the role of either the sender or ...": the list is of what comes after
        # "either", no arms; "Group I, with 15 infants in whom ...": a count, no name
        return None
    if re.search(r"\s(?:first|second|then)$", item, re.I):
        return None  # "caffeine or placebo first": the order of treatments everyone gets
    if re.fullmatch(r"[a-z]+(?:-[a-z]+)*ed", item):
        return None  # "... and asked to", "nurse-led, ...": a participle, not an arm
    if not_an_arm(item) or _NOT_ARM.search(item):
        return None
    return item, size, ended


def _alias(text: str) -> bool:
    t = text.strip()
    return bool(t) and len(t.split()) <= 3 and not re.search(r"\d|[Nn]\s*=|%|\bvs\b|;", t)


_LETTER_MARK = re.compile(r"(?:^|(?<=[\s,;:&]))\((?P<d>[A-F])\)\s*")


def _lettered(text: str, k: int) -> list[tuple[str, int]] | None:
    """ "four groups: (A) distilled water, (B) laser, (C) crème, & (D) crème plus
    laser": the letters are the groups' designators (the results say "group D"),
    each with its description."""
    marks = list(_LETTER_MARK.finditer(text))
    if len(marks) != k or [m.group("d") for m in marks] != [chr(ord("A") + i) for i in range(k)]:
        return None
    out = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < k else len(text)
        desc = re.sub(r"[\s,;&]*(?:and|or)?[\s,;&]*$", "", text[m.end() : end])
        got = _clean_item(re.sub(r"\.\s*$", "", desc))
        label = f"Group {m.group('d')}"
        if got and len(got[0].split()) <= 6:
            label = f"{label} ({got[0]})"
        out.append((label, got[1] if got else 0))
    return out


# an arm's item repeating the list's preposition: "to receive X, to placebo, or to usual care"
_REPEATED_TO = re.compile(r"^\s*to\s+(?:receive\s+)?(?=\S)", re.I)
# ... but not a verb starting a clause: "or to continue to be followed", "or to remain as"
_TO_VERB = re.compile(r"^[a-z]+\s+(?:to|as|on)\b")
# a dose where a list stopped: "triazolam 0.25 mg or 0.375 mg" lists doses, no arms
_DOSE_ON = re.compile(r"^\s*\d[\d.,]*\s*(?:mg|g|[µμu]g|mcg|ml|mL|IU|U|units?|%)\b", re.I)
_ARTICLE = re.compile(r"^\s*(?:the|a|an)\s", re.I)
# a generic word that names an arm only with the group noun the list ends with ("to a
# treatment, placebo, or control group")
_SHARING_GENERIC = re.compile(
    r"^\s*(?:(?:the|a|an)\s+)?(?P<w>study|treatment|treated|active)\s*$", re.I
)


def _items(
    text: str, k: int | None, either: bool = False, prep: str | None = None
) -> list[tuple[str, int]] | None:
    """The arms of a list starting at the beginning of `text`; after "either"
    only "or" (and commas) join the arms, an "and" stands inside a name. When
    the list follows "to" (`prep`), an item after the first may repeat it ("to
    X, to Y, or to Z"); a generic word ("treatment") is an item only before a
    group noun the list ends with, and one arm may keep a generic name
    ("treatment group" beside "control group")."""
    if k is not None and (lettered := _lettered(text, k)):
        return lettered
    seps = _depth0_splits(text)
    if either:
        seps = [x for x in seps if not re.fullmatch(r"\s+and\s+", x[2], re.I)]
    pieces: list[tuple[str, str]] = []  # (item text, separator before it)
    pos, before = 0, ""
    for s, e, sep in seps:
        pieces.append((text[pos:s], before))
        pos, before = e, sep
    pieces.append((text[pos:], before))
    out: list[tuple[str, int]] = []
    joined = False
    sharing: list[int] = []  # the items that are a generic word sharing the last one's noun
    own_article: list[bool] = []  # per item: printed with an article of its own
    stop = len(pieces)
    for i, (raw, sep) in enumerate(pieces):
        if i and prep and prep.lower() == "to" and (rm := _REPEATED_TO.match(raw)):
            raw = raw[rm.end() :]
            if _TO_VERB.match(raw):
                stop = i
                break
        raw = re.sub(r"\.\s*$", "", raw)
        got = _clean_item(raw)
        if got is None and (g := _SHARING_GENERIC.match(raw)) and i + 1 < len(pieces):
            sharing.append(len(out))
            got = (g.group("w"), 0, False)
        if got is None:
            stop = i
            break
        label, size, ended = got
        own_article.append(bool(_ARTICLE.match(raw)))
        conj = re.search(r"\b(?:and|or|versus|vs)\b", sep, re.I)
        out.append((label, size))
        joined = joined or bool(out[1:] and conj)
        if ended or (k is not None and len(out) == k):
            stop = i + 1
            break
        if k is None and len(out) >= 2 and conj:
            # "A or B": the list ends with the item after its last joint, unless
            # the same joint goes on ("A or B or C")
            nxt = pieces[i + 1][1] if i + 1 < len(pieces) else ""
            if nxt.strip().lower() != sep.strip().lower():
                stop = i + 1
                break
    if stop < len(pieces) and out and re.search(r"\d", out[-1][0]):
        nxt_raw, nxt_sep = pieces[stop]
        if _DOSE_ON.match(nxt_raw) and re.search(r"\b(?:and|or)\b", nxt_sep, re.I):
            return None  # "X 0.25 mg or 0.375 mg": more doses follow, the arms are not known
    if any(own_article[j] for i in sharing for j in range(i + 1, len(out))):
        return None  # "the study, an X group and a Y group": no noun is shared
    if k is not None and len(out) == k and len(pieces) > k:
        out = _merge_split_last(out, pieces[k])
    if k is not None:
        if len(out) != k:
            return None
    elif len(out) < 2 or not joined:
        return None
    suffixed = _group_suffix(out)
    if sharing and (suffixed == out or any(i >= len(out) - 1 for i in sharing)):
        return None  # "treatment" with no group noun after it names no arm
    out = suffixed
    if k is None:
        out = _shared_tail(out)
    # each arm has words of its own to be named by in the results ("a website
    # with" / "without" have none; nor has "X" beside "X plus Y"), but for one
    # generic name beside arms named otherwise ("treatment group", "control group")
    bare = [i for i, w in enumerate(own_words([lab for lab, _n in out])) if not w]
    if bare and (
        len(bare) > 1
        or not GENERIC_NAME.match(out[bare[0]][0])
        # a generic name names the treated arm only beside a control ("treatment
        # group" and "control group"; not "treatment group" and "half")
        or not any(_control(lab) for lab, _n in out)
    ):
        return None
    sized = [n for _l, n in out if n]
    if len(sized) == 1 and out[-1][1]:
        # "groups of A and B (n = 32)": one size after the list is not the last arm's
        out[-1] = (out[-1][0], 0)
    return out


def _control(label: str) -> bool:
    from litkg.extractor.components.arms import CONTROL_CUES

    return bool(CONTROL_CUES.search(label))


def _merge_split_last(out: list[tuple[str, int]], nxt: tuple[str, str]) -> list[tuple[str, int]]:
    """ "the A group, the B group and the combination of C and D group": the
    k-th item was cut at the "and" inside its name."""
    noun = re.compile(r"\s(?:group|arm)$", re.I)
    raw, sep = nxt
    if not re.fullmatch(r"\s*and\s*", sep, re.I) or noun.search(out[-1][0]):
        return out
    if not all(noun.search(label) for label, _n in out[:-1]):
        return out
    got = _clean_item(re.sub(r"\.\s*$", "", raw))
    if got is None or not noun.search(got[0]):
        return out
    return [*out[:-1], (f"{out[-1][0]} and {got[0]}", out[-1][1] or got[1])]


def _shared_tail(items: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """ "to DC or SC of 4% articaine": the "of" phrase after the last of bare
    names belongs to them all, not to the last arm alone (its words would name
    that arm wherever the drug is named)."""
    last = items[-1][0]
    m = re.search(r"\s+(?:of|with)\s+\S", last)
    if m is None or any(re.search(r"\s(?:of|with)\s", lab) for lab, _n in items[:-1]):
        return items
    if not all(len(lab.split()) <= 2 for lab, _n in items[:-1]):
        return items
    return [*items[:-1], (last[: m.start()], items[-1][1])]


def _group_suffix(items: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """ "acupressure, placebo and control groups" -> each item is a group."""
    last = items[-1][0]
    m = re.search(r"\s+(groups?|arms?)$", last, re.I)
    if not m:
        return items
    noun = re.sub(r"s$", "", m.group(1))
    out = []
    for label, n in items[:-1]:
        if not re.search(r"\b(?:groups?|arms?)\b", label, re.I):
            label = f"{label} {noun}"
        out.append((label, n))
    out.append((last[: m.start()] + " " + noun, items[-1][1]))
    return out


def named_groups(sent: str) -> list[tuple[str, int]] | None:
    """Arms a sentence allocating patients names in a list: "randomly divided
    into three groups: honey, mouthwash and chewing gum", "assigned to receive
    either the active drink or a matched placebo", "allocated to the
    intervention or the control group". Sizes where printed, else 0."""
    if _NOT_ALLOCATION.search(sent) or _WITHIN_SUBJECT.search(sent):
        return None
    # "the study consisted of a high-dose group, a low-dose group and a placebo
    # group": a list of groups the study is made of, each named a group
    m = _CONSISTED.search(sent)
    found = _items(sent[m.end() :], None) if m else None
    if found and all(re.search(r"\s(?:group|arm)$", lab, re.I) for lab, _n in found):
        return found
    for cue in _CUE.finditer(sent):
        if _ADJECTIVE.match(sent, cue.end()) or not _ALLOCATED.search(sent, 0, cue.start()):
            continue  # "a randomized controlled study was conducted to compare ..."
        m = _K_GROUPS.search(sent, cue.end())
        if m is not None and m.start() - cue.end() <= _REACH:
            k = words_to_int(m.group("k")) if not m.group("k").isdigit() else int(m.group("k"))
            # the sentence says how many: the list holds that many, or it is no list of arms
            return _items(sent[m.end() :], k, either=bool(m.group("either")))
        m = _TO_LIST.search(sent, cue.end())
        if m is not None and m.start() - cue.end() <= _REACH:
            if re.search(
                r"\b(?:according|due|prior|compared|up|study|trial)\s*$", sent[: m.start()]
            ):
                return None
            if re.search(r"\bboth\b", sent[cue.end() : m.start()], re.I):
                continue  # "randomised target motion and use it both to X and to Y": no arms
            return _items(
                sent[m.end() :],
                None,
                either="either" in m.group(0).lower(),
                prep=m.group("prep"),
            )
    return None


# --------------------------------------------------------------- announced, then named

_ANNOUNCE = re.compile(
    rf"\b(?:into|to|in)\s+(?:one\s+of\s+)?(?:the\s+)?(?:following\s+)?{_K}\s+"
    r"(?:(?:equal|equally[- ]sized|treatment|study|parallel|different|separate|randomi[sz]ed)\s+)*"
    r"(?:groups|arms)\b"
    r"|\b[Tt]he\s+(?P<k2>two|three|four|five|six|[2-6])\s+(?:study\s+)?(?:groups|arms)\s+(?:are|were)"
    r"\s*:?\s*$",
    re.I,
)


def announced_groups(sent: str) -> int | None:
    """How many groups a sentence allocating patients announces without naming
    them: "The patients were then randomized to one of three equal groups"."""
    m = _ANNOUNCE.search(sent)
    if m is None or (not _CUE.search(sent) and not re.search(r"(?:are|were)\s*:?\s*$", sent)):
        return None
    k = m.group("k") or m.group("k2")
    return int(k) if k.isdigit() else words_to_int(k)


def groups_named_after(sent: str, k: int) -> list[tuple[str, int]] | None:
    """The k arms a sentence right after an announcement names: "The control
    group (Group C), propofol group (Group P) and dexmedetomidine group (Group D)."
    (designators, in parentheses or not) or "Group A patients were given X and
    Group B Y"; exactly k distinct designators, else nothing."""
    from litkg.extractor.components.arms import _PAREN_GROUP

    if _NOT_ALLOCATION.search(sent):
        return None
    hits = list(_PAREN_GROUP.finditer(sent))
    paren = list(dict.fromkeys(re.sub(r"\s+", " ", m.group("label")) for m in hits))
    if len(paren) == k == len(hits):
        # each with the name printed before it: "the control group (Group C)"
        pos, out = 0, []
        for m in hits:
            ends = [e for _s, e, _t in _depth0_splits(sent[: m.start()]) if e > pos] or [pos]
            name = _LEAD.sub("", sent[max(ends) : m.start()].strip()).strip()
            d = re.sub(r"\s+", " ", m.group("label"))
            good = name and len(name.split()) <= 5 and not _VERB.search(name)
            out.append((f"{name} ({d})" if good else d, 0))
            pos = m.end()
        return out
    found = list(dict.fromkeys(re.sub(r"\s+", " ", m.group("d")) for m in _DESIG.finditer(sent)))
    keys = {re.sub(r"(?i)^(?:group|arm)\s+", "", d) for d in found}
    if len(found) == k and len(keys) == k:
        return [(d[0].upper() + d[1:], 0) for d in found]
    return None


# --------------------------------------------------------------- crossover conditions

# "The order of the alcohol and placebo study visits was randomized", "the order of
# sessions (active tDCS or sham) was counterbalanced"
_ORDER_OF = re.compile(
    r"\border\s+of\s+(?:the\s+)?(?P<list>[\w+/-]+(?:\s+[\w+/-]+)??\s+(?:and|or|versus|vs\.?)\s+"
    r"[\w+/-]+(?:\s+[\w+/-]+)??)\s+(?:(?:study|test|treatment|experimental)\s+)?"
    r"(?:visits|sessions|conditions|treatments|interventions|days|periods|arms|beverages|drinks|doses)"
    r"\s+(?:was|were)\s+(?:(?:randomly|pseudo-?randomly)\s+)?(?:randomi[sz]ed|counterbalanced|"
    r"assigned|allocated|alternated)\b",
    re.I,
)
# "participants received ketamine in one session and placebo in the other"
_ONE_AND_OTHER = re.compile(
    r"\breceived\s+(?:the\s+|an?\s+)?(?P<a>[\w+/-]+(?:\s+[\w+/-]+)?)\s+(?:in|on|at|during)\s+"
    r"(?:one|the\s+first)\s+(?:session|visit|day|period|occasion)\s+and\s+(?:the\s+|an?\s+)?"
    r"(?P<b>[\w+/-]+(?:\s+[\w+/-]+)?)\s+(?:in|on|at|during)\s+(?:the\s+)?(?:other|second|"
    r"another)\b",
    re.I,
)


def crossover_conditions(sent: str) -> list[tuple[str, int]] | None:
    """The conditions of a within-subject (crossover) design, which its results
    compare as arms: "the order of the alcohol and placebo study visits was
    randomized", "received ketamine in one session and placebo in the other"."""
    m = _ORDER_OF.search(sent)
    if m:
        labels = [x.strip() for x in re.split(r"\s+(?:and|or|versus|vs\.?)\s+", m.group("list"))]
    else:
        m = _ONE_AND_OTHER.search(sent)
        if m is None:
            return None
        labels = [m.group("a").strip(), m.group("b").strip()]
    labels = [_LEAD.sub("", x) for x in labels]
    if len(labels) != 2 or any(_VERB.search(x) or _GENERIC_ITEM.match(x) for x in labels):
        return None
    if not all(own_words(labels)):
        return None
    return [(x, 0) for x in labels]


_ROMAN = ["I", "II", "III", "IV", "V", "VI"]


def designator_sequence(sentences: list[str], k: int) -> list[tuple[str, int]] | None:
    """The k groups a paper announced ("randomly divided into three groups") when
    its sentences name groups by exactly the designators of one sequence of that
    length ("group 1", "group 2", "group 3"; "A", "B"; "I", "II"): "Group 1" ...
    in order; nothing when another designator of the kind appears too."""
    seen: dict[str, str] = {}
    for sent in sentences:
        for m in _DESIG.finditer(sent):
            d = re.sub(r"\s+", " ", m.group("d"))
            key = re.sub(r"(?i)^(?:group|arm)\s+", "", d)
            if re.fullmatch(r"G\d{1,2}", d):
                key = d[1:]
            seen.setdefault(key, d)
    for seq in (
        [str(i) for i in range(1, k + 1)],
        [chr(ord("A") + i) for i in range(k)],
        _ROMAN[:k],
    ):
        if set(seen) == set(seq):
            return [(f"Group {x}", 0) for x in seq]
    return None


# --------------------------------------------------------------- groups named by what they got

# what a group is given: "The ketamine group received ...", "... were given ...", "... underwent ..."
_GOT = (
    r"(?:(?:was|were)\s+(?:(?:then|also|only)\s+)?)?(?:received|given|administered|treated\s+with"
    r"|injected\s+with|underwent|performed|did\s+not\s+(?:receive|perform|undergo)|had\s+no)\b"
)
_GROUP_PEOPLE = (
    r"(?:patients|participants|subjects|volunteers|children|women|men|animals|rats|mice)"
)
# where the clause naming the group starts: the sentence's start (after a linking adverb) or
# a clause joined to the one before ("..., and the placebo group received saline")
_CLAUSE_START = (
    r"(?:^\s*(?:(?:also|similarly|then|thereafter|meanwhile|likewise|in\s+addition|in\s+contrast"
    r"|on\s+the\s+other\s+hand)\s*,?\s*)?|[;,]\s*(?:and\s+|while\s+|whereas\s+|but\s+)?"
    r"|\s(?:and|while|whereas)\s+|\.\s+)"
)
_GNAME = r"[A-Za-z][\w:+/.-]*(?:\s+[A-Za-z0-9][\w:+/.-]*){0,3}?"
_QUOTE_OPEN, _QUOTE_CLOSE = r"[‘'\"“]?", r"[’'\"”]?"
_RECEIVING_GROUP = re.compile(
    _CLAUSE_START + r"(?:"
    # "the ketamine group (patients) received", "'DEX full' group patients received"
    rf"(?:the\s+)?{_QUOTE_OPEN}(?P<a>{_GNAME}){_QUOTE_CLOSE}\s+(?:group|arm)\s+"
    rf"(?:\((?P<pa>[^()]{{1,25}})\)\s+)?(?:{_GROUP_PEOPLE}\s+)?"
    # "patients in the ketamine group received", "patients in group HS received"
    rf"|(?:(?:the\s+)?{_GROUP_PEOPLE}\s+)?(?:in|of)\s+(?:the\s+)?(?:{_QUOTE_OPEN}(?P<b>{_GNAME})"
    rf"{_QUOTE_CLOSE}\s+(?:group|arm)|(?P<c>(?:group|arm)\s+{_GNAME})"
    # "patients in the drug X 20 mg (X20) group received": the designator names the group
    r"|[^()]{1,60}?\((?P<d>[A-Z][A-Za-z0-9+/-]{0,7})\)\s+(?:group|arm))"
    rf"\s+(?:\((?P<pb>[^()]{{1,25}})\)\s+)?"
    rf")(?:,\s*)?{_GOT}",
    re.I,
)
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth")
# "patients in the first group received alfentanil 10 μg/kg and in the second group placebo"
_ORDINAL_GROUP = re.compile(
    rf"(?:^|[;,]\s*|\s)(?:(?:the\s+)?{_GROUP_PEOPLE}\s+)?(?:in\s+)?(?:the\s+)?"
    rf"(?P<ord>{'|'.join(_ORDINALS)})\s+(?:group|arm)\s+(?:(?:of\s+)?{_GROUP_PEOPLE}\s+)?"
    r"(?:(?:was|were)\s+)?(?:received|given|administered|treated\s+with|underwent)\s+"
    r"(?:(?:an?|the)\s+)?(?:(?:intravenous|oral|iv|i\.v\.|topical|inhaled)\s+)?"
    r"(?:\d[\d.,]*\s*[^\s\d]{0,12}\s+(?:of\s+)?)?"
    r"(?P<what>[A-Za-z][\w+-]*(?:\s+(?!and\b|or\b|in\b|at\b|as\b|for\b|with\b|by\b|on\b|of\b"
    r"|to\b|via\b|before\b|after\b|during\b|once\b|twice\b|daily\b|intravenously\b|orally\b"
    r"|respectively\b)[A-Za-z][\w+-]*){0,2})",
    re.I,
)
# a name that says no more than that it is a group ("both groups received", "each group")
_NOT_A_GROUP_NAME = re.compile(
    r"^(?:both|each|either|all|one|other|another|same|two|three|four|five|six|study|treatment"
    r"|\w+\s+treatment|this|that|these|those|every|neither|any|first|second|third|fourth|latter"
    r"|former|respective|remaining|different|separate|age|our|their|a|an|the)$"
    r"|^(?:both|each|either|all|one|the\s+other|other|this|that|these|those|every|no|which|"
    r"same|a|an)\b",
    re.I,
)


def _group_name(raw: str) -> str | None:
    name = re.sub(r"\s+", " ", raw.strip(" '\"‘’“”"))
    if not name or _NOT_A_GROUP_NAME.search(name) or _VERB.search(name):
        return None
    if re.search(r"\b(?:as|of|in|with|for|to|at|by|from|than|on)\b", name, re.I):
        return None  # "the HS group as case group": a phrase, not a name
    from litkg.extractor.components.arms import not_an_arm

    if not re.search(r"[A-Za-z]{2}", name) or not_an_arm(name):
        return None
    return name


def receiving_groups(sentences: list[str], k: int) -> list[tuple[str, int]] | None:
    """The k groups a paper announced ("randomly assigned to one of two groups")
    when its Methods name each as the one given its treatment: "The ketamine
    group received ...", "Patients in group HS were given ...", "'Low dose'
    group patients received ..." (labels "ketamine group", "group HS", "Low dose
    group"), or by order: "the first group received alfentanil ... the second
    group received placebo" (labels "alfentanil", "placebo"). Exactly k
    distinct names, else nothing."""
    if k < 2:
        return None
    named: dict[str, str] = {}
    ordinal: dict[int, str] = {}
    for sent in sentences:
        if _NOT_ALLOCATION.search(sent):
            continue
        for m in _RECEIVING_GROUP.finditer(sent):
            if m.group("d"):
                name: str | None = m.group("d")
                label = f"{name} group"
            elif m.group("c"):
                name = _group_name(re.sub(r"(?i)^(?:group|arm)\s+", "", m.group("c")))
                label = f"group {name}"
            else:
                name = _group_name(m.group("a") or m.group("b"))
                label = f"{name} group"
            if name is None:
                continue
            alias = m.group("pa") or m.group("pb")
            if alias and re.fullmatch(r"[A-Z][A-Za-z0-9+/-]{0,7}", alias.strip()):
                label = f"{label} ({alias.strip()})"  # "group normal saline (NS)"
            # "group HS" is the "HS group"; the "experiment group" the "experimental group"
            key = " ".join(re.sub(r"(?:al|s)$", "", w) for w in name.lower().split())
            named.setdefault(key, label)
        for m in _ORDINAL_GROUP.finditer(sent):
            i = _ORDINALS.index(m.group("ord").lower())
            what = _group_name(m.group("what"))
            if what:
                ordinal.setdefault(i, what)
    if len(named) == k:
        labels = list(named.values())
    elif sorted(ordinal) == list(range(k)):
        labels = [ordinal[i] for i in range(k)]
    else:
        return None
    if not all(own_words(labels)):
        return None
    return [(lab, 0) for lab in labels]
