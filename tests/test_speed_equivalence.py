"""The speed rewrites find exactly what the plain forms they replace find."""

from __future__ import annotations

import random
import re

import pytest

from litkg.extractor.components.alternation import (
    AlternationScanner,
    Alternative,
    LiteralGate,
    folded,
)
from litkg.extractor.components.drug_names import _pattern
from litkg.extractor.components.textutil import OTHER, OWN, sentence_context

NAMES = [
    "interferon alfa 2b",
    "interferon alfa",
    "5 fluorouracil",
    "abc123",
    "ab",
    "aba",
    "tacrolimus",
    "tac",
    "zoledronic acid",
    "zol",
]


def _plain(alts: list[str]) -> re.Pattern[str]:
    return re.compile(
        r"(?<![\w\-])(?:" + "|".join(_pattern(a) for a in alts) + r")(?![\w])", re.IGNORECASE
    )


def _drug_scanner(alts: list[str]) -> AlternationScanner:
    return AlternationScanner(
        [Alternative(_pattern(a), a[0], True) for a in alts],
        not_before=r"\w\-",
        tail=r"(?![\w])",
        flags=re.IGNORECASE,
    )


def _spans(it: object) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in it]  # type: ignore[attr-defined]


@pytest.mark.parametrize("order", ["longest-first", "as-listed"])
def test_scanner_matches_the_alternation(order: str) -> None:
    alts = sorted(NAMES, key=len, reverse=True) if order == "longest-first" else NAMES
    text = (
        "Patients got Interferon-Alfa-2b, then INTERFERON  alfa; 5-fluorouracil and "
        "x-tacrolimus (not a start), tacrolimuses, tac/zol, ABA ab aba-ab zoledronic\nacid. "
        "abc1234 abc123. \u017fab \u212aab"
    )
    scan = _drug_scanner(alts)
    assert _spans(scan.finditer(text)) == _spans(_plain(alts).finditer(text))
    assert _spans(scan.finditer(text)) == _spans(scan.pattern.finditer(text))


def test_scanner_matches_the_alternation_on_random_text() -> None:
    rng = random.Random(7)
    alts = sorted(NAMES, key=len, reverse=True)
    pieces = [*NAMES, "-", " ", "  ", "\n", "(", ")", "x", "s", ".", "2", "-b", "AB", "Tac"]
    scan, plain = _drug_scanner(alts), _plain(alts)
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(40))
        assert _spans(scan.finditer(text)) == _spans(plain.finditer(text)), text


def test_scanner_with_case_sensitive_and_folded_alternatives() -> None:
    """The adverse-event shape: abbreviations case-sensitive, terms folded, a
    lookbehind and a tail of their own."""
    alts = [
        Alternative(r"(?i:febrile[\s\-]+neutropeni(?:a|as))", "f", True),
        Alternative(r"(?i:neutropeni(?:a|as))", "n", True),
        Alternative(r"FN" + "s?", "F", False),
        Alternative(r"(?i:\u017fepsis)", "\u017f", True),  # a non-ASCII first letter
    ]
    scan = AlternationScanner(alts, not_before=r"\w\-/", tail=r"(?![\w\-/]|\+)")
    text = (
        "Febrile neutropenia (FN) and FNs; fn is no abbreviation; neutropenia+ and "
        "a/neutropenia, NEUTROPENIAS. Sepsis, SEPSIS and \u017fepsis; x-FN, FN/"
    )
    found = _spans(scan.finditer(text))
    assert found == _spans(scan.pattern.finditer(text))
    assert [f[2] for f in found] == [
        "Febrile neutropenia", "FN", "FNs", "NEUTROPENIAS", "Sepsis", "SEPSIS", "\u017fepsis",
    ]  # fmt: skip


def test_scanner_refuses_alternatives_without_one_first_character() -> None:
    with pytest.raises(ValueError):
        AlternationScanner([Alternative("ab", "", True)], not_before=r"\w", tail="")


