"""Checking action server responses: the validator built once, and a quick check per event.

See `deploy/rasa_speedups.py`, 1 and 4.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def action_response_validator() -> Any:
    from jsonschema import validators
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    cls = validators.validator_for(schema)
    cls.check_schema(schema)  # once, instead of on every call
    return cls(schema)


class EventDispatchCheck:
    """A quick yes for valid action responses: each event checked against its own schema only.

    Built from Rasa's schema itself; `None` from `build` when the schema is not shaped as this
    relies on (then every response goes through the full validator).
    """

    def __init__(self, top: Any, by_name: dict[str, Any]) -> None:
        self._top = top
        self._by_name = by_name

    @classmethod
    def build(cls, schema: dict[str, Any], validator_class: Any) -> EventDispatchCheck | None:
        try:
            events = schema["properties"]["events"]
            event = events["items"]
            alternatives = event["oneOf"]
            names = [alt["properties"]["event"]["const"] for alt in alternatives]
        except (KeyError, TypeError):
            return None
        if events.get("type") != "array" or len(set(names)) != len(names) or set(events) != {"type", "items"}:
            return None
        common = {key: value for key, value in event.items() if key != "oneOf"}
        if "event" not in common.get("required", ()):
            return None  # without it an event lacking "event" could match several alternatives
        top = {**schema, "properties": {**schema["properties"], "events": {"type": "array"}}}
        by_name = {
            name: validator_class({"allOf": [common, alternative]})
            for name, alternative in zip(names, alternatives, strict=True)
        }
        return cls(validator_class(top), by_name)

    def accepts(self, result: Any) -> bool:
        if not self._top.is_valid(result):
            return False
        for event in result.get("events") or ():
            name = event.get("event") if isinstance(event, dict) else None
            validator = self._by_name.get(name) if isinstance(name, str) else None
            if validator is None or not validator.is_valid(event):
                return False
        return True


@lru_cache(maxsize=1)
def quick_check() -> EventDispatchCheck | None:
    from rasa.core.actions.action import RemoteAction

    validator = action_response_validator()
    return EventDispatchCheck.build(RemoteAction.action_response_format_spec(), type(validator))


def validate_action_result(self: Any, result: dict[str, Any]) -> bool:
    """Same as RemoteAction.validate_action_result (3.6), with the validator built once and a
    quick check first (`deploy/rasa_speedups.py`, 4)."""
    from jsonschema import ValidationError
    from jsonschema.exceptions import best_match
    from rasa.shared.constants import DOCS_BASE_URL

    quick = quick_check()
    if quick is not None and quick.accepts(result):
        return True
    try:
        # As jsonschema.validate (which Rasa calls) reports: the best match among all errors.
        error = best_match(action_response_validator().iter_errors(result))
        if error is not None:
            raise error
        return True
    except ValidationError as e:
        e.message += (
            f". Failed to validate Action server response from API, "
            f"make sure your response from the Action endpoint is valid. "
            f"For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise e
