"""Who may change what through `litkg serve`.

- Bound to a loopback address (the default, 127.0.0.1), the server answers
  only requests whose `Host` is a loopback name, so a web page on another
  site cannot reach it through DNS rebinding.
- Bound to another address, recording verdicts needs the `--token` given at
  start (sent as the `X-Litkg-Token` header); without one the server starts
  read only. A token given on loopback is required there too.
- Every request that changes anything is a POST that carries the session's
  CSRF token in the `X-Litkg-CSRF` header (a cross-site form cannot send a
  header, and a cross-site script cannot read the token) and an `Origin` (or
  `Referer`) of the server's own origin.
- The SPARQL endpoint never writes, whoever asks (kg/serve/sparql.py).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
from dataclasses import dataclass, field
from urllib.parse import urlsplit

SESSION_COOKIE = "litkg_session"
CSRF_HEADER = "x-litkg-csrf"
TOKEN_HEADER = "x-litkg-token"

_LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def is_loopback(host: str) -> bool:
    """Whether a host name or address is this machine only (127.0.0.0/8, ::1, localhost)."""
    h = host.strip().strip("[]").lower()
    if h in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(h).is_loopback
    except ValueError:
        return False


class Refused(Exception):
    """A request the guard turns away: HTTP status and the reason."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Guard:
    """The server's write policy (see the module docstring)."""

    host: str
    token: str | None = None
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))

    @property
    def loopback(self) -> bool:
        """Whether the server listens on this machine only."""
        return is_loopback(self.host)

    @property
    def writable(self) -> bool:
        """Whether verdicts can be recorded at all (not on another address without a token)."""
        return self.loopback or bool(self.token)

    def check_host(self, host_header: str | None) -> None:
        """Refuse a request to a loopback server under a name that is not a
        loopback name (DNS rebinding)."""
        if not self.loopback:
            return
        name = _host_name(host_header or "")
        if not is_loopback(name):
            raise Refused(403, f"unexpected Host {host_header!r}: this server answers localhost")

    def new_session(self) -> str:
        """A fresh session id for the session cookie."""
        return secrets.token_urlsafe(24)

    def csrf_token(self, session: str) -> str:
        """The CSRF token of a session (an HMAC of its id under this process's secret)."""
        return hmac.new(self.secret, session.encode(), hashlib.sha256).hexdigest()

    def check_write(
        self,
        method: str,
        headers: dict[str, str],
        session: str | None,
        own_origin: str,
    ) -> None:
        """Refuse a state-changing request that is not a same-origin POST with the
        session's CSRF token (and the start token, when one is set)."""
        if method != "POST":
            raise Refused(405, "changes are made with POST only")
        if not self.writable:
            raise Refused(
                403,
                f"read only: the server listens on {self.host} and was started without "
                "--token, so it records no verdicts",
            )
        origin = headers.get("origin")
        if origin is None and headers.get("referer"):
            parts = urlsplit(headers["referer"])
            origin = f"{parts.scheme}://{parts.netloc}"
        if not origin or origin.rstrip("/") != own_origin:
            raise Refused(403, "cross-site request refused (Origin is not this server)")
        sent = headers.get(CSRF_HEADER, "")
        if not session or not hmac.compare_digest(sent, self.csrf_token(session)):
            raise Refused(403, "missing or wrong CSRF token: reload the page")
        if self.token and not hmac.compare_digest(headers.get(TOKEN_HEADER, ""), self.token):
            raise Refused(403, "this server needs the token it was started with (--token)")


def _host_name(host_header: str) -> str:
    h = host_header.strip()
    if h.startswith("["):
        return h[1 : h.find("]")] if "]" in h else h
    return h.rsplit(":", 1)[0] if h.count(":") == 1 else h
