"""The production profile for a benchmark: own PostgreSQL database and Redis prefix, removed after."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.latency import LOAD_ENV


@contextmanager
def production_stack(model: Path, instances: int, workers: int, run_dir: Path) -> Iterator:
    """Starts `scripts/prod_stack.py`'s stack (nginx, Redis tracker and lock store, statistics on
    PostgreSQL, two action server workers) on loopback and yields it; stops it and removes its
    database and Redis keys afterwards."""
    from scripts.prod_stack import scratch_database, scratch_redis, stack_on_free_ports

    with scratch_database("rrbench") as database_url, scratch_redis("rrbench") as redis, \
            stack_on_free_ports(
                instances, model=model, rasa_workers=workers, action_workers=2, redis=redis,
                database_url=database_url, run_dir=run_dir, address_per_minute=10_000_000,
                address_burst=100_000, extra_env=LOAD_ENV,
            ) as stack:
        yield stack
