"""Work-around for aiohttp 3.9 with yarl ≥ 1.13 (the versions Rasa 3.6 pins us to).

aiohttp 3.9 builds ``request.url`` with ``URL.build(host=request.host)``, where ``host`` comes
from the Host header *including the port*; yarl 1.13+ rightly refuses a ':' in a host, so every
``request.url`` (and with it every sub-app lookup, e.g. the mounted dashboard) fails with a 500
when the site runs on a non-default port (aio-libs/aiohttp#9307, fixed in aiohttp 3.10.8).
We build the URL from the authority instead. Drop this once aiohttp ≥ 3.10.8 or yarl < 1.13.
"""

from __future__ import annotations

import functools

from aiohttp import web
from aiohttp.helpers import reify
from yarl import URL


class PortSafeRequest(web.Request):
    """A request whose ``url`` also works when the Host header carries a port."""

    @reify
    def url(self) -> URL:
        return URL.build(scheme=self.scheme, authority=self.host).join(self.rel_url)


def use_port_safe_requests(app: web.Application) -> None:
    """Make ``app`` create :class:`PortSafeRequest` objects for incoming requests."""
    # aiohttp's server asks the application for its request factory; an instance attribute
    # (rather than a subclass of Application, which aiohttp discourages) swaps in our class.
    app._make_request = functools.partial(  # type: ignore[method-assign]
        web.Application._make_request, app, _cls=PortSafeRequest
    )
