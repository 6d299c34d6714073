"""The SPARQL 1.1 Protocol endpoint of `litkg serve` (`/sparql`), read only.

A query arrives as `GET ?query=`, as a form-encoded `POST` (`query=`) or as
a `POST` whose body is the query (`application/sparql-query`). It runs as
`litkg query` runs it: undeclared litkg prefixes added (`with_prefixes`),
updates refused (`refuse_updates`), `SERVICE` refused unless the server was
started with `--allow-federation` and every query bounded by `--timeout`
(both enforced by the store, `kg/store.py`). Updates (`update=`,
`application/sparql-update`) are refused with 403: the graph changes only
through `litkg build`.

Results by `Accept`: SELECT and ASK as `application/sparql-results+json`
(the default), `+xml`, `text/csv` or `text/tab-separated-values`;
CONSTRUCT and DESCRIBE as Turtle (the default) or N-Triples.
"""

from __future__ import annotations

import os
import urllib.parse
from dataclasses import dataclass

from rdflib import Graph, Variable
from rdflib.query import Result
from rdflib.term import Node

from litkg.kg.queries import (
    QueryError,
    format_query_result,
    query_variables,
    refuse_updates,
    with_prefixes,
)
from litkg.kg.store import KGStore, QueryTimeout, StoreError, _query_form, running_queries

JSON = "application/sparql-results+json"
XML = "application/sparql-results+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"
TURTLE = "text/turtle"
NTRIPLES = "application/n-triples"

#: Media types offered per query form, the default first; aliases clients send.
RESULT_TYPES = (JSON, XML, CSV, TSV)
GRAPH_TYPES = (TURTLE, NTRIPLES)
ALIASES = {
    "application/json": JSON,
    "application/xml": XML,
    "text/xml": XML,
    "application/x-turtle": TURTLE,
    "application/turtle": TURTLE,
    "text/plain": NTRIPLES,
}

#: The largest query text accepted (bytes).
MAX_QUERY_BYTES = 1 << 20

#: Queries evaluated at once (timed-out ones still running count): more are
#: refused with 503 rather than queued, so that runaway queries cannot take
#: every core and leave the pages unanswered.
MAX_RUNNING = max(2, os.cpu_count() or 1)


@dataclass
class ProtocolError(Exception):
    """A request the endpoint refuses: HTTP status and a message for the client."""

    status: int
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass
class Answer:
    """A serialized result: body and media type."""

    body: bytes
    media_type: str


def query_from_request(
    method: str, params: dict[str, list[str]], content_type: str, body: bytes
) -> str:
    """The query text of a protocol request (ProtocolError for an update, a
    missing or repeated query, an unsupported content type or a dataset the
    endpoint does not offer)."""
    ctype = content_type.split(";", 1)[0].strip().lower()
    fields = dict(params)
    if method == "POST":
        if len(body) > MAX_QUERY_BYTES:
            raise ProtocolError(413, f"the query is over {MAX_QUERY_BYTES} bytes")
        if ctype == "application/sparql-update":
            raise ProtocolError(403, _READ_ONLY)
        if ctype == "application/x-www-form-urlencoded":
            form = urllib.parse.parse_qs(_decode(body), keep_blank_values=True)
            for k, v in form.items():
                fields.setdefault(k, []).extend(v)
        elif ctype == "application/sparql-query":
            if "query" in fields:
                raise ProtocolError(400, "give the query in the body or as ?query=, not both")
            fields["query"] = [_decode(body)]
        else:
            raise ProtocolError(
                415,
                f"unsupported content type {ctype or '(none)'!r}: send "
                "application/sparql-query or application/x-www-form-urlencoded",
            )
    elif method != "GET":
        raise ProtocolError(405, "use GET or POST")
    if "update" in fields:
        raise ProtocolError(403, _READ_ONLY)
    if fields.get("default-graph-uri") or fields.get("named-graph-uri"):
        raise ProtocolError(
            400,
            "default-graph-uri / named-graph-uri are not supported: the default graph is "
            "the union of all graphs; name a graph with GRAPH <...> in the query",
        )
    queries = fields.get("query", [])
    if len(queries) != 1 or not queries[0].strip():
        raise ProtocolError(400, "pass exactly one SPARQL query (?query=... or a POST body)")
    return queries[0]


