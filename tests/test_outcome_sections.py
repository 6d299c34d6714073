"""Where a result sentence stands decides whether it is the study's own:
a nutrition trial written as plain text with Markdown headings."""

from litkg.extractor.ingest import load_document
from litkg.extractor.pipeline import extract_record

PAPER = """# Olive oil and blood pressure: a randomised trial

# Introduction

In earlier cohorts the 5-year overall survival was 71% with dietary counselling.

# Methods

We assumed an objective response rate of 30% in the control group.

# Results

Median systolic blood pressure fell by 9.5 mmHg in the olive oil group. The 5-year overall survival was 88% in the olive oil group and 84% in the control group.

# Discussion

Our 5-year overall survival of 88% is higher than the 65% reported by Smith et al.
"""


def test_keyed_results_come_from_the_results_not_from_plans_or_others_work(tmp_path):
    f = tmp_path / "olive_trial.txt"
    f.write_text(PAPER, encoding="utf-8")
    rec = extract_record(load_document(f)).to_record()
    keyed = {(o["endpoint"], o["value"]) for o in rec["outcomes"] if o["endpoint"]}
    assert ("OS", 88.0) in keyed and ("OS", 84.0) in keyed
    assert ("OS", 71.0) not in keyed  # the introduction: others' cohorts
    assert ("ORR", 30.0) not in keyed  # the methods: an assumption
    assert ("OS", 65.0) not in keyed  # the discussion citing other work


def test_sentences_that_cannot_state_results_are_not_searched(tmp_path, monkeypatch):
    """The endpoint search is not run on a sentence whose place (methods,
    introduction) already rules its results out; the record is the same."""
    from litkg.extractor.components import outcomes as outcomes_mod

    asked: list[str] = []
    real = outcomes_mod.find_outcomes

    def spy(text, *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(outcomes_mod, "find_outcomes", spy)
    f = tmp_path / "olive_trial.txt"
    f.write_text(PAPER, encoding="utf-8")
    rec = extract_record(load_document(f)).to_record()
    keyed = {(o["endpoint"], o["value"]) for o in rec["outcomes"] if o["endpoint"]}
    assert ("OS", 88.0) in keyed and ("ORR", 30.0) not in keyed
    assert not any("assumed an objective response rate" in t for t in asked)
    assert not any("earlier cohorts" in t for t in asked)
