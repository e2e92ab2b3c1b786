"""deploy/speedups/tracker_replay.py: a tracker copy, and the form's temporary tracker, made from
a remembered replay are the trackers Rasa's own replay makes, attribute by attribute.

Conversations are random mixes of the events that change a tracker's state (slots, forms and
their interruption or rejection, follow-up actions, pauses, rewinds, restarts, new sessions, an
event with a timestamp that stops a copy), grown in random steps. Between steps the tracker is
changed as the processor changes it (its follow-up action cleared without an event), handed on
as our store hands it on (a new tracker of the same event objects), and each copy is changed
afterwards, so a snapshot that shared state with the replay or the original would show.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rasa.core.actions.forms import FormAction
from rasa.shared.constants import DEFAULT_SENDER_ID
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActionExecutionRejected,
    ActionReverted,
    ActiveLoop,
    AllSlotsReset,
    BotUttered,
    ConversationPaused,
    ConversationResumed,
    DefinePrevUserUtteredFeaturization,
    EntitiesAdded,
    FollowupAction,
    LoopInterrupted,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity

from deploy.speedups import tracker_replay
from deploy.speedups.empty_domain import is_empty
from deploy.speedups.tracker_replay import (
    remembering_copy,
    remembering_temporary_tracker,
)

ROOT = Path(__file__).resolve().parents[2]
RASAS_COPY = DialogueStateTracker.copy
OUR_COPY = remembering_copy(RASAS_COPY)
RASAS_TEMPORARY = FormAction._temporary_tracker
OUR_TEMPORARY = remembering_temporary_tracker(RASAS_TEMPORARY)
MEMOS = {"_applied_events_memo"}


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


def _late(event):
    event.timestamp = math.nan  # a copy's replay stops before it (`timestamp <= inf` is False)
    return event


def _user(text: str, intent: str):
    return UserUttered(text, {"name": intent, "confidence": 0.9},
                       [{"entity": "x", "value": text, "start": 0, "end": 1}] if text == "met" else None,
                       parse_data={"intent_ranking": [{"name": intent, "confidence": 0.9}]})


events = st.one_of(
    st.sampled_from(["triage_form", "action_listen", "utter_ask_goal", "action_route"]).map(ActionExecuted),
    st.just("triage_form").map(lambda name: ActionExecutionRejected(name)),
    st.sampled_from(["triage_form", None]).map(ActiveLoop),
    st.booleans().map(LoopInterrupted),
    st.sampled_from([("ja", "affirm"), ("nee", "deny"), ("met", "inform")]).map(lambda a: _user(*a)),
    st.sampled_from(["vraag", "antwoord"]).map(lambda text: BotUttered(text, {"buttons": []})),
    st.tuples(st.sampled_from(["requested_slot", "goal", "violence", "gemeente", "unknown_slot"]),
              st.sampled_from([None, "ja", "no", ["a"], {"k": 1}])).map(lambda a: SlotSet(*a)),
    st.booleans().map(DefinePrevUserUtteredFeaturization),
    st.just(None).map(lambda _: EntitiesAdded([{"entity": "y", "value": "z"}])),
    st.sampled_from(["action_route", "utter_ask_goal"]).map(FollowupAction),
    st.sampled_from([ConversationPaused, ConversationResumed, AllSlotsReset, UserUtteranceReverted,
                     ActionReverted, Restarted, SessionStarted]).map(lambda kind: kind()),
    st.just(None).map(lambda _: _late(ActionExecuted("utter_late"))),
)

# After a step: nothing; clear the follow-up action on the tracker itself (the processor does);
# hand the conversation on to a new tracker of the same events (our store does).
handovers = st.sampled_from(["none", "clear_followup", "new_tracker"])


def _is_event_of(value, tracker) -> bool:
    return any(value is event for event in tracker.events)


def _without_time(event) -> dict:
    as_dict = event.as_dict()
    as_dict.pop("timestamp")
    return as_dict


def _same(ours: DialogueStateTracker, theirs: DialogueStateTracker, original: DialogueStateTracker,
          new_events: int = 0) -> None:
    """Ours is the tracker Rasa made: every attribute equal, objects taken from the events the
    same objects, objects a replay makes new not shared with the original. The last `new_events`
    events were made for each tracker (the form's): equal, not the same."""
    assert type(ours) is type(theirs)
    our_vars = {k: v for k, v in vars(ours).items() if k not in MEMOS}
    their_vars = {k: v for k, v in vars(theirs).items() if k not in MEMOS}
    assert list(our_vars) == list(their_vars)
    kept = len(theirs.events) - new_events
    assert [id(e) for e in ours.events][:kept] == [id(e) for e in theirs.events][:kept]
    assert [_without_time(e) for e in list(ours.events)[kept:]] == [
        _without_time(e) for e in list(theirs.events)[kept:]]
    assert len(ours.events) == len(theirs.events)
    assert ours.events.maxlen == theirs.events.maxlen
    assert list(ours.slots) == list(theirs.slots)
    for name, slot in ours.slots.items():
        theirs_slot = theirs.slots[name]
        assert type(slot) is type(theirs_slot) and vars(slot) == vars(theirs_slot), name
        assert slot.value is theirs_slot.value, name
        assert slot is not original.slots.get(name)
    for name in ("latest_message", "latest_bot_utterance"):
        mine, rasas = getattr(ours, name), getattr(theirs, name)
        if _is_event_of(rasas, theirs):
            assert mine is rasas, name
        else:  # a placeholder made by the replay: equal, and not one the original holds
            assert type(mine) is type(rasas) and not _is_event_of(mine, ours), name
            assert _without_time(mine) == _without_time(rasas), name
    assert ours.latest_action == theirs.latest_action
    assert ours.latest_action is not original.latest_action
    if theirs.active_loop is None:
        assert ours.active_loop is None
    else:
        assert ours.active_loop == theirs.active_loop
        assert ours.active_loop is not original.active_loop
        trigger = theirs.active_loop.trigger_message
        if any(trigger is getattr(e, "parse_data", None) for e in theirs.events):
            assert ours.active_loop.trigger_message is trigger
    for name in ("_max_event_history", "sender_id", "sender_source", "is_rule_tracker", "_paused",
                 "followup_action", "model_id", "assistant_id"):
        assert getattr(ours, name) == getattr(theirs, name), name
    our_state, their_state = ours.current_state(EventVerbosity.ALL), theirs.current_state(EventVerbosity.ALL)
    if new_events:  # (the form's new events have their own timestamps)
        for state in (our_state, their_state):
            state.pop("latest_event_time")
            for event in state["events"][kept:]:
                event.pop("timestamp")
    assert our_state == their_state


def _disturb(copy: DialogueStateTracker) -> None:
    """What an action may do to its copy; must reach neither the original nor later copies."""
    copy.update(SlotSet("goal", "changed"))
    copy.update(ActionExecuted("action_listen"))
    if copy.active_loop is not None:
        copy.active_loop.is_interrupted = not copy.active_loop.is_interrupted
    copy.latest_action["disturbed"] = "yes"
    copy.events.append(BotUttered("in the copy only"))


@given(steps=st.lists(st.tuples(st.lists(events, max_size=10), handovers), min_size=1, max_size=8),
       model_id=st.sampled_from([None, "model-1"]))
@settings(max_examples=600, deadline=None)
def test_copies_are_rasas_copies_at_every_step(domain, steps, model_id):
    tracker = DialogueStateTracker("resident", domain.slots)
    tracker.model_id = model_id
    for step, handover in steps:
        for event in step:
            tracker.update(event)
        theirs = RASAS_COPY(tracker)
        for _ in range(2):
            ours = OUR_COPY(tracker)
            _same(ours, theirs, tracker)
            _disturb(ours)
            # A copy of the changed copy (as a form copies the processor's copy): another branch.
            _same(OUR_COPY(ours), RASAS_COPY(ours), ours)
        if handover == "clear_followup":
            tracker.clear_followup_action()
        elif handover == "new_tracker":
            tracker = DialogueStateTracker.from_events("resident", list(tracker.events), slots=domain.slots)
            tracker.model_id = model_id


@given(steps=st.lists(st.tuples(st.lists(events, max_size=10), handovers), min_size=1, max_size=6),
       additional=st.lists(st.sampled_from(["goal", "violence"]).map(lambda s: SlotSet(s, "ja")), max_size=2))
@settings(max_examples=500, deadline=None)
def test_the_forms_temporary_tracker_is_rasas(domain, steps, additional):
    form = FormAction("triage_form", None)
    tracker = DialogueStateTracker("resident", domain.slots)
    for step, handover in steps:
        for event in step:
            tracker.update(event)
        theirs = RASAS_TEMPORARY(form, tracker, list(additional), domain)
        new = 2 + len(additional)  # the requested slot, the form's execution, the additional events
        ours = OUR_TEMPORARY(form, tracker, list(additional), domain)
        _same(ours, theirs, tracker, new)
        _disturb(ours)
        _same(OUR_TEMPORARY(form, tracker, list(additional), domain), theirs, tracker, new)
        if handover == "clear_followup":
            tracker.clear_followup_action()
        elif handover == "new_tracker":
            tracker = DialogueStateTracker.from_events("resident", list(tracker.events), slots=domain.slots)


def _conversation(domain: Domain, messages: int) -> list:
    conversation = [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")]
    for number in range(messages):
        conversation += [_user(f"bericht {number}", "inform"), ActionExecuted("triage_form"),
                         *([ActiveLoop("triage_form")] if number == 0 else []),
                         SlotSet("requested_slot", "goal"), BotUttered("vraag"),
                         ActionExecuted("action_listen")]
    return conversation


def test_a_new_tracker_of_the_conversation_replays_only_the_new_events(domain, monkeypatch):
    replayed = []
    rasas_replay = tracker_replay.Replica.replay

    def recording_replay(self, events):
        replayed.extend(list(events)[len(self.events):])
        return rasas_replay(self, events)

    monkeypatch.setattr(tracker_replay.Replica, "replay", recording_replay)
    conversation = _conversation(domain, 5)
    first = DialogueStateTracker.from_events("s", conversation, slots=domain.slots)
    _same(OUR_COPY(first), RASAS_COPY(first), first)
    assert [id(e) for e in replayed] == [id(e) for e in conversation]  # once, the whole conversation
    replayed.clear()
    _same(OUR_COPY(first), RASAS_COPY(first), first)
    assert replayed == []

    later = _conversation(domain, 1)[3:]  # one more message, in a new tracker (as our store gives)
    second = DialogueStateTracker.from_events("s", conversation + later, slots=domain.slots)
    _same(OUR_COPY(second), RASAS_COPY(second), second)
    assert [id(e) for e in replayed] == [id(e) for e in later]


def test_a_different_conversation_or_changed_history_replays_from_the_start(domain):
    conversation = _conversation(domain, 3)
    first = DialogueStateTracker.from_events("s", conversation, slots=domain.slots)
    OUR_COPY(first)
    # The same first event, then other objects (as after a rewind kept elsewhere): no reuse.
    other = DialogueStateTracker.from_events("s", conversation[:1] + _conversation(domain, 3)[1:],
                                             slots=domain.slots)
    _same(OUR_COPY(other), RASAS_COPY(other), other)
    first.events.append(Restarted())  # the original changes on: its own replica follows it
    _same(OUR_COPY(first), RASAS_COPY(first), first)


def test_a_cut_history_and_subclasses_get_rasas_own_copy(domain, monkeypatch):
    calls = []
    monkeypatch.setattr(tracker_replay, "replica_for", lambda *a, **k: calls.append(a))
    cut = DialogueStateTracker.from_events("s", _conversation(domain, 3), slots=domain.slots,
                                           max_event_history=5)
    _same(OUR_COPY(cut), RASAS_COPY(cut), cut)

    class Special(DialogueStateTracker):
        pass

    special = Special("s", domain.slots)
    for event in _conversation(domain, 2):
        special.update(event)
    _same(OUR_COPY(special), RASAS_COPY(special), special)
    assert calls == []


def test_an_unnamed_conversation_gets_rasas_default_sender(domain):
    tracker = DialogueStateTracker.from_events("", _conversation(domain, 2), slots=domain.slots)
    ours = OUR_COPY(tracker)
    assert ours.sender_id == DEFAULT_SENDER_ID
    _same(ours, RASAS_COPY(tracker), tracker)


def test_remembered_conversations_are_bounded(domain, monkeypatch):
    monkeypatch.setattr(tracker_replay, "MAX_CONVERSATIONS", 5)
    monkeypatch.setattr(tracker_replay, "_replicas", type(tracker_replay._replicas)())
    for number in range(12):
        OUR_COPY(DialogueStateTracker.from_events(f"s{number}", _conversation(domain, 1), slots=domain.slots))
    assert len(tracker_replay._replicas) == 5
    assert [key[0] for key in tracker_replay._replicas] == [f"s{number}" for number in range(7, 12)]


def test_a_store_with_new_event_objects_keeps_one_replica_per_conversation(domain, monkeypatch):
    # The Redis store makes new event objects for every message: each replaces the last replica.
    monkeypatch.setattr(tracker_replay, "_replicas", type(tracker_replay._replicas)())
    form = FormAction("triage_form", None)
    for messages in range(1, 6):
        tracker = DialogueStateTracker.from_events("s", _conversation(domain, messages), slots=domain.slots)
        _same(OUR_COPY(tracker), RASAS_COPY(tracker), tracker)
        theirs = RASAS_TEMPORARY(form, tracker, [], domain)
        _same(OUR_TEMPORARY(form, tracker, [], domain), theirs, tracker, 2)
        assert len(tracker_replay._replicas) == 2  # one for copies, one for the form's trackers


def test_is_empty_is_rasas_answer(domain):
    rasas = Domain.is_empty
    small = Domain.from_dict({"intents": ["greet"], "responses": {"utter_hi": [{"text": "hoi"}]}})
    for candidate in (domain, Domain.empty(), small, Domain.from_dict({})):
        assert is_empty(candidate) == rasas(candidate)
    assert is_empty(Domain.empty()) and not is_empty(domain) and not is_empty(small)


def test_installed(rasa_speedups_installed):
    assert DialogueStateTracker.copy.__wrapped__ is rasa_speedups_installed(DialogueStateTracker, "copy")
    rasas_temporary = rasa_speedups_installed(FormAction, "_temporary_tracker")
    assert FormAction._temporary_tracker.__wrapped__ is rasas_temporary
    assert Domain.is_empty is is_empty
