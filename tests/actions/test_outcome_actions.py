"""The outcome: route, reasons, offer, safety net, human contact and the intake payload."""

from action_helpers import make_tracker, responses, slot_events

from actions.outcome import ActionFeedback, ActionGiveRoute

SAFE = {"acute_danger": False, "violence": False, "children_unsafe": False}


def payload(dispatcher):
    customs = [m["custom"] for m in dispatcher.messages if m.get("custom")]
    assert len(customs) == 1
    return customs[0]


async def test_rst_route_in_zwolle_gives_the_local_team(dispatcher):
    slots = {**SAFE, "gemeente": "zwolle", "relationship_status": "separated",
             "children_under_18": True, "agreements_possible": "no"}
    events = await ActionGiveRoute().run(dispatcher, make_tracker(slots=slots), {})
    names = responses(dispatcher)
    assert names[:2] == ["utter_outcome_rst", "utter_outcome_reasons"]
    assert {"utter_safety_net", "utter_human_contact", "utter_ask_feedback"} <= set(names)
    first = dispatcher.messages[0]
    assert first["intensity_text"] == "intensieve begeleiding"
    assert first["offer_contact"]
    data = payload(dispatcher)
    assert data["relatieroute"] == "outcome"
    assert data["decision"]["route"] == "rst" and data["decision"]["intensity"] == "zwaar"
    assert data["answers"]["agreements_possible"] == "no"
    assert data["gemeente"]["id"] == "zwolle"
    assert slot_events(events)["route"] == "rst"


async def test_missing_offer_is_said_with_the_fallback_note(dispatcher):
    # Eindhoven has no RST: the wijkteam takes over and the outcome says so.
    slots = {**SAFE, "gemeente": "eindhoven", "relationship_status": "separating",
             "children_under_18": False}
    await ActionGiveRoute().run(dispatcher, make_tracker(slots=slots), {})
    assert "utter_outcome_fallback" in responses(dispatcher)
    assert payload(dispatcher)["decision"]["offer_is_fallback"] is True
    note = next(m for m in dispatcher.messages if m.get("response") == "utter_outcome_fallback")
    assert note["fallback_note"]


async def test_safety_route_offers_a_person_instead_of_feedback(dispatcher):
    slots = {"acute_danger": False, "violence": True}
    await ActionGiveRoute().run(dispatcher, make_tracker(slots=slots), {})
    names = responses(dispatcher)
    assert names[0] == "utter_outcome_veiligheid"
    assert "utter_after_safety_options" in names
    assert "utter_ask_feedback" not in names
    assert payload(dispatcher)["decision"]["route"] == "veiligheid"


async def test_reasons_are_passed_to_the_response(dispatcher):
    slots = {**SAFE, "relationship_status": "together", "goal": "maintenance",
             "relationship_score": 9, "agreements_possible": "yes", "preference": "none"}
    await ActionGiveRoute().run(dispatcher, make_tracker(slots=slots), {})
    reasons = next(m for m in dispatcher.messages if m.get("response") == "utter_outcome_reasons")
    assert reasons["reasons"].startswith("- Je ")  # no rule code for a resident
    assert "Regel" not in reasons["reasons"]
    assert reasons["reasons"].count("\n- ") >= 1


async def test_the_intake_reasons_name_the_rule(dispatcher):
    slots = {**SAFE, "relationship_status": "together", "goal": "maintenance", "channel": "intake",
             "relationship_score": 9, "agreements_possible": "yes", "preference": "none"}
    await ActionGiveRoute().run(dispatcher, make_tracker(slots=slots), {})
    reasons = next(m for m in dispatcher.messages if m.get("response") == "utter_outcome_reasons")
    assert reasons["reasons"].startswith("- Regel R5")


async def test_a_fallback_offer_is_announced_before_it_is_named(dispatcher):
    slots = {**SAFE, "relationship_status": "separating", "children_under_18": True,
             "agreements_possible": "yes", "legal_proceedings": False, "other_problems": []}
    tracker = make_tracker(slots={**slots, "gemeente": "eindhoven"})
    await ActionGiveRoute().run(dispatcher, tracker, {})
    names = responses(dispatcher)
    assert names.index("utter_outcome_fallback") < names.index("utter_outcome_rst")
    route = next(m for m in dispatcher.messages if m.get("response") == "utter_outcome_rst")
    assert route["offer_title"] == "WIJeindhoven"  # not "WIJeindhoven van WIJeindhoven"


async def test_feedback_thanks(dispatcher):
    await ActionFeedback().run(dispatcher, make_tracker(intent="affirm", text="ja"), {})
    assert responses(dispatcher) == ["utter_feedback_thanks"]
