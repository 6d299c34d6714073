"""Review of extracted facts: stable fact ids, the curation file, verdicts applied.

The library API the command line (`litkg review`, `litkg review-status`) and
the web app (`litkg serve`) share:

- `fact_id(paper_iri, kind, evidence_location, quote, field_key=None)`: a fact's stable id;
- `list_facts(store, paper)`: every fact of a paper, each with its id (a `Fact`);
- `Curation.open(out_dir_or_store_path)`: the verdicts beside a store, with
  `record`, `verdicts`, `states`, `apply`, `orphans` and `status`.
"""

from litkg.kg.curation.facts import Fact, facts_of_papers, list_facts
from litkg.kg.curation.ids import KINDS, fact_id
from litkg.kg.curation.verdicts import (
    REVIEWED,
    STATUSES,
    VERDICTS,
    Curation,
    CurationError,
    FactState,
    Verdict,
    curation_path,
    default_reviewer,
)

__all__ = [
    "KINDS",
    "REVIEWED",
    "STATUSES",
    "VERDICTS",
    "Curation",
    "CurationError",
    "Fact",
    "FactState",
    "Verdict",
    "curation_path",
    "default_reviewer",
    "fact_id",
    "facts_of_papers",
    "list_facts",
]
