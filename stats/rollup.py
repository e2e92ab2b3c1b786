"""The daily rollup: pre-aggregated counts per day, gemeente and channel.

Why: the dashboard must stay fast with a million conversations (bench/stats_bench.py). Closed
days are read from ``stats_rollup`` (a few hundred rows per day at most) instead of counting
every conversation again; recent days are always counted live.

* A day is **closed** when it is at least two days old and none of its conversations can still
  change status by time alone (see :func:`stats.queries.still_going`).
* :func:`refresh` builds the closed days of a period that are missing. The dashboard and the
  CLI call it before reading (best effort: when it fails, those days are counted live), and
  ``python -m stats upgrade`` / ``demo-data`` build the whole last year.
* The writer (:func:`stats.store.write`) invalidates every day it touches, so a late update
  (for instance after a database outage) is never hidden by an old rollup.
* ``purge`` deletes rollup days together with the conversations.

PostgreSQL: builders take an exclusive advisory lock, writers a shared one, so a builder never
counts a day while a writer is changing it. SQLite serialises writing transactions anyway.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta

from sqlalchemy import delete, func, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from stats.db import advisory_lock, transaction
from stats.models import UNKNOWN, conversations, rollup, rollup_days
from stats.queries import as_date, day_of, live_counts, live_histograms, still_going

logger = logging.getLogger(__name__)

ROLLUP_LOCK_ID = 0x5E1A7136
#: Days younger than this are always counted live.
CLOSED_AFTER = timedelta(days=2)
#: Days built per transaction (keeps each lock short).
CHUNK_DAYS = 31

c = conversations.c


def refresh(engine: Engine, since: date, until: date, now: datetime) -> int:
    """Build the missing closed days between ``since`` and ``until``; returns how many.

    Never raises for database errors: the dashboard then counts those days live.
    """
    last = min(until, now.date() - CLOSED_AFTER)
    built = 0
    first = since
    try:
        if last < first or _complete(engine, first, last):
            return 0
        while first <= last:
            chunk_last = min(last, first + timedelta(days=CHUNK_DAYS - 1))
            with transaction(engine, write=True) as session:
                built += _build(session, first, chunk_last, now)
            first = chunk_last + timedelta(days=1)
    except SQLAlchemyError as exc:
        logger.warning("statistics: rollup not refreshed (%s); counting live", type(exc).__name__)
    return built


def _complete(engine: Engine, first: date, last: date) -> bool:
    """Whether every day from ``first`` to ``last`` is built (the usual case: no lock)."""
    with transaction(engine) as session:
        present = session.execute(
            select(func.count()).where(rollup_days.c.day.between(first, last))
        ).scalar_one()
    return present == (last - first).days + 1


def _build(session: Session, first: date, last: date, now: datetime) -> int:
    advisory_lock(session, ROLLUP_LOCK_ID)
    present = {
        as_date(day)
        for (day,) in session.execute(select(rollup_days.c.day).where(rollup_days.c.day.between(first, last)))
    }
    wanted = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    missing = [day for day in wanted if day not in present]
    if not missing:
        return 0
    start, end = (
        datetime.combine(missing[0], datetime.min.time()),
        datetime.combine(missing[-1] + timedelta(days=1), datetime.min.time()),
    )
    in_range = [c.started_at >= start, c.started_at < end]
    busy = {
        as_date(day)
        for (day,) in session.execute(
            select(day_of(c.started_at)).where(*in_range, still_going(now)).distinct()
        )
    }
    days = [day for day in missing if day not in busy]
    if not days:
        return 0
    group = [day_of(c.started_at), c.gemeente, c.channel]
    rows = [
        {
            "day": as_date(day),
            "gemeente": gemeente or UNKNOWN,
            "channel": channel or UNKNOWN,
            "metric": metric,
            "n": n,
        }
        for rows in (live_counts(session, in_range, now, group), live_histograms(session, in_range, group))
        for (day, gemeente, channel), metric, n in rows
    ]
    keep = set(days)
    rows = [row for row in rows if row["day"] in keep]
    session.execute(delete(rollup).where(rollup.c.day.in_(days)))
    for index in range(0, len(rows), 5000):
        session.execute(insert(rollup), rows[index : index + 5000])
    session.execute(insert(rollup_days), [{"day": day, "built_at": now} for day in days])
    return len(days)


def invalidate(session: Session, days: set[date]) -> None:
    """Forget the rollup of ``days`` (they are counted live until built again)."""
    if days:
        session.execute(delete(rollup).where(rollup.c.day.in_(days)))
        session.execute(delete(rollup_days).where(rollup_days.c.day.in_(days)))


def clear(session: Session) -> None:
    session.execute(delete(rollup))
    session.execute(delete(rollup_days))