def test_sentence_context_is_stable_when_cached() -> None:
    own = "We enrolled 40 patients in this trial."
    other = "Larger randomised trials are needed [12]."
    assert [sentence_context(own), sentence_context(other)] == [OWN, OTHER]
    assert [sentence_context(own), sentence_context(other)] == [OWN, OTHER]


def test_folded_text_holds_every_ascii_letter_the_engine_folds_onto() -> None:
    """Brute force over the Basic Multilingual Plane: wherever IGNORECASE lets
    an ASCII letter match a character, `folded` of that character holds it."""
    letters = re.compile("[a-z]", re.IGNORECASE)
    for cp in range(0x80, 0x10000):
        ch = chr(cp)
        if letters.fullmatch(ch):
            hits = [x for x in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch(x, ch, re.I)]
            assert all(x in folded(ch) for x in hits), (hex(cp), hits, folded(ch))


def test_literal_gate_is_a_necessary_condition() -> None:
    terms = ["overall survival", "progression-free survival", "OS rate"]
    rx = re.compile(
        r"(?<![\w-])(?:" + "|".join(_pattern(t) for t in terms) + r")(?![\w])", re.IGNORECASE
    )
    gate = LiteralGate.of(terms, ignore_case=True)
    texts = [
        "Overall  survival at 2 years",
        "PROGRESSION-FREE-SURVIVAL was longer",
        "the os rate",
        "survival overall",
        "\u017fome overal\u017f survival",  # no match either way
        "no endpoint here",
    ]
    for t in texts:
        if rx.search(t):
            assert gate.may_match(t, folded(t)), t
    assert not gate.may_match("no endpoint here", folded("no endpoint here"))
    assert LiteralGate.of(["na\u00efve"], ignore_case=True).always  # non-ASCII: no gate
    cs = LiteralGate.of(["OS", "PFS"], ignore_case=False)
    assert cs.may_match("median OS", "median os") and not cs.may_match("os", "os")


def _subject(m: re.Match[str] | None) -> tuple[str, int, int] | None:
    return None if m is None else (m.group("np"), m.start(), m.end())


def test_subject_search_finds_what_the_plain_search_finds() -> None:
    from litkg.extractor.components.unkeyed_outcomes import _SUBJECT_RE, _subject_search

    texts = [
        "mean systolic blood pressure was ",
        "In the intervention arm the mean change in body weight at twelve weeks of "
        "treatment among all randomised participants who attended was ",
        "one two three four five six seven eight nine ten eleven (words) were ",
        "the proportion of smokers who quit, was from 12 kg to ",
        "no verb at all in this clause ",
        "pain scores fell (VAS, 0-10) from ",
        "score: ",
        "a\tb\u00a0c  d e f g h i j k l m n o p q r differed by ",
        "the HbA1c level (%) improved significantly to 7 (",
        "",
    ]
    rng = random.Random(11)
    words = ["the", "mean", "was", "were", "of", "score", "(a)", ",", "to", "from 3 to", " "]
    texts += [
        " ".join(rng.choice(words) for _ in range(rng.randint(1, 25))) + rng.choice(["", " was "])
        for _ in range(300)
    ]
    found = 0
    for t in texts:
        plain = _subject(_SUBJECT_RE.search(t))
        assert _subject(_subject_search(t)) == plain, t
        found += plain is not None
    assert found > 100  # the cases exercise matches, not only misses


def test_scanner_fullmatch_agrees_with_the_whole_alternation() -> None:
    alts = sorted(NAMES, key=len, reverse=True)
    scan = _drug_scanner(alts)
    rng = random.Random(5)
    pieces = [*NAMES, "-", " ", "x", "s", "2", "AB", "Tac", "\u017f", "\u212a"]
    texts = ["", "tacrolimus", "TAC", "interferon-alfa 2b", "tacrolimus ", "ab-", "abc123"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 3))) for _ in range(400)]
    hits = 0
    for t in texts:
        whole = scan.pattern.fullmatch(t)
        assert (scan.fullmatch(t) is None) == (whole is None), t
        hits += whole is not None
    assert hits >= 5


