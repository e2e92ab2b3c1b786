"""Checking action server responses: the validator built once, and a quick check per event.

See `deploy/rasa_speedups.py`, 1 and 4. The quick check remembers the events it found valid,
by their exact JSON text: most events of a conversation recur in every other one (the same
`requested_slot`, the same answer slots), and checking a slot event against its schema takes
7-9 times as long as making its key (`json_key`): 76 and 47 µs against 11 and 5.5 µs, in two
ad-hoc timings in one process.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

try:
    import ujson as _ujson
except ImportError:  # pragma: no cover - every supported install has it (Sanic's dependency)
    _ujson = None

KNOWN_VALID_MAX = 4096  # events remembered as valid; the memory is emptied when full


def json_key(event: Any) -> str | None:
    """The exact JSON text of `event` (keys sorted), or None when that text would not give back
    the same value (keys that are not strings, NaN, types JSON does not have): then it is
    checked every time. Two events with the same text are the same JSON document, so the
    schema decides the same for both.
    """
    if _ujson is None:
        return None
    try:
        text = _ujson.dumps(event, sort_keys=True)
        return text if _identical(_ujson.loads(text), event) else None
    except (TypeError, ValueError, OverflowError):
        return None


def _identical(decoded: Any, original: Any) -> bool:
    # Types compared too: `==` treats 1, 1.0 and True alike; the schema does not.
    if type(decoded) is not type(original):
        return False
    if isinstance(original, dict):
        return decoded.keys() == original.keys() and all(
            _identical(decoded[key], value) for key, value in original.items())
    if isinstance(original, list):
        return len(decoded) == len(original) and all(map(_identical, decoded, original))
    return decoded == original


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
        self._known_valid: set[str] = set()  # JSON texts of events found valid

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
            if validator is None:
                return False
            key = json_key(event)
            if key is not None and key in self._known_valid:
                continue
            if not validator.is_valid(event):
                return False
            if key is not None:
                if len(self._known_valid) >= KNOWN_VALID_MAX:
                    self._known_valid.clear()
                self._known_valid.add(key)
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
