"""terug, opnieuw, stop, verder, not understood."""

from action_helpers import make_tracker, responses, slot_events

from actions.control import (
    ActionContinueTriage,
    ActionGoBack,
    ActionNotUnderstood,
    ActionRestartTriage,
    ActionStop,
)


async def test_go_back_forgets_the_answers_of_the_last_step(dispatcher):
    slots = {"answer_log": ["acute_danger", "relationship_status+children_under_18"],
             "relationship_status": "separated", "children_under_18": True, "acute_danger": False}
    events = await ActionGoBack().run(dispatcher, make_tracker(slots=slots), {})
    slots_set = slot_events(events)
    assert slots_set["relationship_status"] is None and slots_set["children_under_18"] is None
    assert "acute_danger" not in slots_set
    assert slots_set["answer_log"] == ["acute_danger"]
    assert responses(dispatcher) == ["utter_went_back"]


async def test_go_back_with_nothing_answered_says_so(dispatcher):
    assert await ActionGoBack().run(dispatcher, make_tracker(), {}) == []
    assert responses(dispatcher) == ["utter_nothing_to_go_back_to"]


async def test_restart_forgets_everything_but_keeps_the_gemeente(dispatcher):
    tracker = make_tracker(slots={"gemeente": "zwolle", "channel": "intake", "violence": True,
                                  "conversation_key": "a" * 32})
    events = await ActionRestartTriage().run(dispatcher, tracker, {})
    kinds = [e["event"] for e in events]
    assert kinds[:2] == ["active_loop", "reset_slots"]
    slots = slot_events(events)
    assert slots["gemeente"] == "zwolle" and slots["channel"] == "intake"
    assert slots["conversation_key"] != "a" * 32
    assert responses(dispatcher) == ["utter_restarted"]


async def test_stop_says_goodbye_and_forgets(dispatcher):
    events = await ActionStop().run(dispatcher, make_tracker(intent="stop", text="snel weg"), {})
    assert responses(dispatcher) == ["utter_stopped"]
    assert any(e["event"] == "reset_slots" for e in events)


async def test_goodbye_uses_the_goodbye_text(dispatcher):
    await ActionStop().run(dispatcher, make_tracker(intent="goodbye", text="doei"), {})
    assert responses(dispatcher) == ["utter_goodbye"]


async def test_continue_after_safety_marks_it_acknowledged(dispatcher):
    events = await ActionContinueTriage().run(dispatcher, make_tracker(), {})
    assert slot_events(events) == {"safety_acknowledged": True}


async def test_second_miss_offers_a_human_and_never_loops(dispatcher):
    first = await ActionNotUnderstood().run(
        dispatcher, make_tracker(active_loop="triage_form"), {}
    )
    assert responses(dispatcher) == ["utter_not_understood"]
    misses = slot_events(first)["misses"]
    second = await ActionNotUnderstood().run(
        dispatcher, make_tracker(slots={"misses": misses}, active_loop="triage_form"), {}
    )
    assert responses(dispatcher)[-1] == "utter_not_understood_again"
    assert dispatcher.messages[-1]["wijkteam_phone"]
    assert slot_events(second)["misses"] == 0


async def test_outside_the_questions_a_miss_shows_a_menu_then_listens(dispatcher):
    events = await ActionNotUnderstood().run(dispatcher, make_tracker(), {})
    assert responses(dispatcher) == ["utter_not_understood_menu"]
    assert {"event": "followup", "name": "action_listen"} in [
        {k: e.get(k) for k in ("event", "name")} for e in events
    ]


async def test_during_the_questions_a_miss_leaves_the_next_step_to_the_form(dispatcher):
    events = await ActionNotUnderstood().run(dispatcher, make_tracker(active_loop="triage_form"), {})
    assert all(e["event"] != "followup" for e in events)