@pytest.mark.parametrize(
    ("pattern", "prefix"),
    [
        (r"\bNCT\s?(?P<num>\d{8})\b", "NCT"),
        (r"\b(?P<id>jRCTs?\d{9,10})\b", "jRCT"),  # the optional "s" is not required
        (r"\b(?P<id>NTR\d{3,5}|NL\d{4,5})\b", "N"),  # what both branches start with
        (r"(?:abc)?d", ""),
        (r"ab+c", "a"),
        (r"ab|cd", ""),
        (r"(?i)abc", ""),
        (r"a(?i:b)c", "a"),
        (r"(?<!x)abc", "abc"),  # a lookbehind is zero width: the match starts at "a"
        (r"(?=ab)abc", "abc"),
        (r"CTRI/\d{4}", "CTRI/"),
        (r"[(", ""),  # not a pattern: nothing known
    ],
)
def test_literal_prefix(pattern: str, prefix: str) -> None:
    from litkg.extractor.components.alternation import literal_prefix

    assert literal_prefix(pattern) == prefix


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        (r"\b(?:study|trial|RCT)\b[^.;]{0,80}?", ("study", "trial", "RCT")),
        (r"\bnot (?:feasible|possible) to", ("not feasible", "not possible")),
        (r"ab|cd", ("ab", "cd")),
        (r"(?:a|[bc])x", ()),  # one branch has no literal start
        (r"a(?:b|c|)d", ("a",)),
        (r"", ()),
        (r"(?i)abc", ()),
    ],
)
def test_literal_starts(pattern: str, starts: tuple[str, ...]) -> None:
    from litkg.extractor.components.alternation import literal_starts

    assert literal_starts(pattern) == starts


@pytest.mark.parametrize(
    ("pattern", "contents"),
    [
        (r"\b(?:\d+|two|three)\s+(?:[a-z]+\s+){0,3}(?:wards|clinics)\b", ("wards", "clinics")),
        (r"\b(?:\d+|ten)[- ]week rerun (?:data|report)", ("week rerun ",)),
        (r"(?:in|at)\s+\d+\s+sites", ("sites",)),  # the longest of the strings held
        (r"\b[A-Z]\w*[- ]free interval\b", ("free interval",)),
        (r"x(?:ab)+y", ("ab",)),
        (r"(?:ab)?c", ("c",)),
        (r"a\bb", ("ab",)),  # \b is zero width
        (r"(?i:Dose)\d", ("Dose",)),
        (r"(?:ab)*[cd]", ()),  # nothing every match holds
        (r"caf\u00e9s?", ()),  # not ASCII
        (r"[(", ()),
    ],
)
def test_literal_contents(pattern: str, contents: tuple[str, ...]) -> None:
    from litkg.extractor.components.alternation import literal_contents

    assert literal_contents(pattern) == contents


def test_contents_gates_are_necessary_conditions_on_random_text() -> None:
    patterns = [
        r"\b(?:\d{1,3}|two|[a-z]+ty)\s+(?:[a-z]+\s+){0,2}(?:wards|units)\b",
        r"\b(?:\d+|five)[- ]day re-?check (?:data|notes)",
        r"\b[A-Za-z]\w*(?:[- ][A-Za-z]\w*)?[- ]free interval\b",
        r"(?<!x)\b(?:ab|c[dD])+\s*(?:EF|gh)",
    ]
    rng = random.Random(5)
    pieces = ["two ", "thirty ", "12 ", "big ", "wards", "UNITS", "Units", "five", "-", " ", "day"]
    pieces += ["re", "check", "recheck ", "data", "event", "free", "interval", "ab", "cD", "EF"]
    pieces += ["gh", "x", "\u017f", "\u0130", "K", "5-day ", "five day ", "re-check ", "Notes"]
    pieces += ["5-day recheck ", "Five day re-check ", "Event-free interval", "two big wards"]
    for pat in patterns:
        gate = LiteralGate.of_contents([pat])
        assert not gate.always, pat
        hits = 0
        for flags in (0, re.IGNORECASE):
            rx = re.compile(pat, flags)
            for _ in range(1500):
                t = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 9)))
                if rx.search(t):
                    hits += 1
                    assert gate.may_match(t, folded(t)), (pat, t)
        assert hits > 0, pat


