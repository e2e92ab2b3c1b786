"""Button payloads parsed by the one graph node whose answer counts (`deploy/rasa_speedups.py`, 11).

A button sends its payload as the message text (`/affirm`, `/inform{"barriers": "time"}`). Rasa
3.6 still runs the whole NLU graph on it (spaCy, both count-vector featurizers, DIET, the FAQ
selector, the fallback and our guards: about 7 ms of CPU) and only then lets the last node,
`RegexMessageHandler`, replace the message with a new one that holds just the payload's text,
intent, intent ranking and entities. Whatever the earlier nodes found is dropped with the old
message, so for a payload that the handler unpacks their work cannot change the answer.

`parse_payloads_directly` calls the handler's own graph node for such a payload, with the
message as the graph's converter makes it and the domain from the graph's domain provider: the
handler, its hooks, its domain and its entity extractor name are Rasa's own. Any other text, and
a payload the handler would not unpack (not the payload pattern, unknown intent), goes through
the whole graph as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.engine.graph import GraphSchema
from rasa.graph_components.converters.nlu_message_converter import NLUMessageConverter
from rasa.shared.constants import INTENT_MESSAGE_PREFIX
from rasa.shared.core.domain import Domain
from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)

ParseWithGraph = Callable[..., dict[str, Any]]
_PAYLOAD = YAMLStoryReader._regex_message_pattern()
_CONVERTER = NLUMessageConverter()
# On each MessageProcessor (one per loaded model): `handler_inputs` of its graph, read once.
_INPUTS_ATTRIBUTE = "_payload_handler_inputs"


def handler_inputs(schema: GraphSchema, nlu_target: str) -> tuple[str, tuple[str, ...]] | None:
    """When the NLU target is Rasa's `RegexMessageHandler` (as the default recipe builds it):
    the node whose messages it reads, and the nodes of its other inputs (the domain provider),
    which must need nothing themselves. Else None."""
    # Imported here: the module imports TensorFlow, which the server sets up before importing
    # it (deploy/rasa_server.py, which imports this module first).
    from rasa.nlu.classifiers.regex_message_handler import RegexMessageHandler

    node = schema.nodes.get(nlu_target)
    if node is None or node.uses is not RegexMessageHandler or node.fn != "process":
        return None
    source = node.needs.get("messages")
    others = tuple(name for parameter, name in node.needs.items() if parameter != "messages")
    if source is None or any(name not in schema.nodes or schema.nodes[name].needs for name in others):
        return None
    return source, others


def is_unpacked_payload(text: str | None, domain: Domain) -> bool:
    """Whether `RegexMessageHandler` replaces a message with this text by a new one: the text
    (stripped) matches the payload pattern and names an intent of the domain."""
    if not text:
        return False
    stripped = text.strip()
    if not stripped.startswith(INTENT_MESSAGE_PREFIX):
        return False
    match = _PAYLOAD.match(stripped)
    return match is not None and match.group(INTENT_NAME_KEY).strip() in domain.intents


def parse_payloads_directly(original: ParseWithGraph) -> ParseWithGraph:
    """`MessageProcessor._parse_message_with_graph` that sends an unpacked payload to the
    handler node alone and everything else to `original`."""

    def _parse_message_with_graph(
        self: Any, message: UserMessage, tracker: Any, only_output_properties: bool = True
    ) -> dict[str, Any]:
        target = self.model_metadata.nlu_target
        if _INPUTS_ATTRIBUTE not in self.__dict__:
            self.__dict__[_INPUTS_ATTRIBUTE] = handler_inputs(self.model_metadata.predict_schema, target)
        inputs = self.__dict__[_INPUTS_ATTRIBUTE]
        if inputs is None or not is_unpacked_payload(message.text, self.domain):
            return original(self, message, tracker, only_output_properties)
        source, others = inputs
        # Both graph runners keep their nodes here. A node takes (name, value) pairs of the nodes
        # it needs and returns its own (name, value).
        nodes = self.graph_runner._instantiated_nodes
        converted = _CONVERTER.convert_user_message([message])
        _, parsed = nodes[target]((source, converted), *(nodes[name]() for name in others))
        parsed_message = parsed[0]
        if parsed_message is converted[0]:
            # The handler kept the message after all (its domain differs from ours): the
            # earlier nodes' findings would have counted, so they must run.
            return original(self, message, tracker, only_output_properties)
        # As in MessageProcessor._parse_message_with_graph.
        parse_data = {
            TEXT: "",
            INTENT: {INTENT_NAME_KEY: None, PREDICTED_CONFIDENCE_KEY: 0.0},
            ENTITIES: [],
        }
        parse_data.update(parsed_message.as_dict(only_output_properties=only_output_properties))
        return parse_data

    _parse_message_with_graph.__wrapped__ = original  # type: ignore[attr-defined]
    return _parse_message_with_graph
