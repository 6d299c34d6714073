"""Plain values of RDF terms, without rdflib: what a query's rows are turned
into when nobody needs rdflib terms (`litkg query`, `litkg compare`).

Both term kinds are read: pyoxigraph's (`.value`, a `datatype` that is
xsd:string for a plain literal) and rdflib's (the term is a `str`)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

import pyoxigraph as ox

XSD = "http://www.w3.org/2001/XMLSchema#"
_BOOLEAN = XSD + "boolean"
NUMERIC = {
    XSD + t
    for t in ("integer", "decimal", "double", "float", "int", "long", "short", "byte",
              "nonNegativeInteger", "positiveInteger", "negativeInteger",
              "nonPositiveInteger", "unsignedInt", "unsignedLong")
}  # fmt: skip


def number_of(lexical: str) -> float | int | None:
    """A numeric lexical form as int (when whole) or float; None when not a number."""
    try:
        d = Decimal(lexical)
    except InvalidOperation:
        return None
    return int(d) if d == d.to_integral_value() and "." not in lexical else float(d)


def json_of(lexical: str, datatype: str | None) -> Any:
    """A literal as a JSON value: numbers as numbers, booleans as booleans,
    everything else as its text."""
    if datatype == _BOOLEAN:
        return lexical.strip().lower() in ("true", "1")
    if datatype in NUMERIC:
        n = number_of(lexical)
        if n is not None:
            return n
    return lexical


#: datatypes whose literals Oxigraph writes in the form rdflib gives them too
#: (Oxigraph stores canonical forms: "007" is "7", "1.50" is "1.5"); rdflib
#: writes others its own way ("...T00:00:00Z" as "...T00:00:00+00:00", the
#: double "1000" as "1000.0"), and their rows keep rdflib's text
SAME_TEXT = {
    XSD + "string",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString",
    _BOOLEAN,
    XSD + "decimal",
    XSD + "gYear",
    XSD + "anyURI",
    *(XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                        "positiveInteger", "negativeInteger", "nonPositiveInteger",
                        "unsignedInt", "unsignedLong"))
}  # fmt: skip


def ox_lexical(term: Any) -> str:
    """A pyoxigraph term's text as an rdflib term's `str` gives it: the IRI,
    the blank node's id, the literal's lexical form."""
    if isinstance(term, ox.Literal) and term.datatype.value not in SAME_TEXT:
        from litkg.kg.store import to_rdflib

        return str(to_rdflib(term))
    return term.value


def ox_json(term: Any) -> Any:
    """A pyoxigraph term as a JSON value (see `json_of`)."""
    if isinstance(term, ox.Literal):
        return json_of(ox_lexical(term), term.datatype.value)
    return term.value


def rdflib_json(term: Any) -> Any:
    """An rdflib term as a JSON value (see `json_of`)."""
    datatype = getattr(term, "datatype", None)
    return json_of(str(term), str(datatype)) if datatype is not None else str(term)


#: converters of `KGStore.select_values`: kind -> (pyoxigraph term, rdflib term)
CONVERTERS = {
    "lexical": (ox_lexical, str),
    "json": (ox_json, rdflib_json),
}
