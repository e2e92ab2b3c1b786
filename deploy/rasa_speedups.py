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
3. Loading a trained DIET or ResponseSelector model, Rasa first *trains it on one example* (to
   create its weights), then overwrites those weights from the model file and traces the
   prediction graph: the training step's graph costs about 7 s and 330 MB of the Rasa server's
   start (cold start and peak memory, docs/benchmarks.md). For serving, `install()` loads the
   weights straight into the model instead (TensorFlow restores each weight when the prediction
   graph creates it) and checks that every weight the model uses came from the file; otherwise,
   and for fine-tuning or eager mode, Rasa's own loading runs. The weights, and so every
   prediction, are the same (tests/deploy/test_model_loading.py compares them).
4. Even built once, the validator checks every event against all 23 event schemas (the schema's
   `oneOf`), about 13% of the CPU time. Each of those schemas admits one event name only (its
   `"event": {"const": ...}`), so an event named X is valid exactly when it matches the
   common part and X's schema. `install()` checks that first; only a response that fails it goes
   through the full validator, which raises Rasa's own error (or, should the reasoning ever
   not hold, accepts it).
5. Rasa opens a new HTTP session, so a new TCP connection, for every action server call
   (`EndpointConfig.request`). `install()` keeps one session per endpoint and event loop, with
   keep-alive connections that the client lets go after 2 s, before the action server's own
   5 s keep-alive timeout would close them under it.
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


class _EventDispatchCheck:
    """A quick yes for valid action responses: each event checked against its own schema only.

    Built from Rasa's schema itself; `None` from `build` when the schema is not shaped as this
    relies on (then every response goes through the full validator).
    """

    def __init__(self, top: Any, by_name: dict[str, Any]) -> None:
        self._top = top
        self._by_name = by_name

    @classmethod
    def build(cls, schema: dict[str, Any], validator_class: Any) -> _EventDispatchCheck | None:
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
def _quick_check() -> _EventDispatchCheck | None:
    from rasa.core.actions.action import RemoteAction

    validator = _action_response_validator()
    return _EventDispatchCheck.build(RemoteAction.action_response_format_spec(), type(validator))


def _validate_action_result(self: Any, result: dict[str, Any]) -> bool:
    """Same as RemoteAction._validate_action_result (3.6), with the validator built once and a
    quick check first (module docstring, 4)."""
    from jsonschema import ValidationError
    from jsonschema.exceptions import best_match
    from rasa.shared.constants import DOCS_BASE_URL

    quick = _quick_check()
    if quick is not None and quick.accepts(result):
        return True
    try:
        # As jsonschema.validate (which Rasa calls) reports: the best match among all errors.
        error = best_match(_action_response_validator().iter_errors(result))
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


def _trace_without_autograph(model: Any, predict_data_example: Any) -> None:
    """Prepares the model's prediction function as `RasaModel._rasa_predict` would, without AutoGraph.

    AutoGraph rewrites the Python source of every layer into graph code, which takes most of the
    time of the first prediction (about 3 s for DIET), although the prediction code branches and
    loops on Python values only. Should that change, the trace fails loudly here (a tensor
    used as a Python bool) and the caller falls back to Rasa's own way.
    """
    import tensorflow as tf
    from rasa.utils.train_utils import create_data_generators

    generator, _ = create_data_generators(model_data=predict_data_example, batch_sizes=1, epochs=1,
                                          shuffle=False)
    batch_in = next(iter(generator))[0]  # the batch `run_inference` will trace with
    model._tf_predict_step = tf.function(
        model.predict_step, input_signature=model._dynamic_signature(batch_in), autograph=False
    )


def _load_for_inference(original: Any) -> Any:
    """RasaModel.load without the one-example training run (see the module docstring, 3).

    `original`: the function behind Rasa's classmethod (called with the subclass being loaded).
    """
    from rasa.utils.tensorflow.constants import RUN_EAGERLY

    def load(cls: Any, model_file_name: str, model_data_example: Any, predict_data_example: Any = None,
             finetune_mode: bool = False, *args: Any, **kwargs: Any) -> Any:
        config = kwargs.get("config", {})
        if finetune_mode or config.get(RUN_EAGERLY) or not predict_data_example:
            return original(cls, model_file_name, model_data_example, predict_data_example, finetune_mode,
                            *args, **kwargs)
        model = cls(*args, **kwargs)
        status = model.load_weights(model_file_name)
        try:
            _trace_without_autograph(model, predict_data_example)
            model.run_inference(predict_data_example)  # creates (and so restores) every weight
            status.assert_existing_objects_matched()
        except (AssertionError, TypeError) as error:  # TypeError: a tensor used as a Python bool
            logger.warning("Model %s: fast loading not possible (%s); Rasa's own loading runs "
                           "instead", model_file_name, type(error).__name__)
            return original(cls, model_file_name, model_data_example, predict_data_example, finetune_mode,
                            *args, **kwargs)
        status.expect_partial()  # the optimizer's state in the file is for training only
        return model

    load.__doc__ = original.__doc__
    return classmethod(load)


CLIENT_KEEPALIVE_S = 2.0  # below Sanic's default KEEP_ALIVE_TIMEOUT (5 s) of the action server


class _KeptSession:
    """What `async with endpoint.session()` gets: the shared session, left open afterwards."""

    def __init__(self, session: Any) -> None:
        self._session = session

    async def __aenter__(self) -> Any:
        return self._session

    async def __aexit__(self, *exc_info: Any) -> None:
        return None


def _shared_session(self: Any) -> _KeptSession:
    """EndpointConfig.session (3.6) configured the same way, but made once per event loop."""
    import asyncio

    import aiohttp
    from rasa.utils.endpoints import DEFAULT_REQUEST_TIMEOUT

    loop = asyncio.get_event_loop()
    sessions = self.__dict__.setdefault("_relatieroute_sessions", {})
    session = sessions.get(loop)
    if session is None or session.closed:
        auth = None
        if self.basic_auth:
            auth = aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"])
        session = aiohttp.ClientSession(
            headers=self.headers,
            auth=auth,
            timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
            connector=aiohttp.TCPConnector(keepalive_timeout=CLIENT_KEEPALIVE_S),
        )
        sessions[loop] = session
    return _KeptSession(session)


def install() -> None:
    """Applies the speed-ups (idempotent)."""
    global _installed
    if _installed:
        return
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.events import Event
    from rasa.utils.endpoints import EndpointConfig
    from rasa.utils.tensorflow.models import RasaModel

    RemoteAction._validate_action_result = _validate_action_result
    Event.resolve_by_type = staticmethod(_cached_resolve_by_type(Event.resolve_by_type))
    RasaModel.load = _load_for_inference(RasaModel.load.__func__)
    EndpointConfig.session = _shared_session
    _installed = True
    logger.debug("Rasa speed-ups installed: action response validator built once, event classes "
                 "cached, models loaded without a training step")
