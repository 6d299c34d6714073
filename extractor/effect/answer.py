"""One prompt, one answer: the evidence found for an outcome and two arms,
the label decided on it, and the numbers and cues that decided it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from litkg.extractor.document import Document
from litkg.extractor.effect.aliases import arm_codes, code_contexts, grouped_codes
from litkg.extractor.effect.cues import Reading, arm_stems, features, read, read_table_row
from litkg.extractor.effect.graph import GraphResult, cross_check, record_outcomes
from litkg.extractor.effect.model import LABELS, Model
from litkg.extractor.effect.retrieve import FEATURES, make_query, ranker_weights, unit_features
from litkg.extractor.effect.terms import abbreviations
from litkg.extractor.effect.units import Unit, document_units
from litkg.extractor.records import Outcome, StudyRecord

MODEL_PATH = Path(__file__).with_name("model.json")
# How many of the ranker's first units an answer reads and combines
# (5-fold cross-validation inside the train split: 3, 4, 5 units give
# macro-F1 .725, .729, .733, coverage .990 -> .992; a unit further down is
# often the one naming the outcome with its result, and the ranker's
# softmax keeps the weaker units' say small).
TOP_K = 5
# The evidence's own statements of direction, in the order they are trusted.
# (The side of 1 a ratio's CI lies on is left to the classifier: which arm is
# the ratio's reference is seldom said where the CI is; 5-fold CV inside the
# train split: macro-F1 .732 -> .735 without it.)
DIRECTION_RULES = ("dir_x_contrast", "dir_near", "values_dir")
# The paper's extracted outcome sets the direction only when the classifier
# leans less than this far to one side (CV: .735 -> .738; trusted always, the
# graph's values were right in 20 of 33 answers it decided on train).
GRAPH_TRUST = 0.7

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
    "c:p_next_sig": "the p-value after the outcome's name below 0.05",
    "c:p_next_ns": "the p-value after the outcome's name 0.05 or more",
    "c:graph_values": "the two arms' values of the paper's extracted outcome",
    "c:clause": "the clause naming the outcome read alone",
    "c:dir_x_contrast": "the direction word read against the arm set against the other",
    "c:within_both": "a change within both arms",
    "c:within_baseline": "a change from baseline",
    "c:between_groups": "a difference between the groups",
}


@cache
def load_model(path: Path = MODEL_PATH) -> Model:
    """The committed classifier (trained by `extractor/effect/train.py`)."""
    return Model.load(path)


@dataclass
class Paper:
    """A document read once for any number of prompts: its units, the
    abbreviations it defines and the codes it names arms by."""

    document: Document
    units: list[Unit] = field(default_factory=list)
    abbrs: dict[str, list[str]] = field(default_factory=dict)
    code_contexts: dict[str, list[set[str]]] = field(default_factory=dict)
    grouped_codes: list[str] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)  # the record's, when extracted
    arm_roles: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, document: Document, record: StudyRecord | None = None) -> Paper:
        """The paper read for effect answers; with its extracted `record`,
        answers are cross-checked against the record's outcomes."""
        t = document.text
        return cls(
            document,
            document_units(document),
            abbreviations(t),
            code_contexts(t),
            grouped_codes(t),
            record_outcomes(record) if record else [],
            {a.label: a.role for a in record.arms} if record else {},
        )

    @classmethod
    def extracted(cls, document: Document) -> Paper:
        """The paper with the record litkg's extraction makes of it (the graph's facts)."""
        from litkg.extractor.pipeline import extract_record

        return cls.of(document, extract_record(document))


@dataclass(frozen=True)
class Arms:
    """A prompt's terms as the reader matches them: the stems naming each
    arm, the codes naming them ("group D" -> "I"), the outcome's stems."""

    i_stems: set[str]
    c_stems: set[str]
    codes: dict[str, str]
    o_stems: set[str]

    @classmethod
    def of(cls, paper: Paper, intervention: str, comparator: str, outcome: str) -> Arms:
        i_s, c_s = arm_stems(intervention, comparator, paper.abbrs)
        codes = arm_codes(
            intervention, comparator, i_s, c_s, paper.code_contexts, paper.grouped_codes
        )
        q = make_query(outcome, intervention, comparator, paper.abbrs)
        return cls(i_s, c_s, codes, set(q.outcome))

    def read(self, unit: Unit | None = None, text: str | None = None) -> Reading:
        """The reading of a unit (a table row also by its columns) or a text."""
        if unit is None:
            return read(text or "", self.i_stems, self.c_stems, self.o_stems, self.codes)
        r = read(unit.text, self.i_stems, self.c_stems, self.o_stems, self.codes)
        if unit.is_table:
            read_table_row(r, unit.header, unit.cells, self.i_stems, self.c_stems)
        return r


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
    graph: dict[str, Any] | None = None  # the record's result for the outcome, if any

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
            "graph": self.graph,
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
        if self.graph:
            g = self.graph
            p = "" if g["p"] is None else f", p {g['p']:g}"
            lines.append(
                f"the paper's extracted outcome {g['outcome']!r} ({g['statistic']}): "
                f"intervention {g['intervention value']:g} vs comparator "
                f"{g['comparator value']:g}{' ' + g['unit'] if g['unit'] else ''}{p}"
            )
            if g["evidence"]:
                lines.append(f"  {g['evidence']}")
        return "\n".join(lines)


