import logging
from datetime import datetime, timedelta, timezone

import pytest

from stats import Channel, Step, new_conversation_key
from stats.fields import UPDATE_FIELDS, clean_update, local_hour, valid_gemeente, valid_key

SECRET = "Jan Jansen 0612345678"


def test_steps_are_ordered_as_the_funnel():
    assert [s.value for s in Step] == ["welcome", "safety", "situation", "outcome", "feedback"]
    assert [s.rank for s in Step] == [0, 1, 2, 3, 4]
    assert all(Step.from_rank(s.rank) is s for s in Step)


def test_update_fields_are_exactly_the_documented_ones():
    assert {
        "gemeente",
        "channel",
        "started_at",
        "step",
        "safety",
        "route",
        "intensity",
        "offer_fallback",
        "handoff",
        "outcome",
        "seconds_to_route",
        "turns_to_route",
        "before_score",
        "useful",
        "signal_kind",
        "signal_level",
    } == UPDATE_FIELDS


def test_valid_values_become_columns():
    clean, rejected = clean_update(
        {
            "gemeente": "zwolle",
            "channel": Channel.INTAKE,
            "step": Step.OUTCOME,
            "safety": "crisis",
            "route": "rst",
            "intensity": "zwaar",
            "offer_fallback": False,
            "handoff": True,
            "outcome": "route",
            "seconds_to_route": 312,
            "turns_to_route": 14,
            "before_score": 4,
            "useful": True,
        }
    )
    assert rejected == 0
    assert clean["channel"] == "intake"
    assert clean["step"] == 3
    assert clean["intensity"] == "zwaar"
    assert clean["before_score"] == 4


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("gemeente", SECRET),
        ("gemeente", "Zwolle"),
        ("channel", "telefoon"),
        ("step", "stap 3"),
        ("safety", SECRET),
        ("route", "therapie"),
        ("intensity", "middel"),
        ("offer_fallback", "ja"),
        ("handoff", 1),
        ("outcome", "abandoned"),
        ("seconds_to_route", -1),
        ("seconds_to_route", 3.5),
        ("turns_to_route", True),
        ("before_score", 0),
        ("before_score", 11),
        ("before_score", "5"),
        ("useful", "ja"),
        ("signal_kind", "hij slaat me"),
        ("signal_level", "heel erg"),
        ("started_at", "2025-01-01T10:00"),
    ],
)
def test_bad_values_are_ignored_and_logged_without_the_value(name, value, caplog):
    caplog.set_level(logging.WARNING)
    clean, rejected = clean_update({name: value})
    assert clean == {} and rejected == 1
    assert f"'{name}'" in caplog.text
    if isinstance(value, str):
        # The messages, not the log's source line ("fields.py:253" holds a 5).
        assert not any(value in message for message in caplog.messages)


def test_unknown_fields_are_ignored_and_logged_by_name_only(caplog):
    caplog.set_level(logging.WARNING)
    clean, rejected = clean_update({"name": SECRET, "email": SECRET, "step": "safety"})
    assert clean == {"step": 1}
    assert rejected == 2
    assert "'name'" in caplog.text and "'email'" in caplog.text
    assert SECRET not in caplog.text


def test_none_means_unknown_and_is_not_an_error(caplog):
    caplog.set_level(logging.WARNING)
    assert clean_update({"safety": None, "useful": None}) == ({}, 0)
    assert caplog.text == ""


def test_a_route_without_intensity_has_no_intensity():
    assert clean_update({"route": "online"})[0] == {"route": "online", "intensity": None}
    assert clean_update({"route": "rst", "intensity": None})[0] == {
        "route": "rst",
        "intensity": None,
    }
    assert clean_update({"intensity": "licht"})[0] == {"intensity": "licht"}


def test_start_time_is_dutch_local_time_rounded_down_to_the_hour():
    # Winter: UTC+1. Naive datetimes count as UTC.
    assert local_hour(datetime(2025, 1, 15, 9, 59, 59)) == datetime(2025, 1, 15, 10, 0)
    # Summer: UTC+2, and an aware datetime in another zone.
    plus5 = timezone(timedelta(hours=5))
    assert local_hour(datetime(2025, 7, 1, 14, 30, tzinfo=plus5)) == datetime(2025, 7, 1, 11, 0)
    clean, _ = clean_update({"started_at": datetime(2025, 3, 30, 1, 30, tzinfo=timezone.utc)})
    assert clean["started_at"] == datetime(2025, 3, 30, 3, 0)  # the night clocks go forward


def test_start_times_far_away_are_clock_bugs():
    future = datetime.now(timezone.utc) + timedelta(days=3)
    assert clean_update({"started_at": future})[1] == 1
    assert clean_update({"started_at": datetime(2019, 12, 31, 12)})[1] == 1


def test_keys_and_gemeente_ids():
    key = new_conversation_key()
    assert valid_key(key) and key != new_conversation_key()
    for bad in (None, 42, "", "short", "with space 1234", "x" * 65, "sender@example.nl"):
        assert not valid_key(bad)
    assert valid_gemeente("zwolle") and valid_gemeente("s-hertogenbosch")
    for bad in ("Zwolle", "-zwolle", "zwolle-", "", "zw olle", "<b>", 7):
        assert not valid_gemeente(bad)
