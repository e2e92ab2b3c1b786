"""The quick check of action server responses (deploy/speedups/action_responses.py) decides as Rasa does."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import ValidationError, validators
from rasa.core.actions.action import RemoteAction
from rasa.shared.utils.schemas.events import EVENT_SCHEMA

from deploy.speedups.action_responses import (
    KNOWN_VALID_MAX,
    EventDispatchCheck,
    json_key,
    quick_check,
    validate_action_result,
)

SCHEMA = RemoteAction.action_response_format_spec()
FULL = validators.validator_for(SCHEMA)(SCHEMA)
NAMES = [alt["properties"]["event"]["const"] for alt in EVENT_SCHEMA["oneOf"]]

scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.floats(allow_nan=False),
                    st.sampled_from(["", "violence", "utter_ask_violence", "x" * 40]))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.sampled_from(["a", "name", "text"]), inner, max_size=3),
                      max_leaves=6)
# Keys that the event schemas constrain, so that many generated events are wrong in some way.
KEYS = ["event", "name", "value", "timestamp", "metadata", "text", "policy", "confidence",
        "entities", "parse_data", "input_channel", "hide_rule_turn", "action_text", "message_id"]
events = st.dictionaries(
    st.sampled_from(KEYS),
    st.one_of(values, st.sampled_from([*NAMES, "no_such_event"]),
              st.lists(st.fixed_dictionaries({"entity": st.text(max_size=3), "value": values}),
                       max_size=2)),
    max_size=6,
) | st.builds(lambda name, extra: {"event": name, **extra},
              st.sampled_from([*NAMES, "no_such_event", 3]),
              st.dictionaries(st.sampled_from(KEYS[1:]), values, max_size=3))
responses = st.one_of(
    st.fixed_dictionaries({}, optional={
        "events": st.one_of(st.lists(events, max_size=4), values),
        "responses": st.one_of(st.lists(st.one_of(st.dictionaries(st.sampled_from(["text", "response"]),
                                                                   values, max_size=2), scalars),
                                        max_size=3), values),
    }),
    values,
)


def _full_accepts(result: Any) -> bool:
    return FULL.is_valid(result)


def test_the_quick_check_is_built_from_rasas_schema():
    quick = quick_check()
    assert isinstance(quick, EventDispatchCheck)
    assert quick.accepts({"events": [{"event": "slot", "name": "violence", "value": True},
                                     {"event": "active_loop", "name": None}],
                          "responses": [{"response": "utter_ask_violence"}]})
    assert not quick.accepts({"events": [{"event": "slot", "value": True}]})  # no name
    assert not quick.accepts({"events": [{"event": "no_such_event"}]})


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(responses)
def test_quick_yes_only_for_what_the_full_validator_accepts(result):
    if quick_check().accepts(result):
        assert _full_accepts(result)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(responses)
def test_patched_validation_decides_and_fails_exactly_as_rasa(result):
    action = RemoteAction("action_x", None)
    try:
        rasas = RemoteAction._validate_action_result(action, result)
    except ValidationError as error:
        rasas = error.message
    try:
        ours = validate_action_result(action, result)
    except ValidationError as error:
        ours = error.message
    assert ours == rasas


def test_the_quick_check_steps_aside_for_a_schema_of_another_shape():
    other = {"type": "object", "properties": {"events": {"type": "array", "items": {"anyOf": []}}}}
    assert EventDispatchCheck.build(other, validators.Draft4Validator) is None
    unnamed = {"type": "object", "properties": {"events": {"type": "array", "items": {
        "type": "object", "oneOf": [{"properties": {"event": {"const": "a"}}}]}}}}
    assert EventDispatchCheck.build(unnamed, validators.Draft4Validator) is None  # "event" not required


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(events, min_size=1, max_size=6))
def test_remembered_events_decide_as_checking_them_again(batch):
    """Events remembered as valid (by their JSON text) are decided as the full validator decides,
    however often and in whatever company they come again."""
    quick = EventDispatchCheck.build(SCHEMA, type(FULL))
    for _ in range(2):
        for event in batch:
            if quick.accepts({"events": [event]}):
                assert _full_accepts({"events": [event]})
        if quick.accepts({"events": batch}):
            assert _full_accepts({"events": batch})


@pytest.mark.parametrize(("valid", "twin"), [
    ({"event": "slot", "name": "violence", "value": True}, {"event": "slot", "name": 1, "value": True}),
    ({"event": "bot", "text": "x", "timestamp": 1.5}, {"event": "bot", "text": "x", "timestamp": True}),
    ({"event": "action", "name": "a", "confidence": 1}, {"event": "action", "name": "a", "confidence": "1"}),
])
def test_a_remembered_event_does_not_vouch_for_a_look_alike(valid, twin):
    quick = EventDispatchCheck.build(SCHEMA, type(FULL))
    assert quick.accepts({"events": [valid]})
    assert quick.accepts({"events": [twin]}) == _full_accepts({"events": [twin]})
    assert json_key(valid) != json_key(twin)


def test_json_key_only_for_plain_json():
    assert json_key({"event": "slot", "value": [1, 2.5, None, "x"]}) is not None
    assert json_key({"event": "slot", 1: "a"}) is None  # not a string key
    assert json_key({"event": "slot", "value": float("nan")}) is None
    assert json_key({"event": "slot", "value": {1, 2}}) is None  # not a JSON type
    assert json_key({"b": 1, "a": 2}) == json_key({"a": 2, "b": 1})


def test_the_memory_is_bounded():
    quick = EventDispatchCheck.build(SCHEMA, type(FULL))
    for index in range(KNOWN_VALID_MAX + 10):
        assert quick.accepts({"events": [{"event": "slot", "name": f"s{index}", "value": index}]})
    assert len(quick._known_valid) <= KNOWN_VALID_MAX
