"""`study._finditer_from` finds what `finditer` finds for the registry patterns
(they are only tried where their literal prefix occurs)."""

from __future__ import annotations

import re

import pytest

from litkg.extractor.components.alternation import literal_prefix
from litkg.extractor.components.study import _finditer_from, find_registrations
from litkg.extractor.document import Document
from litkg.extractor.vocab import load_vocab

TEXTS = [
    "Registered at ClinicalTrials.gov (NCT 01234567) and NCT0765432100; xNCT12345678 is not one.",
    "EudraCT number: 2011-001234-56, EU CT 2023-501234-12-00 and 2023-5012345-12-00 (too long).",
    "Trial registration: ISRCTN12345678ISRCTN87654321, UMIN000012345, ChiCTR-IOR-17012345.",
    "NTR1234 NL12345 NL123 ACTRN12612000123456 DRKS00012345 CTRI/2019/05/012345 RBR-5abc2x.",
    "NCTNCTNCT12345678 2020-2020-2020-501234-12-00 IRCT2015012345N12 KCT0001234 PACTR201501234567",
    "",
]


@pytest.mark.parametrize(
    "reg", load_vocab("registries.json")["registries"], ids=lambda r: r["name"]
)
def test_same_matches_as_finditer(reg: dict) -> None:
    rx = re.compile(reg["pattern"])
    prefix = literal_prefix(reg["pattern"])
    for text in TEXTS:
        want = [(m.span(), m.groupdict()) for m in rx.finditer(text)]
        got = [(m.span(), m.groupdict()) for m in _finditer_from(rx, prefix, text)]
        assert got == want, text


def test_boundary_before_the_prefix_is_seen() -> None:
    rx = re.compile(r"\bAB\d")
    assert [m.start() for m in _finditer_from(rx, "AB", "xAB1 AB2 AB3AB4")] == [5, 9]
    rx = re.compile(r"(?<=:)AB")
    assert [m.start() for m in _finditer_from(rx, "AB", ":ABAB:AB")] == [1, 6]


def test_no_prefix_is_plain_finditer() -> None:
    rx = re.compile(r"\d+")
    assert [m.group() for m in _finditer_from(rx, "", "a 12 b 3")] == ["12", "3"]


def test_registration_found_in_front_matter() -> None:
    text = "A randomised trial of drug Q\n\nTrial registration: ISRCTN24681357.\n\nMethods follow."
    doc = Document(doc_id="t", source="t.txt", source_format="text", text=text)
    assert [f.value for f in find_registrations(doc)] == ["ISRCTN24681357"]


def test_matches_do_not_overlap() -> None:
    rx = re.compile(r"A.A")
    text = "AAAAA xAbA AzAzA"
    want = [m.span() for m in rx.finditer(text)]
    assert [m.span() for m in _finditer_from(rx, "A", text)] == want == [(0, 3), (7, 10), (11, 14)]
