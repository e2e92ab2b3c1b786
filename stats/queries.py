"""Aggregate queries behind the dashboard, CSV and CLI. They return raw counts (internal only:
everything shown goes through :mod:`stats.report` and :mod:`stats.disclosure`).

Every figure is a *metric*: a count of conversations (``total``, ``route:online``, ``step:2``,
...) or a histogram bucket (``secs:240`` = time to route 240–254 seconds, ``turns:12``). The
same metric definitions are used for closed days, read from the daily rollup
(:mod:`stats.rollup`), and for recent days, counted live from the conversations.

Derived status of a conversation (one of four, in this order):

* **route**: a route is known (``route`` set);
* **gestopt**: the resident ended it (``outcome = 'stopped'``);
* **afgehaakt** (abandoned): neither, and no update for at least an hour. Times are stored per
  hour, so this is derived at query time as "last activity hour at least two hours before the
  current hour": between one and two hours of silence. No job marks rows;
* **bezig**: still going on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Date, and_, func, or_, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import FunctionElement

from stats.db import snapshot, transaction
from stats.fields import Intensity, Route, Safety, SignalKind, SignalLevel, Step
from stats.models import TABLE_NAME, UNKNOWN, conversations, rollup, rollup_days

c = conversations.c
ABANDON_AFTER = timedelta(hours=2)  # in hour buckets: at least one full hour of silence
#: Resolution of the time-to-route histogram (the dashboard shows whole minutes).
SECONDS_BUCKET = 15


@dataclass(frozen=True)
class Filters:
    """What the product owner selected. ``until`` is inclusive; ``None`` means "all"."""

    since: date
    until: date
    gemeente: str | None = None
    channel: str | None = None

    def conditions(self) -> list:
        conditions = [
            c.started_at >= _midnight(self.since),
            c.started_at < _midnight(self.until + timedelta(days=1)),
        ]
        if self.gemeente is not None:
            conditions.append(c.gemeente == self.gemeente)
        if self.channel is not None:
            conditions.append(c.channel == self.channel)
        return conditions

    def rollup_conditions(self) -> list:
        r = rollup.c
        conditions = [r.day >= self.since, r.day <= self.until]
        if self.gemeente is not None:
            conditions.append(r.gemeente == self.gemeente)
        if self.channel is not None:
            conditions.append(r.channel == self.channel)
        return conditions


@dataclass
class Figures:
    """Raw aggregates for one filter selection (never shown as they are)."""

    filters: Filters
    counts: Counter = field(default_factory=Counter)  # metric -> n, over the period
    channels: Counter = field(default_factory=Counter)  # channel -> conversations
    days: dict[date, list[int]] = field(default_factory=dict)  # day -> [total, routed]

    def add(self, day: date | None, channel: str | None, metric: str, n: int) -> None:
        """Count ``n`` for ``metric`` (per day too when ``day`` is given)."""
        self.counts[metric] += n
        if metric == "total":
            self.channels[channel or UNKNOWN] += n
        if day is not None:
            self.add_day(day, metric, n)

    def add_day(self, day: date, metric: str, n: int) -> None:
        if metric in ("total", "routed"):
            self.days.setdefault(day, [0, 0])[metric == "routed"] += n

    @property
    def total(self) -> int:
        return self.counts["total"]

    @property
    def routed(self) -> int:
        return self.counts["routed"]

    @property
    def stopped(self) -> int:
        return self.counts["stopped"]

    @property
    def abandoned(self) -> int:
        return self.counts["abandoned"]

    @property
    def handoff(self) -> int:
        return self.counts["handoff"]

    @property
    def offers(self) -> int:
        return self.counts["offers"]

    @property
    def fallbacks(self) -> int:
        return self.counts["fallbacks"]

    @property
    def active(self) -> int:
        return self.total - self.routed - self.stopped - self.abandoned

    @property
    def useful_yes(self) -> int:
        return self.counts["useful:yes"]

    @property
    def useful_no(self) -> int:
        return self.counts["useful:no"]

    @property
    def safety(self) -> dict[str, int]:
        return {s.value: self.counts[f"safety:{s.value}"] for s in Safety}

    @property
    def signals(self) -> dict[tuple[str, str], int]:
        """(kind, level) → conversations whose danger signal was of that kind and level."""
        return {(k.value, lv.value): self.counts[f"sig:{k.value}:{lv.value}"]
                for k in SignalKind for lv in SignalLevel}

    @property
    def furthest_step(self) -> list[int]:
        return [self.counts[f"step:{s.rank}"] for s in Step]

    @property
    def routes(self) -> dict[str, int]:
        return {r.value: self.counts[f"route:{r.value}"] for r in Route}

    @property
    def rst_intensity(self) -> dict[str, int]:
        return {i.value: self.counts[f"rst:{i.value}"] for i in Intensity}

    @property
    def weeks(self) -> dict[date, tuple[int, int]]:
        """Monday -> (conversations, with a route), for weeks with conversations."""
        weeks: dict[date, list[int]] = {}
        for day, (total, routed) in self.days.items():
            week = weeks.setdefault(day - timedelta(days=day.weekday()), [0, 0])
            week[0] += total
            week[1] += routed
        return {monday: (total, routed) for monday, (total, routed) in weeks.items()}

    def histogram(self, name: str) -> dict[int, int]:
        prefix = f"{name}:"
        return {
            int(metric[len(prefix) :]): n for metric, n in self.counts.items() if metric.startswith(prefix)
        }

    @property
    def seconds_to_route(self) -> dict[int, int]:
        """Lower bound of each SECONDS_BUCKET-second bucket -> conversations."""
        return self.histogram("secs")

    @property
    def turns_to_route(self) -> dict[int, int]:
        return self.histogram("turns")

    @property
    def before_score(self) -> dict[int, int]:
        return {k: n for k in range(1, 11) if (n := self.counts[f"before:{k}"])}


class day_of(FunctionElement):
    """The date of a timestamp."""

    type = Date()
    inherit_cache = True


@compiles(day_of, "postgresql")
def _day_of_pg(element, compiler, **kw):
    return f"CAST({compiler.process(element.clauses, **kw)} AS DATE)"


@compiles(day_of, "sqlite")
def _day_of_sqlite(element, compiler, **kw):
    return f"date({compiler.process(element.clauses, **kw)})"


def _statuses(now: datetime):
    """SQL conditions for the statuses "route", "gestopt" and "afgehaakt" (module docstring)."""
    no_route = c.route.is_(None)
    not_stopped = or_(c.outcome.is_(None), c.outcome != "stopped")
    stopped = and_(no_route, c.outcome == "stopped")
    abandoned = and_(no_route, not_stopped, c.last_activity_at <= now - ABANDON_AFTER)
    still_going = and_(no_route, not_stopped, c.last_activity_at > now - ABANDON_AFTER)
    return c.route.isnot(None), stopped, abandoned, still_going


def still_going(now: datetime):
    """Conversations whose status can still change without a new update."""
    return _statuses(now)[3]


def count_metrics(now: datetime) -> list[tuple[str, Any]]:
    """(metric, condition) of every counted metric; condition None counts every row."""
    routed, stopped, abandoned, _ = _statuses(now)
    metrics: list[tuple[str, Any]] = [
        ("total", None),
        ("routed", routed),
        ("stopped", stopped),
        ("abandoned", abandoned),
        ("handoff", c.handoff.is_(True)),
        ("offers", c.offer_fallback.isnot(None)),
        ("fallbacks", c.offer_fallback.is_(True)),
        ("useful:yes", c.useful.is_(True)),
        ("useful:no", c.useful.is_(False)),
    ]
    metrics += [(f"safety:{s.value}", c.safety == s.value) for s in Safety]
    metrics += [(f"step:{s.rank}", c.step == s.rank) for s in Step]
    metrics += [(f"route:{r.value}", c.route == r.value) for r in Route]
    metrics += [
        (f"rst:{i.value}", and_(c.route == Route.RST.value, c.intensity == i.value)) for i in Intensity
    ]
    metrics += [(f"before:{k}", c.before_score == k) for k in range(1, 11)]
    metrics += [
        (f"sig:{k.value}:{lv.value}", and_(c.signal_kind == k.value, c.signal_level == lv.value))
        for k in SignalKind for lv in SignalLevel
    ]
    return metrics


#: Histogram metrics: name -> bucket expression (rows where it is NULL are not counted).
HISTOGRAMS = {
    "secs": (c.seconds_to_route / SECONDS_BUCKET) * SECONDS_BUCKET,  # integer division
    "turns": c.turns_to_route,
}

Row = tuple[tuple, str, int]  # (group values, metric, n)


def live_counts(session: Session, conditions: list, now: datetime, group: list) -> Iterator[Row]:
    """Count every metric over the conversations matching ``conditions``, per ``group``."""
    metrics = count_metrics(now)
    columns = [func.count() if cond is None else func.count().filter(cond) for _, cond in metrics]
    width = len(group)
    query = select(*group, *columns).where(*conditions).group_by(*group)
    for row in session.execute(query):
        for (metric, _), n in zip(metrics, row[width:], strict=True):
            if n:
                yield tuple(row[:width]), metric, n


def live_histograms(session: Session, conditions: list, group: list) -> Iterator[Row]:
    for name, bucket in HISTOGRAMS.items():
        bucket = bucket.label("bucket")
        query = (
            select(*group, bucket, func.count())
            .where(*conditions, bucket.isnot(None))
            .group_by(*group, bucket)
        )
        width = len(group)
        for row in session.execute(query):
            yield tuple(row[:width]), f"{name}:{int(row[width])}", row[width + 1]


def built_days(session: Session, filters: Filters) -> set[date]:
    r = rollup_days.c
    query = select(r.day).where(r.day >= filters.since, r.day <= filters.until)
    return {as_date(day) for (day,) in session.execute(query)}


def rollup_counts(session: Session, filters: Filters) -> Iterator[Row]:
    """Metrics summed over the rolled-up days of the period, per channel."""
    r = rollup.c
    query = (
        select(r.channel, r.metric, func.sum(r.n))
        .where(*filters.rollup_conditions())
        .group_by(r.channel, r.metric)
    )
    for channel, metric, n in session.execute(query):
        yield (channel,), metric, int(n)


def rollup_per_day(session: Session, filters: Filters) -> Iterator[Row]:
    """Conversations and routed conversations per rolled-up day (for the weekly chart)."""
    r = rollup.c
    query = (
        select(r.day, r.metric, func.sum(r.n))
        .where(*filters.rollup_conditions(), r.metric.in_(("total", "routed")))
        .group_by(r.day, r.metric)
    )
    for day, metric, n in session.execute(query):
        yield (as_date(day),), metric, int(n)


def live_day_ranges(filters: Filters, built: set[date]) -> list[tuple[date, date]]:
    """The days of the period that are not in the rollup, as (first, last) ranges."""
    ranges: list[tuple[date, date]] = []
    day = filters.since
    while day <= filters.until:
        if day not in built:
            if ranges and ranges[-1][1] == day - timedelta(days=1):
                ranges[-1] = (ranges[-1][0], day)
            else:
                ranges.append((day, day))
        day += timedelta(days=1)
    return ranges


def _in_ranges(ranges: Iterable[tuple[date, date]]):
    return or_(
        *(
            and_(c.started_at >= _midnight(first), c.started_at < _midnight(last + timedelta(days=1)))
            for first, last in ranges
        )
    )


def as_date(value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _midnight(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time())


def live_conditions(filters: Filters, ranges: list[tuple[date, date]]) -> list:
    return [*filters.conditions(), _in_ranges(ranges)]


def read_figures(session: Session, filters: Filters, now: datetime) -> Figures:
    """Rollup for the rolled-up days plus live counts for the others, in one snapshot."""
    figures = Figures(filters)
    for (channel,), metric, n in rollup_counts(session, filters):
        figures.add(None, channel, metric, n)
    for (day,), metric, n in rollup_per_day(session, filters):
        figures.add_day(day, metric, n)
    ranges = live_day_ranges(filters, built_days(session, filters))
    if ranges:
        conditions = live_conditions(filters, ranges)
        group = [day_of(c.started_at), c.channel]
        for (day, channel), metric, n in live_counts(session, conditions, now, group):
            figures.add(as_date(day), channel, metric, n)
        for (_day, channel), metric, n in live_histograms(session, conditions, group):
            figures.add(None, channel, metric, n)
    return figures


def collect(engine: Engine, filters: Filters, now: datetime) -> Figures:
    """Everything the dashboard shows for ``filters``: brings the rollup up to date (best
    effort), then reads rollup and live counts in one consistent snapshot."""
    from stats.rollup import refresh

    refresh(engine, filters.since, filters.until, now)
    with transaction(snapshot(engine)) as session:
        return read_figures(session, filters, now)


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
