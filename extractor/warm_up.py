"""Warm-up of a process that will extract many papers.

The components compile most of their patterns and load their vocabularies
lazily, on the first sentence that needs them, so that one `litkg extract` of
a short text starts fast. A process that extracts a batch pays that cost once
either way; `warm_up` pays it before the first paper (one synthetic trial
report through the pipeline, and the readers' modules imported), so that every
paper of the batch costs what a paper costs in steady state and the first one
no longer stands out in per-paper timings.
"""

from __future__ import annotations

import importlib
from functools import cache

#: a short invented trial report touching every component: design, arms with
#: sizes and doses, keyed and unkeyed outcomes in prose and in a table,
#: adverse events, abbreviations, citations and references
WARM_UP_TEXT = """\
A randomised phase 3 trial of drug A versus placebo in adults with a chronic disease

Abstract

Background: We compared drug A with placebo in a double-blind trial (NCT01234567).
Methods: In this multicentre trial, 120 patients were randomly assigned (1:1) to drug A 10 mg \
orally once daily as tablets (n = 60) or placebo (n = 60) for 12 months; cisplatin 75 mg/m2 was \
given as an intravenous infusion every 3 weeks in both groups. The primary endpoint was overall \
survival (OS); progression-free survival (PFS) and the objective response rate (ORR) were \
secondary endpoints.
Results: Median OS was 14.2 months (95% CI 11.0-17.5) with drug A and 10.1 months (8.2-12.0) \
with placebo (hazard ratio 0.71, 95% CI 0.52-0.96; p = 0.03). Grade 3 or worse adverse events \
occurred in 12 (20%) of 60 patients and 7 (12%) of 60, most often neutropenia, nausea and fatigue.

1. Introduction

Previous studies suggested a benefit of drug A [1, 2], as Smith et al. reported.

2. Methods

2.1 Patients and randomisation
Patients aged 18 years or older were eligible. Randomisation was stratified by centre. The mean \
age was 61.4 years (SD 8.2). Rescue medication was given subcutaneously.

3. Results

Table 1. Outcomes at 12 months
Outcome\tDrug A (n = 60)\tPlacebo (n = 60)\tP value
Response, n (%)\t24 (40.0)\t15 (25.0)\t0.08
Mean change in score (SD)\t-4.1 (2.3)\t-1.2 (2.5)\t<0.001
Serious adverse events\t5 (8.3%)\t3 (5.0%)\t0.47

The odds ratio for response was 2.0 (95% CI 0.9-4.4) in the drug A group compared with the \
placebo group. Diarrhoea was reported in 9 patients receiving drug A.

4. Discussion

Drug A improved survival compared with placebo; larger trials are needed.

References

1. Smith J, Jones K. An earlier trial of drug A. N Engl J Med. 2019;380:101-110. \
doi:10.1056/NEJMoa0000001
2. Brown L, et al. Placebo responses in chronic disease. Lancet. 2020;395:55-63.
"""

#: the readers' modules a batch of PDFs, texts or JATS files imports on its first file
READER_MODULES = (
    "litkg.extractor.ingest.pdf",
    "litkg.extractor.ingest.text",
    "litkg.extractor.ingest.jats",
)


@cache
def warm_up() -> None:
    """Build the pipeline, import the readers and run `WARM_UP_TEXT` through
    it (once per process): the lazily compiled patterns and vocabularies are
    ready before the first real paper."""
    from litkg.extractor.ingest.text import parse_text
    from litkg.extractor.pipeline import build_nlp, extract_record

    build_nlp()
    for name in READER_MODULES:
        importlib.import_module(name)
    extract_record(parse_text(WARM_UP_TEXT, doc_id="warm-up")).to_record()
