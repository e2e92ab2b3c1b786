"""The safety interrupt actions: help in the same reply, confirm, clear."""

import pytest
from action_helpers import make_tracker, responses, slot_events

from actions.safety import ActionSafetyCleared, ActionSafetyConfirmed, ActionSafetyInterrupt

BOT_SPOKE = [{"event": "bot", "text": "welkom"}, {"event": "user", "text": "..."}]


@pytest.mark.parametrize(
    ("intent", "kind"),
    [("danger_acute", "acute"), ("danger_violence", "violence"),
     ("danger_children", "children"), ("danger_self_harm", "self_harm")],
)
async def test_interrupt_remembers_the_kind_and_stops_the_questions(dispatcher, intent, kind):
    tracker = make_tracker(intent=intent, text="...", active_loop="triage_form", events=BOT_SPOKE)
    events = await ActionSafetyInterrupt().run(dispatcher, tracker, {})
    assert responses(dispatcher) == []  # help and question are the rule's own responses
    assert slot_events(events)["danger_kind"] == kind
    assert {"event": "active_loop", "name": None} in [
        {k: e.get(k) for k in ("event", "name")} for e in events
    ]


async def test_interrupt_as_first_message_also_says_it_is_a_bot(dispatcher):
    tracker = make_tracker(intent="danger_violence", text="hij slaat me")
    await ActionSafetyInterrupt().run(dispatcher, tracker, {})
    assert responses(dispatcher) == ["utter_bot_disclosure_short"]


@pytest.mark.parametrize(
    ("kind", "field"),
    [("acute", "acute_danger"), ("violence", "violence"), ("children", "children_unsafe"),
     ("self_harm", "self_harm")],
)
async def test_confirmation_records_the_safety_answer(dispatcher, kind, field):
    tracker = make_tracker(slots={"danger_kind": kind}, intent="affirm", text="ja")
    slots = slot_events(await ActionSafetyConfirmed().run(dispatcher, tracker, {}))
    assert slots[field] is True
    assert slots["danger_kind"] is None


async def test_false_alarm_records_no_and_goes_on(dispatcher):
    tracker = make_tracker(slots={"danger_kind": "violence"}, intent="deny", text="nee")
    slots = slot_events(await ActionSafetyCleared().run(dispatcher, tracker, {}))
    assert slots["violence"] is False
    assert responses(dispatcher) == ["utter_safety_cleared"]


async def test_dont_know_after_an_alarm_is_not_disclosed(dispatcher):
    tracker = make_tracker(slots={"danger_kind": "self_harm"}, intent="dont_know", text="weet niet")
    slots = slot_events(await ActionSafetyCleared().run(dispatcher, tracker, {}))
    assert slots["self_harm"] == "dont_know"


async def test_a_no_does_not_undo_an_earlier_yes(dispatcher):
    tracker = make_tracker(slots={"danger_kind": "violence", "violence": True}, intent="deny")
    slots = slot_events(await ActionSafetyCleared().run(dispatcher, tracker, {}))
    assert "violence" not in slots
