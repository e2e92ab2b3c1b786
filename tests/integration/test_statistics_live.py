"""A conversation through the real assistant leaves exactly one anonymous statistics row."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from live_client import Conversation

from scripts.stack import start_isolated

pytestmark = pytest.mark.live

MESSAGES = [
    "we zijn vorig jaar gescheiden en hebben 2 kinderen van 5 en 8",
    "nee",
    "nee",
    "nee",
    "ik ben Fatima de Vries, mijn nummer is 06-12345678",
    "nee, we kunnen helemaal geen afspraken meer maken",
    "ja",
]
SECRETS = ["Fatima", "Vries", "12345678", "gescheiden", "afspraken", "kinderen"]


@pytest.fixture(scope="module")
def stats_stack(tmp_path_factory):
    root = tmp_path_factory.mktemp("stats_stack")
    stack = start_isolated(root, web=False)
    try:
        yield stack, root / "data" / "stats.db"
    finally:
        stack.stop()


def rows(db: Path) -> list[sqlite3.Row]:
    with sqlite3.connect(db) as connection:
        connection.row_factory = sqlite3.Row
        return connection.execute("SELECT * FROM stats_conversation").fetchall()


def wait_for(db: Path, predicate, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if db.exists():
            try:
                found = rows(db)
            except sqlite3.OperationalError:
                found = []
            if predicate(found):
                return found
        time.sleep(0.5)
    state = rows(db) if db.exists() else "no database"
    raise AssertionError(f"statistics did not reach the expected state: {state}")


def test_one_conversation_one_row_and_no_free_text_anywhere(stats_stack):
    stack, db = stats_stack
    conversation = Conversation(stack.webhook_url, "zwolle")
    for message in MESSAGES:
        conversation.say(message)
    assert conversation.outcome["decision"]["route"] == "rst"

    found = wait_for(db, lambda r: len(r) == 1 and r[0]["useful"] is not None)
    assert len(found) == 1
    row = dict(found[0])
    assert row["gemeente"] == "zwolle" and row["channel"] == "web"
    assert (row["route"], row["intensity"]) == ("rst", "zwaar")
    assert row["outcome"] == "route" and row["useful"] == 1
    assert row["safety"] is None and row["handoff"] == 0
    assert row["turns_to_route"] >= 6 and row["seconds_to_route"] >= 0
    assert row["key"] != conversation.sender
    started = str(row["started_at"])
    assert started.endswith(":00:00") or started.endswith(":00:00.000000")  # rounded to the hour

    # No free text, name, number or sender id anywhere in the database file.
    raw = db.read_bytes()
    for secret in [*SECRETS, conversation.sender]:
        assert secret.encode() not in raw, secret
    with sqlite3.connect(db) as connection:
        tables = [t for (t,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for record in connection.execute(f'SELECT * FROM "{table}"'):
                for value in record:
                    if isinstance(value, str):
                        assert not any(s.lower() in value.lower() for s in SECRETS), (table, value)


def test_a_safety_escalation_and_a_handoff_are_counted(stats_stack):
    stack, db = stats_stack
    before = len(rows(db)) if db.exists() else 0
    conversation = Conversation(stack.webhook_url, "eindhoven")
    conversation.say("/greet")
    conversation.say("hij heeft me geslagen")
    conversation.say("ja")
    conversation.say("ik wil een mens spreken")
    assert conversation.outcome["decision"]["route"] == "veiligheid"
    found = wait_for(db, lambda r: len(r) == before + 1
                     and any(x["safety"] == "veiligheid" and x["handoff"] for x in r))
    row = next(dict(x) for x in found if x["safety"] == "veiligheid")
    assert row["gemeente"] == "eindhoven" and row["route"] == "veiligheid"
    assert (row["signal_kind"], row["signal_level"]) == ("violence", "explicit")


@pytest.mark.parametrize(("messages", "kind", "level"), [
    (["/greet", "hij wil altijd weten waar ik ben"], "control", "possible"),
    (["hij zei dat ik het zou bezuren als ik wegga"], "threat", "explicit"),
])
def test_the_kind_and_level_of_a_signal_are_counted_without_the_words(stats_stack, messages,
                                                                      kind, level):
    stack, db = stats_stack
    conversation = Conversation(stack.webhook_url, "eindhoven")
    for message in messages:
        conversation.say(message)
    found = wait_for(db, lambda r: any(x["signal_kind"] == kind and x["signal_level"] == level
                                       for x in r))
    raw = db.read_bytes()
    for word in ("weten waar", "bezuren", "wegga"):
        assert word.encode() not in raw
    assert found
