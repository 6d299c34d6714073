"""`litkg effect PROMPTS.csv --papers DIR -o PREDICTIONS.csv`: every prompt
answered from its paper, `DIR/PMC<PMCID>.<any suffix litkg reads>`."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from litkg.extractor.document import IngestError
from litkg.extractor.effect.answer import Paper, answer
from litkg.extractor.effect.dataset import Prompt, read_prompts
from litkg.extractor.ingest import READERS, load_document

# Which form of a paper to read when a folder holds several.
_PREFERENCE = (".nxml", ".xml", ".txt", ".md", ".text", ".markdown", ".pdf")


class PromptsError(Exception):
    """A prompts file that cannot be used; the message names it and says why."""


def find_paper(folder: Path, pmcid: str) -> Path | None:
    """The file of paper `PMC<pmcid>` in `folder` (any suffix litkg reads)."""
    stem = pmcid if pmcid.upper().startswith("PMC") else f"PMC{pmcid}"
    found = [p for p in folder.glob(f"{stem}.*") if p.suffix.lower() in READERS]
    if not found:
        return None
    order = {s: i for i, s in enumerate(_PREFERENCE)}
    return min(found, key=lambda p: (order.get(p.suffix.lower(), 99), p.name))


def load_prompts(path: Path) -> list[Prompt]:
    """The prompts of `path`, or `PromptsError` naming what is missing."""
    try:
        return read_prompts(path)
    except KeyError as e:
        raise PromptsError(
            f"{path}: no column {e.args[0]!r} (need PromptID, PMCID, Outcome, Intervention, Comparator)"
        ) from e
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise PromptsError(f"{path}: cannot be read as CSV ({e})") from e


def run(
    prompts_csv: Path,
    papers: Path,
    output: Path,
    progress: Callable[[Iterable[str], int], Iterable[str]] = lambda it, n: it,
) -> tuple[int, list[str]]:
    """Answer every prompt, write `output` (`PromptID,Label,Evidence`), and
    return the number of rows and the messages for papers that could not be
    read (their prompts are written unanswered)."""
    prompts = load_prompts(prompts_csv)
    by_paper: dict[str, list[Prompt]] = {}
    for p in prompts:
        by_paper.setdefault(p.pmcid, []).append(p)
    rows: dict[str, tuple[str, str]] = {}
    unreadable: list[str] = []
    for pmcid in progress(list(by_paper), len(by_paper)):
        path = find_paper(papers, pmcid)
        if path is None:
            unreadable.append(f"PMC{pmcid}: no file PMC{pmcid}.* in {papers}")
            continue
        try:
            paper = Paper.extracted(load_document(path))
        except IngestError as e:
            unreadable.append(str(e))
            continue
        for p in by_paper[pmcid]:
            a = answer(paper, p.intervention, p.comparator, p.outcome)
            rows[p.prompt_id] = (a.label or "", a.evidence if a.label else "")
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["PromptID", "Label", "Evidence"])
    for p in prompts:
        w.writerow([p.prompt_id, *rows.get(p.prompt_id, ("", ""))])
    _write_atomic(output, buf.getvalue())
    return len(prompts), unreadable


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    os.replace(tmp, path)