def test_vocabulary_patterns_without_a_literal_start_are_gated() -> None:
    """The design terms, keyed endpoint patterns and unkeyed result terms each
    have a gate, so that no pattern is run on every sentence."""
    from litkg.extractor.components.outcomes import _gated_endpoint_patterns, _unkeyed_term_gates
    from litkg.extractor.components.study import _term_regexes
    from litkg.extractor.components.textutil import load_vocab

    for term in load_vocab("designs.json")["terms"].values():
        assert not _term_regexes(term)[2].always, term["synonyms"][0]
    assert not any(gate.always for _, _, gate in _gated_endpoint_patterns())
    assert not any(gate.always for gate in _unkeyed_term_gates())


def test_design_term_gates_are_necessary_conditions() -> None:
    from litkg.extractor.components.study import _term_regexes
    from litkg.extractor.components.textutil import load_vocab

    texts = [
        "This single-centre, open label study was conducted at the Royal Infirmary.",
        "It was not possible to mask treatment; assessors were blinded.",
        "A post hoc analysis of the controlled, randomised phase 3 trial.",
        "Patients were enrolled at twelve hospitals in three countries.",
        "A PROSPECTIVE, NON-RANDOMISED, UNCONTROLLED STUDY.",
        "We did a secondary analysis of a multi-centre trial.",
        "Children were recruited from forty-two primary care centres and 3 hospitals.",
        "Recruitment took place across 9 outpatient sites; the 5-year follow-up data follow.",
        "THE FINAL RESULTS OF THE TRIAL, an updated analysis.",
    ]
    hits = 0
    for term in load_vocab("designs.json")["terms"].values():
        rx, _, gate = _term_regexes(term)
        for t in texts:
            if rx is not None and rx.search(t):
                hits += 1
                assert gate.may_match(t, folded(t)), (term["synonyms"][0], t)
    assert hits >= 8


def test_every_registry_match_holds_its_literal_prefix() -> None:
    from litkg.extractor.components.alternation import literal_prefix
    from litkg.extractor.components.textutil import compile_any, load_vocab

    rng = random.Random(3)
    pieces = ["NCT", "nct", "0", "1234", "5678", " ", "-", "/", "jRCT", "s", "N", "TR", "L", "UMIN"]
    pieces += ["ClinicalTrials.gov", "clinicaltrials.GOV", "ISRCTN", "CTRI", "20", "\u0130", "i"]
    texts = ["".join(rng.choice(pieces) for _ in range(12)) for _ in range(2000)]
    hits = 0
    for reg in load_vocab("registries.json")["registries"]:
        rx, prefix = re.compile(reg["pattern"]), literal_prefix(reg["pattern"])
        names = compile_any(tuple(reg["names"]))
        name_starts = [folded(literal_prefix(n)) for n in reg["names"]]
        for t in texts:
            m = rx.search(t)
            if m:
                hits += 1
                assert t[m.start() :].startswith(prefix), (reg["pattern"], t)
            if names is not None and names.search(t):
                hits += 1
                assert any(s in folded(t) for s in name_starts), (reg["names"], t)
    assert hits > 50


