"""The product owner's dashboard: server-rendered HTML with inline SVG charts, and a CSV export.

No login here: the project's web app mounts this behind its own authentication, e.g.
``app.add_subapp("/dashboard", create_app())``. All links are relative for that reason.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from aiohttp import web
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from stats import db
from stats.charts import render as render_chart
from stats.fields import Channel, now_local_hour, valid_gemeente
from stats.queries import Filters, gemeenten
from stats.report import (
    ALL_CHANNELS,
    ALL_GEMEENTEN,
    CHANNEL_LABELS,
    Report,
    gemeente_label,
    make_report,
)

logger = logging.getLogger(__name__)

TEMPLATES = Path(__file__).resolve().parent / "templates"
MAX_PERIOD_DAYS = 3 * 366
DEFAULT_WEEKS = 52
UNAVAILABLE = "De cijfers zijn nu niet beschikbaar. Probeer het over een paar minuten opnieuw."


class State:
    """The app's lazily created engine and template environment."""

    def __init__(self, engine_or_url: Engine | str | None) -> None:
        self._given = engine_or_url
        self.engine: Engine | None = engine_or_url if isinstance(engine_or_url, Engine) else None
        self.schema_ready = False
        self._lock = threading.Lock()  # requests run their queries in worker threads
        self.templates = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
        )

    def ready_engine(self) -> Engine:
        """The engine, with the schema upgraded (runs in a worker thread)."""
        with self._lock:
            if self.engine is None:
                url = self._given if isinstance(self._given, str) else None
                self.engine = db.make_engine(url, statement_timeout_ms=30_000)
            if not self.schema_ready:
                db.upgrade(self.engine)
                self.schema_ready = True
            return self.engine

    def dispose(self) -> None:
        if self.engine is not None and not isinstance(self._given, Engine):
            self.engine.dispose()


STATE = web.AppKey("stats_state", State)


@dataclass(frozen=True)
class Choice:
    """The filter form as submitted (raw strings, for re-displaying the form)."""

    gemeente: str
    since: str
    until: str
    channel: str


def create_app(engine_or_url: Engine | str | None = None) -> web.Application:
    """The dashboard app: ``/`` (HTML) and ``/export.csv``.

    ``engine_or_url``: an engine (not disposed by the app), a database URL, or None for
    :func:`stats.config.database_url`. The schema is upgraded on startup.
    """
    app = web.Application()
    app[STATE] = State(engine_or_url)
    app.router.add_get("/", dashboard)
    app.router.add_get("/export.csv", export_csv)
    app.router.add_get("/dashboard.css", stylesheet)
    app.on_startup.append(_startup)
    app.on_cleanup.append(_cleanup)
    return app


async def _startup(app: web.Application) -> None:
    try:
        await _in_thread(app[STATE].ready_engine)
    except (SQLAlchemyError, OSError) as exc:
        # The dashboard keeps running and tries again on the next request.
        logger.warning("statistics dashboard: database not ready at startup (%s)", type(exc).__name__)


async def _cleanup(app: web.Application) -> None:
    app[STATE].dispose()


async def _in_thread(function, *args):
    return await asyncio.get_running_loop().run_in_executor(None, function, *args)


def parse_filters(query: Any, today: date) -> tuple[Choice, Filters | None, list[str]]:
    """Read the filter form; returns the choice, the filters (None when invalid) and errors."""
    # Default: the last 52 whole weeks (Monday to today), so no week is cut in half.
    default_since = today - timedelta(days=today.weekday(), weeks=DEFAULT_WEEKS - 1)
    choice = Choice(
        gemeente=query.get("gemeente", "").strip(),
        since=query.get("van", "").strip() or default_since.isoformat(),
        until=query.get("tot", "").strip() or today.isoformat(),
        channel=query.get("kanaal", "").strip(),
    )
    errors = []
    if choice.gemeente and not valid_gemeente(choice.gemeente):
        errors.append("Deze gemeente kennen we niet. Kies een gemeente uit de lijst.")
    if choice.channel and choice.channel not in {ch.value for ch in Channel}:
        errors.append("Kies bij kanaal: alle kanalen, website of intake.")
    since = _date(choice.since)
    until = _date(choice.until)
    if since is None or until is None:
        errors.append("Vul de datums in als dag-maand-jaar, bijvoorbeeld 31-01-2025.")
    elif until < since:
        errors.append("De einddatum ligt voor de begindatum. Kies een latere einddatum.")
    elif (until - since).days > MAX_PERIOD_DAYS:
        errors.append("Kies een periode van hoogstens 3 jaar.")
    if errors:
        return choice, None, errors
    # Shown again in the date fields, which only take the ISO form.
    choice = replace(choice, since=since.isoformat(), until=until.isoformat())
    return choice, Filters(since, until, choice.gemeente or None, choice.channel or None), []


