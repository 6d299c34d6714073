"""SPARQL helpers shared by the reporting commands, and the named queries shipped
in `ontology/queries/*.rq`.

A named query is a `.rq` file whose leading comment block documents it:

    # Outcome values of one endpoint across studies, per arm, with CI and p.
    # @param endpoint endpoint  the endpoint key (OS, PFS, CIR, ...)
    # @param drug drug  a study drug (generic name)
    PREFIX lkg: <https://w3id.org/litkg/ns#>
    SELECT ...

The first comment lines (up to the first `@param`) are its description; each
`@param NAME KIND  text` line declares a variable the caller may bind with
`--param NAME=VALUE`. KIND says how the value becomes an RDF term: `iri`,
`string`, `integer`, `decimal`, `year` (xsd:gYear), or a concept kind
(`endpoint`, `statistic`, `drug`, `ae`, `design`, `phase`, `role`) whose IRI is
minted from the key as the graph builder does. Values are bound as RDF terms
(pre-bound variables, SEP-0007), never pasted into the query text. An unbound
parameter leaves its variable free (the query then covers every value).

A parameter filters only where its variable stands in a required triple
pattern: a remote store binds it with a trailing VALUES clause, which joins
after FILTERs and OPTIONALs ran, so a variable used only there would not
filter (and an OPTIONAL one would show the bound value on rows without it).
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from litkg.kg.store import (  # noqa: F401  (bind, sparql_term, values_block: re-exported)
    KGStore,
    QueryError,
    QueryResult,
    StoreError,
    bind,
    sparql_term,
    values_block,
)
from litkg.kg.values import NUMERIC as _NUMERIC  # noqa: F401  (kept for importers)
from litkg.kg.values import number_of, rdflib_json
from litkg.ontology.prefixes import PREFIX_IRIS as PREFIXES
from litkg.ontology.prefixes import SPARQL_PREFIXES  # noqa: F401  (re-exported)

if TYPE_CHECKING:  # rdflib only where terms are made: `litkg query` never imports it
    from rdflib import URIRef
    from rdflib.term import Node

Row = dict[str, "Node"]


# --- running queries and reading their terms ---------------------------------


Q_EVIDENCE = """SELECT ?node ?quote ?page WHERE {
  %s
  ?node lkg:evidence ?ev . ?ev oa:hasSelector ?sel . ?sel oa:exact ?quote .
  OPTIONAL { ?ev lkg:page ?page }
}"""


def evidence_of(
    store: KGStore, nodes: list[str], chunk: int = 500
) -> dict[str, tuple[str, int | None]]:
    """The evidence quote and page of each node (fact IRI) that has one. The
    nodes are bound by a VALUES block (in chunks): stores look each one up,
    where an OPTIONAL evidence pattern in a big query is joined by hashing all
    evidence of the store (300 ms on a 1,000-paper graph, per query)."""
    from rdflib import URIRef

    out: dict[str, tuple[str, int | None]] = {}
    uniq = sorted(set(nodes))
    for i in range(0, len(uniq), chunk):
        part = uniq[i : i + chunk]
        block = "VALUES ?node { " + " ".join(sparql_term(URIRef(n)) for n in part) + " }"
        for r in select_plain(store, Q_EVIDENCE % block):
            page = number(r.get("page"))
            cur = (str(r["quote"]), int(page) if page is not None else None)
            key = str(r["node"])
            if key not in out or cur < out[key]:
                out[key] = cur
    return out


def select(store: KGStore, sparql: str, bindings: Mapping[str, Node] | None = None) -> list[Row]:
    """Rows of a SELECT query (SPARQL_PREFIXES prepended, `bindings` bound by
    `bind`); unbound values are absent."""
    rows = store.query(bind(SPARQL_PREFIXES + sparql, bindings))
    if not isinstance(rows, list):
        raise StoreError("expected a SELECT query")
    return rows


def select_plain(
    store: KGStore, sparql: str, bindings: Mapping[str, Node] | None = None
) -> list[dict[str, str]]:
    """Rows of a SELECT query as `select` gives them, each value as its plain
    text (`str` of the rdflib term, read without making one: see
    `KGStore.select_values`); for readers that want strings and numbers."""
    return list(store.select_values(SPARQL_PREFIXES + sparql, bindings)[1])


def text(term: Node | None) -> str | None:
    """The lexical form of a term, or None."""
    return None if term is None else str(term)


def number(term: Node | None) -> float | int | None:
    """A numeric literal as int (when whole) or float; None when absent or not a number."""
    if term is None:
        return None
    return number_of(str(term))


def local_name(term: Node | None) -> str | None:
    """The last path segment of an IRI (a concept's key: ep:OS -> "OS")."""
    if term is None:
        return None
    return _local_name(str(term))


@lru_cache(maxsize=4096)
def _local_name(s: str) -> str:
    from urllib.parse import unquote

    return unquote(re.split(r"[/#]", s.rstrip("/"))[-1]).replace("_", " ")


def fmt_num(x: float | int | None) -> str:
    """A number as printed: no trailing zeros ("12", "3.3", "0.0001")."""
    if x is None:
        return ""
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e15:
        return str(int(x))
    return format(Decimal(str(x)).normalize(), "f") if isinstance(x, float) else str(x)


# --- binding parameters as RDF terms -----------------------------------------


def _concept_kinds() -> dict[str, Callable[[str], URIRef]]:
    from litkg.ontology import namespace as ns

    return {
        "endpoint": ns.endpoint_iri,
        "statistic": ns.statistic_iri,
        "drug": lambda v: ns.drug_iri(v.lower()),
        "ae": ns.ae_iri,
        "design": ns.design_iri,
        "phase": ns.phase_iri,
        "role": ns.role_iri,
    }


CONCEPT_KINDS = ("endpoint", "statistic", "drug", "ae", "design", "phase", "role")
KINDS = ("iri", "string", "integer", "decimal", "year", "term", *CONCEPT_KINDS)

#: Parameter kinds whose values resolve through a vocabulary (kg/vocab.py).
_VOCABULARY_OF = {"endpoint": "endpoints", "drug": "drugs", "ae": "terms", "design": "designs"}


def vocabulary_key(kind: str, value: str) -> str:
    """The vocabulary's key for a parameter value ("Blincyto" -> "blinatumomab",
    "overall survival" -> "OS"); the value itself when the vocabulary does not
    know it (a concept only the graph holds)."""
    from litkg.kg.vocab import UnknownValue, resolve

    if kind not in _VOCABULARY_OF:
        return value
    try:
        return resolve(_VOCABULARY_OF[kind], value)
    except UnknownValue:
        return value


def parse_term(value: str) -> Node:
    """A term written by a user without a declared kind: `<iri>`, `prefix:name`
    with a litkg prefix, `"text"`, `"lex"^^xsd:type` / `^^<dt>`, an integer, a
    decimal, else a plain string literal."""
    from rdflib import XSD, Literal, URIRef

    from litkg.kg.build import dec

    v = value.strip()
    if v.startswith("<") and v.endswith(">"):
        return URIRef(v[1:-1])
    m = re.fullmatch(r'"(.*)"\^\^(?:<([^>]+)>|xsd:(\w+))', v, re.S)
    if m:
        dt = URIRef(m.group(2)) if m.group(2) else XSD[m.group(3)]
        return Literal(m.group(1), datatype=dt, normalize=False)
    if len(v) >= 2 and v.startswith('"') and v.endswith('"'):
        return Literal(v[1:-1])
    m = re.fullmatch(r"([A-Za-z][\w-]*):(\S+)", v)
    if m and m.group(1) in PREFIXES:
        return URIRef(PREFIXES[m.group(1)] + m.group(2))
    if re.fullmatch(r"[+-]?\d+", v):
        return Literal(int(v), datatype=XSD.integer)
    if re.fullmatch(r"[+-]?\d*\.\d+", v):
        return dec(v)
    if re.match(r"^https?://", v):
        return URIRef(v)
    return Literal(v)


def to_term(kind: str, value: str) -> Node:
    """The RDF term for a parameter value of a declared kind (see the module docstring)."""
    from rdflib import XSD, Literal, URIRef

    from litkg.kg.build import dec

    k = kind.lower()
    v = value.strip()
    try:
        if k in CONCEPT_KINDS:
            return _concept_kinds()[k](vocabulary_key(k, v))
        if k == "iri":
            return URIRef(v[1:-1] if v.startswith("<") else v)
        if k == "string":
            return Literal(v)
        if k == "integer":
            return Literal(int(v), datatype=XSD.integer)
        if k == "decimal":
            return dec(v)
        if k == "year":
            return Literal(f"{int(v):04d}", datatype=XSD.gYear)
    except (ValueError, InvalidOperation) as e:
        raise QueryError(f"{value!r} is not a valid {kind}") from e
    return parse_term(v)


# --- named queries -----------------------------------------------------------


@dataclass(frozen=True)
class Param:
    """A declared parameter of a named query."""

    name: str
    kind: str
    doc: str = ""


@dataclass(frozen=True)
class NamedQuery:
    """A `.rq` file of ontology/queries: its name, description, parameters, text."""

    name: str
    description: str
    params: tuple[Param, ...] = ()
    sparql: str = field(default="", repr=False)

    def bindings(self, values: Mapping[str, str]) -> dict[str, Node]:
        """RDF terms for `name -> text` values; unknown names are an error."""
        declared = {p.name: p for p in self.params}
        out: dict[str, Node] = {}
        for k, v in values.items():
            if k not in declared:
                known = ", ".join(declared) or "none"
                raise QueryError(
                    f"query {self.name!r} has no parameter {k!r} (parameters: {known})"
                )
            out[k] = to_term(declared[k].kind, v)
        return out


def parse_named(name: str, sparql: str) -> NamedQuery:
    """Read a named query's description and parameters from its leading comments."""
    desc: list[str] = []
    params: list[Param] = []
    for line in sparql.splitlines():
        s = line.strip()
        if not s:
            continue
        if not s.startswith("#"):
            break
        body = s.lstrip("#").strip()
        m = re.match(r"@param\s+(\w+)\s+(\w+)\s*(.*)", body)
        if m:
            kind = m.group(2).lower()
            if kind not in KINDS:
                raise QueryError(f"{name}: unknown parameter kind {kind!r} (one of {KINDS})")
            params.append(Param(m.group(1), kind, m.group(3).strip()))
        elif not params and body:
            desc.append(body)
    return NamedQuery(name, " ".join(desc), tuple(params), sparql)


def queries_dir() -> Path:
    """The folder of the shipped named queries."""
    import litkg.ontology  # its folder; importlib.resources would import zipfile and more

    return Path(litkg.ontology.__file__).parent / "queries"


def named_queries(folder: Path | None = None) -> dict[str, NamedQuery]:
    """All named queries of a folder (default: the shipped ones), by name."""
    folder = folder or queries_dir()
    return {
        p.stem: parse_named(p.stem, p.read_text(encoding="utf-8"))
        for p in sorted(folder.glob("*.rq"))
    }


def get_named(name: str, folder: Path | None = None) -> NamedQuery:
    """One named query; QueryError naming the available ones when absent."""
    qs = named_queries(folder)
    if name not in qs:
        raise QueryError(f"no named query {name!r}; available: {', '.join(qs)}")
    return qs[name]


def list_text(folder: Path | None = None) -> str:
    """`litkg query --list`: each named query with its description and parameters."""
    out = []
    for q in named_queries(folder).values():
        out.append(f"{q.name}\n    {q.description}")
        for p in q.params:
            out.append(f"    --param {p.name}=<{p.kind}>  {p.doc}".rstrip())
    return "\n".join(out)


def parse_params(items: tuple[str, ...] | list[str]) -> dict[str, str]:
    """`key=value` strings as a dict; QueryError on an item without `=`."""
    out: dict[str, str] = {}
    for item in items:
        if "=" not in item:
            raise QueryError(f"--param {item!r}: expected key=value")
        k, v = item.split("=", 1)
        out[k.strip().lstrip("?$")] = v
    return out


def resolve_query(
    spec: str, params: Mapping[str, str], folder: Path | None = None
) -> tuple[str, dict[str, Node]]:
    """The query text and bindings for `litkg query SPEC`: a named query, `@FILE`,
    a path to a `.rq`/`.sparql` file, or SPARQL text. Parameters of a named query
    are converted by their declared kinds, others by `parse_term`."""
    qs = named_queries(folder)
    if spec in qs:
        q = qs[spec]
        return q.sparql, q.bindings(params)
    if spec.startswith("@"):
        sparql = Path(spec[1:]).read_text(encoding="utf-8")
    elif re.fullmatch(r"[\w./\\-]+\.(rq|sparql)", spec) and Path(spec).is_file():
        sparql = Path(spec).read_text(encoding="utf-8")
    elif re.fullmatch(r"[\w-]+", spec):
        raise QueryError(f"no named query {spec!r}; available: {', '.join(qs)}")
    else:
        sparql = spec
    return sparql, {k: parse_term(v) for k, v in params.items()}


def run_query(
    store: KGStore, spec: str, params: Mapping[str, str] | None = None, folder: Path | None = None
) -> QueryResult:
    """Resolve and run a query (see `resolve_query`)."""
    sparql, bindings = prepare_query(spec, params, folder)
    return store.query(sparql, bindings)


def prepare_query(
    spec: str, params: Mapping[str, str] | None = None, folder: Path | None = None
) -> tuple[str, dict[str, Node]]:
    """The query text (undeclared litkg prefixes added) and bindings `litkg query
    SPEC` runs; QueryError for a SPARQL update, which is never run."""
    sparql, bindings = resolve_query(spec, params or {}, folder)
    refuse_updates(sparql)
    return with_prefixes(sparql), bindings


def stream_query(
    store: KGStore, sparql: str, bindings: Mapping[str, Node] | None = None, fmt: str = "tsv"
) -> Iterator[str]:
    """`litkg query`'s output (for a query `prepare_query` gave) in chunks of
    lines, each formatted as `format_query_result` formats it: a SELECT's rows
    in tsv, csv and json are printed as the store yields them, never all held
    in memory; `table`, `sparql-json` and other query forms are rendered whole."""
    from litkg.kg.store import _query_form

    if fmt not in QUERY_FORMATS:
        raise QueryError(f"unknown format {fmt!r}; one of {', '.join(QUERY_FORMATS)}")
    if fmt in ("table", "sparql-json") or _query_form(sparql) != "SELECT":
        yield format_query_result(
            store.query(sparql, bindings), fmt, query_variables(bind(sparql, bindings))
        )
        return
    names, rows = store.select_values(sparql, bindings, "json" if fmt == "json" else "lexical")
    names = query_variables(bind(sparql, bindings)) or names
    if fmt == "json":
        first = True
        for chunk in _chunks(rows):
            body = ",\n".join(
                " " + dumps({n: r.get(n) for n in names}).replace("\n", "\n ") for r in chunk
            )
            yield ("[\n" if first else ",\n") + body
            first = False
        yield "[]" if first else "\n]"
        return
    header = format_query_result([], fmt, names)
    yield header
    for chunk in _chunks(rows):
        yield format_query_result(chunk, fmt, names)[len(header) + 1 :]


def _chunks(rows: Iterator[Row], size: int = 500) -> Iterator[list[Row]]:
    chunk: list[Row] = []
    for r in rows:
        chunk.append(r)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# --- output ------------------------------------------------------------------

#: `litkg query --format` choices: plain values (tsv, csv, table), litkg's JSON
#: shape (json) and the W3C SPARQL 1.1 Query Results JSON (sparql-json).
QUERY_FORMATS = ("tsv", "csv", "json", "sparql-json", "table")

_UPDATE = re.compile(r"(?i)^(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b")


def _body(sparql: str) -> str:
    """The query text without comments and PREFIX / BASE declarations."""
    body = re.sub(r"(?m)#[^\n<>\"']*$", "", sparql)
    body = re.sub(r"(?is)\b(PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)", " ", body)
    return body.strip()


def refuse_updates(sparql: str) -> None:
    """QueryError when `sparql` is a SPARQL update: `litkg query` only reads."""
    m = _UPDATE.match(_body(sparql))
    if m:
        raise QueryError(
            f"SPARQL updates ({m.group(1).upper()}) are refused: litkg query only reads the "
            "graph, which changes only through litkg build"
        )


def with_prefixes(sparql: str) -> str:
    """`sparql` with PREFIX lines for the litkg prefixes it uses but does not declare."""
    declared = {m.lower() for m in re.findall(r"(?i)\bPREFIX\s+([\w-]*):", sparql)}
    lines = [
        line
        for line in SPARQL_PREFIXES.splitlines()
        if (m := re.match(r"PREFIX (\w+):", line))
        and m.group(1).lower() not in declared
        and re.search(rf"(?<![\w:/#?$]){m.group(1)}:", sparql)
    ]
    return "".join(line + "\n" for line in lines) + sparql


def query_variables(sparql: str) -> list[str]:
    """The projected variables of a SELECT query, in order, known even when no
    row comes back (read from an empty in-memory store, which evaluates nothing)."""
    import pyoxigraph as ox

    try:
        res = ox.Store().query(sparql)
    except (SyntaxError, ValueError, OSError):
        return []
    if isinstance(res, ox.QuerySolutions):
        return [v.value for v in res.variables]
    return []


def json_value(term: Node | None) -> Any:
    """A term as a JSON value: numbers as numbers, booleans as booleans, IRIs and
    other literals as their text, unbound as None."""
    if term is None:
        return None
    return rdflib_json(term)


def _plain(term: Node | None) -> str:
    """A term's plain text: the IRI or the literal's lexical form; "" when unbound."""
    return "" if term is None else str(term)


def _sparql_json_term(term: Node) -> dict[str, str]:
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if isinstance(term, Literal):
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype is not None:
            out["datatype"] = str(term.datatype)
    return out


def result_table(
    result: list[Row], names: list[str] | None = None, compact: bool = True
) -> tuple[list[str], list[list[str]]]:
    """Column names and cell strings of SELECT rows: IRIs compacted with litkg
    prefixes (`compact`) or in full, literals by their lexical form (rows of
    rdflib terms, or of plain values as `select_values` gives them)."""
    if compact:
        from rdflib import URIRef

        from litkg.kg.validate import short
    names = list(names or [])
    for row in result:
        names += [k for k in row if k not in names]
    cells = []
    for row in result:
        line = []
        for n in names:
            t = row.get(n)
            if compact and isinstance(t, URIRef):
                line.append(short(t).removeprefix("<").removesuffix(">"))
            else:
                line.append(_plain(t))
        cells.append(line)
    return names, cells


def format_query_result(result: QueryResult, fmt: str, variables: list[str] | None = None) -> str:
    """A query result as text. SELECT rows: `tsv` and `csv` plain values (full
    IRIs, lexical forms; a header even without rows), `table` an aligned table
    (IRIs compacted), `json` litkg's shape (one object per row, every variable
    a key, numbers typed, unbound null), `sparql-json` the W3C SPARQL 1.1 Query
    Results JSON. ASK: true / false (JSON in both JSON formats). CONSTRUCT /
    DESCRIBE: Turtle."""
    if fmt not in QUERY_FORMATS:
        raise QueryError(f"unknown format {fmt!r}; one of {', '.join(QUERY_FORMATS)}")
    if isinstance(result, bool):
        if fmt == "sparql-json":
            return json.dumps({"head": {}, "boolean": result})
        return "true" if result else "false"
    if not isinstance(result, list):
        from litkg.ontology.namespace import bind_prefixes

        return bind_prefixes(result).serialize(format="turtle")
    names, _ = result_table(result, variables, compact=False)
    if fmt == "json":
        return dumps([{n: json_value(row.get(n)) for n in names} for row in result])
    if fmt == "sparql-json":
        bindings = [{k: _sparql_json_term(v) for k, v in row.items()} for row in result]
        return dumps({"head": {"vars": names}, "results": {"bindings": bindings}})
    if fmt == "table":
        from litkg.kg.textgrid import render_rows

        names, cells = result_table(result, variables, compact=True)
        return render_rows(names, cells)
    _, cells = result_table(result, names, compact=False)
    if fmt == "csv":
        buf = io.StringIO()
        import csv

        w = csv.writer(buf, lineterminator="\n")
        w.writerow(names)
        w.writerows(cells)
        return buf.getvalue().rstrip("\n")

    def tsv(c: str) -> str:
        return c.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")

    return "\n".join("\t".join(tsv(c) for c in line) for line in [names, *cells])


def dumps(data: Any) -> str:
    """JSON text (UTF-8 kept, indented)."""
    return json.dumps(data, indent=1, ensure_ascii=False)
