"""UnknownWordsGuard: keyboard mash becomes nlu_fallback; typos of known words do not."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.unknown_words import UnknownWordsGuard, edit_distance_at_most

TRAINING = {
    "affirm": ["ja", "jazeker", "dat klopt"],
    "deny": ["nee", "nee hoor"],
    "faq": ["hoe lang is de wachttijd", "wat kost mediation"],
    "out_of_scope": ["mijn paspoort is kwijt"],
}


def levenshtein(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


@given(st.text("abcde", max_size=8), st.text("abcde", max_size=8), st.integers(0, 3))
def test_edit_distance_agrees_with_plain_levenshtein(a, b, limit):
    assert edit_distance_at_most(a, b, limit) == (levenshtein(a, b) <= limit)


def tokenized(text: str, intent: str | None = None) -> Message:
    message = Message(data={TEXT: text, **({INTENT: intent} if intent else {})})
    WhitespaceTokenizer(WhitespaceTokenizer.get_default_config()).process([message])
    return message


@pytest.fixture
def guard(tmp_path):
    storage = LocalModelStorage(tmp_path)
    resource = Resource("guard")
    context = ExecutionContext(GraphSchema({}), "test")
    trainer = UnknownWordsGuard.create({}, storage, resource, context)
    examples = [tokenized(text, intent) for intent, texts in TRAINING.items() for text in texts]
    trainer.train(TrainingData(examples))
    return UnknownWordsGuard.load({}, storage, resource, context)  # as the server loads it


def classified(text: str, intent: str = "affirm") -> Message:
    message = tokenized(text)
    message.set(INTENT, {"name": intent, "confidence": 0.95})
    message.set(INTENT_RANKING_KEY, [{"name": intent, "confidence": 0.95}])
    return message


@pytest.mark.parametrize(
    "text", ["asdf", "ksjdhf qwpoeiru zxmcnv", "hjkl", "xyz abc", "qqqq", "qwzx vbnm plkj"]
)
def test_keyboard_mash_is_not_understood(guard, text):
    message = classified(text)
    guard.process([message])
    assert message.get(INTENT)["name"] == "nlu_fallback"
    # ranked like the FallbackClassifier ranks it, so `rasa test` can look behind it
    assert [r["name"] for r in message.get(INTENT_RANKING_KEY)] == ["nlu_fallback", "affirm"]


@pytest.mark.parametrize("text", ["ja", "wachtijd", "medaition", "paspoord kwijt", "ja asdf", "ja!"])
def test_known_words_and_small_typos_keep_their_intent(guard, text):
    message = classified(text)
    guard.process([message])
    assert message.get(INTENT)["name"] == "affirm"


@pytest.mark.parametrize("text", ["5", "8/10", "12345"])
def test_numbers_are_left_to_the_classifier_and_the_form(guard, text):
    message = classified(text)
    guard.process([message])
    assert message.get(INTENT)["name"] == "affirm"


@pytest.mark.parametrize("text", ["😢😢😢", "???", "👍🏻 !"])
def test_emoji_or_punctuation_only_is_not_understood(guard, text):
    message = classified(text)
    guard.process([message])
    assert message.get(INTENT)["name"] == "nlu_fallback"
