"""FAQ answers with local facts; counting a request for a human."""

import pytest
from action_helpers import make_tracker, responses
from rasa_sdk.executor import CollectingDispatcher

from actions.help import ActionAnswerFaq, ActionRecordHandoff


def faq(key):
    return {"faq": {"response": {"intent_response_key": key}}}


async def test_recording_a_handoff_says_nothing_itself(dispatcher):
    assert await ActionRecordHandoff().run(dispatcher, make_tracker(), {}) == []
    assert responses(dispatcher) == []


@pytest.mark.parametrize(
    ("key", "expected"),
    [("faq/cost", "utter_faq_local_cost"), ("faq/waiting_time", "utter_faq_local_waiting_time"),
     ("faq/opening_hours", "utter_faq_local_opening_hours"), ("faq/anonymous", "utter_faq/anonymous"),
     ("faq/is_bot", "utter_faq/is_bot")],
)
async def test_faq_answers(dispatcher, key, expected):
    await ActionAnswerFaq().run(dispatcher, make_tracker(response_selector=faq(key)), {})
    assert responses(dispatcher) == [expected]


async def test_cost_answer_lists_the_local_offers(dispatcher):
    tracker = make_tracker(slots={"gemeente": "eindhoven"}, response_selector=faq("faq/cost"))
    await ActionAnswerFaq().run(dispatcher, tracker, {})
    assert "Houd me Vast" in dispatcher.messages[0]["cost_lines"]


async def test_rst_question_in_a_gemeente_with_and_without_rst(dispatcher):
    with_rst = make_tracker(slots={"gemeente": "zwolle"}, response_selector=faq("faq/what_is_rst"))
    await ActionAnswerFaq().run(dispatcher, with_rst, {})
    assert responses(dispatcher) == ["utter_faq/what_is_rst", "utter_faq_local_rst"]
    other = CollectingDispatcher()
    without = make_tracker(slots={"gemeente": "eindhoven"}, response_selector=faq("faq/what_is_rst"))
    await ActionAnswerFaq().run(other, without, {})
    assert responses(other) == ["utter_faq/what_is_rst", "utter_faq_no_local_rst"]


async def test_unknown_faq_key_is_not_understood(dispatcher):
    await ActionAnswerFaq().run(dispatcher, make_tracker(response_selector={}), {})
    assert responses(dispatcher) == ["utter_not_understood"]
