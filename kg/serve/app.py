"""The `litkg serve` web application (Starlette): the SPARQL endpoint at
`/sparql`, the review page at `/` and the JSON it reads under `/api/`.

Every asset is served from the package (`kg/serve/assets/`); nothing is
fetched from elsewhere. Blocking work (queries, reading documents) runs in
Starlette's thread pool.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from litkg.kg.curation import Curation
from litkg.kg.papers import paper_refs
from litkg.kg.serve import review, sparql, views
from litkg.kg.serve.documents import DocumentTexts
from litkg.kg.serve.pages import PageError, page_png
from litkg.kg.serve.security import SESSION_COOKIE, Guard, Refused
from litkg.kg.serve.stores import LiveStore
from litkg.kg.store import StoreError

ASSETS = Path(__file__).parent / "assets"

#: Headers on every answer: no framing (clickjacking of the review buttons),
#: no script or style from anywhere but this server.
SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
        "base-uri 'none'; form-action 'self'"
    ),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
}


class HostAndHeaders:
    """ASGI middleware: refuse a loopback server reached under another name
    (DNS rebinding) and add SECURITY_HEADERS to every answer."""

    def __init__(self, app: ASGIApp, guard: Guard) -> None:
        self.app = app
        self.guard = guard

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
        try:
            self.guard.check_host(host)
        except Refused as e:
            await PlainTextResponse(e.message, e.status)(scope, receive, send)
            return

        async def with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                for k, v in SECURITY_HEADERS.items():
                    if k.encode() not in present:
                        headers.append((k.encode(), v.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


class Server:
    """The state the handlers share: the store, the document texts, the guard."""

    def __init__(
        self,
        store: LiveStore,
        guard: Guard,
        out_dir: str | Path | None = None,
    ) -> None:
        self.store = store
        self.guard = guard
        self.out_dir = Path(out_dir) if out_dir is not None else store.out_dir
        self.texts = DocumentTexts(self.out_dir)
        self.curation = Curation.open(store.location)

    # --- helpers ---------------------------------------------------------

    def session_of(self, request: Request) -> str | None:
        """The session id of the request's cookie."""
        return request.cookies.get(SESSION_COOKIE)

    def check_write(self, request: Request) -> None:
        """Refused unless a same-origin POST with the session's CSRF token (and token)."""
        own = f"{request.url.scheme}://{request.headers.get('host', '')}"
        headers = {k.lower(): v for k, v in request.headers.items()}
        self.guard.check_write(request.method, headers, self.session_of(request), own)

    # --- handlers --------------------------------------------------------

    async def index(self, request: Request) -> Response:
        return FileResponse(ASSETS / "index.html", media_type="text/html")

    async def sparql(self, request: Request) -> Response:
        params = urllib.parse.parse_qs(request.url.query, keep_blank_values=True)
        wants_page = "text/html" in request.headers.get("accept", "")
        if request.method == "GET" and not params and wants_page:
            return FileResponse(ASSETS / "sparql.html", media_type="text/html")
        try:
            body = (
                await read_body(request, sparql.MAX_QUERY_BYTES)
                if request.method == "POST"
                else b""
            )
            text = sparql.query_from_request(
                request.method, params, request.headers.get("content-type", ""), body
            )
            answer = await run_in_threadpool(
                sparql.run, self.store.get(), text, request.headers.get("accept", "")
            )
        except sparql.ProtocolError as e:
            retry = {"Retry-After": "5"} if e.status == 503 else None
            return PlainTextResponse(e.message + "\n", e.status, headers=retry)
        except StoreError as e:
            return PlainTextResponse(f"{e}\n", 503)
        return Response(answer.body, media_type=answer.media_type)

    async def session(self, request: Request) -> Response:
        sid = self.session_of(request)
        fresh = sid is None
        if sid is None:
            sid = self.guard.new_session()
        resp = JSONResponse(
            {
                "csrf": self.guard.csrf_token(sid),
                "writable": self.guard.writable,
                "token_required": bool(self.guard.token),
                "store": self.store.location,
            }
        )
        if fresh:
            resp.set_cookie(SESSION_COOKIE, sid, httponly=True, samesite="strict", path="/")
        return resp

    async def studies(self, request: Request) -> Response:
        return await self._json(views.studies, self.store.get())

    async def filters(self, request: Request) -> Response:
        return await self._json(views.filter_choices, self.store.get())

    async def compare(self, request: Request) -> Response:
        values = {
            k: request.query_params.get(k) for k in ("endpoint", "timepoint", "drug", "design")
        }
        reviewed_only = request.query_params.get("reviewed_only", "") in ("1", "true", "on")
        return await self._json(
            views.compare_table, self.store.get(), values, self.curation, reviewed_only
        )

    async def paper(self, request: Request) -> Response:
        iri = request.query_params.get("iri", "")
        if not iri:
            return JSONResponse({"error": "pass ?iri=PAPER"}, 400)
        return await self._json(self._paper, iri)

    def _paper(self, iri: str) -> dict[str, Any]:
        from litkg.kg.show import find_paper

        store = self.store.get()
        paper = str(find_paper(store, iri))
        label = paper_refs(store, [paper]).get(paper)
        return {
            "paper": label.json() if label else {"iri": paper, "label": paper},
            "document": self.texts.get(paper).json(),
            **review.paper_review(store, self.curation, paper),
        }

    async def page_image(self, request: Request) -> Response:
        q = request.query_params
        try:
            number = int(q.get("page", ""))
        except ValueError:
            return JSONResponse({"error": "pass ?page=N (a page number)"}, 400)
        quote = (q.get("quote") or "")[:4000] or None
        try:
            png = await run_in_threadpool(self._page_image, q.get("iri", ""), number, quote)
        except PageError as e:
            return JSONResponse({"error": str(e)}, 404)
        return Response(png, media_type="image/png", headers={"cache-control": "no-store"})

    def _page_image(self, iri: str, number: int, quote: str | None) -> bytes:
        from litkg.kg.show import PaperNotFound, find_paper

        try:
            paper = str(find_paper(self.store.get(), iri))
        except PaperNotFound as e:
            raise PageError(str(e)) from e
        found = self.texts.source_of(paper)
        if found is None or not found[0].lower().endswith(".pdf"):
            raise PageError("this paper was not read from a PDF: no page images")
        return page_png(found[0], number, quote)

    async def review_status(self, request: Request) -> Response:
        return await self._json(review.review_status, self.store.get(), self.curation)

    async def record_verdict(self, request: Request) -> Response:
        try:
            body = json.loads(await read_body(request, 1 << 20))
        except sparql.ProtocolError as e:
            return JSONResponse({"error": e.message}, e.status)
        except (json.JSONDecodeError, UnicodeDecodeError):
            return JSONResponse({"error": "the body is not JSON"}, 400)
        if not isinstance(body, dict):
            return JSONResponse({"error": "send one verdict as a JSON object"}, 400)
        return await self._json(self._record, body)

    def _record(self, body: dict[str, Any]) -> dict[str, Any]:
        from litkg.kg.show import find_paper

        store = self.store.get()
        if not body.get("paper"):
            raise review.VerdictError(400, "name the paper (IRI) the fact belongs to")
        text = self.texts.get(str(find_paper(store, str(body["paper"]))))
        verdict = review.record(store, self.curation, text, body)
        note = review.sync_graph_for(self.store.location, self.curation, str(verdict["paper"]))
        return {"verdict": verdict, "graph": note or "updated"}

    async def _json(self, fn: Callable[..., Any], *args: Any) -> Response:
        from litkg.kg.show import PaperNotFound
        from litkg.kg.vocab import UnknownValue

        try:
            data = await run_in_threadpool(fn, *args)
        except review.VerdictError as e:
            return JSONResponse({"error": str(e)}, e.status)
        except PaperNotFound as e:
            return JSONResponse({"error": str(e)}, 404)
        except (UnknownValue, ValueError) as e:
            return JSONResponse({"error": str(e)}, 400)
        except StoreError as e:
            return JSONResponse({"error": str(e)}, 503)
        return Response(
            json.dumps(data, ensure_ascii=False), media_type="application/json; charset=utf-8"
        )


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, read no further than `limit` bytes (ProtocolError 413 past it)."""
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise sparql.ProtocolError(413, f"the request body is over {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _guarded(
    server: Server, handler: Callable[[Request], Awaitable[Response]]
) -> Callable[[Request], Awaitable[Response]]:
    """A state-changing handler behind the write checks (security.Guard)."""

    async def run(request: Request) -> Response:
        try:
            server.check_write(request)
        except Refused as e:
            return JSONResponse({"error": e.message}, e.status)
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            return JSONResponse({"error": "send application/json"}, 415)
        return await handler(request)

    return run


def create_app(
    store: LiveStore,
    guard: Guard,
    out_dir: str | Path | None = None,
) -> ASGIApp:
    """The application over a live store, with the guard's write policy."""
    server = Server(store, guard, out_dir)
    routes = [
        Route("/", server.index),
        Route("/sparql", server.sparql, methods=["GET", "POST"]),
        Route("/api/session", server.session),
        Route("/api/studies", server.studies),
        Route("/api/filters", server.filters),
        Route("/api/compare", server.compare),
        Route("/api/paper", server.paper),
        Route("/api/review-status", server.review_status),
        Route("/api/page-image", server.page_image),
        Route("/api/verdicts", _guarded(server, server.record_verdict), methods=["POST"]),
        Mount("/assets", app=StaticFiles(directory=ASSETS), name="assets"),
    ]
    app = Starlette(routes=routes)
    app.state.server = server
    return HostAndHeaders(app, guard)
