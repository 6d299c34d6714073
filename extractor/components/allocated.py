"""Who or what a trial allocates, and the verbs that allocate them, as regular
expression alternations built from `ontology/vocab/allocated.json` (one
vocabulary for arm_lists, arms and unkeyed_counts)."""

from __future__ import annotations

import re
from functools import cache

from litkg.extractor.vocab import load_vocab

_KINDS = ("people", "body_parts", "animals", "clusters")


def _alternation(words: list[str]) -> str:
    # longest first, so that an alternative is never cut short by its own prefix
    return "(?:" + "|".join(sorted(set(words), key=lambda w: (-len(w), w))) + ")"


@cache
def nouns(*kinds: str, plural_only: bool = False) -> str:
    """An alternation (no word boundaries) of the nouns of `kinds` ("people",
    "body_parts", "animals", "clusters"), every form or the plurals only."""
    v = load_vocab("allocated")
    out: list[str] = []
    for kind in kinds:
        if kind not in _KINDS:
            raise ValueError(f"unknown kind of allocated noun: {kind!r}")
        for singular, plural in v[kind]:
            out += [plural] if plural_only or singular is None else [singular, plural]
    return _alternation([re.escape(w) for w in out])


@cache
def allocated_words() -> str:
    """Every noun a trial allocates, and the pronouns ("they were randomised")."""
    v = load_vocab("allocated")
    return "(?:" + nouns(*_KINDS) + "|" + _alternation(v["pronouns"]) + ")"


@cache
def verbs(*kinds: str) -> str:
    """An alternation of the verbs of `kinds` ("allocation", "grouping", "inclusion")."""
    v = load_vocab("allocated")
    return "(?:" + "|".join(p for kind in kinds for p in v[f"{kind}_verbs"]) + ")"