def test_drug_stem_and_radiotherapy_gates_are_necessary_conditions() -> None:
    from litkg.extractor.components.drug_names import _lexicon, _radiation

    suffix_rx, suffix_gate = _lexicon()[3]
    rx, _, sep_rx, _, gate, sep_gate = _radiation()
    rng = random.Random(9)
    pieces = ["Pembroli", "ZUMAB", "mab", "cis", "PLATIN", "vin", "cristine", "xx", " ", "-"]
    pieces += ["whole", "brain", "Radiotherapy", "RADIATION", "therapy", "total", "body"]
    pieces += ["irradiation", "Chemo", "radiation", "\u017f", "\u0130", "i"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(3000)]
    hits = 0
    for t in texts:
        low = folded(t)
        for regex, g in ((suffix_rx, suffix_gate), (rx, gate), (sep_rx, sep_gate)):
            if regex.search(t):
                hits += 1
                assert g.may_match(t, low), (regex.pattern[:40], t)
    assert hits > 100
    assert not gate.may_match("no such words", "no such words")


def test_a_table_is_read_once_and_as_a_fresh_read() -> None:
    from litkg.extractor.document import Table
    from litkg.extractor.tables.model import _read_table, read_table

    rows = [["", "Arm A (n=20)", "Arm B (n=21)"], ["Nausea", "3 (15%)", "1 (5%)"]]
    table = Table(rows=rows, caption="Adverse events, grade 3 or higher")
    model = read_table(table)
    assert read_table(table) is model
    assert model == _read_table(table)
    twin = Table(rows=[list(r) for r in rows], caption=table.caption)
    assert read_table(twin) is not model and read_table(twin) == model


def test_the_control_character_class_is_category_cc_without_white_space() -> None:
    import unicodedata

    from litkg.extractor.ingest.encoding import CONTROLS

    for cp in range(0x10000):
        ch = chr(cp)
        plain = unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v"
        assert bool(CONTROLS.fullmatch(ch)) == plain, hex(cp)


def test_inline_case_insensitive_runs_match_as_separate_groups() -> None:
    bodies = [r"febrile[\s\-]+neutropeni(?:a|as)", r"neutropeni(?:a|as)", r"n(?:au|ua)sea"]
    inline = [Alternative(b, b[0], True, inline_ci=True) for b in bodies]
    inline.insert(1, Alternative("FNs?", "F", False))
    explicit = [Alternative(f"(?i:{b})", b[0], True) for b in bodies]
    explicit.insert(1, Alternative("FNs?", "F", False))
    kw = {"not_before": r"\w\-/", "tail": r"(?![\w\-/]|\+)"}
    a, b = AlternationScanner(inline, **kw), AlternationScanner(explicit, **kw)
    rng = random.Random(2)
    pieces = ["Febrile", "neutropenia", "NEUTROPENIAS", "FN", "fn", "FNs", " ", "-", "/", "x"]
    pieces += ["nausea", "NUASEA", "+", "\u017f"]
    for _ in range(500):
        t = "".join(rng.choice(pieces) for _ in range(10))
        assert _spans(a.finditer(t)) == _spans(b.finditer(t)) == _spans(b.pattern.finditer(t)), t
        assert _spans(a.pattern.finditer(t)) == _spans(b.pattern.finditer(t)), t


def test_in_table_is_the_plain_scan_of_the_table_spans() -> None:
    from litkg.extractor.document import Document, Table
    from litkg.extractor.sections import SectionIndex

    text = "x" * 400
    tables = [
        Table(rows=[["a"]], char_start=10, char_end=50, row_spans=[(10, 20), (30, 50)]),
        Table(rows=[["b"]], char_start=15, char_end=200, row_spans=[(15, 200)]),  # overlaps
        Table(rows=[["c"]], char_start=300, char_end=None, row_spans=[]),  # empty span
        Table(rows=[["d"]], char_start=320, char_end=340, row_spans=[(320, 330), (333, 340)]),
    ]
    idx = SectionIndex(
        Document(doc_id="t", source="t.txt", source_format="text", text=text, tables=tables)
    )
    assert idx._tables  # the spans are there to be scanned
    for offset in range(-1, 402):
        plain = any(s <= offset < (e or s) for s, e in idx._tables)
        assert idx.in_table(offset) == plain, offset
    assert idx.in_table(100) and not idx.in_table(250) and not idx.in_table(300)


