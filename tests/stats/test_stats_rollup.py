"""The daily rollup must give exactly the figures of counting live, and must never go stale."""

import threading
from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from stats import demo, rollup
from stats.db import make_engine, transaction
from stats.models import rollup_days
from stats.queries import Filters, collect, read_figures
from stats.store import new_record, purge, write

NOW = datetime(2025, 6, 30, 14)
TODAY = NOW.date()
YEAR = Filters(date(2024, 7, 1), TODAY)


def live(engine, filters):
    """Figures counted from the conversations only (the rollup emptied first)."""
    with transaction(engine, write=True) as session:
        rollup.clear(session)
    with transaction(engine) as session:
        return read_figures(session, filters, NOW)


def same(a, b):
    assert +a.counts == +b.counts
    assert +a.channels == +b.channels
    assert a.days == b.days


def built(engine):
    with transaction(engine) as session:
        return session.execute(select(func.count()).select_from(rollup_days)).scalar_one()


def test_rollup_and_live_counting_agree(engine):
    demo.load(engine, demo.generate(2000, seed=5, today=TODAY))
    filters = [
        YEAR,
        Filters(date(2024, 7, 1), TODAY, "zwolle"),
        Filters(date(2025, 1, 1), date(2025, 3, 15), "eindhoven", "intake"),
        Filters(TODAY - timedelta(days=3), TODAY),
    ]
    expected = [live(engine, f) for f in filters]
    assert built(engine) == 0
    assert rollup.refresh(engine, YEAR.since, YEAR.until, NOW) == 363  # today, yesterday: live
    for f, want in zip(filters, expected, strict=True):
        same(collect(engine, f, NOW), want)
    assert rollup.refresh(engine, YEAR.since, YEAR.until, NOW) == 0


def test_a_late_update_invalidates_its_day(engine):
    old_day = datetime(2025, 2, 10, 9)
    with transaction(engine, write=True) as session:
        write(session, [dict(new_record({"gemeente": "zwolle", "step": 1}, old_day), key="late-0000001")])
    collect(engine, YEAR, NOW)
    with transaction(engine) as session:
        assert date(2025, 2, 10) in {d for (d,) in session.execute(select(rollup_days.c.day))}
    # Written days later, e.g. after an outage: the route arrives.
    record = new_record({"route": "online", "step": 3}, old_day)
    with transaction(engine, write=True) as session:
        write(session, [dict(record, key="late-0000001")])
    figures = collect(engine, YEAR, NOW)
    assert figures.routed == 1 and figures.routes["online"] == 1
    same(figures, live(engine, YEAR))


def test_days_with_conversations_still_going_stay_live(engine):
    # A conversation started three days ago that is still active an hour ago.
    record = new_record({"gemeente": "zwolle"}, NOW - timedelta(days=3))
    record["last_activity_at"] = NOW - timedelta(hours=1)
    with transaction(engine, write=True) as session:
        write(session, [dict(record, key="long-0000001")])
    rollup.refresh(engine, YEAR.since, YEAR.until, NOW)
    with transaction(engine) as session:
        days = {d for (d,) in session.execute(select(rollup_days.c.day))}
    assert (NOW - timedelta(days=3)).date() not in days and len(days) == 362


def test_purge_removes_the_rollup_too(engine):
    demo.load(engine, demo.generate(300, seed=2, today=TODAY))
    rollup.refresh(engine, YEAR.since, YEAR.until, NOW)
    with transaction(engine, write=True) as session:
        purge(session, 6, TODAY)
    with transaction(engine) as session:
        first = session.execute(select(func.min(rollup_days.c.day))).scalar_one()
    assert first >= date(2024, 12, 30)
    same(collect(engine, YEAR, NOW), live(engine, YEAR))


def test_builders_and_writers_at_the_same_time(pg_empty):
    from stats.db import upgrade

    upgrade(pg_empty)
    demo.load(pg_empty, demo.generate(1500, seed=9, today=TODAY))
    errors = []

    def build():
        engine = make_engine(str(pg_empty.url))
        try:
            rollup.refresh(engine, YEAR.since, YEAR.until, NOW)
        except Exception as exc:  # collected for the assertion
            errors.append(exc)
        finally:
            engine.dispose()

    def late_writes():
        engine = make_engine(str(pg_empty.url))
        try:
            for n in range(30):
                day = datetime(2024, 8, 1, 10) + timedelta(days=7 * n)
                with transaction(engine, write=True) as session:
                    write(session, [dict(new_record({"route": "rst"}, day), key=f"late-{n:07d}")])
        except Exception as exc:
            errors.append(exc)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=build) for _ in range(3)]
    threads.append(threading.Thread(target=late_writes))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    same(collect(pg_empty, YEAR, NOW), live(pg_empty, YEAR))
