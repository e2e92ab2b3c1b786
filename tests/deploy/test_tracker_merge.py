"""Saving to the Redis tracker store: the linear merge gives Rasa's merge, event for event
(deploy/speedups/tracker_merge.py)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rasa.core.tracker_store import RedisTrackerStore
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.slots import AnySlot
from rasa.shared.core.trackers import DialogueStateTracker

from deploy.speedups.tracker_merge import _frozen, linear_merge

RASAS = RedisTrackerStore.__dict__["_merge_trackers"].__func__
OURS = linear_merge(RASAS).__func__
SLOTS = ["session_started_metadata", "violence", "children", "misses"]


def _tracker(events) -> DialogueStateTracker:
    return DialogueStateTracker.from_events(
        "resident", list(events), slots=[AnySlot(name, mappings=[]) for name in SLOTS]
    )


def _dicts(tracker: DialogueStateTracker) -> list[dict]:
    return [event.as_dict() for event in tracker.events]


def test_the_conversation_our_channel_makes_takes_rasas_slow_path_and_merges_alike():
    # The channel's metadata becomes a slot event before action_session_start; Rasa's
    # retrieve() returns the session after it, so the stored tracker has one event more.
    first = [
        SlotSet("session_started_metadata", {"gemeente": "zwolle", "channel": "web"}, timestamp=1.0),
        ActionExecuted("action_session_start", timestamp=2.0),
        SessionStarted(timestamp=2.1),
        ActionExecuted("action_listen", timestamp=2.2),
        UserUttered("hallo", {"name": "greet", "confidence": 0.99}, timestamp=3.0),
        BotUttered("Ben je nu in gevaar?", timestamp=3.5),
        ActionExecuted("action_listen", timestamp=3.6),
    ]
    stored = _tracker(first)
    working = _tracker([
        *first[1:],
        UserUttered("nee", {"name": "deny", "confidence": 0.97}, timestamp=4.0),
        SlotSet("violence", False, timestamp=4.1),
        ActionExecuted("action_listen", timestamp=4.2),
    ])
    past = working.travel_back_in_time(target_time=stored.events[-1].timestamp)
    assert past.events != stored.events  # Rasa's slow path
    assert _dicts(OURS(stored, working)) == _dicts(RASAS(stored, working))
    assert len(OURS(stored, working).events) == len(first) + 3


values = st.one_of(st.none(), st.booleans(), st.sampled_from([0, 1, 1.0, 2.5, "1", "ja"]),
                   st.lists(st.sampled_from([1, 1.0, True, "a"]), max_size=2),
                   st.tuples(st.sampled_from([1, "a"])),
                   st.dictionaries(st.sampled_from(["a", "b"]), st.sampled_from([1, 1.0, "x", None]),
                                   max_size=2))
timestamps = st.sampled_from([1.0, 2.0, 2.0, 3.0, 4.0])
events = st.one_of(
    st.builds(lambda name, value, ts: SlotSet(name, value, timestamp=ts),
              st.sampled_from(SLOTS), values, timestamps),
    st.builds(lambda name, ts: ActionExecuted(name, timestamp=ts),
              st.sampled_from(["action_listen", "triage_form", "action_give_route"]), timestamps),
    st.builds(lambda text, ts: BotUttered(text, timestamp=ts), st.sampled_from(["a", "b"]), timestamps),
    st.builds(lambda text, ts: UserUttered(text, {"name": "inform", "confidence": 1.0}, timestamp=ts),
              st.sampled_from(["ja", "nee"]), timestamps),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(events, max_size=8), st.lists(events, max_size=8), st.integers(0, 8))
def test_linear_merge_equals_rasas_merge(prior, fresh, shared):
    # The working tracker usually repeats part of the stored one (a later session of it).
    stored, working = _tracker(prior), _tracker([*prior[len(prior) - min(shared, len(prior)):], *fresh])
    assert _dicts(OURS(stored, working)) == _dicts(RASAS(stored, working))


@given(values, values)
def test_frozen_values_are_equal_exactly_when_the_values_are(a, b):
    assert (_frozen(a) == _frozen(b)) == (a == b)
    if a == b:
        assert hash(_frozen(a)) == hash(_frozen(b))
