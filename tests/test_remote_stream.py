"""A remote store's SELECT rows are parsed as they arrive (issue 12: reads
stream their rows), as the embedded store's already are: the first row is in
the caller's hands while the server is still sending the rest."""

from __future__ import annotations

import http.server
import json
import threading
import time
from collections.abc import Iterator

import pytest
from rdflib import Literal, URIRef

from litkg.kg.store import QueryError, RemoteStore, stream_select_json

HEAD = b'{"head":{"vars":["s","n"]},"results":{"bindings":['
ROW = (
    '{{"s":{{"type":"uri","value":"urn:x:{i}"}},"n":{{"type":"literal","value":"{i}",'
    '"datatype":"http://www.w3.org/2001/XMLSchema#integer"}}}}'
)


class _Slow(http.server.BaseHTTPRequestHandler):
    release = threading.Event()

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.end_headers()  # no Content-Length: the body ends when the connection does
        self.wfile.write(HEAD + ROW.format(i=0).encode())
        self.wfile.flush()
        self.release.wait(20)
        rest = "".join("," + ROW.format(i=i) for i in range(1, 2000)) + "]}}"
        self.wfile.write(rest.encode())

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def slow_server() -> Iterator[str]:
    _Slow.release.clear()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Slow)
    server.protocol_version = "HTTP/1.0"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    _Slow.release.set()
    server.shutdown()


def test_remote_rows_arrive_before_the_answer_ends(slow_server: str) -> None:
    store = RemoteStore.from_base(slow_server, read_only=True, timeout=30)
    t0 = time.monotonic()
    names, rows = store.select("SELECT ?s ?n WHERE { ?s ?p ?n }")
    first = next(rows)
    waited = time.monotonic() - t0
    _Slow.release.set()
    assert waited < 10, "the first row waited for the whole answer"
    assert names == ["s", "n"]
    assert first == {"s": URIRef("urn:x:0"), "n": Literal(0)}
    rest = list(rows)
    assert len(rest) == 1999 and rest[-1]["s"] == URIRef("urn:x:1999")


def _chunks(text: str, size: int) -> list[bytes]:
    data = text.encode("utf-8")
    return [data[i : i + size] for i in range(0, len(data), size)]


@pytest.mark.parametrize("size", [1, 3, 7, 64, 100000])
def test_results_split_anywhere_parse_the_same(size: int) -> None:
    doc = {
        "results": {"distinct": False, "bindings": [
            {"a": {"type": "literal", "value": "é ünï \"q\" ,]}", "xml:lang": "fr"}},
            {"b": {"type": "bnode", "value": "b0"}},
            {},
        ]},
        "head": {"vars": ["a", "b"], "link": ["bindings"]},
    }  # fmt: skip
    items = list(stream_select_json(_chunks(json.dumps(doc, ensure_ascii=False), size)))
    assert items[0] == ["a", "b"]
    assert items[1] == {"a": Literal('é ünï "q" ,]}', lang="fr")}
    assert len(items) == 4 and items[3] == {}


def test_an_ask_answer_is_not_a_select() -> None:
    with pytest.raises(QueryError):
        list(stream_select_json([b'{"head":{},"boolean":true}']))


def test_a_truncated_answer_is_an_error_not_a_hang() -> None:
    with pytest.raises(QueryError):
        list(stream_select_json(_chunks(HEAD.decode() + ROW.format(i=0), 5)))
