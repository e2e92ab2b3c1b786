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

from components.unknown_words import KnownWords, UnknownWordsGuard, deletion_forms, edit_distance_at_most

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


@given(st.sets(st.text("abcde", min_size=2, max_size=9), max_size=40), st.text("abcde", max_size=10))
def test_the_deletion_index_finds_exactly_what_comparing_every_word_finds(vocabulary, word):
    indexed, scanned = KnownWords(vocabulary), KnownWords(vocabulary, index=False)
    expected = word in vocabulary or any(
        levenshtein(word, known) <= (1 if len(word) <= 6 else 2) for known in vocabulary)
    assert indexed.recognises(word) == scanned.recognises(word) == expected


def test_deletion_forms():
    assert deletion_forms("abc", 1) == {"abc", "bc", "ac", "ab"}
    assert deletion_forms("abc", 2) == {"abc", "bc", "ac", "ab", "a", "b", "c"}
    assert deletion_forms("ab", 0) == {"ab"}


def test_the_real_vocabulary_gives_the_same_answers_both_ways():
    """The training data's words; typed words made from them by one and two edits, and mash."""
    import random
    import re
    from pathlib import Path

    data = Path(__file__).resolve().parents[2] / "data" / "nlu"
    text = " ".join(path.read_text(encoding="utf-8") for path in data.glob("*.yml"))
    vocabulary = {w.lower() for w in re.findall(r"[^\W\d_]{2,}", text)}
    indexed, scanned = KnownWords(vocabulary), KnownWords(vocabulary, index=False)
    generator = random.Random(7)
    words = sorted(vocabulary)
    typed = ["asdf", "qwpoeiru", "zxmcnv", "wachtijd", "jaaa", "neej", "kermis", "hondenbelasting"]
    for word in generator.sample(words, 400):
        for _ in range(generator.choice([1, 2, 3])):
            position = generator.randrange(len(word) + 1)
            word = word[:position] + generator.choice("aeiklnrstz") + word[position + 1:]
        typed.append(word)
    answers = [(word, indexed.recognises(word)) for word in typed]
    assert answers == [(word, scanned.recognises(word)) for word in typed]
    assert 0 < sum(known for _, known in answers) < len(answers)  # both kinds are in the sample


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
