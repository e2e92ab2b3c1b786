"""Benchmark of the statistics dashboard queries on PostgreSQL (not a test).

Loads synthetic conversations (default 1 000 000, one year, three gemeenten) into a dedicated
database and times every dashboard query for a few typical filter choices. Goal: every query
under 300 ms.

    .venv/bin/python bench/stats_bench.py                      # create, load, time, drop
    .venv/bin/python bench/stats_bench.py --keep               # keep the database afterwards
    .venv/bin/python bench/stats_bench.py --reuse --keep       # time again without reloading

The database ``relatieroute_stats_bench`` is created on the server of ``--server`` (default the
local PostgreSQL, trust auth) through its ``test`` database.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere

from sqlalchemy import create_engine, func, select, text

from stats import demo, rollup
from stats.db import make_engine, snapshot, transaction, upgrade
from stats.fields import now_local_hour
from stats.models import conversations
from stats.queries import (
    Filters,
    built_days,
    c,
    day_of,
    gemeenten,
    live_conditions,
    live_counts,
    live_day_ranges,
    live_histograms,
    rollup_counts,
    rollup_per_day,
)
from stats.report import make_report

DATABASE = "relatieroute_stats_bench"
GOAL_MS = 300


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", default="postgresql://postgres@127.0.0.1:5432")
    parser.add_argument("--conversations", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=demo.DEFAULT_SEED)
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per query")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database")
    parser.add_argument("--reuse", action="store_true", help="use the data of an earlier --keep")
    args = parser.parse_args()

    admin = create_engine(f"{args.server}/test", future=True, isolation_level="AUTOCOMMIT")
    if not args.reuse:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
            connection.exec_driver_sql(f'CREATE DATABASE "{DATABASE}"')
    engine = make_engine(f"{args.server}/{DATABASE}")
    today = now_local_hour().date()
    try:
        upgrade(engine)
        if not args.reuse:
            started = time.perf_counter()
            demo.load(engine, demo.generate(args.conversations, args.seed, today))
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                connection.exec_driver_sql("VACUUM ANALYZE stats_conversation")
            print(
                f"load: {args.conversations:,} conversations in "
                f"{time.perf_counter() - started:.0f} s (generate, COPY, VACUUM ANALYZE)"
            )
            started = time.perf_counter()
            days = rollup.refresh(engine, today - timedelta(days=366), today, now_local_hour())
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                connection.exec_driver_sql("VACUUM ANALYZE stats_rollup")
            print(
                f"rollup: {days} days built in {time.perf_counter() - started:.1f} s "
                "(once; afterwards only days that changed)"
            )
        run(engine, today, args.repeat)
    finally:
        engine.dispose()
        if not args.keep:
            with admin.connect() as connection:
                connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        admin.dispose()


def run(engine, today: date, repeat: int) -> None:
    with transaction(engine) as session:
        rows = session.execute(select(func.count()).select_from(conversations)).scalar_one()
        version = session.execute(text("SHOW server_version")).scalar_one()
    year = today - timedelta(days=364)
    scenarios = {
        "eindhoven, 1 year": Filters(year, today, "eindhoven"),
        "eindhoven, 1 year, intake": Filters(year, today, "eindhoven", "intake"),
        "zwolle, 1 month": Filters(today - timedelta(days=30), today, "zwolle"),
        "all gemeenten, 1 year": Filters(year, today),
    }
    now = now_local_hour()
    group = [day_of(c.started_at), c.channel]

    def queries(filters: Filters, ranges) -> dict:
        conditions = live_conditions(filters, ranges)
        return {
            "rollup refresh (check)": lambda: rollup.refresh(engine, filters.since, filters.until, now),
            "built days": lambda: _read(engine, lambda s: built_days(s, filters)),
            "rollup counts": lambda: _read(engine, lambda s: list(rollup_counts(s, filters))),
            "rollup per day": lambda: _read(engine, lambda s: list(rollup_per_day(s, filters))),
            "live counts": lambda: _read(engine, lambda s: list(live_counts(s, conditions, now, group))),
            "live histograms": lambda: _read(engine, lambda s: list(live_histograms(s, conditions, group))),
            "gemeenten": lambda: gemeenten(engine),
        }

    print(
        f"\nmachine: {platform.machine()}, {os.cpu_count()} cores, {_cpu()}, {_memory()}, "
        f"load average {os.getloadavg()[0]:.1f} at start; PostgreSQL {version} (default "
        f"settings); Python {platform.python_version()}"
    )
    print(f"rows: {rows:,} conversations; median of {repeat} runs after one warm-up, in ms\n")
    names = list(queries(scenarios["zwolle, 1 month"], []))
    print("| scenario | " + " | ".join([*names, "whole page"]) + " |")
    print("|---" * (len(names) + 2) + "|")
    worst = 0.0
    for name, filters in scenarios.items():
        with transaction(engine) as session:
            ranges = live_day_ranges(filters, built_days(session, filters))
        times = [_time(query, repeat) for query in queries(filters, ranges).values()]
        worst = max(worst, *times)
        page = _time(lambda filters=filters: make_report(engine, filters), repeat)
        print(f"| {name} | " + " | ".join(f"{ms:.0f}" for ms in [*times, page]) + " |")
    verdict = "met" if worst < GOAL_MS else "NOT met"
    print(f"\nslowest single query: {worst:.0f} ms (goal < {GOAL_MS} ms: {verdict})")

    # For comparison: the same year counted live from the conversations (no rollup).
    filters = scenarios["eindhoven, 1 year"]
    everything = [(filters.since, filters.until)]
    conditions = live_conditions(filters, everything)
    counts = _time(lambda: _read(engine, lambda s: list(live_counts(s, conditions, now, group))), repeat)
    histograms = _time(lambda: _read(engine, lambda s: list(live_histograms(s, conditions, group))), repeat)
    print(
        f"without the rollup (eindhoven, 1 year, all live): live counts {counts:.0f} ms, "
        f"live histograms {histograms:.0f} ms"
    )


def _read(engine, function):
    with transaction(snapshot(engine)) as session:
        return function(session)


def _time(function, repeat: int) -> float:
    function()
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs)


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _memory() -> str:
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        return f"{kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        return "unknown RAM"


if __name__ == "__main__":
    main()
