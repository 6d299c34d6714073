"""One prompt, one answer: the evidence found for an outcome and two arms,
the label decided on it, and the numbers and cues that decided it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from litkg.extractor.document import Document
from litkg.extractor.effect.cues import Reading, arm_stems, features, read, read_table_row
from litkg.extractor.effect.model import LABELS, Model
from litkg.extractor.effect.retrieve import make_query, rank
from litkg.extractor.effect.terms import abbreviations
from litkg.extractor.effect.units import Unit, document_units

MODEL_PATH = Path(__file__).with_name("model.json")

# How the cues read when an answer explains itself.
CUE_NAMES = {
    "c:p_sig": "a p-value below 0.05",
    "c:p_ns": "a p-value of 0.05 or more",
    "c:p_all_ns": "every p-value 0.05 or more",
    "c:p_all_sig": "every p-value below 0.05",
    "c:p_none": "no p-value",
    "c:ci_excl_1": "a ratio's 95% CI excluding 1",
    "c:ci_incl_1": "a ratio's 95% CI including 1",
    "c:ci_excl_0": "a 95% CI excluding 0",
    "c:ci_incl_0": "a 95% CI including 0",
    "c:ci_ratio_dir": "the side of 1 the ratio's CI lies on",
    "c:nsd_cue": "a no-difference phrase",
    "c:sig_cue": "the word significant(ly)",
    "c:dir_word": "a direction word (higher/lower...)",
    "c:dir_x_order": "a direction word read against which arm is named first",
    "c:values_dir": "the intervention arm's value against the comparator's",
    "c:dir_near": "the direction word nearest the outcome",
    "c:dir_x_subject": "the direction word read against the arm it speaks of",
    "c:first_I": "the intervention named first",
    "c:first_C": "the comparator named first",
    "c:table_row": "a table row read by its columns",
}


@cache
def load_model(path: Path = MODEL_PATH) -> Model:
    """The committed classifier (trained by `extractor/effect/train.py`)."""
    return Model.load(path)


@dataclass
class Paper:
    """A document read once for any number of prompts."""

    document: Document
    units: list[Unit] = field(default_factory=list)
    abbrs: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, document: Document) -> Paper:
        return cls(document, document_units(document), abbreviations(document.text))


@dataclass
class Answer:
    """The label (None when the paper gives no answer), the evidence it rests
    on (verbatim from the paper, with its span and part), the numbers read
    from it, the cues that pushed the decision most, and the probability."""

    label: str | None
    evidence: str = ""
    char_start: int | None = None
    char_end: int | None = None
    part: str | None = None
    numbers: dict[str, Any] = field(default_factory=dict)
    reasons: list[tuple[str, float]] = field(default_factory=list)
    probability: float | None = None
    why_none: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "evidence": self.evidence,
            "char_start": self.char_start,
            "char_end": self.char_end,
            "part": self.part,
            "numbers": self.numbers,
            "reasons": [{"cue": k, "weight": round(w, 3)} for k, w in self.reasons],
            "probability": None if self.probability is None else round(self.probability, 3),
            "why_none": self.why_none,
        }

    def explain(self) -> str:
        """The answer as a reader sees it: label, evidence, numbers, reasons."""
        if self.label is None:
            return f"no answer: {self.why_none}"
        lines = [f"{self.label}  (classifier confidence {self.probability:.2f})"]
        lines.append(f"evidence ({self.part}, chars {self.char_start}-{self.char_end}):")
        lines.append(f"  {self.evidence}")
        for k, v in self.numbers.items():
            lines.append(f"  {k}: {v}")
        lines.append("decided by:")
        for k, w in self.reasons:
            lines.append(f"  {w:+.2f}  {describe(k)}")
        return "\n".join(lines)


def describe(feature: str) -> str:
    """A feature name in words."""
    if feature in CUE_NAMES:
        return CUE_NAMES[feature]
    if feature.startswith("c:dir_near="):
        return f"the direction word {feature.split('=', 1)[1]} nearest the outcome"
    if feature.startswith("g:"):
        return f'the words "{feature[2:]}"'
    return feature


def numbers_of(r: Reading) -> dict[str, Any]:
    """The numbers a reading used, for display."""
    out: dict[str, Any] = {}
    if "I" in r.values:
        out["intervention value"] = r.values["I"]
    if "C" in r.values:
        out["comparator value"] = r.values["C"]
    if r.p_values:
        out["p"] = [f"{op}{v:g}" for op, v in r.p_values]
    if r.cis:
        out["95% CI"] = [list(ci) for ci in r.cis]
    if r.nsd:
        out["no-difference cue"] = r.nsd[:3]
    direction = r.up[:2] + r.down[:2]
    if direction:
        out["direction words"] = direction
    return out


def answer(
    paper: Paper, intervention: str, comparator: str, outcome: str, *, model: Model | None = None
) -> Answer:
    """The effect on `outcome` of `intervention` against `comparator` in `paper`."""
    if not paper.units:
        return Answer(None, why_none="the paper has no sentences or table rows to read")
    query = make_query(outcome, intervention, comparator, paper.abbrs)
    if not query.outcome:
        return Answer(None, why_none="the outcome has no content words")
    ranked = rank(paper.units, query, paper.abbrs)
    best = ranked[0]
    if best.outcome_cover == 0:
        return Answer(None, why_none="no sentence or table row names the outcome")
    i_stems, c_stems = arm_stems(intervention, comparator, paper.abbrs)
    reading = read(best.unit.text, i_stems, c_stems, set(query.outcome))
    if best.unit.is_table:
        read_table_row(reading, best.unit.header, best.unit.cells, i_stems, c_stems)
    m = model or load_model()
    feats = features(reading)
    probs = m.scores(feats)
    k, decided = decide(reading, probs)
    used = {d[0].split("=", 1)[0] for d in decided}
    pushes = [kv for kv in m.contributions(feats, k) if kv[1] > 0 and kv[0] not in used]
    reasons = decided + pushes[: 6 - len(decided)]
    u = best.unit
    return Answer(
        LABELS[k],
        evidence=u.text,
        char_start=u.start,
        char_end=u.end,
        part=u.kind,
        numbers=numbers_of(reading),
        reasons=reasons,
        probability=float(probs[k]) if not decided else float(probs[0] + probs[1]),
    )


def decide(reading: Reading, probs: np.ndarray) -> tuple[int, list[tuple[str, float]]]:
    """The label index, and the rule that set the direction if one did.

    The classifier decides between a significant difference and none; the
    direction of a significant one comes from the evidence when it says it
    plainly: the direction word nearest the outcome ("lower", "increased"),
    else the two arms' values, else the side of 1 a ratio's CI lies on; only
    then from the classifier."""
    nsd = LABELS.index("no significant difference")
    if probs[nsd] >= probs[0] + probs[1]:
        return nsd, []
    c = reading.cues
    for cue in ("dir_near", "values_dir", "ci_ratio_dir"):
        if c.get(cue):
            name = f'c:{cue}="{reading.near_word}"' if cue == "dir_near" else f"c:{cue}"
            return (0 if c[cue] > 0 else 1), [(name, float(c[cue]))]
    return (0 if probs[0] >= probs[1] else 1), []
