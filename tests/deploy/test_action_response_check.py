"""The quick check of action server responses (deploy/speedups/action_responses.py) decides as Rasa does."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import ValidationError, validators
from rasa.core.actions.action import RemoteAction
from rasa.shared.utils.schemas.events import EVENT_SCHEMA

from deploy.speedups.action_responses import EventDispatchCheck, quick_check, validate_action_result

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