def _date(text: str) -> date | None:
    """A date as the date field sends it (2025-01-31), or as people type it (31-01-2025)."""
    for parse in (date.fromisoformat, lambda t: datetime.strptime(t, "%d-%m-%Y").date()):
        try:
            return parse(text)
        except ValueError:
            continue
    return None


def _page_data(state: State, filters: Filters | None) -> tuple[list[str], Report | None]:
    engine = state.ready_engine()
    known = gemeenten(engine)
    return known, make_report(engine, filters) if filters else None


def _headers() -> dict[str, str]:
    return {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}


async def dashboard(request: web.Request) -> web.Response:
    state = request.app[STATE]
    choice, filters, errors = parse_filters(request.query, now_local_hour().date())
    try:
        known, report = await _in_thread(_page_data, state, filters)
    except (SQLAlchemyError, OSError) as exc:
        logger.warning("statistics dashboard: database error (%s)", type(exc).__name__)
        return _render(state, choice, [], None, [UNAVAILABLE], status=503)
    return _render(state, choice, known, report, errors, status=400 if errors else 200)


def _render(
    state: State,
    choice: Choice,
    known: list[str],
    report: Report | None,
    errors: list[str],
    *,
    status: int,
) -> web.Response:
    csv_query = urlencode(
        {"gemeente": choice.gemeente, "van": choice.since, "tot": choice.until, "kanaal": choice.channel}
    )
    html = state.templates.get_template("dashboard.html").render(
        choice=choice,
        gemeenten=[(g, gemeente_label(g)) for g in known],
        channels=[(ch.value, CHANNEL_LABELS[ch]) for ch in Channel],
        all_gemeenten=ALL_GEMEENTEN,
        all_channels=ALL_CHANNELS,
        report=report,
        errors=errors,
        csv_href=f"export.csv?{csv_query}",
        chart=render_chart,
    )
    return web.Response(text=html, content_type="text/html", status=status, headers=_headers())


async def export_csv(request: web.Request) -> web.Response:
    state = request.app[STATE]
    _choice, filters, errors = parse_filters(request.query, now_local_hour().date())
    if filters is None:
        return web.Response(text="\n".join(errors) + "\n", status=400, headers=_headers())
    try:
        report = await _in_thread(lambda: make_report(state.ready_engine(), filters))
    except (SQLAlchemyError, OSError) as exc:
        logger.warning("statistics export: database error (%s)", type(exc).__name__)
        return web.Response(text=UNAVAILABLE + "\n", status=503, headers=_headers())
    name = f"relatieroute-statistiek-{filters.gemeente or 'alle'}-{filters.since}-{filters.until}"
    headers = _headers() | {"Content-Disposition": f'attachment; filename="{name}.csv"'}
    # The byte order mark makes spreadsheet programs read the file as UTF-8.
    return web.Response(
        body=("\ufeff" + report.to_csv()).encode("utf-8"),
        content_type="text/csv",
        charset="utf-8",
        headers=headers,
    )


async def stylesheet(request: web.Request) -> web.Response:
    return web.Response(
        text=(TEMPLATES / "dashboard.css").read_text(encoding="utf-8"),
        content_type="text/css",
        headers={"Cache-Control": "max-age=3600"},
    )