def test_unkeyed_result_term_gates_are_necessary_conditions() -> None:
    from litkg.extractor.components.outcomes import _unkeyed_term_gates, _unkeyed_vocab

    texts = [
        "Stable Disease was the best response in 12 dogs.",
        "LOCOREGIONAL RECURRENCE occurred in 4%; distant metastases in 9%.",
        "The R0 resection rate was 88% and the cumulative incidence of stroke 2%.",
        "Abstinence rates were 30% vs 20%; CNS progression in two.",
        "In-hospital mortality: 3%. Bone-metastasis-free survival improved.",
        "Perioperative death was rare; Event-Free Survival and relapse free survival rose.",
    ]
    _, _, terms = _unkeyed_vocab()
    hits = 0
    for rx, gate in zip(terms, _unkeyed_term_gates(), strict=True):
        for t in texts:
            if rx.search(t):
                hits += 1
                assert gate.may_match(t, folded(t)), (rx.pattern[:40], t)
    assert hits >= 6


def test_compile_any_finds_what_the_plain_alternation_finds() -> None:
    from litkg.extractor.components.textutil import compile_any

    pats = (r"\bwe\b", r"\bour\b", r"^\s*methods?\s*:", r"\bthis (?:study|trial)\b")
    pats += (r"\bab|\bac", r"\bx|y", r"et al\b", r"\bherein\b")
    texts = ["We did it; our trial.", "Methods: this study", "abc ac yy x et al", "herein we"]
    texts += ["ourselves\nmethods : x", "this trial, THIS STUDY", "y\nab ac ad"]
    for flags in (re.IGNORECASE, 0):
        plain = re.compile("|".join(f"(?:{p})" for p in pats), flags | re.MULTILINE)
        new = compile_any(pats, flags)
        assert new is not None
        for t in texts:
            assert _spans(new.finditer(t)) == _spans(plain.finditer(t)), t


def test_folded_text_is_aligned_with_the_text() -> None:
    assert all(len(folded(chr(cp))) == 1 for cp in range(0x10000)), "offsets would shift"