_READ_ONLY = (
    "this SPARQL endpoint is read only: updates are refused (the graph changes only "
    "through `litkg build`)"
)


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ProtocolError(400, "the request body is not UTF-8") from e


def negotiate(accept: str, offered: tuple[str, ...]) -> str | None:
    """The offered media type the `Accept` header prefers (q-values, wildcards,
    aliases); the first offered one for no header or `*/*`; None when the
    client accepts none of them."""
    if not accept.strip():
        return offered[0]
    best: tuple[tuple[float, int, int], str] | None = None
    for order, item in enumerate(accept.split(",")):
        parts = [p.strip() for p in item.split(";")]
        mtype = ALIASES.get(parts[0].lower(), parts[0].lower())
        q = 1.0
        for p in parts[1:]:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        if q <= 0:
            continue
        if mtype == "*/*":
            cand = offered[0]
        elif mtype.endswith("/*"):
            cand = next((o for o in offered if o.startswith(mtype[:-1])), "")
        else:
            cand = mtype if mtype in offered else ""
        # higher q first, then the more specific type, then the earlier item
        key = (q, 0 if "*" in mtype else 1, -order)
        if cand and (best is None or key > best[0]):
            best = (key, cand)
    return best[1] if best else None


def run(store: KGStore, sparql: str, accept: str) -> Answer:
    """Run a protocol query on the store and serialize the result as `accept` asks
    (ProtocolError: 400 bad query or update, 406 no acceptable format, 503 timed
    out or too many queries running)."""
    try:
        refuse_updates(sparql)
    except QueryError as e:
        raise ProtocolError(403, str(e)) from e
    text = with_prefixes(sparql)
    form = _query_form(text)
    offered = GRAPH_TYPES if form in ("CONSTRUCT", "DESCRIBE") else RESULT_TYPES
    media = negotiate(accept, offered)
    if media is None:
        raise ProtocolError(
            406, f"no acceptable result format; a {form} query offers {', '.join(offered)}"
        )
    busy = running_queries()
    if busy >= MAX_RUNNING:
        raise ProtocolError(
            503,
            f"the server is busy: {busy} queries are running (a timed-out query runs on "
            "until the store finishes it); retry in a moment",
        )
    try:
        result = store.query(text)
    except QueryTimeout as e:
        raise ProtocolError(503, str(e)) from e
    except (QueryError, StoreError, SyntaxError, ValueError) as e:
        raise ProtocolError(400, str(e)) from e
    if isinstance(result, Graph):
        fmt = "turtle" if media == TURTLE else "nt"
        return Answer(result.serialize(format=fmt, encoding="utf-8"), media)
    if isinstance(result, bool):
        if media in (CSV, TSV):
            raise ProtocolError(406, f"an ASK result has no {media} form; accept {JSON} or {XML}")
        if media == JSON:
            return Answer(format_query_result(result, "sparql-json").encode(), JSON)
        return Answer(_rdflib_result(result, [], []).serialize(format="xml"), XML)
    names = query_variables(text) or _names(result)
    if media == JSON:
        return Answer(format_query_result(result, "sparql-json", names).encode(), JSON)
    if media == TSV:
        return Answer(tsv(result, names).encode(), TSV)
    fmt = "xml" if media == XML else "csv"
    return Answer(_rdflib_result(None, result, names).serialize(format=fmt), media)


def _names(rows: list[dict[str, Node]]) -> list[str]:
    names: list[str] = []
    for row in rows:
        names += [k for k in row if k not in names]
    return names


def _rdflib_result(ask: bool | None, rows: list[dict[str, Node]], names: list[str]) -> Result:
    """An rdflib Result, whose serializers write the W3C XML and CSV forms."""
    if ask is not None:
        r = Result("ASK")
        r.askAnswer = ask
        return r
    r = Result("SELECT")
    r.vars = [Variable(n) for n in names]
    r.bindings = [{Variable(k): v for k, v in row.items()} for row in rows]
    return r


def tsv(rows: list[dict[str, Node]], names: list[str]) -> str:
    """SPARQL 1.1 Query Results TSV: a `?var` header, then each term in Turtle syntax."""
    lines = ["\t".join("?" + n for n in names)]
    lines += ["\t".join(row[n].n3() if n in row else "" for n in names) for row in rows]
    return "\n".join(lines) + "\n"
