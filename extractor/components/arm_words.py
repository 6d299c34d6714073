"""The words of arm labels: what the arm finders (`arms`, `arm_lists`) and the
arm resolver (`arm_resolver`) all read a label as, in a module each can import."""

from __future__ import annotations

import re
from collections.abc import Sequence

from litkg.extractor.vocab import load_vocab

# words that name no arm in particular
GENERIC_WORDS = frozenset(
    ["group", "groups", "arm", "arms", "cohort", "cohorts", "patients", "patient", "the", "of",
     "and", "with", "n", "no", "treatment", "treated", "regimen", "receiving", "received",
     "receive", "given", "plus", "in", "for", "to", "a", "an", "or", "total", "number", "all",
     "study"]
)  # fmt: skip
# a size or percent marker printed with a label: "(n = 21)", "No. (%)", "(%)"
N_PART = re.compile(r"[(\[]?\s*\b[Nn]\s*=\s*\d[\d,]*\s*[)\]]?|\bN?o\.?\s*\(\s*%\s*\)|\(\s*%\s*\)")
# "study group", "treatment arm": a name of generic words that still names one arm
# (beside arms named otherwise: "the treatment group or the control group")
# (`ontology/vocab/role_words.json`, "generic_names")
GENERIC_NAME = re.compile(
    r"^(?:the\s+)?(?P<w>" + "|".join(load_vocab("role_words")["generic_names"]) + r")\s+"
    r"(?:group|arm|cohort)$",
    re.I,
)
_TOKEN = re.compile(
    r"[A-Za-z][A-Za-z0-9₀-₉]*(?:\*\d+)?|\d+"
)  # "D₁": a subscript is part of the word


def label_tokens(text: str) -> list[str]:
    """The words of an arm label, without its size and percent markers."""
    return _TOKEN.findall(N_PART.sub(" ", text))


def own_words(labels: Sequence[str]) -> list[set[str]]:
    """Per label, the (lower-cased) words no other label has, generic words left
    out: what the results can name that arm by."""
    toks = [{t.lower() for t in label_tokens(x)} - GENERIC_WORDS for x in labels]
    return [t - set().union(*(o for j, o in enumerate(toks) if j != i)) for i, t in enumerate(toks)]
