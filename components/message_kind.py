"""Commands only from command messages; stories are content, whatever word they contain.

DIET learns "terug", "stop", "doei", "dank je" and "hoi" from short examples, and then gives
the command to any sentence with that word: "een avond lijkt me fijn" became goodbye and wiped
the conversation, "sinds hij terugkwam" became "terug". Spec section 3: commands come from short
messages about the conversation. So after DIET:

- a command intent on a message that is not, as a whole, that command (`signals.commands`)
  and that has content (a sentence, or words that answer a question) becomes `inform`: the
  words are read as an answer or a story;
- a message that is, as a whole, a command gets that command ("snel weg", "opnieuw graag");
- a long message about the relationship that DIET called `faq`, `out_of_scope` or
  `nlu_fallback` becomes `inform` when it is not a question: one word in a story ("kosten",
  "wachten") does not make it a FAQ.

The DangerSignalGuard runs after this component and always wins. The original intent is kept in
`message_kind` (an intent name, never the resident's words).
"""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME as FALLBACK_INTENT
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from signals import commands, extract_answers
from signals.answers import (
    is_about_relationship,
    is_reply_word,
    looks_like_question,
    types_for_someone_else,
)

INFORM = "inform"
COMMAND_INTENTS = frozenset(commands.COMMANDS)
# Intents that a story with one misleading word gets from DIET.
STORY_INTENTS = frozenset({"faq", "out_of_scope", FALLBACK_INTENT})
DANGER_PREFIX = "danger_"
# A story has at least this many words; shorter messages keep DIET's intent.
STORY_MIN_WORDS = 8
HANDOFF_STORY_WORDS = 12
_WORD = re.compile(r"\w+")


def kind_of(text: str, intent: str | None) -> str | None:
    """The intent a message should have instead of DIET's `intent`, or None to keep it."""
    if not text or text.startswith("/") or (intent or "").startswith(DANGER_PREFIX):
        return None
    if intent in COMMAND_INTENTS:
        if commands.is_command(text, intent):
            return None
        command = commands.command_in(text)
        if command is not None:
            return command
        if not commands.has_cue(text, intent):
            return INFORM  # "met moeite" is no "stop", "een losse avond" no "doei"
        # DIET's command stands for a short message without content ("ik klikte verkeerd",
        # "bel me terug"); a sentence or a message that answers a question is content.
        return INFORM if _has_content(text, intent) else None
    command = commands.command_in(text)
    if command is not None:
        return None if command == intent else command
    if intent in STORY_INTENTS and _is_story(text, intent):
        return INFORM
    if intent in STORY_INTENTS and types_for_someone_else(text) and not looks_like_question(text):
        return INFORM  # "ik typ namens haar": the questions start, for the person typing
    return None


def _has_content(text: str, intent: str) -> bool:
    words = len(_WORD.findall(text))
    if intent == "human_handoff":
        # "ik heb liever een echt gesprek met iemand van jullie": a person is always reachable;
        # only a long story about the relationship is read as content.
        return words >= HANDOFF_STORY_WORDS and is_about_relationship(text)
    # "misschien", "elke dag", "weet ik niet": a reply to the question asked, not "doei".
    return words >= STORY_MIN_WORDS or bool(extract_answers(text)) or is_reply_word(text)


def _is_story(text: str, intent: str | None) -> bool:
    if len(_WORD.findall(text)) < STORY_MIN_WORDS:
        return False
    if intent == "faq" and looks_like_question(text):
        return False
    return bool(extract_answers(text)) or is_about_relationship(text)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class MessageKindGuard(GraphComponent):
    """Sets `inform` or the command intent where DIET's intent does not fit the whole message."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> MessageKindGuard:
        """Creates the component (see parent class for the full docstring)."""
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Nothing to learn: the command vocabularies are data."""
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        """Corrects the intent of each message where needed."""
        for message in messages:
            intent = message.get(INTENT) or {}
            name = intent.get(INTENT_NAME_KEY)
            new = kind_of(message.get(TEXT) or "", name)
            if new is not None and new != name:
                confidence = float(intent.get("confidence") or 0.0)
                message.set(INTENT, {INTENT_NAME_KEY: new, "confidence": max(confidence, 0.5)},
                            add_to_output=True)
                message.set("message_kind", name, add_to_output=True)
        return messages