def test_folded_skips_the_translation_only_where_it_changes_nothing() -> None:
    folds = str.maketrans({"\u017f": "s", "\u0131": "i"})
    rng = random.Random(11)
    pieces = ["Ab", "\u017f", "\u0131", "\u0130", "i\u0307", "\u0307", "\u00e9", "K", " x-1"]
    for _ in range(3000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        assert folded.__wrapped__(t) == t.lower().translate(folds).replace("i\u0307", "i"), t


def test_endpoint_terms_are_found_from_their_first_possible_start() -> None:
    from litkg.extractor.components.outcomes import _gated_endpoint_patterns, _term_gates

    texts = [
        "At 2 years, Overall Survival was 80% and progression free survival 60%.",
        "Median OS (overall survival) was not reached; PFS and EFS were similar.",
        "The complete-remission rate was 40% (CR 12 of 30); \u0130 DFS 3 years.",
        "Relapse incidence rose; the cumulative incidence of relapse was 20%.",
        "Nine dogs responded; 14 were still alive at the last visit, one is alive at the end.",
        "Most completed all planned cycles; 20 completed the protocol treatment as planned.",
        "Treatment was completed as planned and 30 received all six scheduled doses.",
    ]
    found = 0
    for t in texts:
        starts = _term_gates().first_starts(t, folded(t))
        for (_key, rx, _gate), pos in zip(_gated_endpoint_patterns(), starts, strict=False):
            plain = _spans(rx.finditer(t))
            assert _spans(rx.finditer(t, pos)) == plain if pos >= 0 else not plain, t
            found += len(plain)
    assert found >= 8


def test_a_gate_set_answers_as_each_of_its_gates() -> None:
    from litkg.extractor.components.alternation import GateSet

    gates = [
        LiteralGate.of(["overall survival", "survival rate"], ignore_case=True),
        LiteralGate.of(["OS", "PFS"], ignore_case=False),
        LiteralGate(),
        LiteralGate.of(["surv", "progression"], ignore_case=True),
        LiteralGate.of(["PFS"], ignore_case=False),
    ]
    texts = [
        "",
        "Survival: PFS 12 mo; overall survival and OS",
        "no match here, os and pfs in lower case",
        "Progression then SURVIVAL",
    ]
    for t in texts:
        low = folded(t)
        starts = GateSet(gates).first_starts(t, low)
        for gate, pos in zip(gates, starts, strict=True):
            hay = low if gate.ignore_case else t
            hits = [i for n in gate.needles if (i := hay.find(n)) >= 0]
            assert pos == (0 if gate.always else min(hits, default=-1)), (t, gate)
            assert (pos >= 0) == gate.may_match(t, low)
    assert GateSet(gates).first_starts(texts[1], folded(texts[1])) == [0, 10, 0, 0, 10]


def test_the_glossary_gate_keeps_every_glossary() -> None:
    from litkg.extractor.components.adverse_events import _GLOSSARY, _skip_sentence

    rng = random.Random(4)
    pieces = ["AE: adverse event", "; ", "SAE, serious event", ". ", "x", ":", ",", " ", "abc"]
    for _ in range(2000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        if len(_GLOSSARY.findall(t)) >= 2:
            assert _skip_sentence(t) in ("reference", "citation", "glossary"), t
    assert _skip_sentence("AE: adverse event; SAE: serious adverse event") == "glossary"


def test_group_paren_match_is_the_search_it_replaces() -> None:
    from litkg.extractor.components.unkeyed_outcomes import _GROUP_PAREN_RE, _group_paren_match

    rng = random.Random(5)
    pieces = [
        "Pain score at week 6", "(", ")", " ", "  ", "the ", "placebo", "control group",
        "usual care", ", ", "; ", ": ", "=", "arm B", "n = 12", "x", "\n", "Sham ",
    ]  # fmt: skip
    hits = 0
    for _ in range(5000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 9)))
        old, new = _GROUP_PAREN_RE.search(t), _group_paren_match(t)
        assert (old and (old.span(), old.group("head"))) == (
            new and (new.span(), new.group("head"))
        ), t
        hits += old is not None
    assert hits > 100


def test_drug_stem_words_match_the_greedy_stem_pattern() -> None:
    from litkg.extractor.components.drug_names import _stem_words

    suffixes = ["mab", "nib", "tinib", "platin", "stat"]
    plain = re.compile(
        r"(?<![\w\-])(?:[A-Za-z][a-z]{2,}(?:"
        + "|".join(suffixes)
        + r")|vin[a-z]{3,}ine)(?![\w\-])",
        re.IGNORECASE,
    )
    fast = re.compile(
        r"(?<![\w\-])(?:" + _stem_words(suffixes) + r"|vin[a-z]{3,}ine)(?![\w\-])", re.IGNORECASE
    )
    words = ["abmab", "xyzmab", "ERLOTINIB", "ximab-x", "cis1platin", "ﬆat", "ſtatinſtat"]
    words += ["\u212aonatinib", "İmatinib", "abcnib", "vinorelbine", "mabmab", "aé mab"]
    random.seed(7)
    letters = "abmnitpslKſİ-1 "
    for _ in range(3000):
        stem = "".join(random.choice(letters) for _ in range(random.randint(0, 6)))
        words.append(stem + random.choice(suffixes) + random.choice(["", " ", "-", "x", "1"]))
    for w in words:
        for text in (w, w.upper(), f"({w}) and {w}"):
            assert [m.span() for m in fast.finditer(text)] == [
                m.span() for m in plain.finditer(text)
            ], text
    # the fallback for suffixes that are patterns, not plain letters
    assert _stem_words(["ma[bc]"]) == r"[A-Za-z][a-z]{2,}(?:ma[bc])"
