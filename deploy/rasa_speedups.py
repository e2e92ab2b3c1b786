"""Behaviour-preserving speed-ups for the Rasa server (Rasa Open Source 3.6).

Found with py-spy under load (docs/benchmarks.md, "Scale and latency (issue 7)"):

1. Rasa checks every action server response against its JSON schema with `jsonschema.validate`,
   which checks the (large) events schema itself against the meta-schema and builds a new
   validator on every call: about 30 ms of CPU per custom action call, two or three calls per
   message, 70% of the Rasa server's CPU time. `install()` makes Rasa build that validator once
   per process. The schema, the checks and the error for an invalid response stay the same.
2. Every event read from a tracker or an action response looks up its class by walking all
   subclasses of `Event` (`Event.resolve_by_type`): about 8% of the CPU time once (1) is fixed.
   `install()` remembers the class found for each event name; unknown names go the original way.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

logger = logging.getLogger(__name__)
_installed = False


@lru_cache(maxsize=1)
def _action_response_validator() -> Any:
    from jsonschema import validators
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    cls = validators.validator_for(schema)
    cls.check_schema(schema)  # once, instead of on every call
    return cls(schema)


def _validate_action_result(self: Any, result: dict[str, Any]) -> bool:
    """Same as RemoteAction._validate_action_result (3.6), with the validator built once."""
    from jsonschema import ValidationError
    from rasa.shared.constants import DOCS_BASE_URL

    try:
        _action_response_validator().validate(result)
        return True
    except ValidationError as e:
        e.message += (
            f". Failed to validate Action server response from API, "
            f"make sure your response from the Action endpoint is valid. "
            f"For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise e


def _cached_resolve_by_type(original: Any) -> Any:
    found: dict[str, Any] = {}

    def resolve_by_type(type_name: str, default: Any = None) -> Any:
        cls = found.get(type_name)
        if cls is not None:
            return cls
        cls = original(type_name, default)
        if cls is not None and getattr(cls, "type_name", None) == type_name:
            found[type_name] = cls
        return cls

    resolve_by_type.__doc__ = original.__doc__
    return resolve_by_type


def install() -> None:
    """Applies the speed-ups (idempotent)."""
    global _installed
    if _installed:
        return
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.events import Event

    RemoteAction._validate_action_result = _validate_action_result
    Event.resolve_by_type = staticmethod(_cached_resolve_by_type(Event.resolve_by_type))
    _installed = True
    logger.debug("Rasa speed-ups installed: action response validator built once, event classes cached")
