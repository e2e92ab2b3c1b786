"""Alembic environment of the statistics package.

Used in code through ``stats.db.upgrade`` (which passes a connection), or from the command line
with ``alembic -c stats/alembic.ini upgrade head`` (which uses ``$DATABASE_URL`` or the SQLite
default, exactly like the application).
"""

from alembic import context

from stats.models import VERSION_TABLE, metadata


def _ours(name, type_, _parent_names) -> bool:
    """Autogenerate looks at the statistics tables only: the database may be shared."""
    return type_ != "table" or name.startswith("stats_")


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        version_table=VERSION_TABLE,
        include_name=_ours,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from stats.db import make_engine

    engine = make_engine()
    try:
        with engine.begin() as own_connection:
            _run(own_connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (SQL script) migrations are not supported for the statistics")
main()
