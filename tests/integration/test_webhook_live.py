"""The real servers (action server + Rasa + channel) through the REST webhook."""

from __future__ import annotations

import json
import time

import pytest
from live_client import Conversation, post

pytestmark = pytest.mark.live

SAFE_SCREEN = ("nee", "nee", "nee")


def start(live_stack, gemeente=None, channel="web") -> tuple[Conversation, str]:
    conversation = Conversation(live_stack.webhook_url, gemeente, channel)
    return conversation, conversation.say_text("/greet")


def test_welcome_discloses_the_bot_and_asks_about_safety_first(live_stack):
    _, reply = start(live_stack, "zwolle")
    assert "computerprogramma, geen mens" in reply
    assert "Zwolle" in reply
    assert "Snel weg" in reply
    assert "in gevaar" in reply


def test_unknown_gemeente_gets_the_default(live_stack):
    _, reply = start(live_stack, "atlantis")
    assert "Voorbeeldstad" in reply


def test_a_full_conversation_to_rst_with_free_text_filling_several_answers(live_stack):
    conversation = Conversation(live_stack.webhook_url, "zwolle")
    first = conversation.say_text("we zijn vorig jaar gescheiden en hebben 2 kinderen van 5 en 8")
    assert "in gevaar" in first
    for answer in SAFE_SCREEN:
        reply = conversation.say_text(answer)
    # status, children and their age were already in the first message: not asked again
    assert "afspraken" in reply
    reply = conversation.say_text("nee, we kunnen helemaal geen afspraken meer maken")
    assert conversation.outcome is not None
    decision = conversation.outcome["decision"]
    assert (decision["route"], decision["intensity"]) == ("rst", "zwaar")
    assert conversation.outcome["answers"]["youngest_child_age"] == 5
    assert "0800-2000" in reply  # the safety-net line
    assert "Waarom" in reply


BUTTONS_TO_RELATIE_APK = (
    "/deny", "/deny", "/deny", '/inform{"relationship_status": "together"}',
    '/inform{"goal": "maintenance"}', '/inform{"relationship_score": 9}',
    '/inform{"agreements_possible": "yes"}', '/inform{"preference": "one_evening"}',
)


def buttons_to_outcome(live_stack) -> Conversation:
    """A conversation answered with buttons only, up to the route (Relatie-APK)."""
    conversation, _ = start(live_stack)
    for payload in BUTTONS_TO_RELATIE_APK:
        conversation.say(payload)
        if conversation.outcome:
            break
    return conversation


def test_buttons_only_conversation_to_relatie_apk(live_stack):
    conversation = buttons_to_outcome(live_stack)
    assert conversation.outcome["decision"]["route"] == "relatie_apk"


def test_danger_signal_mid_form_gives_help_in_the_same_reply(live_stack):
    conversation, _ = start(live_stack)
    conversation.say_text("nee")
    reply = conversation.say_text("hij slaat me als hij gedronken heeft")
    assert "Veilig Thuis" in reply and "0800-2000" in reply
    assert "zeker weten" in reply
    reply = conversation.say_text("ja")
    assert conversation.outcome["decision"]["route"] == "veiligheid"
    assert "relatiecursus" in reply  # no couple programme while unsafe


def test_false_alarm_resumes_where_we_were(live_stack):
    conversation, _ = start(live_stack)
    for answer in SAFE_SCREEN:
        conversation.say_text(answer)
    conversation.say_text("we zijn samen")
    asked = conversation.say_text("hij kijkt steeds in mijn telefoon")
    assert "zeker weten" in asked
    reply = conversation.say_text("nee")
    assert "verder" in reply
    assert conversation.outcome is None


def test_self_harm_signal_gives_113(live_stack):
    conversation, _ = start(live_stack)
    reply = conversation.say_text("ik wil niet meer leven")
    assert "113" in reply and "0800-0113" in reply
    conversation.say_text("ja")
    assert conversation.outcome["decision"]["route"] == "crisis"


