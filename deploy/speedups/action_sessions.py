"""One HTTP session per endpoint for action server calls (`deploy/rasa_speedups.py`, 5 and 8)."""

from __future__ import annotations

import json
from typing import Any

try:  # Sanic's own dependency on CPython (installed with Rasa); the standard library otherwise
    from ujson import dumps as _fast_dumps
except ImportError:  # pragma: no cover - every supported install has it
    _fast_dumps = json.dumps

CLIENT_KEEPALIVE_S = 2.0  # below Sanic's default KEEP_ALIVE_TIMEOUT (5 s) of the action server


class KeptSession:
    """What `async with endpoint.session()` gets: the shared session, left open afterwards."""

    def __init__(self, session: Any) -> None:
        self._session = session

    async def __aenter__(self) -> Any:
        return self._session

    async def __aexit__(self, *exc_info: Any) -> None:
        return None


def dumps_json(value: Any) -> str:
    """The JSON text of an action server call: `json.dumps`'s, written about four times faster.

    Encoding the tracker for each action server call took 7.5 % of the Rasa server's CPU (py-spy,
    docs/benchmarks.md). ujson writes the same JSON for every payload the standard library
    accepts, apart from whitespace and an escaped "/" ("\\/"), which JSON readers decode alike.
    Whatever ujson refuses (a number out of its range, an unknown type) goes to `json.dumps`,
    which writes it or raises as before.
    """
    try:
        return _fast_dumps(value)
    except (TypeError, OverflowError, ValueError):
        return json.dumps(value)


def shared_session(self: Any) -> KeptSession:
    """EndpointConfig.session (3.6) configured the same way, but made once per event loop."""
    import asyncio

    import aiohttp
    from rasa.utils.endpoints import DEFAULT_REQUEST_TIMEOUT

    loop = asyncio.get_event_loop()
    sessions = self.__dict__.setdefault("_relatieroute_sessions", {})
    session = sessions.get(loop)
    if session is None or session.closed:
        auth = None
        if self.basic_auth:
            auth = aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"])
        session = aiohttp.ClientSession(
            headers=self.headers,
            auth=auth,
            timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
            connector=aiohttp.TCPConnector(keepalive_timeout=CLIENT_KEEPALIVE_S),
            json_serialize=dumps_json,
        )
        sessions[loop] = session
    return KeptSession(session)
