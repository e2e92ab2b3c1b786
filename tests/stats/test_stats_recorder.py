import logging
import os
import socket
import subprocess
import sys
import threading
from datetime import datetime, timezone

import pytest
from sqlalchemy import select, text
from stats_support import ROOT, free_port

from stats import Recorder, new_conversation_key
from stats.db import make_engine, transaction
from stats.models import conversations

SECRET = "Fatima de Vries, fatima@example.nl"


def rows(engine):
    with transaction(engine) as session:
        return {r.key: r for r in session.execute(select(conversations))}


@pytest.fixture
def recorder(sqlite_url):
    rec = Recorder(sqlite_url, retry_initial=0.05, retry_max=0.2)
    yield rec
    rec.close(timeout=2)


def test_a_conversation_becomes_one_row(recorder, sqlite_url):
    key = new_conversation_key()
    recorder.update(
        key, gemeente="eindhoven", channel="web", started_at=datetime.now(timezone.utc), step="welcome"
    )
    recorder.update(key, step="safety")
    recorder.update(key, step="situation", before_score=6)
    recorder.update(
        key,
        step="outcome",
        route="partnerprogramma",
        outcome="route",
        seconds_to_route=280,
        turns_to_route=11,
        offer_fallback=False,
    )
    assert recorder.flush(10)
    recorder.update(key, step="feedback", useful=True)
    assert recorder.flush(10)
    engine = make_engine(sqlite_url)
    stored = rows(engine)
    engine.dispose()
    assert list(stored) == [key]
    row = stored[key]
    assert (row.gemeente, row.channel, row.step, row.route, row.before_score) == (
        "eindhoven",
        "web",
        4,
        "partnerprogramma",
        6,
    )
    assert row.useful and row.outcome == "route" and row.turns_to_route == 11
    counters = recorder.stats()
    assert counters["buffered"] == 0 and counters["dropped"] == 0 and counters["written"] >= 2


def test_bad_input_never_raises_and_is_never_logged(recorder, sqlite_url, caplog):
    caplog.set_level(logging.DEBUG)
    recorder.update(None, step="welcome")
    recorder.update(12345678, step="welcome")
    recorder.update(SECRET, step="welcome")
    recorder.update(
        "conv-okay-0001",
        naam=SECRET,
        step=SECRET,
        before_score=SECRET,
        started_at=SECRET,
        gemeente=SECRET,
        useful=object(),
    )
    recorder.update("conv-okay-0001", **{"": SECRET, "x" * 500: 1})
    assert recorder.flush(10)
    counters = recorder.stats()
    assert counters["rejected"] == 3 + 6 + 2
    engine = make_engine(sqlite_url)
    assert list(rows(engine)) == ["conv-okay-0001"]  # the valid key still counts as activity
    engine.dispose()
    assert SECRET not in caplog.text and "fatima" not in caplog.text.lower()


def test_the_buffer_is_bounded_and_drops_are_counted_and_logged(caplog):
    caplog.set_level(logging.WARNING)
    closed = f"postgresql://postgres@127.0.0.1:{free_port()}/nothing"
    rec = Recorder(closed, max_pending=3, retry_initial=0.05, retry_max=0.1)
    keys = [f"conv-buffer-{n:04d}" for n in range(5)]
    for key in keys:
        rec.update(key, gemeente="zwolle", step="welcome")
    # Conversations already waiting are merged: they never need room.
    for key in keys[:3]:
        rec.update(key, step="safety", handoff=True)
    counters = rec.stats()
    assert counters["buffered"] == 3 and counters["dropped"] == 2 and counters["written"] == 0
    assert not rec.flush(0.3)
    assert rec.stats()["retries"] >= 1
    assert "buffer full" in caplog.text and "dropped" in caplog.text
    assert "database not reachable" in caplog.text
    rec.close(timeout=0.2)


