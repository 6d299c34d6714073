"""The Evidence Inference data set as the shared folder holds it
(`../shared/pmc-rct/evidence-inference/`): prompts, annotators' answers,
the majority label per prompt and the article splits."""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from litkg.extractor.effect.model import LABELS


def normalise_label(label: str) -> str:
    """A few rows spell "significantly increase"."""
    label = label.strip().lower()
    return LABELS[0] if label.startswith("significantly increase") else label


@dataclass
class Prompt:
    prompt_id: str
    pmcid: str
    outcome: str
    intervention: str
    comparator: str
    answers: list[dict[str, str]] = field(default_factory=list)

    @property
    def gold(self) -> str | None:
        """The annotators' majority label (a tie goes to the first annotator's)."""
        c = Counter(normalise_label(a["Label"]) for a in self.answers if a.get("Label"))
        return c.most_common(1)[0][0] if c else None

    @property
    def quotes(self) -> list[str]:
        return [a["Annotations"] for a in self.answers if a.get("Annotations", "").strip()]


def read_prompts(path: Path) -> list[Prompt]:
    """Rows of a PROMPTS.csv (`PromptID, PMCID, Outcome, Intervention, Comparator`)."""
    with path.open(newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    out = []
    for r in rows:
        r = {k.strip(): (v or "").strip() for k, v in r.items() if k}
        out.append(
            Prompt(r["PromptID"], r["PMCID"], r["Outcome"], r["Intervention"], r["Comparator"])
        )
    return out


def load(folder: Path, split: str | None = None) -> list[Prompt]:
    """The prompts with their annotators' answers, optionally of one split
    (`train` or `validation`, by the data set's own article ids)."""
    prompts = read_prompts(folder / "prompts.csv")
    by_id = {p.prompt_id: p for p in prompts}
    with (folder / "annotations.csv").open(newline="", encoding="utf-8") as f:
        for a in csv.DictReader(f):
            p = by_id.get(a["PromptID"])
            if p is not None:
                p.answers.append(a)
    if split:
        ids = set((folder / f"{split}_article_ids.txt").read_text().split())
        prompts = [p for p in prompts if p.pmcid in ids]
    return [p for p in prompts if p.gold]


def _words(s: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", s.lower()))


def overlaps(evidence: str, quote: str) -> bool:
    """Evidence and quote share most of the words of one of them."""
    a, b = _words(evidence), _words(quote)
    if not a or not b:
        return False
    common = len(a & b)
    return common / len(a) >= 0.6 or common / len(b) >= 0.6
