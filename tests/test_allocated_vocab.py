"""The one vocabulary of who a trial allocates, as the three prose readers use it."""

from __future__ import annotations

import re

from litkg.extractor.components import allocated


def _full(alt: str, word: str) -> bool:
    return re.fullmatch(alt, word, re.I) is not None


def test_people_plurals_only_when_asked() -> None:
    plurals = allocated.nouns("people", plural_only=True)
    assert _full(plurals, "volunteers") and _full(plurals, "people")
    assert not _full(plurals, "volunteer")
    every = allocated.nouns("people", "body_parts")
    assert _full(every, "recipient") and _full(every, "teeth") and _full(every, "tooth")
    assert not _full(every, "wards")


def test_allocated_words_take_units_and_pronouns() -> None:
    words = allocated.allocated_words()
    for w in ("wards", "clusters", "mice", "they", "households", "patients"):
        assert _full(words, w), w
    assert not _full(words, "tablets")


def test_verbs_by_kind() -> None:
    alloc = allocated.verbs("allocation")
    assert _full(alloc, "randomised") and _full(alloc, "allocated")
    assert not _full(alloc, "enrolled")
    assert _full(allocated.verbs("inclusion"), "enrolled")
    assert _full(allocated.verbs("grouping"), "enrolled into")
