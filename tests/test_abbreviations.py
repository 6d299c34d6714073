"""The bounded abbreviation detector finds what scispaCy's own detector finds."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from litkg.extractor import abbreviations  # noqa: F401  (registers the factory)
from litkg.extractor.ingest import load_document

SHARED = Path(__file__).resolve().parents[2] / "shared"

TEXT = (
    "Patients with chronic obstructive pulmonary disease (COPD) received inhaled "
    "tiotropium (TIO) or placebo. The primary end point was the forced expiratory "
    "volume in 1 s (FEV1) at week 24 (range, 12 to 36 weeks (see the appendix for "
    "the schedule, which was (as planned) unchanged)). COPD exacerbations (moderate "
    "or severe) were fewer with TIO; FEV1 rose by 110 ml (95% CI 80 to 140). "
    "Health-related quality of life (HRQoL) was measured by the St George's "
    "Respiratory Questionnaire (SGRQ) ) and ( unbalanced brackets ( were ignored."
)


def _found(nlp, text: str) -> set[tuple[int, int, str, str]]:
    doc = nlp(text)
    return {(s.start, s.end, s.text, s._.long_form.text) for s in doc._.abbreviations}


@pytest.fixture(scope="module")
def detectors():
    import scispacy.abbreviation  # noqa: F401

    original = spacy.blank("en")
    original.add_pipe("abbreviation_detector")
    bounded = spacy.blank("en")
    bounded.add_pipe("litkg_abbreviations")
    return original, bounded


def test_same_abbreviations_as_scispacy(detectors):
    original, bounded = detectors
    found = _found(bounded, TEXT)
    assert found == _found(original, TEXT)
    assert {(short, long) for _, _, short, long in found} >= {
        ("COPD", "chronic obstructive pulmonary disease"),
        ("FEV1", "forced expiratory volume in 1 s"),
        ("HRQoL", "Health-related quality of life"),
    }


def test_nested_and_long_parentheses_only_bounded(detectors):
    _, bounded = detectors
    doc = bounded.make_doc("a (" + "word " * 30 + ") b (" * 40 + "x)")
    # every "(" of the original pattern pairs with every later ")"; ours stops at 8 tokens
    assert all(
        end - start - 2 <= 8
        for _, start, end in bounded.get_pipe("litkg_abbreviations").matcher(doc)
    )


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared/seeds is absent")
def test_same_abbreviations_on_real_papers(detectors):
    original, bounded = detectors
    files = sorted((SHARED / "seeds").glob("*.txt"))
    files += sorted((SHARED / "eval" / "dev" / "nxml").glob("*.nxml"))[:3]
    for path in files:
        text = load_document(path).text
        assert _found(bounded, text) == _found(original, text), path.name


def test_array_matchers_give_spacy_matchers_matches_in_order():
    """The token-array matchers return what spaCy's Matcher returns, in its order,
    on random token runs full of nested and unbalanced brackets."""
    import random

    from spacy.matcher import Matcher
    from spacy.tokens import Doc

    nlp = spacy.blank("en")
    rnd = random.Random(7)
    alphabet = ["(", ")", "a", "b", "c"]
    for _ in range(400):
        doc = Doc(nlp.vocab, words=[rnd.choice(alphabet) for _ in range(rnd.randint(0, 40))])
        paren = Matcher(nlp.vocab)
        paren.add(
            "parenthesis",
            [[{"ORTH": "("}, {"OP": f"{{1,{abbreviations.MAX_INSIDE}}}"}, {"ORTH": ")"}]],
        )
        assert abbreviations.ParenthesisMatcher(nlp.vocab)(doc) == paren(doc)
        spacy_global = Matcher(nlp.vocab)
        ours = abbreviations.SequenceMatcher(nlp.vocab)
        seqs = {tuple(rnd.choice(alphabet) for _ in range(rnd.randint(1, 3))) for _ in range(4)}
        for k, seq in enumerate(sorted(seqs)):
            pattern = [[{"ORTH": w} for w in seq]]
            spacy_global.add(f"k{k}", pattern)
            ours.add(f"k{k}", pattern)
        if rnd.random() < 0.3:
            spacy_global.remove("k0")
            ours.remove("k0")
        assert ours(doc) == (spacy_global(doc) if len(spacy_global) else [])
