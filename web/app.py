"""The Relatieroute web app: demo gemeente page, chat widget, gemeente API, intake, dashboard.

Routes:
    GET  /                      demo page of the fictional "Gemeente Voorbeeldstad" (?gemeente=id)
    GET  /neutraal              a neutral page (weather), a local "Snel weg" target
    GET  /widget/*              the embeddable widget (relatieroute.js, relatieroute.css)
    GET  /static/*              CSS/JS of the demo and intake pages
    GET  /api/gemeente/{id}     public contact data of a gemeente (404 JSON when unknown)
    GET  /healthz               liveness
    GET  /login, POST /login    login form for professionals (admin token)
    POST /logout
    GET  /intake                intake mode for the wijkteam (auth)
    *    /dashboard/...         statistics dashboard from ``stats.web`` (auth)
"""

from __future__ import annotations

import asyncio
import importlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from aiohttp import web

from web.auth import (
    DEFAULT_NEXT,
    FAILED_LOGIN_DELAY_SECONDS,
    LOGIN_PATH,
    LOGOUT_PATH,
    Auth,
    safe_next,
)
from web.compat import use_port_safe_requests
from web.config import WebConfig
from web.gemeente import GEMEENTE_ID_PATTERN, CatalogueLoader, GemeenteDirectory, load_from_routes
from web.security import security_middleware

log = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parent
STATIC_DIR = PACKAGE_DIR / "static"
TEMPLATE_DIR = PACKAGE_DIR / "templates"

CONFIG_KEY = web.AppKey("config", WebConfig)
DIRECTORY_KEY = web.AppKey("directory", GemeenteDirectory)
AUTH_KEY = web.AppKey("auth", Auth)
TEMPLATES_KEY = web.AppKey("templates", jinja2.Environment)
DASHBOARD_AVAILABLE_KEY = web.AppKey("dashboard_available", bool)

DashboardFactory = Callable[[], web.Application]


def _templates() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)),
        autoescape=jinja2.select_autoescape(["html"]),
        undefined=jinja2.StrictUndefined,
    )


def render(request: web.Request, template: str, status: int = 200, **context: Any) -> web.Response:
    html = request.app[TEMPLATES_KEY].get_template(template).render(**context)
    return web.Response(text=html, status=status, content_type="text/html", charset="utf-8")


def _requested_gemeente(request: web.Request) -> str:
    """The gemeente asked for in ?gemeente=, if it looks like an id; else the default."""
    directory = request.app[DIRECTORY_KEY]
    asked = request.query.get("gemeente", "").strip().lower()
    return asked if GEMEENTE_ID_PATTERN.match(asked) else directory.default_id


# ---------------------------------------------------------------- public pages


async def demo_page(request: web.Request) -> web.Response:
    config = request.app[CONFIG_KEY]
    directory = request.app[DIRECTORY_KEY]
    # An unknown id is passed on as is: the widget then falls back to the default gemeente and
    # warns in the console, exactly as it would on a real gemeente site with a typo.
    gemeente = _requested_gemeente(request)
    known = directory.get(gemeente)
    return render(
        request,
        "demo.html",
        gemeente=gemeente,
        gemeente_name=known["name"] if known else "",
        gemeenten=directory.names(),
        rasa_url=config.rasa_url,
        escape_url=config.escape_url,
    )


async def neutral_page(request: web.Request) -> web.Response:
    return render(request, "neutral.html")


async def gemeente_api(request: web.Request) -> web.Response:
    directory = request.app[DIRECTORY_KEY]
    gemeente_id = request.match_info["gemeente_id"].strip().lower()
    data = directory.get(gemeente_id)
    if data is None:
        return web.json_response(
            {
                "error": "unknown_gemeente",
                "message": (
                    "Deze gemeente kennen we (nog) niet. De chat gebruikt daarom de "
                    "gegevens van de standaardgemeente."
                ),
                "default_gemeente": directory.default_id,
            },
            status=404,
        )
    return web.json_response(data, headers={"Cache-Control": "public, max-age=300"})


async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


# ---------------------------------------------------------------- login / intake / dashboard


async def login_form(request: web.Request) -> web.Response:
    return render(request, "login.html", next=safe_next(request.query.get("next")), error="")


