"""Safety net on top of intent classification: graded danger signals (spec section 8).

A missed danger signal is the worst error this product can make, and a false alarm should cost
one question, never a safety route. So after DIET and the other guards have spoken:

- *explicit*: the rule-based Dutch lexicon of `signals.detect_danger` finds the signal. The
  intent becomes the matching `danger_*` intent: the safety help in the same reply
  (data/rules/safety.yml). Evidence in `danger_signal` (the lexicon rule name).
- *possible*: only the trained model thinks so (DIET's first intent is a danger intent, also
  below the fallback threshold when it reaches `rescue_threshold`). DIET is often sure of a
  danger intent for "ik ben niet in gevaar" or "de kinderen zijn veilig", so the model alone
  never gives the safety help: the intent becomes `inform` and `danger_possible` names the
  kind; the action server then asks the kind's safety question (actions/extract.py).

`danger_level` is "explicit" or "possible". Never the resident's words.
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
KIND_BY_DANGER_INTENT = {intent: kind for kind, intent in DANGER_INTENT_BY_KIND.items()}
EXPLICIT = "explicit"
POSSIBLE = "possible"
INFORM = "inform"
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
        if text.startswith("/"):
            return  # a button payload says what it means
        signal = detect_danger(text)
        if signal is not None and signal.level == EXPLICIT:
            self._set_intent(message, DANGER_INTENT_BY_KIND[signal.kind], signal.rule)
            message.set("danger_level", EXPLICIT, add_to_output=True)
            return
        intent = message.get(INTENT) or {}
        name = intent.get("name")
        if signal is not None:  # "zelfmoord? nee": its safety question, not the help
            name = DANGER_INTENT_BY_KIND[signal.kind]
        if name == FALLBACK_INTENT:
            # Only when DIET's own best guess (below the fallback threshold) was a danger intent:
            # a danger intent ranked behind an ordinary one is noise, not a signal.
            ranked = [r for r in message.get(INTENT_RANKING_KEY) or []
                      if r.get("name") != FALLBACK_INTENT]
            if not ranked or ranked[0].get("confidence", 0.0) < self._rescue_threshold:
                return
            name = ranked[0].get("name")
        if name not in DANGER_INTENTS:
            return
        kind = KIND_BY_DANGER_INTENT[name]
        message.set(INTENT, {"name": INFORM, "confidence": float(intent.get("confidence") or 0.0)},
                    add_to_output=True)
        message.set("danger_possible", kind, add_to_output=True)
        message.set("danger_level", POSSIBLE, add_to_output=True)
        message.set("danger_signal", signal.rule if signal is not None else "classifier",
                    add_to_output=True)

    @staticmethod
    def _set_intent(message: Message, intent_name: str, evidence: str) -> None:
        current = message.get(INTENT) or {}
        if current.get("name") == intent_name:
            confidence = max(float(current.get("confidence") or 0.0), 1.0)
        else:
            confidence = 1.0
        message.set(INTENT, {"name": intent_name, "confidence": confidence}, add_to_output=True)
        message.set("danger_signal", evidence, add_to_output=True)
