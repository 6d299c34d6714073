"""Arms a paper names only by contrasting them in its sentences.

Some trials allocate without naming their groups in one list ("Patients were
divided randomly into two groups") and then compare them throughout: "The
mean blood loss in the intervention group was 340 mL and that in the control
group 515 mL", "between the succimer group and the placebo group". Where no
list, table header or designator gives the arms, such contrasts do, but only
on strong evidence: the same names set against each other in two sentences
or more, in a paper that allocates, and no name that sorts patients by what
they are (age, sex, response: `ontology/vocab/group_strata.json`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from itertools import combinations

from litkg.extractor.components import allocated
from litkg.extractor.components.arm_words import own_words
from litkg.extractor.vocab import load_vocab

# a word of a group's name: "succimer", "NTG-fentanyl", "MLC601", "10-mg", "L-citrulline"
_W = r"[A-Za-z0-9][\w+/-]*"
# words that end a name or cannot be one: "the mean age of the X group" names "X" only
_STOP = (
    r"(?:and|or|of|in|with|for|to|at|by|from|than|on|as|vs|versus|was|were|is|are|had|has"
    r"|between|among|that|those|this|these|the|a|an)\b"
)
_NAME = rf"(?P<name>(?!{_STOP}){_W}(?:\s+(?!{_STOP}){_W}){{0,2}}?)"
# "the X group", "the X arm"
_ONE = re.compile(rf"\bthe\s+{_NAME}\s+(?:group|arm)\b(?!\s*[-‐]?\s*(?:by|wise))", re.I)
# "the X and (the) Y groups", "between X and Y groups"
_TWO = re.compile(
    rf"\b(?:the|between|both)\s+(?P<a>(?!{_STOP}){_W}(?:\s+(?!{_STOP}){_W})?)\s+(?:and|or|versus|vs\.?)"
    rf"\s+(?:the\s+)?(?P<b>(?!{_STOP}){_W}(?:\s+(?!{_STOP}){_W})?)\s+(?:groups|arms)\b",
    re.I,
)
# a sentence allocating to groups: "were divided randomly into two groups", "randomly
# assigned to the X group or the Y group" (not "randomly selected", "not randomised")
_ALLOC_VERB = re.compile(rf"\b{allocated.verbs('allocation')}\b", re.I)
_ALLOC = re.compile(
    rf"\b(?i:{allocated.verbs('allocation')})\b(?:[^.;]{{0,80}}?\b(?:groups?|arms?)\b)"
)
# nor a sentence sorting patients by a trait ("stratified as being lower (L-HD) or higher")
_NOT_ALLOC = re.compile(
    r"\bnon-?randomi|\bnot\s+(?:been\s+)?randomi|\brandomly\s+selected"
    r"|\bstratif\w*|\bclassified\b|\bcategori[sz]ed\b|\bdichotomi[sz]ed\b",
    re.I,
)
# names of generic words only: they name an arm only set against a control
_GENERIC = re.compile(
    r"^(?:" + "|".join(load_vocab("role_words")["contrast_generic"]) + r")$", re.I
)  # (`ontology/vocab/role_words.json`)
_INERT = re.compile(r"\b(?:placebo|sham|vehicle|dummy)\b", re.I)
# the words of a control arm's name ("the control group", "the usual care group"): the
# same vocabulary that gives an arm the control role
_CONTROL = re.compile(r"\b(?:" + "|".join(load_vocab("control_arms")["labels"]) + r")\b", re.I)


@cache
def _strata() -> frozenset[str]:
    return frozenset(load_vocab("group_strata")["words"])


def may_name_arm(name: str) -> bool:
    """Whether a group's name may name an arm: no stratum word (age, sex,
    response, analysis set: `ontology/vocab/group_strata.json`), a letter or two."""
    words = name.lower().split()
    if any(w in _strata() or w.strip("-") in _strata() for w in words):
        return False
    return bool(re.search(r"[A-Za-z]{2}", name)) and not re.fullmatch(r"\d[\d.,]*", name)


def _key(name: str) -> str:
    # "Succimer" and "succimer", "experimental" and "experiment" are one name
    return " ".join(re.sub(r"(?:al|s)$", "", w) for w in name.lower().split())


def _names(sent: str) -> list[tuple[str, int]]:
    """The group names a sentence prints, with where each stands."""
    out = [(m.group("name"), m.start("name")) for m in _ONE.finditer(sent)]
    for m in _TWO.finditer(sent):
        out += [(m.group("a"), m.start("a")), (m.group("b"), m.start("b"))]
    return out


def _said_where_given(name: str, given: Sequence[str]) -> bool:
    """Whether a name says what its group was given: a control's or a generic
    name, or one whose words a sentence allocating (or the title, or a drug the
    trial assigns) prints ("the succimer group": "randomized to succimer or
    placebo")."""
    if _CONTROL.search(name) or _GENERIC.match(name):
        return True
    words = [w for w in re.findall(r"[A-Za-z0-9][\w+-]*", name) if len(w) > 1]
    return bool(words) and any(
        all(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", g, re.I) for w in words) for g in given
    )


def contrasted_groups(
    sentences: Sequence[str],
    k: int | None = None,
    randomized: bool = False,
    given: Sequence[str] = (),
) -> tuple[list[str], int] | None:
    """The arms a paper sets against each other, as ("<name> group" labels in
    the order first printed, index of the first sentence contrasting them).

    A pair of names counts where one sentence prints both ("the X group and
    the Y group", "in the X group ... than in the Y group", "the X and Y
    groups"); the arms are the names of the pairs printed in two sentences or
    more: exactly `k` of them where the paper announced `k` groups, else
    exactly two. Nothing unless the trial is `randomized` or some sentence
    allocates to groups ("divided randomly into two groups"), every name may
    name an arm (no age, sex, response or analysis-set word) and says what
    its group was given (see `_said_where_given`; `given` are the title and
    the trial's drugs), and a name of generic words alone ("treatment group")
    stands against a control."""
    if k is not None and k < 2:
        return None
    allocating = [s for s in sentences if _ALLOC_VERB.search(s) and not _NOT_ALLOC.search(s)]
    if not randomized and not any(_ALLOC.search(s) for s in allocating):
        return None
    pairs: dict[tuple[str, str], list[int]] = {}
    label: dict[str, str] = {}
    first: dict[str, tuple[int, int]] = {}
    seen: set[str] = set()
    for i, sent in enumerate(sentences):
        if sent in seen:
            continue  # a sentence printed twice (abstract and text) is one piece of evidence
        seen.add(sent)
        names: dict[str, str] = {}
        for name, pos in _names(sent):
            name = re.sub(r"\s+", " ", name)
            if not may_name_arm(name):
                continue
            key = _key(name)
            names.setdefault(key, name)
            label.setdefault(key, name)
            first.setdefault(key, (i, pos))
        for a, b in combinations(sorted(names), 2):
            pairs.setdefault((a, b), []).append(i)
    strong = {p: idx for p, idx in pairs.items() if len(idx) >= 2}
    keys = sorted({x for p in strong for x in p}, key=lambda x: first[x])
    want = k if k is not None else 2
    if len(keys) != want:
        return None
    # every two arms are set against each other: one set of names, not two contrasts
    if any(tuple(sorted(p)) not in strong for p in combinations(keys, 2)):
        return None
    if any(_GENERIC.match(label[x]) for x in keys) and not any(
        _CONTROL.search(label[x]) for x in keys
    ):
        return None
    # a name set against a placebo or sham names what the other group was given
    against_placebo = len(keys) == 2 and any(_INERT.search(label[x]) for x in keys)
    if not against_placebo and not all(
        _said_where_given(label[x], [*allocating, *given]) for x in keys
    ):
        return None  # "the H-HD and L-HD groups": a trait the trial measured, not gave
    labels = [f"{label[x]} group" for x in keys]
    # each name tells its arm apart ("the treatment group" by its generic word)
    if not all(w or _GENERIC.match(label[x]) for w, x in zip(own_words(labels), keys, strict=True)):
        return None
    return labels, min(i for idx in strong.values() for i in idx)