async def login_submit(request: web.Request) -> web.StreamResponse:
    auth = request.app[AUTH_KEY]
    form = await request.post()
    token = str(form.get("token", ""))
    target = safe_next(str(form.get("next", DEFAULT_NEXT)))
    if not auth.check_token(token):
        await asyncio.sleep(FAILED_LOGIN_DELAY_SECONDS)
        log.info("login refused")
        return render(
            request,
            "login.html",
            status=401,
            next=target,
            error="Dat token klopt niet. Probeer het opnieuw.",
        )
    response = web.HTTPSeeOther(location=target)
    auth.start_session(request, response)
    log.info("login accepted")
    raise response


async def logout(request: web.Request) -> web.StreamResponse:
    response = web.HTTPSeeOther(location=LOGIN_PATH)
    request.app[AUTH_KEY].end_session(request, response)
    raise response


async def intake_page(request: web.Request) -> web.Response:
    config = request.app[CONFIG_KEY]
    directory = request.app[DIRECTORY_KEY]
    gemeente = directory.resolve(_requested_gemeente(request))
    return render(
        request,
        "intake.html",
        gemeente=gemeente,
        gemeente_name=directory.get(gemeente)["name"],
        gemeenten=directory.names(),
        rasa_url=config.rasa_url,
    )


async def dashboard_redirect(request: web.Request) -> web.StreamResponse:
    raise web.HTTPFound(location="/dashboard/")


async def dashboard_unavailable(request: web.Request) -> web.Response:
    return render(request, "dashboard_unavailable.html", status=503)


def default_dashboard_factory() -> DashboardFactory | None:
    """``stats.web.create_app`` when the stats package is installed, else None."""
    try:
        module = importlib.import_module("stats.web")
    except ImportError as exc:
        # Only "stats is not there" is fine; a broken stats package must not be hidden.
        if exc.name not in ("stats", "stats.web"):
            raise
        return None
    return module.create_app


# ---------------------------------------------------------------- the app


def create_app(
    config: WebConfig,
    *,
    directory: GemeenteDirectory | None = None,
    catalogue_loader: CatalogueLoader = load_from_routes,
    dashboard_factory: DashboardFactory | bool | None = True,
) -> web.Application:
    """Build the aiohttp application.

    Args:
        config: settings (admin token, Rasa URL, …).
        directory: the gemeenten; loaded with ``catalogue_loader`` when not given (a bad
            catalogue raises here, so the app does not start).
        dashboard_factory: makes the dashboard sub-app; ``True`` means "stats.web.create_app if
            importable", ``None``/``False`` means no dashboard.
    """
    if directory is None:
        directory = GemeenteDirectory.load(catalogue_loader)
    auth = Auth(config.admin_token, secure_cookie=config.production)

    app = web.Application(
        middlewares=[security_middleware(config.rasa_origin), auth.middleware()],
        client_max_size=64 * 1024,
    )
    use_port_safe_requests(app)
    app[CONFIG_KEY] = config
    app[DIRECTORY_KEY] = directory
    app[AUTH_KEY] = auth
    app[TEMPLATES_KEY] = _templates()

    app.router.add_get("/", demo_page)
    app.router.add_get("/neutraal", neutral_page)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/api/gemeente/{gemeente_id}", gemeente_api)
    app.router.add_get(LOGIN_PATH, login_form)
    app.router.add_post(LOGIN_PATH, login_submit)
    app.router.add_post(LOGOUT_PATH, logout)
    app.router.add_get("/intake", intake_page)
    app.router.add_static("/widget", STATIC_DIR / "widget", append_version=False)
    app.router.add_static("/static", STATIC_DIR, append_version=False)

    factory: DashboardFactory | None
    factory = default_dashboard_factory() if dashboard_factory is True else (
        dashboard_factory or None)
    app.router.add_get("/dashboard", dashboard_redirect)
    if factory is not None:
        app.add_subapp("/dashboard", factory())
        app[DASHBOARD_AVAILABLE_KEY] = True
    else:
        app.router.add_get("/dashboard/", dashboard_unavailable)
        app[DASHBOARD_AVAILABLE_KEY] = False
    return app
