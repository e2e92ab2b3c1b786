"""Settings of the web app, read from the command line and the environment."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

ENV_ADMIN_TOKEN = "RELATIEROUTE_ADMIN_TOKEN"
ENV_MODE = "RELATIEROUTE_ENV"
ENV_RASA_URL = "RELATIEROUTE_RASA_URL"
ENV_ESCAPE_URL = "RELATIEROUTE_ESCAPE_URL"

MODE_PRODUCTION = "production"
MODE_DEVELOPMENT = "development"

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8080
DEFAULT_RASA_URL = "http://127.0.0.1:5005"
# Where "Snel weg" sends the resident: a neutral, everyday site.
DEFAULT_ESCAPE_URL = "https://www.buienradar.nl"
# A guessable token would open the intake page and the statistics to anyone.
MIN_PRODUCTION_TOKEN_LENGTH = 16


class ConfigError(Exception):
    """The web app cannot start with these settings."""


@dataclass(frozen=True)
class WebConfig:
    """Everything the web app needs to know at start.

    Attributes:
        admin_token: the token that opens /intake and /dashboard.
        token_generated: True when no token was configured and a random one was made (dev only).
        rasa_url: base URL of the Rasa server the widget talks to (no trailing slash).
        escape_url: where "Snel weg" goes.
        mode: ``production`` or ``development``.
    """

    admin_token: str
    rasa_url: str = DEFAULT_RASA_URL
    escape_url: str = DEFAULT_ESCAPE_URL
    mode: str = MODE_DEVELOPMENT
    token_generated: bool = False
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT

    @property
    def production(self) -> bool:
        return self.mode == MODE_PRODUCTION

    @property
    def rasa_origin(self) -> str:
        """The scheme://host:port of the Rasa server, for the CSP connect-src."""
        return _origin(self.rasa_url)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _check_http_url(name: str, url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"{name} moet een http(s)-adres zijn, niet {url!r}")
    return url.rstrip("/")


def _check_escape_url(url: str) -> str:
    # A local path ("/neutraal") is allowed too: the demo and the tests use a page of this app.
    if url.startswith("/") and not url.startswith("//"):
        return url
    return _check_http_url("--escape-url", url)


def load_config(
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    rasa_url: str | None = None,
    escape_url: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> WebConfig:
    """Build the config from arguments and the environment.

    Raises:
        ConfigError: in production without a (long enough) admin token, or with bad URLs.
    """
    env = os.environ if environ is None else environ
    mode = env.get(ENV_MODE, MODE_DEVELOPMENT).strip().lower() or MODE_DEVELOPMENT
    if mode not in (MODE_PRODUCTION, MODE_DEVELOPMENT):
        raise ConfigError(f"{ENV_MODE} moet 'production' of 'development' zijn, niet {mode!r}")
    token = env.get(ENV_ADMIN_TOKEN, "").strip()
    generated = False
    if mode == MODE_PRODUCTION:
        if not token:
            raise ConfigError(
                f"{ENV_ADMIN_TOKEN} ontbreekt: in productie start de web-app niet zonder "
                "beheertoken (nodig voor /intake en /dashboard)."
            )
        if len(token) < MIN_PRODUCTION_TOKEN_LENGTH:
            raise ConfigError(
                f"{ENV_ADMIN_TOKEN} is te kort: gebruik minstens "
                f"{MIN_PRODUCTION_TOKEN_LENGTH} tekens in productie."
            )
    elif not token:
        token = secrets.token_urlsafe(24)
        generated = True
    rasa = _check_http_url("--rasa-url", rasa_url or env.get(ENV_RASA_URL) or DEFAULT_RASA_URL)
    escape = _check_escape_url(escape_url or env.get(ENV_ESCAPE_URL) or DEFAULT_ESCAPE_URL)
    return WebConfig(
        admin_token=token,
        rasa_url=rasa,
        escape_url=escape,
        mode=mode,
        token_generated=generated,
        host=host,
        port=port,
    )