def describe(feature: str) -> str:
    """A feature name in words."""
    if feature in CUE_NAMES:
        return CUE_NAMES[feature]
    if feature.startswith("s:"):
        return "in the whole sentence, " + describe("c:" + feature[2:])
    if feature.startswith("c:dir_near="):
        return f"the direction word {feature.split('=', 1)[1]} nearest the outcome"
    if feature.startswith("c:dir_x_contrast="):
        w = feature.split("=", 1)[1]
        return f"the direction word {w}, said of the arm compared against the other"
    if feature.startswith("g:"):
        return f'the words "{feature[2:]}"'
    return feature


def numbers_of(r: Reading) -> dict[str, Any]:
    """The numbers a reading used, for display."""
    out: dict[str, Any] = {}
    if r.local_span is not None:
        out["clause naming the outcome"] = r.text[r.local_span[0] : r.local_span[1]]
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


def evidence_features(
    paper: Paper,
    intervention: str,
    comparator: str,
    outcome: str,
    *,
    unit: Unit | None = None,
    quote: dict[str, str] | None = None,
) -> dict[str, float]:
    """The classifier's inputs for a unit of the paper or an annotator's quote."""
    arms = Arms.of(paper, intervention, comparator, outcome)
    text = quote["Annotations"] if quote else None
    return features(arms.read(unit, text))


def answer(
    paper: Paper,
    intervention: str,
    comparator: str,
    outcome: str,
    *,
    model: Model | None = None,
    ranker: np.ndarray | None = None,
) -> Answer:
    """The effect on `outcome` of `intervention` against `comparator` in `paper`."""
    if not paper.units:
        return Answer(None, why_none="the paper has no sentences or table rows to read")
    query = make_query(outcome, intervention, comparator, paper.abbrs)
    if not query.outcome:
        return Answer(None, why_none="the outcome has no content words")
    x = unit_features(paper.units, query, paper.abbrs)
    s = x @ (ranker_weights() if ranker is None else ranker)
    return answer_ranked(paper, (intervention, comparator, outcome), x, s, model)


def answer_ranked(
    paper: Paper,
    terms: tuple[str, str, str],
    x: np.ndarray,
    s: np.ndarray,
    model: Model | None = None,
    *,
    top_k: int | None = None,
) -> Answer:
    """The answer from the paper's units ranked by scores `s` (their ranking
    features `x`): the first TOP_K units naming the outcome are read and
    classified, their label probabilities combined by the ranker's softmax.
    `terms` are the prompt's intervention, comparator and outcome."""
    intervention, comparator, outcome = terms
    if not paper.units:
        return Answer(None, why_none="the paper has no sentences or table rows to read")
    m = model or load_model()
    oc = x[:, FEATURES.index("outcome")]
    order = [int(i) for i in np.argsort(-s, kind="stable")]
    top = [i for i in order[: top_k or TOP_K] if oc[i] > 0]
    if not top:
        return Answer(None, why_none="no sentence or table row names the outcome")
    arms = Arms.of(paper, intervention, comparator, outcome)
    z = s[top] - s[top].max()
    share = np.exp(z) / np.exp(z).sum()
    readings = [arms.read(paper.units[i]) for i in top]
    feats = [features(r) for r in readings]
    probs = [m.scores(f) for f in feats]
    combined = sum(w * p for w, p in zip(share, probs, strict=True))
    nsd = LABELS.index("no significant difference")
    significant = combined[nsd] < combined[0] + combined[1]
    # the evidence: the unit pushing most towards the answer's side
    side = [
        (w * (p[0] + p[1] if significant else p[nsd])) for w, p in zip(share, probs, strict=True)
    ]
    b = int(np.argmax(side))
    reading, u = readings[b], paper.units[top[b]]
    graph = cross_check(
        paper.outcomes,
        paper.arm_roles,
        arms.i_stems,
        arms.c_stems,
        arms.codes,
        arms.o_stems,
        paper.abbrs,
    )
    if significant:
        k, decided = direction(reading, combined, graph)
    else:
        k, decided = nsd, []
    used = {d[0].split("=", 1)[0] for d in decided}
    pushes = [kv for kv in m.contributions(feats[b], k) if kv[1] > 0 and kv[0] not in used]
    reasons = decided + pushes[: 6 - len(decided)]
    prob = float(combined[k]) if not decided else float(combined[0] + combined[1])
    return Answer(
        LABELS[k],
        evidence=u.text,
        char_start=u.start,
        char_end=u.end,
        part=u.kind,
        numbers=numbers_of(reading),
        reasons=reasons,
        probability=prob,
        graph=graph.to_dict() if graph else None,
    )


def direction(
    reading: Reading, probs: np.ndarray, graph: GraphResult | None = None
) -> tuple[int, list[tuple[str, float]]]:
    """The direction of a significant difference, and the rule that set it if
    one did: from the evidence when it says it plainly (in the clause naming
    the outcome first, then the whole sentence): the direction word said of
    one arm against the other ("placebo had higher X than drug": decreased),
    the direction word nearest the outcome, the two arms' values; then from
    the two arms' values of the paper's extracted outcome (the graph) when the
    classifier is unsure (leans less than GRAPH_TRUST to one side); else from
    the classifier."""
    for r in (reading.local, reading):
        if r is None:
            continue
        c = r.cues
        for cue in DIRECTION_RULES:
            if c.get(cue):
                name = f'c:{cue}="{r.near_word}"' if cue.startswith("dir_") else f"c:{cue}"
                return (0 if c[cue] > 0 else 1), [(name, float(c[cue]))]
    lean = probs[0] / (probs[0] + probs[1]) if probs[0] + probs[1] > 0 else 0.5
    if graph is not None and graph.direction and max(lean, 1 - lean) < GRAPH_TRUST:
        return (0 if graph.direction > 0 else 1), [("c:graph_values", float(graph.direction))]
    return (0 if probs[0] >= probs[1] else 1), []
