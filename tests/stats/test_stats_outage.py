"""The database goes away in the middle of a conversation: the conversation goes on, nothing is
lost, and everything is written once the database is back.

Uses a private PostgreSQL instance (initdb in a temporary directory, own port) so that it can
be stopped and started without touching the shared server.
"""

import logging
import os
import shutil
import subprocess
import tempfile
import threading
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import select, text
from stats_support import free_port

from stats import Recorder, Step, new_conversation_key
from stats.db import make_engine, transaction, upgrade
from stats.models import conversations

PG_BIN = sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1]


class PrivatePostgres:
    def __init__(self) -> None:
        self.base = Path(tempfile.mkdtemp(prefix="stats-pg-"))
        self.data = self.base / "data"
        self.port = free_port()
        # initdb refuses to run as root: run the server as the postgres user.
        self.as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_owner:
            shutil.chown(self.base, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run(
            [*self.as_owner, str(PG_BIN / tool), *args], check=True, capture_output=True, timeout=120
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.base / "log"), "-w", "-o", options, "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.base, ignore_errors=True)


@pytest.fixture
def private_pg():
    server = PrivatePostgres()
    server.start()
    try:
        yield server
    finally:
        server.remove()


def test_database_stops_mid_conversation(private_pg, caplog):
    caplog.set_level(logging.INFO)
    rec = Recorder(private_pg.url, retry_initial=0.05, retry_max=0.5)
    key = new_conversation_key()
    rec.update(
        key, gemeente="zwolle", channel="web", started_at=datetime.now(timezone.utc), step=Step.WELCOME
    )
    assert rec.flush(20)

    private_pg.stop()
    # The conversation goes on while the database is down.
    rec.update(key, step=Step.SAFETY)
    rec.update(key, step=Step.SITUATION, before_score=4)
    rec.update(
        key,
        step=Step.OUTCOME,
        route="rst",
        intensity="licht",
        outcome="route",
        seconds_to_route=300,
        turns_to_route=12,
        handoff=True,
        offer_fallback=False,
    )
    others = [new_conversation_key() for _ in range(20)]
    for other in others:
        rec.update(other, gemeente="eindhoven", channel="intake", step=Step.SAFETY)
    assert not rec.flush(1.0)
    down = rec.stats()
    assert down["buffered"] == 21 and down["dropped"] == 0 and down["retries"] >= 1

    private_pg.start()
    assert rec.flush(30)
    up = rec.stats()
    assert up["buffered"] == 0 and up["dropped"] == 0
    engine = make_engine(private_pg.url)
    with transaction(engine) as session:
        stored = {r.key: r for r in session.execute(select(conversations))}
    engine.dispose()
    assert set(stored) == {key, *others}
    row = stored[key]
    assert (row.gemeente, row.step, row.route, row.intensity, row.before_score) == (
        "zwolle",
        Step.OUTCOME.rank,
        "rst",
        "licht",
        4,
    )
    assert row.handoff is True and row.turns_to_route == 12
    assert "database not reachable" in caplog.text and "reachable again" in caplog.text
    rec.close()


def test_a_slow_database_counts_as_down(pg_url):
    """A table lock longer than the writer's statement timeout: retry later, never wait."""
    engine = make_engine(pg_url)
    upgrade(engine)
    rec = Recorder(pg_url, retry_initial=0.05, retry_max=0.2, statement_timeout_ms=200)
    rec.update("conv-slow-0000", gemeente="zwolle")
    assert rec.flush(10)
    locked, release = threading.Event(), threading.Event()

    def hold_lock():
        with engine.begin() as connection:
            connection.execute(text("LOCK TABLE stats_conversation IN ACCESS EXCLUSIVE MODE"))
            locked.set()
            release.wait(30)

    holder = threading.Thread(target=hold_lock)
    holder.start()
    try:
        assert locked.wait(10)
        for n in range(10):
            rec.update(f"conv-slow-{n:04d}", gemeente="zwolle", step=Step.SAFETY)
        assert not rec.flush(1.0)
        assert rec.stats()["retries"] >= 1
    finally:
        release.set()
        holder.join()
    assert rec.flush(20)
    with transaction(engine) as session:
        n = session.execute(select(conversations.c.key).where(conversations.c.key.like("conv-slow-%"))).all()
    assert len(n) == 10
    rec.close()
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM stats_conversation"))
    engine.dispose()