def test_human_handoff_and_faq_mid_form_then_resume(live_stack):
    conversation, _ = start(live_stack, "eindhoven")
    conversation.say_text("nee")
    reply = conversation.say_text("ik wil een mens spreken")
    assert "Je kunt altijd een mens spreken" in reply
    assert "geweld" in reply or "bedreigd" in reply  # the form asks its question again
    reply = conversation.say_text("kost het geld?")
    assert "Eindhoven" in reply


def test_go_back_asks_the_previous_question_again(live_stack):
    conversation, _ = start(live_stack)
    conversation.say_text("nee")
    reply = conversation.say_text("terug")
    assert "vraag terug" in reply
    assert "in gevaar" in reply


def test_restart_and_stop(live_stack):
    conversation, _ = start(live_stack)
    conversation.say_text("nee")
    assert "opnieuw" in conversation.say_text("opnieuw")
    assert "gewist" in conversation.say_text("stop")


def test_out_of_scope_gets_the_general_contact(live_stack):
    conversation, _ = start(live_stack, "zwolle")
    reply = conversation.say_text("ik wil mijn paspoort verlengen")
    assert "alleen bij vragen over relaties" in reply


def test_not_understood_twice_offers_a_human(live_stack):
    conversation, _ = start(live_stack)
    for answer in SAFE_SCREEN:
        conversation.say_text(answer)
    first = conversation.say_text("ksjdhf qwpoeiru zxmcnv")
    assert "begreep ik niet" in first
    second = conversation.say_text("qwzx vbnm plkj")
    assert "mens" in second


def test_keyboard_mash_at_a_safety_question_gets_the_gentle_check_then_a_human(live_stack):
    conversation, _ = start(live_stack)
    first = conversation.say_text("ksjdhf qwpoeiru zxmcnv")
    assert "Ik wil even zeker weten dat je veilig bent" in first and "112" in first
    assert conversation.outcome is None  # never a safety route for what cannot be read
    second = conversation.say_text("qwzx vbnm plkj")
    assert "mens" in second and "in gevaar" in second


def test_a_message_no_rule_covers_after_the_route_gets_one_answer(live_stack):
    # The rule policy's fallback outside the questions: one "not understood" and then listen
    # (it used to repeat itself ten times in one turn).
    conversation = buttons_to_outcome(live_stack)
    assert conversation.outcome is not None
    conversation.say("/deny")  # the feedback question
    time.sleep(2.5)  # the channel allows a burst of 10 messages per sender; this is the 11th
    reply = conversation.say("Utrecht")
    misses = [m for m in reply if "begreep ik niet" in (m.get("text") or "")
              or "lukt me niet goed" in (m.get("text") or "")]
    assert len(misses) == 1, Conversation.texts(reply)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "a" * 10_000, "😢😢😢", "I need help with my marriage",
     "<script>alert(1)</script>", "'; DROP TABLE trackers; --", "\x00\x01\x02"],
)
def test_bad_input_gets_a_sensible_dutch_reply(live_stack, text):
    conversation, _ = start(live_stack)
    messages = conversation.say(text)
    assert messages and all(isinstance(m.get("recipient_id"), str) for m in messages)
    reply = Conversation.texts(messages)
    assert reply.strip()
    assert "<script>" not in reply


@pytest.mark.parametrize(
    "raw",
    [b"{not json", b"[]", json.dumps({"sender": 5.5, "message": ["x"]}).encode(),
     json.dumps({"message": "hoi"}).encode()],
)
def test_malformed_requests_get_4xx_never_500(live_stack, raw):
    status, body = post(live_stack.webhook_url, raw)
    assert 400 <= status < 500
    assert body and "112" in body[0]["text"]


def test_model_and_tracker_endpoints_are_not_exposed(live_stack):
    status, _ = post(f"{live_stack.rasa_url}/model", b"{}")
    assert status in (404, 405)
    status, _ = post(f"{live_stack.rasa_url}/conversations/x/tracker/events", b"[]")
    assert status in (404, 405)
