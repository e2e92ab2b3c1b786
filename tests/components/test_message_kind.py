"""MessageKindGuard: DIET's command intents only for command messages; stories are `inform`."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from components.message_kind import MessageKindGuard, kind_of


def _process(text: str, intent: str, confidence: float = 0.9) -> Message:
    message = Message(data={"text": text, "intent": {"name": intent, "confidence": confidence}})
    guard = MessageKindGuard()
    guard.process([message])
    return message


@pytest.mark.parametrize(
    ("text", "diet", "expected"),
    [
        ("een avond lijkt me fijn", "goodbye", "inform"),
        ("sinds hij terugkwam is het alleen maar ruzie", "go_back", "inform"),
        ("we willen opnieuw beginnen samen", "start_over", "inform"),
        ("hoi, mijn vriend en ik maken elke dag ruzie over geld", "greet", "inform"),
        ("snel weg", "inform", "stop"),
        ("opnieuw graag", "affirm", "start_over"),
    ],
)
def test_intent_follows_the_whole_message(text, diet, expected):
    message = _process(text, diet)
    assert message.get("intent")["name"] == expected
    assert message.get("message_kind") == diet


@pytest.mark.parametrize(
    ("text", "diet"),
    [
        ("terug", "go_back"),
        ("stop", "stop"),
        ("doei", "goodbye"),
        ("wat kost een cursus?", "faq"),
        ("hoe lang is de wachttijd voor het relatieteam", "faq"),
        ("wanneer wordt het grofvuil opgehaald", "out_of_scope"),
        ("ja", "affirm"),
        ("/inform{\"goal\": \"improve\"}", "inform"),
        ("hij staat voor de deur", "danger_acute"),
    ],
)
def test_fitting_intents_are_kept(text, diet):
    message = _process(text, diet)
    assert message.get("intent")["name"] == diet
    assert message.get("message_kind") is None


def test_a_story_that_diet_took_for_a_faq_is_read_as_a_story():
    story = ("we zijn vorig jaar uit elkaar gegaan en nu is er steeds gedoe over de kosten "
             "van de kinderen")
    assert kind_of(story, "faq") == "inform"
    assert kind_of(story, "out_of_scope") == "inform"
    assert kind_of(story, "nlu_fallback") == "inform"


def test_a_long_message_about_something_else_stays_out_of_scope():
    text = "ik wil graag weten wanneer de bibliotheek open is want ik moet boeken terugbrengen"
    assert kind_of(text, "out_of_scope") is None
