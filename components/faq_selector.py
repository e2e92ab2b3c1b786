"""Rasa's ResponseSelector, run only for messages that are FAQ questions.

Rasa runs every NLU component on every message, so the FAQ model (a second TensorFlow network)
chose an FAQ answer for "ja", "5" and "hij slaat me" too, and nothing ever read that choice:
the answer is only used after the intent `faq` (the `utter_faq` rule). That was about a tenth of
the Rasa server's CPU per message (py-spy, docs/benchmarks.md, issue 7). This subclass gives
messages with the intent `faq` exactly what ResponseSelector gives them and leaves the others
without a `response_selector` entry. Training is ResponseSelector's own.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.selectors.response_selector import ResponseSelector
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY
from rasa.shared.nlu.training_data.message import Message


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class FaqResponseSelector(ResponseSelector):
    """ResponseSelector that predicts only where the intent is its retrieval intent."""

    def process(self, messages: list[Message]) -> list[Message]:
        """Selects the response for the messages classified as the retrieval intent."""
        wanted = self.retrieval_intent
        asked = [m for m in messages if wanted is None or _intent(m) == wanted]
        if asked:
            super().process(asked)
        return messages


def _intent(message: Message) -> str | None:
    intent = message.get(INTENT) or {}
    return intent.get(INTENT_NAME_KEY)
