"""Scale-out on Rasa's own distributed setup: 2 Rasa instances behind nginx, Redis, PostgreSQL.

Starts the production profile (`scripts.prod_stack.ProdStack`: deploy/endpoints.yml with
RedisTrackerStore + RedisLockStore, deploy/nginx.conf.template round robin, action server with 2
workers, statistics on PostgreSQL) against the real Redis and PostgreSQL of this machine, with a
fresh Redis key prefix and a fresh PostgreSQL database, and drives 100 full triage conversations
at the same time through nginx. Then it checks, per conversation:

- the route in the outcome payload is `routes.decide` on the answers given (bench.dialogues);
- every request got exactly its own bot turn: the tracker in Redis holds exactly the messages
  sent, in order, and exactly the bot messages received, and expires (record_exp);
- the conversation is in the PostgreSQL statistics exactly once, with its route and turn count;

and that both instances did real work and no conversation lock was left behind.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from bench.dialogues import make_residents, run_many
from scripts.prod_stack import (
    DEFAULT_MODEL,
    RedisSettings,
    scratch_database,
    scratch_redis,
    stack_on_free_ports,
)

pytestmark = pytest.mark.scale

ROOT = Path(__file__).resolve().parents[2]
CONVERSATIONS = 100
CONCURRENCY = 100  # all conversations in flight at once; one request in flight per conversation
SEED = 2026  # the residents' answers (bench.dialogues.make_residents): fixed, so a failure repeats
RECORD_EXP = 3600  # deploy/endpoints.yml
TIME_BUDGET = 150.0  # seconds for the conversations themselves (the test stays bounded)
# All load comes from one loopback address; the per-address limits are for real residents.
LOAD_ENV = {"RELATIEROUTE_RATE_SENDER": "600", "RELATIEROUTE_RATE_ADDRESS": "1000000"}
# 100 conversations at once on 2 cores queue for seconds: this test is about correctness (timing
# goals are in the benchmarks), so the channel may take longer before it gives up.
CHANNEL_TIMEOUT = 90.0


def _train_if_changed() -> Path:
    result = subprocess.run([sys.executable, "-m", "scripts.train_if_changed"], cwd=ROOT)
    assert result.returncode == 0, "training the assistant failed"
    return DEFAULT_MODEL


@pytest.fixture
def database_url():
    """A fresh PostgreSQL database for the statistics of this run (dropped afterwards)."""
    with scratch_database("rrscale") as url:
        yield url


@pytest.fixture
def redis_settings():
    """A fresh key prefix on the real Redis; its keys are deleted afterwards."""
    with scratch_redis("rrscale") as settings:
        yield settings


@pytest.fixture
def prod_stack(tmp_path, database_url, redis_settings):
    with stack_on_free_ports(
        2, model=_train_if_changed(), rasa_workers=1, action_workers=2, redis=redis_settings,
        database_url=database_url, run_dir=tmp_path / "prod", address_per_minute=1_000_000,
        address_burst=10_000, channel_timeout=CHANNEL_TIMEOUT, extra_env=LOAD_ENV,
    ) as stack:
        yield stack


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its children that were waited for."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = sum(int(value) for value in fields[11:15])  # utime, stime, cutime, cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def _tracker(client, settings: RedisSettings, sender: str) -> tuple[dict, int]:
    key = f"{settings.prefix}:tracker:{sender}"
    raw = client.get(key)
    assert raw is not None, "conversation missing from the shared tracker store"
    return json.loads(raw), client.ttl(key)


def _statistics_rows(database_url: str, expected: int, timeout: float = 40.0) -> list[dict]:
    """The statistics rows, once the recorders wrote everything (they write in the background)."""
    from sqlalchemy import create_engine, select

    from stats.models import conversations

    engine = create_engine(database_url, future=True)
    deadline = time.monotonic() + timeout
    rows: list[dict] = []
    try:
        while time.monotonic() < deadline:
            try:
                with engine.connect() as connection:
                    rows = [dict(r._mapping) for r in connection.execute(select(conversations))]
            except Exception:  # the schema is created by the first write of an action worker
                rows = []
            if len(rows) >= expected and all(r["route"] for r in rows):
                time.sleep(1.0)  # let a last feedback update land as well
                with engine.connect() as connection:
                    return [dict(r._mapping) for r in connection.execute(select(conversations))]
            time.sleep(0.5)
        return rows
    finally:
        engine.dispose()


def test_100_concurrent_conversations_over_two_instances(prod_stack, redis_settings, database_url):
    import redis

    residents = make_residents(CONVERSATIONS, seed=SEED, prefix="scale")
    cpu_before = [_cpu_seconds(prod_stack.processes[f"rasa{i}"].pid) for i in range(2)]
    deadline = time.monotonic() + TIME_BUDGET
    transcripts = asyncio.run(
        run_many(prod_stack.webhook_url, residents, CONCURRENCY, deadline=deadline,
                 request_timeout=CHANNEL_TIMEOUT + 30)
    )
    cpu_used = [
        _cpu_seconds(prod_stack.processes[f"rasa{i}"].pid) - before
        for i, before in enumerate(cpu_before)
    ]

    failed = [(t.resident.sender, t.error, t.sent) for t in transcripts if t.error]
    assert not failed, f"{len(failed)} conversations failed, e.g. {failed[:3]}"
    routes = Counter(t.route for t in transcripts)
    assert len(routes) >= 3, f"the residents should reach several routes, got {routes}"

    # Round robin: both instances did a real share of the work.
    assert min(cpu_used) > 0.25 * max(cpu_used), f"CPU seconds per instance: {cpu_used}"

    # The shared tracker store: exactly the messages sent and the bot messages received.
    client = redis.Redis(host=redis_settings.host, port=redis_settings.port, db=redis_settings.db)
    try:
        for transcript in transcripts:
            dialogue, ttl = _tracker(client, redis_settings, transcript.resident.sender)
            events = dialogue["events"]
            user_texts = [e.get("text") for e in events if e["event"] == "user"]
            assert user_texts == transcript.sent, "a message was lost or handled twice"
            bot_events = sum(1 for e in events if e["event"] == "bot")
            assert bot_events == transcript.bot_messages, "a bot turn was lost or sent twice"
            assert 0 < ttl <= RECORD_EXP, "the conversation must expire (record_exp)"
        locks = list(client.scan_iter(match=f"{redis_settings.prefix}:lock:*"))
        assert not locks, "conversation locks were left behind"
    finally:
        client.close()

    # Statistics: one row per conversation, with its route, turns and feedback.
    rows = _statistics_rows(database_url, CONVERSATIONS)
    assert len(rows) == CONVERSATIONS, f"{len(rows)} statistics rows for {CONVERSATIONS} conversations"

    def row_key(gemeente, route, turns, feedback, useful):
        return (gemeente, route, turns, "feedback" if feedback else "outcome", useful)

    from stats.fields import Step

    expected = Counter(
        row_key(t.resident.gemeente, t.route, t.outcome_turn, t.feedback_thanked,
                t.resident.useful if t.feedback_thanked else None)
        for t in transcripts
    )
    recorded = Counter(
        row_key(r["gemeente"], r["route"], r["turns_to_route"],
                r["step"] == Step.FEEDBACK.rank, r["useful"])
        for r in rows
    )
    assert recorded == expected, (
        f"statistics differ: missing {expected - recorded}, unexpected {recorded - expected}"
    )
    assert {r["channel"] for r in rows} == {"web"}
