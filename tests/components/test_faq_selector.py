"""FaqResponseSelector in the trained assistant: FAQ questions get an answer, other messages skip it."""

import pytest
from rasa.core.agent import Agent

from scripts.stack import ensure_model


@pytest.fixture(scope="module")
def agent():
    return Agent.load(str(ensure_model()))


@pytest.mark.parametrize("text", ["wat kost mediation?", "is dit anoniem?", "hoe lang is de wachttijd"])
async def test_an_faq_question_gets_its_answer(agent, text):
    parsed = await agent.parse_message(text)
    assert parsed["intent"]["name"] == "faq"
    prediction = parsed["response_selector"]["faq"]["response"]
    assert prediction["intent_response_key"].startswith("faq/")
    assert prediction["responses"], "the chosen FAQ answer has its response texts"


@pytest.mark.parametrize("text", ["ja", "we zijn vorig jaar gescheiden", "weet ik niet"])
async def test_other_messages_skip_the_faq_model(agent, text):
    parsed = await agent.parse_message(text)
    assert parsed["intent"]["name"] != "faq"
    assert "faq" not in (parsed.get("response_selector") or {})
