"""The same paper gives the same facts whether it comes as JATS XML or as the
Markdown-like plain text PubMed Central articles are rendered to."""

from __future__ import annotations

from pathlib import Path

import pytest

from litkg.extractor.ingest import load_document
from litkg.extractor.ingest.text import parse_text
from litkg.extractor.pipeline import extract_record

FIXTURES = Path(__file__).parent / "fixtures"
SHARED_JATS = Path(__file__).resolve().parents[1].parent / "shared" / "jats-samples"


def as_markdown(doc) -> str:
    """The JATS rendering with its tables written as `|` rows, as PMC text has them."""
    text = doc.text
    for t in sorted(doc.tables, key=lambda t: -(t.char_start or 0)):
        rows = ["| " + " | ".join(c.replace("|", "/") for c in r) + " |" for r in t.rows]
        rows.insert(1, "|" + "---|" * t.n_cols)
        text = text[: t.char_start] + "\n".join(rows) + text[t.char_end :]
    return text


def facts(rec) -> dict[str, set]:
    r = rec.to_record()
    return {
        "study": {(k, str(v)) for k, v in r["study"].items()},
        "arms": {(a["role"], a["n"]) for a in r["arms"]},
        "interventions": {(i["drug"], i["dose"], i["unit"]) for i in r["interventions"]},
        "outcomes": {
            (o["endpoint"], o["statistic"], o["value"], o["timepoint_months"])
            for o in r["outcomes"]
        },
        "adverse_events": {
            (e["term"], e["grade"], e["n"], e["percent"]) for e in r["adverse_events"]
        },
        "references": {
            (x["index"], x["first_author"], x["year"], x["volume"], x["first_page"])
            for x in r["references"]
        },
    }


def _jats_files() -> list[Path]:
    files = [FIXTURES / "jats" / "article.nxml"]
    if SHARED_JATS.is_dir():
        files += sorted(SHARED_JATS.glob("*.nxml"))
    return files


@pytest.mark.parametrize("path", _jats_files(), ids=lambda p: p.stem)
def test_jats_and_its_text_rendering_give_the_same_facts(path: Path) -> None:
    jats = load_document(path)
    text = parse_text(as_markdown(jats), doc_id=jats.doc_id)
    a, b = facts(extract_record(jats)), facts(extract_record(text))
    for key in a:
        assert a[key] == b[key], key
