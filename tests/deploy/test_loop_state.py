"""deploy/speedups/loop_state.py: the active loop in a tracker's state is the same dictionary as
`dataclasses.asdict` makes, and as deep a copy."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from rasa.shared.core import trackers as rasa_trackers
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity, TrackerActiveLoop

from deploy.speedups.loop_state import TrackerDataclasses

ROOT = Path(__file__).resolve().parents[2]
FAST = TrackerDataclasses(TrackerActiveLoop)

json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=5)),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=12,
)
# Values that are not plain JSON: asdict itself must handle them.
odd_values = st.one_of(
    st.tuples(st.integers(), st.text(max_size=2)),
    st.builds(np.float32, st.floats(-1, 1, width=32)),
    st.builds(lambda d: type("Sub", (dict,), {})(d), st.dictionaries(st.text(max_size=2), st.integers())),
    st.builds(lambda x: {"nested": [x]}, st.frozensets(st.integers(), max_size=2)),
)
loops = st.builds(
    TrackerActiveLoop,
    name=st.one_of(st.none(), st.just("triage_form")),
    is_interrupted=st.booleans(),
    rejected=st.booleans(),
    trigger_message=st.one_of(st.none(), st.dictionaries(st.text(max_size=5), json_values | odd_values,
                                                         max_size=5)),
)


def _containers(value, found=None):
    found = [] if found is None else found
    if isinstance(value, dict):
        found.append(value)
        for key, item in value.items():
            _containers(key, found)
            _containers(item, found)
    elif isinstance(value, list):
        found.append(value)
        for item in value:
            _containers(item, found)
    return found


@settings(max_examples=400, deadline=None)
@given(loops)
def test_same_dictionary_as_asdict_and_nothing_shared(loop):
    ours = FAST.asdict(loop)
    theirs = dataclasses.asdict(loop)
    assert ours == theirs
    assert list(ours) == list(theirs)  # the same key order
    assert repr(ours) == repr(theirs)  # the same types (1 vs 1.0 vs True, dict subclasses)
    original = {id(container) for container in _containers(dataclasses.astuple(loop))}
    assert not original & {id(container) for container in _containers(ours)}


def test_other_dataclasses_and_factories_go_to_asdict():
    @dataclasses.dataclass
    class Other:
        a: dict

    other = Other({"x": [1]})
    assert FAST.asdict(other) == {"a": {"x": [1]}}
    loop = TrackerActiveLoop("f", False, False, {"text": "hoi"})
    assert FAST.asdict(loop, dict_factory=list) == dataclasses.asdict(loop, dict_factory=list)
    assert FAST.fields is dataclasses.fields  # the rest of the module as it is


def test_tracker_state_with_an_active_form_is_unchanged(rasa_speedups_installed):
    assert isinstance(rasa_trackers.dataclasses, TrackerDataclasses)
    domain = Domain.load(str(ROOT / "domain.yml"))
    parse = {"intent": {"name": "inform", "confidence": 0.93},
             "intent_ranking": [{"name": "inform", "confidence": 0.93},
                                {"name": "greet", "confidence": 0.07}],
             "entities": [], "text": "we zijn uit elkaar", "message_id": "m1", "metadata": {}}
    tracker = DialogueStateTracker.from_events("s", [
        ActionExecuted("action_listen", timestamp=1.0),
        UserUttered("we zijn uit elkaar", parse_data=parse, timestamp=2.0),
        ActionExecuted("triage_form", timestamp=3.0),
        ActiveLoop("triage_form", timestamp=4.0),
        SlotSet("requested_slot", "acute_danger", timestamp=5.0),
    ], domain.slots)
    ours = tracker.current_state(EventVerbosity.ALL)
    rasa_trackers.dataclasses = dataclasses  # Rasa's own (the fixture restores the speed-up)
    theirs = tracker.current_state(EventVerbosity.ALL)
    assert ours == theirs and ours["active_loop"]["trigger_message"]["intent"]["name"] == "inform"
    assert ours["active_loop"]["trigger_message"] is not tracker.active_loop.trigger_message
