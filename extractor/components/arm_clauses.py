"""Arms a Methods section names clause by clause, by their order.

"One group was treated with X, and another group with Y"; "The first group
practised alternate nostril breathing, the second group breath awareness and
the third group was given a control intervention"; "The first and second
groups received 1 mg/kg and 2 mg/kg hydrocortisone, respectively, and the
third group normal saline". Each group is named by what it was given; the
order words say which group is which. Only a treatment verb names a group
("One group with scars for more than 2 years" sorts patients, it gives them
nothing), and only a complete sequence counts: as many groups as the paper
announced, or, unannounced, two closed by "another" or "the other".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from litkg.extractor.components.arm_words import own_words

_ORDINALS = {"one": 0, "first": 0, "second": 1, "another": 1, "third": 2, "fourth": 3, "fifth": 4}
_ORD = r"(?:one|first|second|third|fourth|fifth|another|other)"
# what gives a group its treatment: "was treated with", "received", "practised", "was
# catheterized using", "was asked to" (a verb of giving, never "with" alone)
_VERB = (
    r"(?:(?:was|were)\s+)?(?:(?:then|also|only|randomly)\s+)?"
    r"(?:received|receiving|given|treated|administered|underwent|undergoing|practi[cs]ed"
    r"|applied|used|took|consumed|ate|drank|wore|performed|injected|infused|exposed"
    r"|catheteri[sz]ed|managed|operated|assigned\s+to\s+receive|asked\s+to)"
    r"(?:\s+(?:with|using|by|to|on))?"
)
# a dose before the name: "1 mg/kg", "1%", "0.5 ml of"
_DOSE = r"(?:\d[\d.,]*\s*(?:%|[a-zµμ/²0-9]{1,12})\s+(?:of\s+)?)"
_STOP = (
    r"(?:and|or|for|at|in|during|before|after|while|whereas|but|twice|once|daily|every|each"
    r"|respectively|which|that|who|as|on|from|until|via|over|per|prior|then|to|with|without)\b"
)
# a word of the name: "Foley", "MLE", "(BTF)" (an abbreviation in parentheses, not "(i.e.")
_WORD = r"(?:\([A-Z][A-Za-z0-9+-]{0,7}\)|[A-Za-z0-9][\w+/%-]*(?:\.\d+)?)"
_WHAT = (
    rf"(?P<what>(?!(?:was|were|is|are|had|has|did|not|no)\b)(?:(?:an?|the)\s+)?{_DOSE}?"
    rf"(?:\([A-Z][A-Za-z0-9+-]{{0,7}}\)|[A-Za-z][\w+/-]*)"
    rf"(?:\s+(?!{_STOP}){_WORD}){{0,4}})"
)
_CLAUSE = re.compile(
    rf"(?:^|[;,:]\s*|\b(?:and|while|whereas|but)\s+|\s)(?:the\s+)?(?P<ord>{_ORD})\s+"
    rf"(?:(?:study|treatment|intervention|experimental)\s+)?(?:group|arm)(?!s)\b"
    rf"(?:\s+(?:of\s+)?(?:patients|participants|subjects))?"
    rf"\s+(?:(?P<verb>{_VERB})\s+|with\s+)?{_WHAT}",
    re.I,
)
# "the first and second groups received X and Y, respectively"
_RESPECTIVELY = re.compile(
    rf"\b(?:the\s+)?(?P<ords>(?:first|second|third|fourth)(?:\s*,\s*(?:the\s+)?(?:second|third|fourth))*"
    rf"\s*,?\s+and\s+(?:the\s+)?(?:second|third|fourth|fifth))\s+(?:study\s+)?(?:groups|arms)\s+"
    rf"{_VERB}\s+(?P<list>[^;()]{{3,160}}?),?\s+respectively\b",
    re.I,
)
_LEADING = re.compile(r"^(?:an?|the)\s+", re.I)


def _clean(what: str) -> str:
    label = _LEADING.sub("", what.strip(" ,.;:"))
    label = re.sub(r"[()]", "", label)
    return re.sub(r"\s+", " ", label).strip()


def _is_dose_only(item: str) -> bool:
    return bool(re.fullmatch(r"\d[\d.,]*\s*(?:%|[a-zµμ/²0-9]{1,12})", item.strip(), re.I))


def _split_list(text: str, k: int) -> list[str] | None:
    """The k items of "X, Y and Z"; a dose alone borrows the last item's name
    ("1 mg/kg and 2 mg/kg hydrocortisone")."""
    items = [x.strip() for x in re.split(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", text)]
    items = [x for x in items if x]
    if len(items) != k:
        return None
    last = items[-1]
    m = re.match(r"(\d[\d.,]*\s*(?:%|[a-zµμ/²0-9]{1,12}))\s+(?:of\s+)?(.+)$", last, re.I)
    if m:
        items = [f"{x} {m.group(2)}" if _is_dose_only(x) else x for x in items]
    if any(_is_dose_only(x) for x in items):
        return None
    return [_clean(x) for x in items]


def ordinal_groups(sentences: Sequence[str], k: int | None) -> tuple[list[str], int] | None:
    """The arms Methods sentences name by order ("the first group was treated
    with X ... the second group with Y"), as (labels in order, index of the
    first sentence naming one), or None unless the order words name exactly
    `k` groups (2 when no number was announced, and then "another" or "the
    other" must close the pair), each by what a treatment verb gave it, with
    labels that tell the arms apart."""
    found: dict[int, str] = {}
    first: int | None = None
    closed = False
    for i, sent in enumerate(sentences):
        got: dict[int, str] = {}
        for m in _RESPECTIVELY.finditer(sent):
            ords = re.findall(r"first|second|third|fourth|fifth", m.group("ords"), re.I)
            items = _split_list(m.group("list"), len(ords))
            if items:
                for o, item in zip(ords, items, strict=True):
                    got.setdefault(_ORDINALS[o.lower()], item)
        verb_seen = False
        for m in _CLAUSE.finditer(sent):
            if m.group("verb"):
                verb_seen = True
            elif not verb_seen:
                continue  # "One group with scars ...": no treatment named
            o = m.group("ord").lower()
            if o in ("another", "other"):
                closed = True
            idx = -1 if o == "other" else _ORDINALS[o]
            label = _clean(m.group("what"))
            if label and re.search(r"[A-Za-z]{2}", label):
                got.setdefault(idx, label)
        if got and first is None:
            first = i
        for idx, label in got.items():
            found.setdefault(idx, label)
    want = k if k is not None else 2
    if k is None and not closed:
        return None
    if -1 in found:
        found.setdefault(want - 1, found.pop(-1))
    if sorted(found) != list(range(want)) or first is None:
        return None
    labels = [found[i] for i in range(want)]
    if len({x.lower() for x in labels}) != want or not all(own_words(labels)):
        return None
    return labels, first
