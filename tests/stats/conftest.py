"""Fixtures for the statistics tests: SQLite files and a private database on the shared
PostgreSQL server (created for the test session, dropped afterwards)."""

from __future__ import annotations

import os
import uuid

import pytest
import stats_support  # noqa: F401  (puts the project root on sys.path)
from sqlalchemy import create_engine, text

from stats import db
from stats.models import ROLLUP_DAY_TABLE, ROLLUP_TABLE, TABLE_NAME, VERSION_TABLE

#: The shared PostgreSQL server; the tests only create and drop their own database on it.
PG_SERVER = os.environ.get("STATS_TEST_PG", "postgresql://postgres@127.0.0.1:5432")


@pytest.fixture(scope="session")
def pg_url():
    """URL of a fresh PostgreSQL database for this test session."""
    name = f"relatieroute_stats_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(f"{PG_SERVER}/test", future=True, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield f"{PG_SERVER}/{name}"
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture
def pg_empty(pg_url):
    """An engine on the session database with nothing of ours in it."""
    engine = db.make_engine(pg_url)
    _drop_everything(engine)
    yield engine
    _drop_everything(engine)
    engine.dispose()


def _drop_everything(engine) -> None:
    with engine.begin() as connection:
        for table in (TABLE_NAME, ROLLUP_TABLE, ROLLUP_DAY_TABLE, VERSION_TABLE):
            connection.execute(text(f"DROP TABLE IF EXISTS {table}"))


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'stats.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_engine(request, tmp_path):
    """An engine without the schema, on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        engine = db.make_engine(f"sqlite:///{tmp_path / 'stats.db'}")
        yield engine
        engine.dispose()
    else:
        yield request.getfixturevalue("pg_empty")


@pytest.fixture
def engine(empty_engine):
    """An upgraded, empty statistics database, on SQLite and on PostgreSQL."""
    db.upgrade(empty_engine)
    return empty_engine


@pytest.fixture
def sqlite_engine(sqlite_url):
    engine = db.make_engine(sqlite_url)
    db.upgrade(engine)
    yield engine
    engine.dispose()
