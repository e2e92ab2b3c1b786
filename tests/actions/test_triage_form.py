"""validate_triage_form: the answer log for "terug" and the next question (None ends the form)."""

from action_helpers import make_tracker, slot_events
from rasa_sdk.executor import CollectingDispatcher

from actions.triage_form import ValidateTriageForm


def tracker_after(message_slots: dict, earlier: dict | None = None, log=None):
    """A tracker whose last user message set `message_slots` (as action_extract_answers would)."""
    events = [{"event": "user", "text": "..."}] + [
        {"event": "slot", "name": name, "value": value} for name, value in message_slots.items()
    ]
    slots = {**(earlier or {}), **message_slots}
    if log is not None:
        slots["answer_log"] = log
    return make_tracker(slots=slots, events=events, active_loop="triage_form")


async def run(tracker):
    return slot_events(await ValidateTriageForm().run(CollectingDispatcher(), tracker, {}))


async def test_first_question_is_acute_danger():
    slots = await run(make_tracker(active_loop="triage_form"))
    assert slots == {"requested_slot": "acute_danger"}


async def test_one_message_with_several_answers_is_one_step_back():
    slots = await run(tracker_after(
        {"relationship_status": "separated", "children_under_18": True, "youngest_child_age": 5},
        earlier={"acute_danger": False, "violence": False, "children_unsafe": False},
        log=["acute_danger", "violence", "children_unsafe"],
    ))
    assert slots["answer_log"][-1] == "relationship_status+children_under_18+youngest_child_age"
    assert slots["misses"] == 0
    assert slots["requested_slot"] == "agreements_possible"


async def test_a_yes_on_the_safety_screen_ends_the_form():
    slots = await run(tracker_after({"violence": True}, earlier={"acute_danger": False}))
    assert slots["requested_slot"] is None


async def test_nothing_answered_sets_only_the_requested_slot_so_the_form_can_step_aside():
    tracker = make_tracker(slots={"acute_danger": False}, active_loop="triage_form",
                           events=[{"event": "user", "text": "wat kost het?"}])
    slots = await run(tracker)
    assert slots == {"requested_slot": "violence"}


async def test_slots_cleared_by_go_back_are_not_logged_as_answers():
    tracker = tracker_after({"goal": None}, earlier={"acute_danger": False}, log=["acute_danger", "goal"])
    slots = await run(tracker)
    assert "answer_log" not in slots


async def test_after_a_safety_route_the_resident_may_go_on_for_the_summary():
    tracker = make_tracker(slots={"acute_danger": False, "violence": True, "safety_acknowledged": True},
                           active_loop="triage_form")
    slots = await run(tracker)
    assert slots["requested_slot"] == "children_unsafe"
