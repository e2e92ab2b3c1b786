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


def in_form(text: str, intent: str, requested: str, slots: dict | None = None, events: list | None = None):
    """The tracker Rasa sends when the form validates a fresh message (the run appended last)."""
    return make_tracker(
        slots={**(slots or {}), "requested_slot": requested}, text=text, intent=intent,
        active_loop="triage_form",
        events=events or [
            {"event": "user", "text": text},
            {"event": "user_featurization", "use_text_for_featurization": False},
            {"event": "slot", "name": "requested_slot", "value": requested},
            {"event": "action", "name": "triage_form"},
        ],
    )


async def test_a_yes_in_the_form_answers_the_question_asked_in_the_same_call():
    slots = await run(in_form("ja", "affirm", "violence", {"acute_danger": False}))
    assert slots["violence"] is True
    assert slots["answer_log"] == ["violence"]
    assert slots["requested_slot"] is None  # a yes on the safety screen: the safety route first


async def test_free_text_in_the_form_answers_several_questions_at_once():
    slots = await run(in_form(
        "we zijn vorig jaar gescheiden en hebben 2 kinderen van 5 en 8", "inform", "relationship_status",
        {"acute_danger": False, "violence": False, "children_unsafe": False},
    ))
    assert slots["relationship_status"] == "separated"
    assert slots["children_under_18"] is True
    assert slots["youngest_child_age"] == 5
    assert slots["answer_log"] == ["relationship_status+children_under_18+youngest_child_age"]
    assert slots["requested_slot"] not in {"relationship_status", "children_under_18", "youngest_child_age"}


async def test_weet_ik_niet_is_stored_so_the_question_is_not_asked_again():
    earlier = {"acute_danger": False, "violence": False}
    slots = await run(in_form("weet ik niet", "dont_know", "goal", earlier))
    assert slots["goal"] == "dont_know"
    assert slots["requested_slot"] != "goal"


async def test_an_answer_given_earlier_is_not_overwritten_by_a_mention_in_passing():
    slots = await run(in_form(
        "we zijn gescheiden maar ik weet het niet", "inform", "goal",
        {"acute_danger": False, "violence": False, "relationship_status": "together"},
    ))
    assert "relationship_status" not in slots


async def test_a_message_the_rules_already_answered_is_not_read_again_when_the_form_resumes():
    # "ja" went to a FAQ rule (form rejected); when the form resumes it must not become a yes
    # to the question it asks now.
    events = [
        {"event": "user", "text": "ja"},
        {"event": "action_execution_rejected", "name": "triage_form"},
        {"event": "action", "name": "utter_faq"},
        {"event": "bot", "text": "..."},
        {"event": "slot", "name": "requested_slot", "value": "violence"},
        {"event": "action", "name": "triage_form"},
    ]
    slots = await run(in_form("ja", "affirm", "violence", {"acute_danger": False}, events=events))
    assert "violence" not in slots
    assert slots == {"requested_slot": "violence"}


async def test_nothing_is_read_when_no_message_precedes_the_run():
    tracker = in_form("ja", "affirm", "violence", {"acute_danger": False},
                      events=[{"event": "action", "name": "triage_form"}])
    assert await run(tracker) == {"requested_slot": "violence"}


async def test_rasa_sends_no_domain_and_the_action_needs_none():
    """domain.yml declares `send_domain: false` (issue 7): the action must answer the same without it."""
    from pathlib import Path

    from rasa.shared.core.domain import Domain

    domain = Domain.load(str(Path(__file__).resolve().parents[2] / "domain.yml"))
    assert not domain.does_custom_action_explicitly_need_domain("validate_triage_form")
    full = domain.as_dict()
    for tracker in (
        make_tracker(active_loop="triage_form"),
        tracker_after({"relationship_status": "separated"}, earlier={"acute_danger": False}),
    ):
        with_domain = await ValidateTriageForm().run(CollectingDispatcher(), tracker, full)
        assert with_domain == await ValidateTriageForm().run(CollectingDispatcher(), tracker, {})
