"""Behaviour-preserving speed-ups for the Rasa server (Rasa Open Source 3.6).

Rasa checks every action server response against its JSON schema with `jsonschema.validate`,
which checks the (large) events schema itself against the meta-schema and builds a new validator
on every call: about 30 ms of CPU per custom action call on our machine, two or three calls per
message, so most of the Rasa server's time under load (see docs/benchmarks.md, "Scale and latency
(issue 7)"). `install()` makes Rasa build that validator once per process. The schema, the checks
and the error raised for an invalid response stay exactly the same.
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


def install() -> None:
    """Applies the speed-ups (idempotent)."""
    global _installed
    if _installed:
        return
    from rasa.core.actions.action import RemoteAction

    RemoteAction._validate_action_result = _validate_action_result
    _installed = True
    logger.debug("Rasa speed-ups installed: action response validator built once")
