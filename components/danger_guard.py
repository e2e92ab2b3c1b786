"""Safety net on top of intent classification: graded danger signals (spec section 8).

A missed danger signal is the worst error this product can make, and a false alarm should cost
one question, never a safety route. So after DIET and the other guards have spoken:

- *explicit*: the rule-based Dutch lexicon of `signals.detect_danger` finds the signal. The
  intent becomes the matching `danger_*` intent: the safety help in the same reply
  (data/rules/safety.yml). Evidence in `danger_signal` (the lexicon rule name).
- *explicit* too, recall first: the trained model's danger intent (DIET's first intent, also
  below the fallback threshold from `model_explicit_confidence`) on a message of
  `model_explicit_words` words or more that does not say the opposite ("ik ben veilig", "geen
  geweld"): the lexicon misses wording that people use.
- *possible*: the model's danger intent on a reply of one or two words ("valt mee", "rust",
  "beter communiceren") or on a message that says there is no danger ("ik ben niet in gevaar"
  0.96, "de kinderen zijn veilig" 0.80); and never-dropped lexicon wording said with a no
  ("zelfmoord? nee"). The intent becomes `inform` and `danger_possible` names the kind; the
  action server then asks the kind's safety question (actions/extract.py).

`danger_level` is "explicit" or "possible". Never the resident's words.
"""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from signals import detect_danger
from signals.answers import looks_like_question, says_no_danger
from signals.danger import CLASSIFIER_IN_CONTEXT, has_danger_words, has_idiom
from signals.danger_lexicon import MODEL_SHORT_WORDS

DANGER_INTENT_BY_KIND = {
    "acute": "danger_acute",
    "self_harm": "danger_self_harm",
    "children": "danger_children",
    "violence": "danger_violence",
}
DANGER_INTENTS = frozenset(DANGER_INTENT_BY_KIND.values())
KIND_BY_DANGER_INTENT = {intent: kind for kind, intent in DANGER_INTENT_BY_KIND.items()}
EXPLICIT = "explicit"
POSSIBLE = "possible"
INFORM = "inform"
_WORD = re.compile(r"\w+")
_NO_FIRST = re.compile(r"^(?:nee|neen|neej|nope|nah|no|niet|nooit|welnee)\b")
ALL_CLEAR_MAX_WORDS = 10  # a reply that says there is no danger is short
FALLBACK_INTENT = "nlu_fallback"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class DangerSignalGuard(GraphComponent):
    """Overrides the intent with a `danger_*` intent when the text carries a danger signal."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """Defaults: DIET confidence that rescues a danger intent from `nlu_fallback`, and that
        makes the model's danger intent on a whole sentence explicit."""
        return {"rescue_threshold": 0.2, "model_explicit_confidence": 0.2,
                "model_explicit_words": 3}

    def __init__(self, config: dict[str, Any]) -> None:
        self._rescue_threshold = float(config["rescue_threshold"])
        self._model_explicit_confidence = float(config["model_explicit_confidence"])
        self._model_explicit_words = int(config["model_explicit_words"])

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> DangerSignalGuard:
        """Creates the component (see parent class for the full docstring)."""
        return cls({**cls.get_default_config(), **config})

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Nothing to learn: the lexicon is rules."""
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        """Applies the safety net to each message."""
        for message in messages:
            self._guard(message)
        return messages

    def _guard(self, message: Message) -> None:
        text = message.get(TEXT) or ""
        if text.startswith("/"):
            return  # a button payload says what it means
        signal = detect_danger(text)
        if signal is not None and signal.level == EXPLICIT:
            self._set_intent(message, DANGER_INTENT_BY_KIND[signal.kind], signal.rule)
            message.set("danger_level", EXPLICIT, add_to_output=True)
            return
        intent = message.get(INTENT) or {}
        name, confidence = intent.get("name"), float(intent.get("confidence") or 0.0)
        evidence: str | None = None
        if name == FALLBACK_INTENT or message.get("message_kind") == FALLBACK_INTENT:
            # (also when the MessageKindGuard read a fallback story as `inform`). Only when
            # DIET's own best guess below the fallback threshold was a danger intent: one ranked
            # behind an ordinary intent is noise, not a signal.
            ranked = [r for r in message.get(INTENT_RANKING_KEY) or []
                      if r.get("name") != FALLBACK_INTENT]
            if ranked and ranked[0].get("confidence", 0.0) >= self._rescue_threshold:
                name, confidence = ranked[0].get("name"), float(ranked[0]["confidence"])
        if signal is not None:  # "zelfmoord? nee": its safety question, not the help
            name = DANGER_INTENT_BY_KIND[signal.kind]
        elif name in DANGER_INTENTS and self._model_is_sure(text, confidence):
            if not self._heard_in_context(text, confidence):
                self._set_intent(message, name, "classifier")
                message.set("danger_level", EXPLICIT, add_to_output=True)
                return
            evidence = CLASSIFIER_IN_CONTEXT
        if name not in DANGER_INTENTS:
            return
        kind = KIND_BY_DANGER_INTENT[name]
        message.set(INTENT, {"name": INFORM, "confidence": confidence}, add_to_output=True)
        message.set("danger_possible", kind, add_to_output=True)
        message.set("danger_level", POSSIBLE, add_to_output=True)
        if evidence is None:
            evidence = signal.rule if signal is not None else "classifier"
        message.set("danger_signal", evidence, add_to_output=True)

    def _model_is_sure(self, text: str, confidence: float) -> bool:
        """DIET's danger intent counts as explicit: a whole sentence that says no all-clear."""
        words = len(_WORD.findall(text))
        return (
            confidence >= self._model_explicit_confidence
            and words >= self._model_explicit_words
            # "ik ben niet in gevaar"; but "hij slaat me nooit, maar hij controleert alles" is
            # a story of control that only begins with "no violence".
            and not (words <= ALL_CLEAR_MAX_WORDS and says_no_danger(text))
            # "wat bedoel je met controleren?": a question about the question.
            and not (words <= ALL_CLEAR_MAX_WORDS and looks_like_question(text))
            # "nee hij controleert me niet": a short no that the lexicon finds nothing in.
            and not (words <= ALL_CLEAR_MAX_WORDS and _NO_FIRST.match(text.strip().lower()))
            # "ik schrik me dood van de rekening": an idiom, at most a question.
            and not has_idiom(text)
        )

    def _heard_in_context(self, text: str, confidence: float) -> bool:
        """Sure but for one thing: a short message without one word of danger ("ik heb geen
        oppas voor de kinderen" at the barriers question). Only the question it answers tells
        (actions/extract.py: a yes at a safety question, nothing at the others)."""
        words = len(_WORD.findall(text))
        return words <= MODEL_SHORT_WORDS and not has_danger_words(text)

    @staticmethod
    def _set_intent(message: Message, intent_name: str, evidence: str) -> None:
        current = message.get(INTENT) or {}
        if current.get("name") == intent_name:
            confidence = max(float(current.get("confidence") or 0.0), 1.0)
        else:
            confidence = 1.0
        message.set(INTENT, {"name": intent_name, "confidence": confidence}, add_to_output=True)
        message.set("danger_signal", evidence, add_to_output=True)