def test_updates_do_not_wait_for_a_database_that_hangs():
    """A server that accepts connections but never answers: the writer hangs, updates don't."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    port = listener.getsockname()[1]
    rec = Recorder(f"postgresql://postgres@127.0.0.1:{port}/hangs", retry_initial=0.05)
    try:
        rec.update("conv-hang-0000", gemeente="zwolle", step="welcome")
        done = threading.Event()

        def conversation():
            for n in range(500):
                rec.update(f"conv-hang-{n % 50:04d}", step="safety", turns_to_route=n)
            done.set()

        worker = threading.Thread(target=conversation, daemon=True)
        worker.start()
        # Generous: this guards against a deadlock, it is not a speed requirement.
        assert done.wait(timeout=10), "update() waited for the database"
        assert rec.stats()["buffered"] == 50
        assert not rec.flush(0.2)
    finally:
        rec.close(timeout=0.2)
        listener.close()


def test_a_record_the_database_refuses_does_not_block_the_others(sqlite_url, caplog):
    caplog.set_level(logging.WARNING)
    engine = make_engine(sqlite_url)
    from stats.db import upgrade

    upgrade(engine)
    with engine.begin() as connection:
        connection.execute(
            text(
                "CREATE TRIGGER refuse BEFORE INSERT ON stats_conversation "
                "WHEN NEW.gemeente = 'weigerdorp' BEGIN SELECT RAISE(ABORT, 'refused'); END"
            )
        )
    rec = Recorder(sqlite_url, retry_initial=0.05)
    rec.update("conv-good-0001", gemeente="zwolle")
    rec.update("conv-bad-00001", gemeente="weigerdorp")
    rec.update("conv-good-0002", gemeente="eindhoven")
    assert rec.flush(10)
    assert set(rows(engine)) == {"conv-good-0001", "conv-good-0002"}
    counters = rec.stats()
    assert counters["dropped"] == 1 and counters["written"] == 2
    assert "refused" in caplog.text
    rec.close()
    engine.dispose()


def _python(code: str, data_dir) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["RELATIEROUTE_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def test_get_recorder_is_lazy_and_shared(tmp_path):
    code = """
import os, threading
data = os.environ["RELATIEROUTE_DATA_DIR"]
from stats import Step, get_recorder
assert os.listdir(data) == [], "import touched the data directory"
rec = get_recorder()
assert rec is get_recorder()
assert os.listdir(data) == [] and threading.active_count() == 1, "get_recorder() connected"
rec.update("conv-lazy-0001", gemeente="zwolle", step=Step.SAFETY)
assert rec.flush(20)
print(sorted(os.listdir(data)))
"""
    result = _python(code, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "stats.db" in result.stdout


def test_what_is_buffered_at_exit_is_written(tmp_path):
    code = """
from stats import get_recorder
get_recorder().update("conv-exit-0001", gemeente="voorbeeld", step="outcome", route="online")
"""
    result = _python(code, tmp_path)
    assert result.returncode == 0, result.stderr
    engine = make_engine(f"sqlite:///{tmp_path / 'stats.db'}")
    stored = rows(engine)
    engine.dispose()
    assert stored["conv-exit-0001"].route == "online"


def test_updates_arriving_together_share_one_transaction(sqlite_url):
    engine = make_engine(sqlite_url)
    rec = Recorder(engine=engine, linger=0.5)
    try:
        rec.update(new_conversation_key(), gemeente="zwolle", step="welcome")
        assert rec.flush(timeout=10)  # schema created, first row written
        commits = []
        from sqlalchemy import event

        event.listen(engine, "commit", lambda _conn: commits.append(1))
        keys = [new_conversation_key() for _ in range(40)]
        for key in keys:
            rec.update(key, gemeente="zwolle", step="welcome")
            rec.update(key, step="safety")
        assert rec.flush(timeout=10)
        assert len(commits) == 1, "80 updates of 40 conversations in one transaction"
        written = rows(engine)
        assert all(written[key].step == 1 for key in keys)  # 1 = safety, the furthest step
    finally:
        rec.close(timeout=2)
        engine.dispose()


def test_a_flush_does_not_wait_for_the_linger(sqlite_url):
    rec = Recorder(sqlite_url, linger=60)
    try:
        key = new_conversation_key()
        rec.update(key, gemeente="zwolle", step="welcome")
        assert rec.flush(timeout=10), "flushed long before the 60 s linger would end"
        assert key in rows(make_engine(sqlite_url))
    finally:
        rec.close(timeout=2)
