"""scispaCy's abbreviation detector with a bounded parenthesis matcher.

scispaCy matches `"(" {OP: +} ")"`: every "(" pairs with every later ")" of
the document (tens of thousands of raw matches in a paper), and its own
candidate filter then drops every match whose inside is longer than 8 tokens.
Bounding the pattern to 1-8 tokens yields exactly the candidates the filter
keeps, in the same order, at a fraction of the cost.
"""

from __future__ import annotations

from scispacy.abbreviation import AbbreviationDetector
from spacy.language import Language
from spacy.matcher import Matcher

# scispaCy's filter_matches keeps insides of at most this many tokens
MAX_INSIDE = 8


class BoundedAbbreviationDetector(AbbreviationDetector):
    """`AbbreviationDetector` whose parenthesis pattern stops at `MAX_INSIDE` tokens."""

    def __init__(self, nlp: Language, name: str = "litkg_abbreviations") -> None:
        super().__init__(nlp, name=name)
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add(
            "parenthesis", [[{"ORTH": "("}, {"OP": f"{{1,{MAX_INSIDE}}}"}, {"ORTH": ")"}]]
        )


@Language.factory("litkg_abbreviations")
def make_abbreviation_detector(nlp: Language, name: str) -> BoundedAbbreviationDetector:
    """The pipeline's abbreviation detector (sets `doc._.abbreviations`)."""
    return BoundedAbbreviationDetector(nlp, name=name)
