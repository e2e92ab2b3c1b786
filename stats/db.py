"""Engines, transactions and schema migrations (Alembic, configured in code)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.future import create_engine
from sqlalchemy.orm import Session
from sqlalchemy.pool import QueuePool

from stats import config
from stats.models import VERSION_TABLE

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Serialises concurrent upgrades (several action server workers starting at once).
_UPGRADE_LOCK_ID = 0x5E1A7135
_WRITE_OPTION = "stats_write"


def make_engine(url: str | None = None, *, statement_timeout_ms: int | None = None) -> Engine:
    """A SQLAlchemy 2.0-style engine for ``url`` (default: :func:`stats.config.database_url`).

    For SQLite the data directory is created and WAL mode is switched on, so the dashboard can
    read while the action server writes.
    """
    parsed = make_url(url or config.database_url())
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        pooled: dict[str, Any] = {}
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            # Keep connections open (SQLAlchemy 1.4 opens a new one per transaction for SQLite
            # files; 2.0 pools them, as here): opening one costs more than a small write.
            pooled = {"poolclass": QueuePool, "pool_size": 2, "max_overflow": 8}
        engine = create_engine(
            parsed, connect_args={"timeout": 5, "check_same_thread": False}, **pooled
        )
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if backend == "postgresql":
        options = {"connect_timeout": 3}
        if statement_timeout_ms:
            options["options"] = f"-c statement_timeout={int(statement_timeout_ms)}"
        return create_engine(parsed, pool_pre_ping=True, connect_args=options)
    raise ValueError("statistics support SQLite and PostgreSQL only")


def _sqlite_connect(dbapi_connection, _record) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin (see
    # _sqlite_begin): otherwise every SELECT runs on its own snapshot.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(connection) -> None:
    # A writing transaction takes the write lock at once: computing from a snapshot that is
    # outdated by the time it writes would otherwise fail (or be wrong) under concurrency.
    immediate = connection.get_execution_options().get(_WRITE_OPTION)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def transaction(engine: Engine, *, write: bool = False) -> Iterator[Session]:
    """A session in one transaction: commit when the block succeeds, rollback when it raises.

    ``write=True`` for transactions that read and then write derived data (SQLite: take the
    write lock at the start).
    """
    if write:
        engine = engine.execution_options(**{_WRITE_OPTION: True})
    with Session(engine, future=True) as session, session.begin():
        yield session


def advisory_lock(session: Session, lock_id: int, *, shared: bool = False) -> None:
    """A PostgreSQL advisory lock until the end of the transaction (no-op on SQLite, where
    writing transactions are serialised anyway)."""
    if session.get_bind().dialect.name == "postgresql":
        function = "pg_advisory_xact_lock_shared" if shared else "pg_advisory_xact_lock"
        session.execute(text(f"SELECT {function}(:id)"), {"id": lock_id})


def snapshot(engine: Engine) -> Engine:
    """``engine`` for reads that must all see the same data (one consistent snapshot)."""
    if engine.dialect.name == "postgresql":
        return engine.execution_options(isolation_level="REPEATABLE READ")
    return engine  # SQLite: a transaction (see _sqlite_begin) reads one snapshot already


def alembic_config() -> Config:
    """Alembic configuration for the statistics migrations, without an ini file."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("version_table", VERSION_TABLE)
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the statistics schema to ``revision`` (idempotent)."""
    _run_alembic(engine, command.upgrade, revision)


def downgrade(engine: Engine, revision: str) -> None:
    _run_alembic(engine, command.downgrade, revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
        return context.get_current_revision()


def _run_alembic(engine: Engine, action, revision: str) -> None:
    cfg = alembic_config()
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _UPGRADE_LOCK_ID})
        cfg.attributes["connection"] = connection
        action(cfg, revision)
