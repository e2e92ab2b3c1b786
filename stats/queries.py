"""Aggregate queries behind the dashboard, CSV and CLI. They return raw counts (internal only:
everything shown goes through :mod:`stats.report` and :mod:`stats.disclosure`).

Derived status of a conversation (one of four, in this order):

* **route**: a route is known (``route`` set);
* **gestopt**: the resident ended it (``outcome = 'stopped'``);
* **afgehaakt** (abandoned): neither, and no update for at least an hour. Times are stored per
  hour, so this is derived at query time as "last activity hour at least two hours before the
  current hour": between one and two hours of silence. No job marks rows;
* **bezig**: still going on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import Date, and_, func, or_, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import FunctionElement

from stats.db import snapshot, transaction
from stats.fields import Channel, Safety, Step
from stats.models import TABLE_NAME, conversations

c = conversations.c
ABANDON_AFTER = timedelta(hours=2)  # in hour buckets: at least one full hour of silence


@dataclass(frozen=True)
class Filters:
    """What the product owner selected. ``until`` is inclusive; ``None`` means "all"."""

    since: date
    until: date
    gemeente: str | None = None
    channel: str | None = None

    def conditions(self) -> list:
        conditions = [
            c.started_at >= datetime.combine(self.since, datetime.min.time()),
            c.started_at < datetime.combine(self.until + timedelta(days=1), datetime.min.time()),
        ]
        if self.gemeente is not None:
            conditions.append(c.gemeente == self.gemeente)
        if self.channel is not None:
            conditions.append(c.channel == self.channel)
        return conditions


@dataclass
class Figures:
    """Raw aggregates for one filter selection (never shown as they are)."""

    filters: Filters
    total: int = 0
    routed: int = 0
    stopped: int = 0
    abandoned: int = 0
    handoff: int = 0
    offers: int = 0
    fallbacks: int = 0
    useful_yes: int = 0
    useful_no: int = 0
    safety: dict[str, int] = field(default_factory=dict)
    channels: dict[str, int] = field(default_factory=dict)
    furthest_step: list[int] = field(default_factory=list)  # index = Step.rank
    weeks: dict[date, tuple[int, int]] = field(default_factory=dict)  # monday -> (all, routed)
    routes: dict[tuple[str, str | None], int] = field(default_factory=dict)
    seconds_to_route: dict[int, int] = field(default_factory=dict)  # value -> count
    turns_to_route: dict[int, int] = field(default_factory=dict)
    before_score: dict[int, int] = field(default_factory=dict)

    @property
    def active(self) -> int:
        return self.total - self.routed - self.stopped - self.abandoned


class week_start(FunctionElement):
    """Monday (date) of the ISO week of a timestamp."""

    type = Date()
    inherit_cache = True


@compiles(week_start, "postgresql")
def _week_start_pg(element, compiler, **kw):
    return f"CAST(date_trunc('week', {compiler.process(element.clauses, **kw)}) AS DATE)"


@compiles(week_start, "sqlite")
def _week_start_sqlite(element, compiler, **kw):
    # 'weekday 0' moves to the coming Sunday (or stays on a Sunday); 6 days back is Monday.
    return f"date({compiler.process(element.clauses, **kw)}, 'weekday 0', '-6 days')"


def _statuses(now: datetime):
    """SQL conditions for the statuses "route", "gestopt" and "afgehaakt" (module docstring)."""
    no_route = c.route.is_(None)
    stopped = and_(no_route, c.outcome == "stopped")
    abandoned = and_(
        no_route,
        or_(c.outcome.is_(None), c.outcome != "stopped"),
        c.last_activity_at <= now - ABANDON_AFTER,
    )
    return c.route.isnot(None), stopped, abandoned


def summary(session: Session, filters: Filters, now: datetime, figures: Figures) -> None:
    """Totals, status, safety, handoffs, fallbacks, feedback, channels and funnel: one pass."""
    count = func.count
    routed, stopped, abandoned = _statuses(now)
    columns = [
        count().label("total"),
        count().filter(routed).label("routed"),
        count().filter(stopped).label("stopped"),
        count().filter(abandoned).label("abandoned"),
        count().filter(c.handoff.is_(True)).label("handoff"),
        count(c.offer_fallback).label("offers"),
        count().filter(c.offer_fallback.is_(True)).label("fallbacks"),
        count().filter(c.useful.is_(True)).label("useful_yes"),
        count().filter(c.useful.is_(False)).label("useful_no"),
        *(count().filter(c.safety == s.value).label(f"safety_{s.value}") for s in Safety),
        *(count().filter(c.channel == ch.value).label(f"channel_{ch.value}") for ch in Channel),
        *(count().filter(c.step == s.rank).label(f"step_{s.rank}") for s in Step),
    ]
    row = session.execute(select(*columns).where(*filters.conditions())).one()._mapping
    for name in ("total", "routed", "stopped", "abandoned", "handoff", "offers", "fallbacks",
                 "useful_yes", "useful_no"):
        setattr(figures, name, row[name])
    figures.safety = {s.value: row[f"safety_{s.value}"] for s in Safety}
    figures.channels = {ch.value: row[f"channel_{ch.value}"] for ch in Channel}
    figures.furthest_step = [row[f"step_{s.rank}"] for s in Step]


def weekly(session: Session, filters: Filters, now: datetime, figures: Figures) -> None:
    """Conversations and conversations with a route, per ISO week."""
    week = week_start(c.started_at).label("week")
    rows = session.execute(
        select(week, func.count(), func.count(c.route))
        .where(*filters.conditions())
        .group_by(week)
    )
    figures.weeks = {_as_date(monday): (total, routed) for monday, total, routed in rows}


def routes(session: Session, filters: Filters, now: datetime, figures: Figures) -> None:
    rows = session.execute(
        select(c.route, c.intensity, func.count())
        .where(*filters.conditions(), c.route.isnot(None))
        .group_by(c.route, c.intensity)
    )
    figures.routes = {(route, intensity): n for route, intensity, n in rows}


def _histogram(column) -> Callable[[Session, Filters, datetime, Figures], None]:
    def query(session: Session, filters: Filters, now: datetime, figures: Figures) -> None:
        rows = session.execute(
            select(column, func.count())
            .where(*filters.conditions(), column.isnot(None))
            .group_by(column)
        )
        setattr(figures, column.name, {int(value): n for value, n in rows})

    query.__name__ = column.name
    return query


#: Every query of one dashboard view, by name (the benchmark times each one).
DASHBOARD_QUERIES: dict[str, Callable[[Session, Filters, datetime, Figures], None]] = {
    "summary": summary,
    "weekly": weekly,
    "routes": routes,
    "seconds_to_route": _histogram(c.seconds_to_route),
    "turns_to_route": _histogram(c.turns_to_route),
    "before_score": _histogram(c.before_score),
}


def collect(engine: Engine, filters: Filters, now: datetime) -> Figures:
    """Run every dashboard query for ``filters`` in one read transaction."""
    figures = Figures(filters)
    with transaction(snapshot(engine)) as session:
        for query in DASHBOARD_QUERIES.values():
            query(session, filters, now, figures)
    return figures


# A loose index scan: one index lookup per gemeente instead of reading every row.
_GEMEENTEN_SQL = text(
    f"""
    WITH RECURSIVE g(name) AS (
        SELECT MIN(gemeente) FROM {TABLE_NAME}
        UNION ALL
        SELECT (SELECT MIN(gemeente) FROM {TABLE_NAME} WHERE gemeente > g.name)
        FROM g WHERE g.name IS NOT NULL
    )
    SELECT name FROM g WHERE name IS NOT NULL
    """
)


def gemeenten(engine: Engine) -> list[str]:
    """The gemeenten that have statistics, sorted."""
    with transaction(engine) as session:
        return [name for (name,) in session.execute(_GEMEENTEN_SQL)]


def _as_date(value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


