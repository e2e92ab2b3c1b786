"""Safety net on top of intent classification: a danger signal always wins.

A missed danger signal is the worst error this product can make (spec section 8), and a false
alarm only costs one confirmation question. So after DIET and the FallbackClassifier have spoken,
this component (1) runs the rule-based Dutch lexicon of `signals.detect_danger` over the text and
(2) rescues a danger intent that DIET ranked first but below the fallback threshold. Either
way the message's intent becomes the matching `danger_*` intent with the evidence in
`danger_signal` (the lexicon rule name — never the user's words).
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from signals import detect_danger

DANGER_INTENT_BY_KIND = {
    "acute": "danger_acute",
    "self_harm": "danger_self_harm",
    "children": "danger_children",
    "violence": "danger_violence",
}
DANGER_INTENTS = frozenset(DANGER_INTENT_BY_KIND.values())
FALLBACK_INTENT = "nlu_fallback"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class DangerSignalGuard(GraphComponent):
    """Overrides the intent with a `danger_*` intent when the text carries a danger signal."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """Defaults: how much DIET confidence rescues a danger intent from `nlu_fallback`."""
        return {"rescue_threshold": 0.2}

    def __init__(self, config: dict[str, Any]) -> None:
        self._rescue_threshold = float(config["rescue_threshold"])

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
        signal = detect_danger(text)
        if signal is not None:
            self._set_intent(message, DANGER_INTENT_BY_KIND[signal.kind], signal.rule)
            return
        intent = message.get(INTENT) or {}
        if intent.get("name") != FALLBACK_INTENT:
            return
        # Rescue only when DIET's own best guess (below the fallback threshold) was a danger
        # intent: a danger intent ranked behind an ordinary one is noise, not a signal.
        ranked = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != FALLBACK_INTENT]
        if not ranked:
            return
        best = ranked[0]
        if best.get("name") in DANGER_INTENTS and best.get("confidence", 0.0) >= self._rescue_threshold:
            self._set_intent(message, best["name"], "classifier")

    @staticmethod
    def _set_intent(message: Message, intent_name: str, evidence: str) -> None:
        current = message.get(INTENT) or {}
        if current.get("name") == intent_name:
            confidence = max(float(current.get("confidence") or 0.0), 1.0)
        else:
            confidence = 1.0
        message.set(INTENT, {"name": intent_name, "confidence": confidence}, add_to_output=True)
        message.set("danger_signal", evidence, add_to_output=True)
