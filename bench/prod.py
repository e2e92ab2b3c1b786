"""The production profile for a benchmark: own PostgreSQL database and Redis prefix, removed after."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.latency import LOAD_ENV


@contextmanager
def production_stack(model: Path, instances: int, workers: int, run_dir: Path) -> Iterator:
    """Starts `scripts/prod_stack.py`'s stack (nginx, Redis tracker and lock store, statistics on
    PostgreSQL, two action server workers) on loopback and yields it; stops it and removes its
    database and Redis keys afterwards."""
    import psycopg2
    import redis

    from scripts.prod_stack import ProdStack, RedisSettings, free_port

    name = f"rrbench_{uuid.uuid4().hex[:10]}"
    admin = psycopg2.connect(host="127.0.0.1", port=5432, user="postgres", dbname="test")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    settings = RedisSettings(prefix=f"rrbench{uuid.uuid4().hex[:10]}")
    try:
        stack = ProdStack(
            model=model, instances=instances, rasa_workers=workers, action_workers=2,
            port=free_port(), rasa_ports=[free_port() for _ in range(instances)],
            action_port=free_port(), web_port=None, redis=settings,
            database_url=f"postgresql+psycopg2://postgres@127.0.0.1:5432/{name}",
            run_dir=run_dir, address_per_minute=10_000_000, address_burst=100_000,
            extra_env=LOAD_ENV,
        )
        stack.start(web=False)
        try:
            yield stack
        finally:
            stack.stop()
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
        client = redis.Redis()
        keys = list(client.scan_iter(match=f"{settings.prefix}:*", count=1000))
        if keys:
            client.delete(*keys)
        client.close()
