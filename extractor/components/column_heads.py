"""Whether a result table's column head, printed where an arm's name would
stand, names no group of the trial: a measure ("Blood loss", "CPIS score",
"Rotation, degrees"), a test's or a comparison's column ("t/χ2", "A vs. B"),
one answer's or stratum's category standing alone ("Yes", "Never",
"Female"), or the sum or grand mean of the other columns. Such a head gives no per-arm value: its cells are the rows'
values under a measure or a category, and which arm they belong to the head
does not say (RECORD.md: never guess).

A head the paper's arms resolve, or that holds a group word ("group", "arm"),
a control word ("placebo", "sham") or a drug, is never one of them. The
words are data: `ontology/vocab/column_heads.json`, with the answer scales of
`ontology/vocab/category_labels.json`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from litkg.extractor.components.arms import CONTROL_CUES
from litkg.extractor.components.drug_names import find_drugs
from litkg.extractor.tables.labels import clean as clean_label
from litkg.extractor.vocab import load_vocab

# a group's own words: a head holding one names a group however it goes on
_GROUP_WORD = re.compile(
    r"(?i)\b(?:groups?|arms?|cohorts?|conditions?|intervention|treat(?:ment|ed)|experimental|"
    r"active|vehicle|usual care|standard care|regimens?)\b"
)
# what a head prints beside its name: a size, a bracket, a note mark
_EXTRAS = re.compile(r"\s*[(\[][^()\[\]]*[)\]]|[*†‡§¶]+|,?\s*\b[nN]\s*=\s*\d[\d,]*")
# the words the scales never use alone as a category: a total, a whole
_WHOLE = frozenset({"total", "all", "both", "any", "none", "other", "missing"})


@cache
def _shares() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(share noun, event before it) patterns."""
    v = load_vocab("column_heads")
    return (
        re.compile(rf"(?i)^(?:{'|'.join(v['shares'])})$"),
        re.compile(rf"(?i)^(?:{'|'.join(v['share_events'])})$"),
    )


@cache
def _vocab() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(measure head noun, measure opener, test word, category alone) patterns."""
    v = load_vocab("column_heads")
    scales = load_vocab("category_labels")["scales"]
    alone = (
        [
            w
            for name in v["alone_scales"]
            for w in scales[name]
            if w not in _WHOLE and w not in v["not_alone"]
        ]
        + v["negated"]
        + v["wholes"]
    )
    return (
        re.compile(rf"(?i)^(?:{'|'.join(v['measures'])})$"),
        re.compile(rf"(?i)^(?:{'|'.join(v['measure_openers'])})$"),
        re.compile(rf"(?i)(?<![\w-])(?:{'|'.join(v['tests'])})(?![\w-])"),
        re.compile(rf"(?i)^(?:{'|'.join(alone)})$"),
    )


def _core(label: str) -> str:
    """The head's words without its size, brackets and note marks."""
    text = _EXTRAS.sub(" ", clean_label(label))
    return re.sub(r"\s+", " ", text).strip(" ,;:/-")


def is_measure_head(label: str) -> bool:
    """Whether a head is a measure's name ("Blood loss", "Peak pressure (mask)",
    "Knee flexion torque / body weight (Nm)", "Mean error", "Ratio of intake to
    excretion"): its head noun, the last word before any comma, slash or "of",
    is a measure's (a share's, "rate", "proportion", only after the event it
    counts: "Cure proportion", not "Sealant Proportion"), or its first word
    opens one."""
    measure, opener, _test, _alone = _vocab()
    core = _core(label)
    head = re.split(r"\s*[,/:;]\s*|\s+of\s+", core, maxsplit=1)[0]
    words = head.split()
    if not words:
        return False
    if opener.match(words[0]) and len(core.split()) >= 2:
        return True
    share, event = _shares()
    if len(words) >= 2 and share.match(words[-1]):
        return bool(event.match(words[-2]))  # "Cure proportion", not "Sealant Proportion"
    return bool(measure.match(words[-1]))


def names_no_group(label: str | None, is_arm: Callable[[str], bool] | None = None) -> bool:
    """Whether a column head printed as an arm's names no group of the trial:
    a measure, a test or comparison, or a category alone (see the module's
    docstring); never where `is_arm` places it among the paper's arms or it
    holds a group, control or drug word."""
    if not label or not label.strip():
        return False
    if is_arm is not None and is_arm(label):
        return False
    text = clean_label(label)
    _measure, _opener, test, alone = _vocab()
    if test.search(text):
        return True  # "p value for group effect", "Intervention vs. control": a test's column
    if _GROUP_WORD.search(text) or CONTROL_CUES.search(text) or _names_drug(text):
        return False
    if alone.match(_core(label)):
        return True
    return is_measure_head(label)


def _names_drug(text: str) -> bool:
    """Whether a head names a drug by its name (an abbreviation such as "TT" may be
    a measure's letters: "Rotation, degrees TT")."""
    return any(m.rule != "drug.abbreviation" for m in find_drugs(text))
