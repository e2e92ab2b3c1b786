"""Writing conversation records: the merge rules (in Python and in SQL) and the retention purge.

A *record* is a dict with every column of :data:`stats.fields.COLUMNS`; ``None`` means "not
known in this update". The same merge rules apply when updates are combined in the recorder's
buffer (:func:`merge`) and when a record meets the stored row (:func:`upsert`), so writing
updates one by one or merged gives the same row:

* ``started_at``: the earliest; ``last_activity_at``: the latest;
* ``step``: the furthest; ``handoff``: once requested, stays requested;
* ``intensity``: a record with a route sets the intensity of that route (``None`` included);
* every other column: the latest known value (``None`` never clears a stored value, so a safety
  escalation is never undone).
"""

from __future__ import annotations

import calendar
from datetime import date, datetime
from typing import Any

from sqlalchemy import case, delete, func, or_, select
from sqlalchemy.orm import Session

from stats import rollup as rollups
from stats.db import advisory_lock
from stats.fields import COLUMNS
from stats.models import conversations, rollup, rollup_days
from stats.queries import as_date, day_of

Record = dict[str, Any]


def new_record(clean: dict[str, Any], now_hour: datetime) -> Record:
    """A full record from one validated update received at ``now_hour`` (local hour)."""
    record: Record = dict.fromkeys(COLUMNS)
    record.update(clean)
    record["last_activity_at"] = now_hour
    # Without a start time the moment of the first update is the best (upper) estimate.
    record["started_at"] = min(clean.get("started_at") or now_hour, now_hour)
    record["step"] = clean.get("step", 0)
    record["handoff"] = clean.get("handoff", False)
    return record


def merge(old: Record, new: Record) -> Record:
    """``new`` applied on top of ``old`` (both full records), following the module rules."""
    merged = {column: new[column] if new[column] is not None else old[column] for column in COLUMNS}
    merged["started_at"] = min(old["started_at"], new["started_at"])
    merged["last_activity_at"] = max(old["last_activity_at"], new["last_activity_at"])
    merged["step"] = max(old["step"], new["step"])
    merged["handoff"] = old["handoff"] or new["handoff"]
    if new["route"] is not None:
        merged["intensity"] = new["intensity"]
    return merged


def upsert(session: Session, rows: list[Record]) -> None:
    """Insert or merge ``rows`` (each a record plus ``key``; keys unique within the call)."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert

        greatest, least = func.greatest, func.least
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert

        # SQLite's scalar max()/min() with two arguments; both are never NULL here.
        greatest, least = func.max, func.min
    else:  # pragma: no cover - make_engine refuses other databases
        raise ValueError(f"unsupported database {dialect}")

    stmt = insert(conversations)
    new, old = stmt.excluded, conversations.c
    merged = {column: func.coalesce(new[column], old[column]) for column in COLUMNS}
    merged["started_at"] = least(old.started_at, new.started_at)
    merged["last_activity_at"] = greatest(old.last_activity_at, new.last_activity_at)
    merged["step"] = greatest(old.step, new.step)
    merged["handoff"] = or_(old.handoff, new.handoff)
    merged["intensity"] = case(
        (new.route.isnot(None), new.intensity),
        else_=func.coalesce(new.intensity, old.intensity),
    )
    stmt = stmt.on_conflict_do_update(index_elements=[old.key], set_=merged)
    session.execute(stmt, rows)


def write(session: Session, rows: list[Record]) -> None:
    """The writer's transaction: merge ``rows`` and invalidate the rollup of the days they
    touch (the day a conversation had, and the day it has now)."""
    advisory_lock(session, rollups.ROLLUP_LOCK_ID, shared=True)
    keys = [row["key"] for row in rows]
    days = {row["started_at"].date() for row in rows}
    days |= {
        as_date(day)
        for (day,) in session.execute(
            select(day_of(conversations.c.started_at)).where(conversations.c.key.in_(keys))
        )
    }
    upsert(session, rows)
    rollups.invalidate(session, days)


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` calendar months (clamped to the month's last day)."""
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    last_day = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last_day))


def purge(session: Session, older_than_months: int, today: date) -> int:
    """Delete conversations (and their rollup) that started before ``today`` minus
    ``older_than_months`` months. Returns the number of deleted conversations.
    """
    if older_than_months < 1:
        raise ValueError("older_than_months must be at least 1")
    cutoff = add_months(today, -older_than_months)
    result = session.execute(
        delete(conversations).where(
            conversations.c.started_at < datetime(cutoff.year, cutoff.month, cutoff.day)
        )
    )
    session.execute(delete(rollup).where(rollup.c.day < cutoff))
    session.execute(delete(rollup_days).where(rollup_days.c.day < cutoff))
    return result.rowcount
