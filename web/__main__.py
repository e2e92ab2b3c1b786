"""``python -m web [--host 127.0.0.1] [--port 8080] [--rasa-url URL] [--escape-url URL]``."""

from __future__ import annotations

import argparse
import logging
import sys

from aiohttp import web

from web.config import DEFAULT_HOST, DEFAULT_PORT, ENV_ADMIN_TOKEN, ConfigError, load_config

# No %a (remote address): IPs are personal data and stay out of the logs.
ACCESS_LOG_FORMAT = '"%r" %s %b %Tfs'
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m web",
        description="Relatieroute web-app: demo-pagina, chatwidget, intake en dashboard.",
    )
    parser.add_argument("--host", default=DEFAULT_HOST, help="adres om op te luisteren "
                        f"(standaard {DEFAULT_HOST})")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help=f"poort (standaard {DEFAULT_PORT})")
    parser.add_argument("--rasa-url", default=None,
                        help="adres van de Rasa-server (standaard http://127.0.0.1:5005 of "
                        "RELATIEROUTE_RASA_URL)")
    parser.add_argument("--escape-url", default=None,
                        help="waar 'Snel weg' heen gaat (standaard https://www.buienradar.nl of "
                        "RELATIEROUTE_ESCAPE_URL)")
    parser.add_argument("--log-level", default="INFO", help="logniveau (standaard INFO)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(
        level=args.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # The project's log hygiene (scrubs phone numbers, e-mail addresses, … and keeps
    # conversation text out of INFO). No NER here: the web app never logs free text, and
    # loading a language model would only slow the start.
    from privacy.logging import install as install_log_hygiene

    install_log_hygiene(use_ner=False)
    log = logging.getLogger("web")
    try:
        config = load_config(
            host=args.host, port=args.port, rasa_url=args.rasa_url, escape_url=args.escape_url
        )
    except ConfigError as exc:
        print(f"web: kan niet starten: {exc}", file=sys.stderr)
        return 2

    from web.app import create_app  # after the config check: no catalogue work for a bad start

    try:
        app = create_app(config)
    except Exception as exc:  # a bad catalogue: say which and stop, without a traceback wall
        print(f"web: kan niet starten: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2

    if config.token_generated:
        # Development only (production refuses to start without a token).
        print(f"web: geen {ENV_ADMIN_TOKEN} gezet; tijdelijk beheertoken (alleen dev): "
              f"{config.admin_token}", flush=True)
    if config.host not in LOCAL_HOSTS:
        log.warning("listening on a non-local address (%s): put TLS in front of it", config.host)
    print(f"web: Relatieroute luistert op http://{config.host}:{config.port} "
          f"(Rasa: {config.rasa_url}, modus: {config.mode})", flush=True)
    web.run_app(
        app,
        host=config.host,
        port=config.port,
        access_log_format=ACCESS_LOG_FORMAT,
        print=None,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
