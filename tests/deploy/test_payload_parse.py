"""deploy/speedups/payload_parse.py: a button payload parsed by RegexMessageHandler alone gives
exactly what Rasa's whole NLU graph gives; any other text still goes through the whole graph.

Compared on the trained model with every button payload of domain.yml, every intent as a bare
payload, payloads with a confidence, extra text or an unknown intent, and ordinary messages.
"""

from __future__ import annotations

import copy
from pathlib import Path
from types import MethodType

import pytest
import yaml
from rasa.core.agent import Agent
from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor
from rasa.engine.graph import GraphSchema, SchemaNode
from rasa.nlu.classifiers.regex_message_handler import RegexMessageHandler

from deploy.speedups.payload_parse import handler_inputs, is_unpacked_payload, parse_payloads_directly
from scripts.stack import ensure_model

ROOT = Path(__file__).resolve().parents[2]
RASAS_OWN = MessageProcessor._parse_message_with_graph


def _button_payloads() -> list[str]:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text())
    # The domain doubles the braces of a payload's JSON; Rasa sends them single (response templating).
    payloads = {
        button["payload"].replace("{{", "{").replace("}}", "}")
        for variants in domain["responses"].values()
        for variant in variants
        for button in variant.get("buttons", [])
    }
    return sorted(payloads)


BUTTON_PAYLOADS = _button_payloads()
# Not unpacked by the handler: the whole graph decides.
OTHER_TEXTS = [
    "ja", "we zijn vorig jaar gescheiden", "", "   ", "😢", "<script>alert(1)</script>",
    "/onbekende_intent", "/", "/{\"a\": 1}", "hallo /affirm", "ik wil /deny",
    "mijn partner slaat me", "/mijn partner slaat me", "/affirm extra tekst",
]
# Unpacked, with the odd corners of the payload syntax.
ODD_PAYLOADS = [
    "/affirm@0.7", "  /deny  ", "/affirm@0.7 extra tekst", "/inform{\"barriers\": \"time\"} en meer",
    "/inform{\"barriers\": ", "/inform{\"onbekend_slot\": \"x\"}", "/affirm@", "/dont_know{}", "/ affirm",
]


@pytest.fixture(scope="module")
def processor() -> MessageProcessor:
    return Agent.load(str(ensure_model())).processor


@pytest.fixture(scope="module")
def rasas_calls() -> list[str]:
    return []


@pytest.fixture(scope="module")
def fast(processor, rasas_calls):
    def counted(self, message, tracker, only_output_properties=True):
        rasas_calls.append(message.text)
        return RASAS_OWN(self, message, tracker, only_output_properties)

    return MethodType(parse_payloads_directly(counted), processor)


def _both(processor, fast, text: str, only_output_properties: bool = True) -> tuple[dict, dict]:
    own = RASAS_OWN(processor, UserMessage(text), None, only_output_properties)
    return own, fast(UserMessage(text), None, only_output_properties)


def test_the_domain_has_buttons_with_and_without_entities():
    assert len(BUTTON_PAYLOADS) > 20
    assert any("{" in p for p in BUTTON_PAYLOADS) and any("{" not in p for p in BUTTON_PAYLOADS)


@pytest.mark.parametrize("text", BUTTON_PAYLOADS + ODD_PAYLOADS)
def test_a_payload_gives_what_the_whole_graph_gives_without_it(processor, fast, rasas_calls, text):
    assert is_unpacked_payload(text, processor.domain)
    rasas_calls.clear()
    own, quick = _both(processor, fast, text)
    assert quick == own
    assert rasas_calls == [], "the payload went through the whole graph"


def test_every_intent_as_a_bare_payload(processor, fast, rasas_calls):
    rasas_calls.clear()
    for intent in processor.domain.intents:
        own, quick = _both(processor, fast, f"/{intent}")
        assert quick == own, intent
    assert rasas_calls == []


def test_all_properties_too(processor, fast):
    own, quick = _both(processor, fast, '/inform{"relationship_status": "separated"}', False)
    assert quick == own
    assert quick["entities"][0]["extractor"] == RegexMessageHandler.__name__


@pytest.mark.parametrize("text", OTHER_TEXTS)
def test_other_texts_go_through_the_whole_graph(processor, fast, rasas_calls, text):
    assert not is_unpacked_payload(text, processor.domain)
    rasas_calls.clear()
    own, quick = _both(processor, fast, text)
    assert quick == own
    assert rasas_calls == [UserMessage(text).text]  # (UserMessage strips the text)


def test_a_danger_signal_in_free_text_still_counts(processor, fast):
    parsed = fast(UserMessage("hij slaat me en ik ben bang"), None)
    assert parsed["intent"]["name"].startswith("danger_")


def test_a_graph_without_the_handler_at_the_end_is_left_alone(processor):
    schema = processor.model_metadata.predict_schema
    target = processor.model_metadata.nlu_target
    needs = schema.nodes[target].needs
    assert handler_inputs(schema, target) == (needs["messages"], (needs["domain"],))
    other = copy.copy(schema.nodes[target])
    other.uses = type("NotTheHandler", (RegexMessageHandler,), {})
    assert handler_inputs(GraphSchema({**schema.nodes, target: other}), target) is None
    assert handler_inputs(GraphSchema({"x": SchemaNode({}, RegexMessageHandler, "create", "process", {})}),
                          target) is None
    # A domain that is computed from something else: no shortcut.
    domain = copy.copy(schema.nodes[needs["domain"]])
    domain.needs = {"x": needs["messages"]}
    assert handler_inputs(GraphSchema({**schema.nodes, needs["domain"]: domain}), target) is None


def test_installed_on_the_message_processor(rasa_speedups_installed):
    installed = MessageProcessor._parse_message_with_graph
    assert installed.__wrapped__ is rasa_speedups_installed(MessageProcessor, "_parse_message_with_graph")
