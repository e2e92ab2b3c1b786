import itertools
from datetime import date, datetime, timedelta
from functools import reduce

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from stats.db import transaction
from stats.fields import COLUMNS, LOCAL_TZ, clean_update
from stats.models import conversations
from stats.store import add_months, merge, new_record, purge, upsert

T0 = datetime(2025, 5, 12, 9)
_keys = (f"prop-{n:08d}" for n in itertools.count())


def stored(engine, key):
    with transaction(engine) as session:
        row = session.execute(select(conversations).where(conversations.c.key == key)).one()
    return {column: row._mapping[column] for column in COLUMNS}


def write(engine, key, *records):
    for record in records:
        with transaction(engine) as session:
            upsert(session, [dict(record, key=key)])


def record(hours=0, **fields):
    clean, rejected = clean_update(fields)
    assert rejected == 0
    return new_record(clean, T0 + timedelta(hours=hours))


def normalise(row):
    # SQLite hands booleans back as they were stored; compare as Python values.
    return {
        k: (bool(v) if k in ("handoff", "offer_fallback", "useful") and v is not None else v)
        for k, v in row.items()
    }


def test_rows_merge_per_conversation(engine):
    write(
        engine,
        "conv-00000001",
        record(0, gemeente="zwolle", channel="web", step="welcome"),
        record(0, step="situation", safety="veiligheid", handoff=True, before_score=3),
        record(1, step="safety", safety=None, handoff=False, route="rst", intensity="zwaar"),
        record(1, route="online", useful=True),
    )
    row = stored(engine, "conv-00000001")
    assert row["gemeente"] == "zwolle" and row["channel"] == "web"
    assert row["step"] == 2  # the furthest step stays: situation
    assert row["safety"] == "veiligheid"  # an escalation is never undone
    assert bool(row["handoff"]) is True  # asked for a human once: stays asked
    assert row["route"] == "online" and row["intensity"] is None  # the new route has none
    assert row["before_score"] == 3 and bool(row["useful"]) is True
    assert row["started_at"] == T0 and row["last_activity_at"] == T0 + timedelta(hours=1)


def test_an_explicit_start_before_the_first_update_wins(engine):
    write(
        engine,
        "conv-00000002",
        record(2, step="safety"),
        record(3, started_at=(T0 - timedelta(minutes=5)).replace(tzinfo=LOCAL_TZ)),
    )
    row = stored(engine, "conv-00000002")
    assert row["started_at"] == T0 - timedelta(hours=1)
    assert row["last_activity_at"] == T0 + timedelta(hours=3)


def test_the_database_refuses_values_outside_the_closed_sets(engine):
    bad = dict(new_record({}, T0), key="conv-00000003", route="therapie")
    with pytest.raises(IntegrityError), transaction(engine) as session:
        session.execute(insert(conversations), [bad])
    with transaction(engine) as session:
        assert session.execute(select(conversations.c.key)).all() == []


updates = st.fixed_dictionaries(
    {},
    optional={
        "gemeente": st.sampled_from(["zwolle", "eindhoven"]),
        "channel": st.sampled_from(["web", "intake"]),
        "started_at": st.integers(-3, 3).map(lambda h: T0 + timedelta(hours=h)),
        "step": st.sampled_from(["welcome", "safety", "situation", "outcome", "feedback"]),
        "safety": st.sampled_from([None, "crisis", "veiligheid"]),
        "route": st.sampled_from(["rst", "online", "relatie_apk"]),
        "intensity": st.sampled_from([None, "zwaar", "licht"]),
        "offer_fallback": st.booleans(),
        "handoff": st.booleans(),
        "outcome": st.sampled_from(["route", "stopped"]),
        "seconds_to_route": st.integers(0, 5000),
        "before_score": st.integers(1, 10),
        "useful": st.booleans(),
    },
)
histories = st.lists(st.tuples(st.integers(0, 3), updates), min_size=1, max_size=6)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=histories, data=st.data())
def test_merging_in_the_buffer_and_in_the_database_agree(engine, history, data):
    """Writing updates one by one, or merged in any grouping first, gives the same row."""
    records = [record(hours, **fields) for hours, fields in history]
    expected = reduce(merge, records)
    cuts = sorted(data.draw(st.sets(st.integers(1, len(records) - 1) if len(records) > 1 else st.nothing())))
    groups = [records[a:b] for a, b in zip([0, *cuts], [*cuts, len(records)], strict=True)]
    key = next(_keys)
    write(engine, key, *(reduce(merge, group) for group in groups))
    assert normalise(stored(engine, key)) == normalise(expected)


def test_add_months_clamps_to_the_end_of_the_month():
    assert add_months(date(2025, 3, 31), -1) == date(2025, 2, 28)
    assert add_months(date(2024, 3, 31), -1) == date(2024, 2, 29)
    assert add_months(date(2025, 1, 15), -24) == date(2023, 1, 15)
    assert add_months(date(2025, 11, 30), 3) == date(2026, 2, 28)


def test_purge_deletes_what_started_before_the_retention_period(engine):
    today = date(2025, 6, 15)
    starts = {
        "old-00000001": datetime(2023, 6, 14, 23),  # just over 24 months: goes
        "old-00000002": datetime(2021, 1, 1, 12),
        "new-00000001": datetime(2023, 6, 15, 0),  # exactly 24 months: stays
        "new-00000002": datetime(2025, 6, 15, 8),
    }
    with transaction(engine) as session:
        upsert(session, [dict(new_record({}, start), key=key) for key, start in starts.items()])
    with transaction(engine) as session:
        assert purge(session, 24, today) == 2
    with transaction(engine) as session:
        left = {key for (key,) in session.execute(select(conversations.c.key))}
    assert left == {"new-00000001", "new-00000002"}
    with transaction(engine) as session:
        assert purge(session, 1, today) == 1
    with pytest.raises(ValueError), transaction(engine) as session:
        purge(session, 0, today)
