"""Keyboard mash is "not understood", not a confident guess.

DIET gives every message one of the known intents, and for text with no word it has ever seen
("asdf", "ksjdhf qwpoeiru") it is often very sure of a wrong one: "yes" to a safety question,
or "out of scope". A resident who typed that should get the clarifying question. So this
component remembers the words of the training data (text and lemma) and, when not one word of
a message is known or a small typo away from a known word, sets the intent to `nlu_fallback`;
so does a message of only emoji or punctuation ("😢😢😢", "???"), which has no words to go on.
Misspellings of known words ("jaaa", "neej", "wachtijd") stay as they are; danger signals are
left to the DangerSignalGuard, which runs after this component and always wins.
"""

from __future__ import annotations

import json
import logging
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME as FALLBACK_INTENT
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

logger = logging.getLogger(__name__)

_WORD = re.compile(r"^[^\W\d_]{2,}$")  # letters only, two or more: numbers and emoji are not words
_FILE = "known_words.json"


def edit_distance_at_most(a: str, b: str, limit: int) -> bool:
    """Whether the Levenshtein distance of `a` and `b` is at most `limit` (stops as soon as every
    entry of a row is over the limit)."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


def typo_limit(word: str) -> int:
    """Typos allowed: one in a word of up to six letters, two in a longer one. (Stricter
    limits for short words flag more real words that are simply rare: docs/benchmarks.md.)"""
    return 1 if len(word) <= 6 else 2


class KnownWords:
    """The training data's words, and whether a word is one of them or a typo or two away.

    Finding a near word by comparing the typed word with every known word of about its length
    took a few percent of the Rasa server's CPU per message (issue 7). With `index` (the
    component's default), each known word is also filed under every form it takes with up to
    two letters deleted. Two words within edit distance k share such a form with at most k
    deletions on each side (a substitution is one deletion in each word, an insertion one
    deletion in the other), so the typed word's own deletion forms find every candidate, and
    each candidate is then checked with `edit_distance_at_most` as before: the same answer as
    the full comparison (tests/components/test_unknown_words.py checks both ways).
    """

    MAX_TYPOS = 2  # the most `typo_limit` allows

    def __init__(self, words: set[str], *, index: bool = True) -> None:
        self.words = frozenset(words)
        self._index = index
        # Known words filed by deletion form (with `index`) or else by length.
        self._filed: dict[Any, list[str]] = defaultdict(list)
        for word in self.words:
            for key in deletion_forms(word, self.MAX_TYPOS) if index else (len(word),):
                self._filed[key].append(word)

    def _candidates(self, word: str, limit: int) -> Iterable[str]:
        keys = deletion_forms(word, limit) if self._index else range(len(word) - limit, len(word) + limit + 1)
        for key in keys:
            yield from self._filed.get(key, ())

    def recognises(self, word: str) -> bool:
        """Known, or a typo or two away from a known word."""
        if word in self.words:
            return True
        limit = typo_limit(word)
        return any(edit_distance_at_most(word, known, limit) for known in self._candidates(word, limit))


def deletion_forms(word: str, deletions: int) -> set[str]:
    """The word with up to `deletions` letters left out (the word itself included)."""
    forms = {word}
    frontier = {word}
    for _ in range(deletions):
        frontier = {form[:i] + form[i + 1:] for form in frontier for i in range(len(form))}
        forms |= frontier
    return forms


def word_forms(forms: Iterable[str | None]) -> set[str]:
    """The lower-cased forms that count as words: letters only, two or more."""
    return {form.lower() for form in forms if form and _WORD.match(form.lower())}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class UnknownWordsGuard(GraphComponent):
    """Turns a message without one recognisable word into `nlu_fallback`."""

    def __init__(self, model_storage: ModelStorage, resource: Resource,
                 known: set[str] | None = None) -> None:
        self._storage = model_storage
        self._resource = resource
        self._known = KnownWords(known or set())

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {}

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> UnknownWordsGuard:
        return cls(model_storage, resource)

    @classmethod
    def load(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> UnknownWordsGuard:
        try:
            with model_storage.read_from(resource) as path:
                known = set(json.loads((path / _FILE).read_text(encoding="utf-8")))
        except (ValueError, OSError):
            logger.warning("UnknownWordsGuard: no word list in the model; the guard is off")
            known = set()
        return cls(model_storage, resource, known)

    def train(self, training_data: TrainingData) -> Resource:
        """Remembers the words (and lemmas) of the training examples."""
        known: set[str] = set()
        for example in training_data.intent_examples:
            known |= _words(example)
        with self._storage.write_to(self._resource) as path:
            (path / _FILE).write_text(json.dumps(sorted(known), ensure_ascii=False), encoding="utf-8")
        return self._resource

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        """Sets `nlu_fallback` where no word of the message is known or nearly known."""
        if not self._known.words:
            return messages
        for message in messages:
            intent = message.get(INTENT) or {}
            if intent.get(INTENT_NAME_KEY) == FALLBACK_INTENT:
                continue  # already the clarifying question
            words = _words(message)
            if not words.isdisjoint(self._known.words):
                continue  # the common case, without the typo search
            if words and any(self._known.recognises(word) for word in words):
                continue
            if not words and _has_digit_or_nothing(message):
                continue  # "5", "8/10": an answer; the form reads it
            # As the FallbackClassifier does it: the fallback first, DIET's ranking behind it.
            confidence = float(intent.get("confidence") or 1.0)
            fallback = {INTENT_NAME_KEY: FALLBACK_INTENT, "confidence": confidence}
            message.set(INTENT, fallback, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [fallback, *(message.get(INTENT_RANKING_KEY) or [])],
                        add_to_output=True)
            message.set("unknown_words", True, add_to_output=True)
        return messages


def _has_digit_or_nothing(message: Message) -> bool:
    text = message.get(TEXT) or ""
    return not text.strip() or any(char.isdigit() for char in text)


def _words(message: Message) -> set[str]:
    tokens = message.get(TOKENS_NAMES[TEXT]) or []
    return word_forms(form for token in tokens for form in (token.text, token.lemma))
