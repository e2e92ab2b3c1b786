"""Access to the professional pages (/intake, /dashboard) with the admin token.

Three ways in, all with the same token:

* ``Authorization: Bearer <token>`` (scripts, monitoring);
* ``Authorization: Basic`` with the token as password (any user name);
* the login form at ``/login``, which sets a session cookie (HttpOnly, SameSite=Strict,
  no expiry date, so the browser drops it when it closes). Sessions live in memory only.

The resident's widget never gets a cookie: it is not behind this.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hmac
import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from aiohttp import web
from yarl import URL

SESSION_COOKIE = "rr_beheer"
SESSION_TTL_SECONDS = 8 * 60 * 60  # one working day
PROTECTED_PREFIXES = ("/intake", "/dashboard")
LOGIN_PATH = "/login"
LOGOUT_PATH = "/logout"
# Slows down guessing the token through the form or the headers.
FAILED_LOGIN_DELAY_SECONDS = 0.5
DEFAULT_NEXT = "/intake"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def is_protected(path: str) -> bool:
    """True when the path belongs to a page that needs the admin token."""
    return any(path == prefix or path.startswith(prefix + "/") for prefix in PROTECTED_PREFIXES)


def safe_next(target: str | None) -> str:
    """Only redirect after login to our own protected pages (no open redirect)."""
    if target and target.startswith("/") and not target.startswith("//") and is_protected(
        target.split("?", 1)[0]
    ):
        return target
    return DEFAULT_NEXT


@dataclass
class SessionStore:
    """In-memory login sessions: random id → expiry time (monotonic clock)."""

    ttl: float = SESSION_TTL_SECONDS
    _sessions: dict[str, float] = field(default_factory=dict)

    def create(self) -> str:
        self._purge()
        session_id = secrets.token_urlsafe(32)
        self._sessions[session_id] = time.monotonic() + self.ttl
        return session_id

    def valid(self, session_id: str | None) -> bool:
        if not session_id:
            return False
        expiry = self._sessions.get(session_id)
        if expiry is None:
            return False
        if expiry < time.monotonic():
            self._sessions.pop(session_id, None)
            return False
        return True

    def drop(self, session_id: str | None) -> None:
        if session_id:
            self._sessions.pop(session_id, None)

    def _purge(self) -> None:
        now = time.monotonic()
        for key in [k for k, exp in self._sessions.items() if exp < now]:
            del self._sessions[key]


def token_matches(given: str, token: str) -> bool:
    """Constant-time comparison, so the answer time does not leak the token."""
    return hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8"))


def header_token(authorization: str | None) -> str | None:
    """The token from a Bearer or Basic Authorization header, or None."""
    if not authorization:
        return None
    scheme, _, value = authorization.strip().partition(" ")
    scheme = scheme.lower()
    value = value.strip()
    if scheme == "bearer" and value:
        return value
    if scheme == "basic" and value:
        try:
            decoded = base64.b64decode(value, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return None
        user, sep, password = decoded.partition(":")
        if not sep:
            return None
        # The token is the password; a client that only has one field may put it as user.
        return password or user
    return None


class Auth:
    """Checks requests against the admin token and manages login sessions."""

    def __init__(self, token: str, *, secure_cookie: bool) -> None:
        self._token = token
        self._secure_cookie = secure_cookie
        self.sessions = SessionStore()

    def check_token(self, given: str | None) -> bool:
        return bool(given) and token_matches(given or "", self._token)

    def authorized(self, request: web.Request) -> bool:
        given = header_token(request.headers.get("Authorization"))
        if given is not None:
            return self.check_token(given)
        return self.sessions.valid(request.cookies.get(SESSION_COOKIE))

    def start_session(self, request: web.Request, response: web.StreamResponse) -> None:
        response.set_cookie(
            SESSION_COOKIE,
            self.sessions.create(),
            path="/",
            httponly=True,
            samesite="Strict",
            secure=self._secure_cookie or request.secure,
        )

    def end_session(self, request: web.Request, response: web.StreamResponse) -> None:
        self.sessions.drop(request.cookies.get(SESSION_COOKIE))
        response.del_cookie(SESSION_COOKIE, path="/")

    def middleware(self) -> Callable[[web.Request, Handler], Awaitable[web.StreamResponse]]:
        @web.middleware
        async def auth_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
            if not is_protected(request.path):
                return await handler(request)
            if self.authorized(request):
                return await handler(request)
            if request.headers.get("Authorization"):
                await asyncio.sleep(FAILED_LOGIN_DELAY_SECONDS)
            return unauthorized(request)

        return auth_middleware


def wants_html(request: web.Request) -> bool:
    return "text/html" in request.headers.get("Accept", "")


def unauthorized(request: web.Request) -> web.StreamResponse:
    """Browsers go to the login form; scripts get a 401 with a challenge."""
    if request.method in ("GET", "HEAD") and wants_html(request):
        target = URL(LOGIN_PATH).with_query(next=safe_next(request.rel_url.path_qs))
        raise web.HTTPSeeOther(location=str(target))
    return web.json_response(
        {"error": "unauthorized", "message": "Log in met het beheertoken om deze pagina te zien."},
        status=401,
        headers={"WWW-Authenticate": 'Bearer realm="relatieroute", Basic realm="relatieroute"'},
    )
