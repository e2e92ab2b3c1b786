"""Security headers for every response, and CORS for the parts a gemeente site embeds."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

# Pages a gemeente may show in a frame of its own site (the demo) versus pages nobody may frame.
FRAMEABLE_PATHS = ("/", "/neutraal")
# Loaded cross-origin by the widget on a gemeente's site.
PUBLIC_CROSS_ORIGIN_PREFIXES = ("/widget/", "/api/gemeente/")
NO_STORE_PREFIXES = ("/intake", "/dashboard", "/login", "/logout")


def content_security_policy(rasa_origin: str, *, frameable: bool) -> str:
    """No inline scripts or styles anywhere; the widget may talk to the Rasa server."""
    connect = " ".join(dict.fromkeys(["'self'", rasa_origin]))
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            f"connect-src {connect}",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'self'" if frameable else "frame-ancestors 'none'",
        ]
    )


def _starts(path: str, prefixes: tuple[str, ...]) -> bool:
    return any(path == p.rstrip("/") or path.startswith(p) for p in prefixes)


def security_middleware(rasa_origin: str) -> Callable[[web.Request, Handler],
                                                       Awaitable[web.StreamResponse]]:
    """Adds the headers after the handler ran (also to error responses)."""
    csp_frameable = content_security_policy(rasa_origin, frameable=True)
    csp_closed = content_security_policy(rasa_origin, frameable=False)

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            response = await handler(request)
        except web.HTTPException as exc:
            response = exc
            _decorate(request, response, csp_frameable, csp_closed)
            raise
        _decorate(request, response, csp_frameable, csp_closed)
        return response

    return middleware


def _decorate(
    request: web.Request, response: web.StreamResponse, csp_frameable: str, csp_closed: str
) -> None:
    path = request.path
    frameable = path in FRAMEABLE_PATHS
    headers = response.headers
    headers.setdefault("Content-Security-Policy", csp_frameable if frameable else csp_closed)
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = "no-referrer"
    headers.setdefault("X-Frame-Options", "SAMEORIGIN" if frameable else "DENY")
    headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), "
                       "interest-cohort=()")
    if _starts(path, PUBLIC_CROSS_ORIGIN_PREFIXES):
        headers["Access-Control-Allow-Origin"] = "*"
        headers["Cross-Origin-Resource-Policy"] = "cross-origin"
    else:
        headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
    if _starts(path, NO_STORE_PREFIXES):
        headers["Cache-Control"] = "no-store"
