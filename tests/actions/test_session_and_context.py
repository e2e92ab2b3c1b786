"""Session start: gemeente and channel from the REST metadata; unknown gemeente → default."""

import logging

from action_helpers import make_tracker, slot_events

from actions.context import answers_from_tracker, resolve_gemeente
from actions.session import ActionSessionStart


async def run_session_start(dispatcher, metadata):
    tracker = make_tracker(slots={"session_started_metadata": metadata})
    return await ActionSessionStart().run(dispatcher, tracker, {})


async def test_gemeente_and_channel_come_from_metadata(dispatcher):
    events = await run_session_start(dispatcher, {"gemeente": "zwolle", "channel": "intake"})
    assert events[0]["event"] == "session_started"
    assert events[-1]["event"] == "action" and events[-1]["name"] == "action_listen"
    slots = slot_events(events)
    assert slots["gemeente"] == "zwolle"
    assert slots["channel"] == "intake"
    assert "Zwolle" in slots["gemeente_name"]
    assert len(slots["conversation_key"]) == 32


async def test_unknown_gemeente_falls_back_to_the_default_with_a_warning(dispatcher, caplog):
    with caplog.at_level(logging.WARNING):
        events = await run_session_start(dispatcher, {"gemeente": "atlantis", "channel": "tv"})
    slots = slot_events(events)
    assert slots["gemeente"] == "voorbeeld"
    assert slots["channel"] == "web"
    assert "atlantis" in caplog.text


async def test_no_metadata_at_all_gives_the_default(dispatcher):
    slots = slot_events(await run_session_start(dispatcher, None))
    assert slots["gemeente"] == "voorbeeld" and slots["channel"] == "web"


async def test_each_conversation_gets_a_different_random_statistics_key(dispatcher):
    keys = set()
    for _ in range(5):
        keys.add(slot_events(await run_session_start(dispatcher, {}))["conversation_key"])
    assert len(keys) == 5
    assert "test-sender" not in keys


def test_resolve_gemeente_is_case_and_space_tolerant():
    assert resolve_gemeente(" Zwolle ") == "zwolle"
    assert resolve_gemeente(None) == "voorbeeld"
    assert resolve_gemeente({"not": "a string"}) == "voorbeeld"


def test_answers_from_tracker_maps_dont_know_to_none_and_leaves_unasked_out():
    tracker = make_tracker(slots={"acute_danger": False, "violence": "dont_know",
                                  "relationship_score": 7})
    assert answers_from_tracker(tracker) == {"acute_danger": False, "violence": None,
                                             "relationship_score": 7}
