"""Stable fact identities: the key every verdict is stored under.

A fact is named by what it is and where it was read, never by a row number or
a blank node: the paper's IRI, the fact's kind, the location of its evidence
(page and character span, or a section), the quoted text and, for facts that
share one piece of evidence (three arms read from one table header), a key
telling them apart. The same inputs give the same ids on every rebuild; a
changed paper or extractor gives new ids, and verdicts on the old ones become
orphans (`Curation.orphans`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

#: The kinds of fact a verdict can be about.
KINDS = ("study", "arm", "intervention", "outcome", "adverse_event", "reference")

#: Fragment prefix of a fact node IRI (`<paper>#<prefix>-<digest>`, kg/build.py) -> kind.
NODE_KINDS = {
    "arm": "arm",
    "intervention": "intervention",
    "outcome": "outcome",
    "ae": "adverse_event",
    "ref": "reference",
}


def location_text(location: Mapping[str, object] | str | None) -> str:
    """One canonical spelling of an evidence location: a dict's items sorted by
    key (`char_end=120|char_start=80|page=3`; None values left out), or the
    string as given (a section name)."""
    if location is None:
        return ""
    if isinstance(location, str):
        return location.strip()
    return "|".join(f"{k}={location[k]}" for k in sorted(location) if location[k] is not None)


def fact_id(
    paper_iri: str,
    kind: str,
    evidence_location: Mapping[str, object] | str | None,
    quote: str | None,
    field_key: str | None = None,
) -> str:
    """The stable id of a fact: `f-` and 16 hex digits of a SHA-256 over the
    paper's IRI, the kind (one of KINDS), the evidence location (see
    `location_text`), the quote and `field_key` (what tells apart facts read
    from the same evidence: a study field's name, a node's content key)."""
    if kind not in KINDS:
        raise ValueError(f"unknown fact kind {kind!r}; one of {', '.join(KINDS)}")
    parts = [str(paper_iri), kind, location_text(evidence_location), quote or "", field_key or ""]
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return "f-" + h[:16]


def node_kind(node_iri: str) -> str | None:
    """The fact kind of a fact node of a paper graph (`...#outcome-ab12` ->
    "outcome"), None for another node."""
    _, sep, frag = str(node_iri).rpartition("#")
    if not sep:
        return None
    return NODE_KINDS.get(frag.split("-", 1)[0])


def node_paper(node_iri: str) -> str:
    """The paper IRI a fact node belongs to (the part before `#`)."""
    return str(node_iri).rpartition("#")[0]


def node_key(node_iri: str) -> str:
    """The field key of a fact node: its fragment (a digest of its content,
    kg/build.py), so that facts sharing one quote keep distinct ids."""
    return str(node_iri).rpartition("#")[2]
