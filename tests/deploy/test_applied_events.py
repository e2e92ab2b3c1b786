"""deploy/speedups/applied_events.py: the applied events, continued from the last answer, are
always those Rasa's own walk from the first event gives.

Conversations are random mixes of every event kind that `applied_events` treats specially (form
runs and their rejection, loop (de)activation, rewinds, restarts, new sessions), grown in random
steps; after each step both ways are asked, twice, on the same and on a copied tracker.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rasa.shared.core.events import (
    ActionExecuted,
    ActionExecutionRejected,
    ActionReverted,
    ActiveLoop,
    BotUttered,
    DefinePrevUserUtteredFeaturization,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from deploy.speedups.applied_events import MEMO_ATTRIBUTE, remembering_applied_events

RASAS_OWN = DialogueStateTracker.applied_events
REMEMBERING = remembering_applied_events(RASAS_OWN)
LOOPS = ["triage_form", "other_form"]

events = st.one_of(
    st.sampled_from([*LOOPS, "action_listen", "utter_x", "action_extract_answers"]).map(ActionExecuted),
    st.sampled_from(LOOPS).map(lambda name: ActionExecutionRejected(name)),
    st.sampled_from([*LOOPS, None]).map(ActiveLoop),
    st.sampled_from(["ja", "nee"]).map(lambda text: UserUttered(text, {"name": "affirm", "confidence": 1.0})),
    st.just(None).map(lambda _: BotUttered("vraag")),
    st.just(None).map(lambda _: SlotSet("requested_slot", "in_danger")),
    st.just(None).map(lambda _: DefinePrevUserUtteredFeaturization(False)),
    st.just(None).map(lambda _: UserUtteranceReverted()),
    st.just(None).map(lambda _: ActionReverted()),
    st.just(None).map(lambda _: Restarted()),
    st.just(None).map(lambda _: SessionStarted()),
)


def _identical(got, expected) -> bool:
    return len(got) == len(expected) and all(a is b for a, b in zip(got, expected, strict=True))


@given(steps=st.lists(st.lists(events, min_size=0, max_size=12), min_size=1, max_size=10))
@settings(max_examples=400, deadline=None)
def test_the_same_events_as_rasas_walk_at_every_step(steps):
    tracker = DialogueStateTracker("s", slots=None)
    for step in steps:
        for event in step:
            tracker.events.append(event)  # (no state changes needed: only the events count)
        expected = RASAS_OWN(tracker)
        assert _identical(REMEMBERING(tracker), expected)
        assert _identical(REMEMBERING(tracker), expected)  # asked again without new events
        copied = DialogueStateTracker("s", slots=None)
        copied.events.extend(tracker.events)
        assert _identical(REMEMBERING(copied), expected)


def test_the_answer_is_a_new_list_each_time():
    tracker = DialogueStateTracker("s", slots=None)
    tracker.events.extend([ActionExecuted("action_listen"), UserUttered("ja")])
    first = REMEMBERING(tracker)
    first.clear()  # a caller changing its list changes nothing for the next one
    assert len(REMEMBERING(tracker)) == 2


def test_a_new_loop_or_replaced_events_walk_from_the_start():
    tracker = DialogueStateTracker("s", slots=None)
    tracker.events.extend([
        ActionExecuted("action_listen"), UserUttered("ja"), ActionExecuted("triage_form"),
        ActionExecuted("action_listen"), UserUttered("nee"), ActionExecuted("triage_form"),
    ])
    assert len(REMEMBERING(tracker)) == 6  # "triage_form" is no loop yet: nothing undone
    tracker.events.append(ActiveLoop("triage_form"))  # ... and now it is, from the start
    assert _identical(REMEMBERING(tracker), RASAS_OWN(tracker))
    assert len(RASAS_OWN(tracker)) < 7
    tracker.events.pop()
    tracker.events.pop()
    tracker.events.append(BotUttered("andere"))  # same length, another last event
    tracker.events.append(ActionExecuted("utter_x"))
    assert _identical(REMEMBERING(tracker), RASAS_OWN(tracker))
    tracker.events = type(tracker.events)(list(tracker.events))  # another event list, same events
    assert _identical(REMEMBERING(tracker), RASAS_OWN(tracker))


def test_it_continues_from_where_it_was(monkeypatch):
    from deploy.speedups import applied_events

    tracker = DialogueStateTracker("s", slots=None)
    tracker.events.extend([ActionExecuted("action_listen"), UserUttered("ja")] * 20)
    REMEMBERING(tracker)
    walked: list[int] = []
    real_fold = applied_events.fold

    def counting_fold(tracker, events, loops, applied):
        events = list(events)
        walked.append(len(events))
        return real_fold(tracker, events, loops, applied)

    monkeypatch.setattr(applied_events, "fold", counting_fold)
    tracker.events.append(ActionExecuted("utter_x"))
    assert _identical(REMEMBERING(tracker), RASAS_OWN(tracker))
    assert walked == [1]
    assert tracker.__dict__[MEMO_ATTRIBUTE][1] == 41


def test_installed_on_the_tracker(rasa_speedups_installed):
    installed = DialogueStateTracker.applied_events
    assert installed.__wrapped__ is rasa_speedups_installed(DialogueStateTracker, "applied_events")
