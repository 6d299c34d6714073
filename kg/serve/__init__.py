"""`litkg serve`: a SPARQL 1.1 endpoint and the review workbench in one local server.

`serve(...)` opens the store read only, builds the application
(kg/serve/app.py) and runs it under uvicorn until Ctrl-C. What may change
what is decided in kg/serve/security.py; the SPARQL protocol lives in
kg/serve/sparql.py.
"""

from __future__ import annotations

import socket
from collections.abc import Callable

from litkg.kg.store import StoreError


class ServeError(Exception):
    """A server that cannot start (address in use, no store): the message says why."""


def bind_socket(host: str, port: int) -> socket.socket:
    """A listening socket on host:port (ServeError naming the address when taken)."""
    family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as e:
        sock.close()
        raise ServeError(
            f"cannot listen on {host}:{port}: {e.strerror or e} (choose another --port or --host)"
        ) from e
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def serve(
    store: str,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    timeout: float | None = 60.0,
    allow_federation: bool = False,
    announce: Callable[[str], None] = print,
) -> None:
    """Serve the store at http://host:port until interrupted."""
    import uvicorn

    from litkg.kg.serve.app import create_app
    from litkg.kg.serve.security import Guard
    from litkg.kg.serve.stores import LiveStore

    try:
        live = LiveStore(store, timeout or None, allow_federation)
    except StoreError as e:
        raise ServeError(str(e)) from e
    guard = Guard(host, token or None)
    sock = bind_socket(host, port)
    real_port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    announce(f"litkg serve: http://{shown}:{real_port}/ (SPARQL: /sparql) over {store}")
    if not guard.writable:
        announce(f"read only: {host} is not a loopback address and no --token was given")
    config = uvicorn.Config(create_app(live, guard), log_level="warning", lifespan="off")
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
        live.close()
