"""Which drug a printed dose belongs to, in the house styles trial papers use.

- dose first: "50 mg/m2 intravenous epirubicin", "8 mg of moxidectin",
  "75 mg m-2 docetaxel (T)";
- drug first: "irinotecan 250 mg/m2", "DDP (20 mg/m2)", "LV (UZEL: 75 mg/day)",
  "the erlotinib dose was increased to 150 mg/day", "X at a dose of 4 mg";
- otherwise the only candidate of the sentence, else the nearest one before
  (not across a ';'), else one just after.

A dose in Gy belongs to a radiotherapy, any other dose to a drug.
"""

from __future__ import annotations

import re

from litkg.extractor.components.doses import Dose
from litkg.extractor.components.drug_names import DrugMention, is_radiation

__all__ = ["link_dose", "radiation_total"]

_ROUTE_ADJ = (
    r"(?:intravenous|oral|subcutaneous|intramuscular|intrathecal|iv|IV|i\.v\.|po|sc|s\.c\.|bolus"
    r"|continuous|infusional|weekly|daily|single|flat|fixed)"
)
# between a dose and the drug named after it
_AFTER_GAP = re.compile(r"\s*(?:of\s+)?(?:(?:" + _ROUTE_ADJ + r")\s+)*(?:of\s+)?")
# between a drug and the dose printed after it
_BEFORE_WORDS = (
    r"(?:dose|doses|dosage|dosing|was|were|is|are|at|of|a|an|the|given|administered|"
    r"orally|intravenously|subcutaneously|intramuscularly|oral|intravenous|subcutaneous|total|"
    r"fixed|flat|starting|initial|standard|increased|escalated|to|in|with|as|infused|injected)"
)
_BEFORE_GAP = re.compile(
    r"\s*(?:\(\s*(?:[A-Za-z][\w\-\u00ae\u2122]*\s*[:,]\s*)?|:\s*|,\s*)?"
    r"(?:" + _BEFORE_WORDS + r"\s+)*"
)
_OF_DRUG = re.compile(r"\s*of\s+(?:\w+\s+){0,3}?")


def _skip_brackets(s: str) -> str:
    return re.sub(r"^\s*(?:\([^()]*(?:\([^()]*\)[^()]*)*\)|\[[^\]]*\])\s*", "", s)


def link_dose(sentence: str, dose: Dose, drugs: list[DrugMention]) -> DrugMention | None:
    """The drug (or radiotherapy, for a dose in Gy) that `dose` belongs to."""
    radiation = dose.unit.startswith("Gy")
    cands = [d for d in drugs if is_radiation(d.drug) == radiation]
    if not cands:
        return None
    after = [d for d in cands if d.start >= dose.end]
    before = [d for d in cands if d.end <= dose.start]
    if after and _AFTER_GAP.fullmatch(sentence[dose.end : after[0].start]):
        return after[0]
    if before and _BEFORE_GAP.fullmatch(sentence[before[-1].end : dose.start]):
        return before[-1]
    # "X mg (...) of DRUG": brackets then "of" and a few words
    rest = sentence[dose.end :]
    stripped = _skip_brackets(rest)
    m = _OF_DRUG.match(stripped)
    if m:
        at = dose.end + (len(rest) - len(stripped)) + m.end()
        for d in after:
            if d.start == at:
                return d
    if len(cands) == 1:
        return cands[0]
    near = [
        d for d in before if ";" not in sentence[d.end : dose.start] and dose.start - d.end <= 80
    ]
    if near:
        return near[-1]
    nxt = [d for d in after if d.start - dose.end <= 40]
    return nxt[0] if nxt else None


_TOTAL_BEFORE = re.compile(r"\btotal\s+(?:[\w\-]+\s+){0,2}?(?:dose\s+)?(?:of\s+)?$", re.I)
_FRACTIONS_AFTER = re.compile(
    r"\s*(?:in|over|given in|delivered in)\s+\d+\s+(?:[\w\-]+\s+){0,2}fractions?\b", re.I
)


def radiation_total(sentence: str, dose: Dose, drugs: list[DrugMention]) -> bool:
    """A dose in Gy that is a course total: "20 Gy in 5 fractions", "a total dose of
    60 Gy", "45 Gy radiotherapy", "WBRT (20 Gy ...)", "TBI 12 Gy" -- not a boost or
    a field dose ("36 Gy at two lateral fields", "50 Gy to the uninvolved neck")."""
    if _FRACTIONS_AFTER.match(sentence, dose.end):
        return True
    if _TOTAL_BEFORE.search(sentence[max(0, dose.start - 40) : dose.start]):
        return True
    rt = [d for d in drugs if is_radiation(d.drug)]
    for d in rt:
        if d.start >= dose.end and _AFTER_GAP.fullmatch(sentence[dose.end : d.start]):
            return True
        if d.end <= dose.start and re.fullmatch(
            r"\s*(?:\(\s*|:\s*)?(?:(?:at|of|to|with|a|dose|doses|total)\s+)*",
            sentence[d.end : dose.start],
        ):
            return True
    return False
