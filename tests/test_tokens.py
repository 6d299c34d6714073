"""`ChunkTokenizer` gives the tokens of spaCy's own tokenizer."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.attrs import IDX, LOWER, NORM, ORTH, SPACY
from spacy.tokens import Doc

from litkg.extractor import tokens as tokens_mod
from litkg.extractor.ingest import load_document
from litkg.extractor.pipeline import build_nlp
from litkg.extractor.tokens import ChunkTokenizer

SHARED = Path(__file__).resolve().parents[2] / "shared"
ATTRS = [ORTH, IDX, SPACY, NORM, LOWER]

TEXTS = [
    "",
    " ",
    "   leading spaces and trailing ones   ",
    "word",
    "word ",
    "\n\nA heading\n\nThe dose (10 mg/kg, i.v.) wasn't changed; e.g. in Fig. 2a.\n",
    "Mixed\twhitespace\t\tand\u00a0no-break\u2009thin  double   triple \n \n spaces.",
    "Dr. Lee (N.H.) and Mr. O'Neil didn't see it at 9 a.m. or 5 p.m. :) ;-)",
    "Rates: 12.5%, 3/4, (n=40), [ref. 12], {x}, \u201cquoted\u201d, \u2018single\u2019, 95%CI 1.2\u20133.4.",
    "URLs https://example.org/a?b=c and e-mails a.b@example.com; DOI 10.1000/xyz-12.",
    "Co-administered anti-TNF\u03b1 (IFX) vs. placebo \u2265 2 times \u00b1 SD; mean\u00b7day\u22121.",
    "Tabs\tat\tends\t",
    " \n starts with a space then a newline",
]


def _same(ref: Doc, ours: Doc, text: str) -> None:
    assert ours.text == text
    assert ref.to_array(ATTRS).tolist() == ours.to_array(ATTRS).tolist()
    assert [t.norm_ for t in ref] == [t.norm_ for t in ours]


@pytest.fixture()
def pair() -> tuple[spacy.tokenizer.Tokenizer, ChunkTokenizer]:
    spacy_tok = spacy.blank("en").tokenizer
    return spacy_tok, ChunkTokenizer(spacy_tok)


@pytest.mark.parametrize("text", TEXTS)
def test_same_tokens_as_spacy(pair, text: str) -> None:
    ref, ours = pair
    _same(ref(text), ours(text), text)
    _same(ref(text), ours(text), text)  # the second time from the chunk table


def test_all_texts_in_one_document_and_after_each_other(pair) -> None:
    ref, ours = pair
    for text in TEXTS:
        _same(ref(text), ours(text), text)
    whole = " ".join(TEXTS) + "\n".join(TEXTS)
    _same(ref(whole), ours(whole), whole)


def test_special_case_norms(pair) -> None:
    """A special case's norm is its own ("n't" -> "not"), as spaCy sets it."""
    _ref, ours = pair
    doc = ours("It wasn't there.")
    assert [t.text for t in doc] == ["It", "was", "n't", "there", "."]
    assert doc[2].norm_ == "not"


def test_bounded_chunk_table(pair, monkeypatch) -> None:
    ref, ours = pair
    monkeypatch.setattr(tokens_mod, "MAX_CHUNKS", 3)
    for text in TEXTS:
        _same(ref(text), ours(text), text)
    assert len(ours._chunks) <= 3 + max(len(t.split()) * 2 + 4 for t in TEXTS)


def test_the_pipeline_tokenizes_by_chunks() -> None:
    assert isinstance(build_nlp().tokenizer, ChunkTokenizer)


@pytest.mark.parametrize(
    "folder,pattern", [("eval/dev/text", "*.txt"), ("eval/dev/nxml", "*.nxml")]
)
def test_dev_papers(pair, folder: str, pattern: str) -> None:
    files = sorted((SHARED / folder).glob(pattern))
    if not files:
        pytest.skip("no shared dev papers")
    ref, ours = pair
    for path in files:
        text = load_document(path).text
        _same(ref(text), ours(text), text)


def test_a_copy_tokenizes_as_the_original() -> None:
    import copy

    tok = ChunkTokenizer(spacy.blank("en").tokenizer)
    text = "Rates fell (e.g. 12.5%) in arm B; they didn't in arm A."
    assert [t.text for t in copy.copy(tok)(text)] == [t.text for t in tok(text)]


class _Recording:
    """spaCy's tokenizer, recording the texts it is asked about."""

    def __init__(self, tokenizer: spacy.tokenizer.Tokenizer) -> None:
        self._tokenizer = tokenizer
        self.asked: list[str] = []

    def __call__(self, text: str) -> Doc:
        self.asked.append(text)
        return self._tokenizer(text)

    def __getattr__(self, name: str) -> object:
        return getattr(self._tokenizer, name)


def test_plain_words_are_not_asked_of_spacy() -> None:
    """A chunk of ASCII letters is one token (unless a special case such as
    "cannot"): spaCy's tokenizer is not asked about it, and the tokens stay its own."""
    spacy_tok = spacy.blank("en").tokenizer
    recording = _Recording(spacy_tok)
    ours = ChunkTokenizer(recording)  # type: ignore[arg-type]
    text = "Plain words here cannot gonna Dont stay, but (these) and e.g. x2 get asked"
    _same(spacy_tok(text), ours(text), text)
    asked = "\n".join(recording.asked).split("\n")
    for word in ("Plain", "words", "here", "stay", "but", "and", "get", "asked"):
        assert word not in asked
    for chunk in ("cannot", "gonna", "Dont", "stay,", "(these)", "e.g.", "x2"):
        assert chunk in asked


def test_no_affix_rule_matches_ascii_letters() -> None:
    """What the plain-word shortcut relies on: none of the English prefix,
    suffix or infix rules matches within a run of ASCII letters."""
    import random
    import string

    tok = spacy.blank("en").tokenizer
    rng = random.Random(3)
    for _ in range(20000):
        w = "".join(rng.choice(string.ascii_letters) for _ in range(rng.randint(1, 14)))
        assert tok.prefix_search(w) is None, w
        assert tok.suffix_search(w) is None, w
        assert not list(tok.infix_finditer(w)), w
