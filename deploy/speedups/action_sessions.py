"""One HTTP session per endpoint for action server calls (`deploy/rasa_speedups.py`, 5 and 8)."""

from __future__ import annotations

from typing import Any

from deploy.speedups import json_text

CLIENT_KEEPALIVE_S = 2.0  # below Sanic's default KEEP_ALIVE_TIMEOUT (5 s) of the action server


class KeptSession:
    """What `async with endpoint.session()` gets: the shared session, left open afterwards."""

    def __init__(self, session: Any) -> None:
        self._session = session

    async def __aenter__(self) -> Any:
        return self._session

    async def __aexit__(self, *exc_info: Any) -> None:
        return None


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
            # The tracker sent with each call, written 4x faster (deploy/speedups/json_text.py).
            json_serialize=json_text.dumps,
        )
        sessions[loop] = session
    return KeptSession(session)
