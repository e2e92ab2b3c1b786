import threading

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from stats import db
from stats.models import TABLE_NAME, VERSION_TABLE, metadata


def test_the_migrations_create_exactly_the_model(empty_engine):
    assert db.current_revision(empty_engine) is None
    db.upgrade(empty_engine)
    assert db.current_revision(empty_engine) == "0002"
    tables = set(inspect(empty_engine).get_table_names())
    # Its own version table, so other components' Alembic histories never collide with it.
    assert {TABLE_NAME, VERSION_TABLE} <= tables and "alembic_version" not in tables
    with empty_engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "version_table": VERSION_TABLE}
        )
        assert compare_metadata(context, metadata) == []
    indexes = {ix["name"] for ix in inspect(empty_engine).get_indexes(TABLE_NAME)}
    assert {"ix_stats_conversation_gemeente_started_at", "ix_stats_conversation_started_at"} <= indexes


def test_upgrade_is_idempotent_and_downgrade_removes_everything(empty_engine):
    db.upgrade(empty_engine)
    db.upgrade(empty_engine)
    db.downgrade(empty_engine, "base")
    assert TABLE_NAME not in inspect(empty_engine).get_table_names()
    db.upgrade(empty_engine)
    assert TABLE_NAME in inspect(empty_engine).get_table_names()


def test_workers_starting_together_upgrade_once(pg_empty):
    """Several action server workers start at once: the advisory lock serialises them."""
    errors = []

    def start():
        engine = db.make_engine(str(pg_empty.url))
        try:
            db.upgrade(engine)
        except Exception as exc:  # collected for the assertion below
            errors.append(exc)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert db.current_revision(pg_empty) == "0002"


def test_the_signal_columns_come_to_a_database_of_the_first_migration(empty_engine):
    """A gemeente's database made before issue #9 keeps its rows and gets the new columns."""
    from sqlalchemy import text

    db.upgrade(empty_engine, "0001")
    with empty_engine.begin() as connection:
        connection.execute(text(
            f"INSERT INTO {TABLE_NAME} (key, started_at, last_activity_at, step, handoff) "
            "VALUES ('oldrow-0001', '2026-01-01 10:00:00', '2026-01-01 10:00:00', 1, false)"))
    db.upgrade(empty_engine)
    columns = {column["name"] for column in inspect(empty_engine).get_columns(TABLE_NAME)}
    assert {"signal_kind", "signal_level"} <= columns
    with empty_engine.connect() as connection:
        assert connection.execute(text(f"SELECT count(*) FROM {TABLE_NAME}")).scalar() == 1
    db.downgrade(empty_engine, "0001")
    columns = {column["name"] for column in inspect(empty_engine).get_columns(TABLE_NAME)}
    assert "signal_kind" not in columns
