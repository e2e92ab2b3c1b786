"""Where Rasa 3.6.21 and rasa_sdk 3.6.2 write conversation contents to the log.

Found by reading the installed sources (``.venv/lib/python3.10/site-packages/rasa`` and
``rasa_sdk``). Line numbers refer to rasa 3.6.21 / rasa_sdk 3.6.2; ``tests/privacy`` checks
that the quoted snippets still exist, so an upgrade that moves or rewords them fails a test.

Two logging styles are in use:

1. **structlog events** (new in Rasa 3.6). ``structlog.get_logger()`` is configured by
   ``rasa.utils.log_utils.configure_structlog`` to render the whole event into one string and
   hand it to the stdlib logger named after the emitting module (``rasa.core.processor`` …).
   On a terminal it is console-rendered: ``[debug    ] processor.message.parse
   parse_data_text=…`` (with ANSI colours); otherwise (Docker, services, ``FORCE_JSON_LOGGING``)
   it is JSON: ``{"parse_data_text": "…", "event": "processor.message.parse", …}``.
   Rasa itself lists the keys that hold user data in ``_anonymizer`` (``text``,
   ``parse_data_text``, ``slot_values``, ``rasa_events``, …: :data:`STRUCTLOG_SENSITIVE_KEYS`);
   they are only anonymised when a Rasa Pro anonymisation pipeline is configured, which Rasa
   Open Source never has. JSON tracebacks (``dict_tracebacks``) include the **local variables**
   of every frame, i.e. the user text and the tracker, at ERROR level.

2. **stdlib ``logging``** with f-strings, see :data:`STDLIB_PATTERNS`.

The old messages "Received user message …" and "Logging of tracker …" do not exist in
Rasa 3.6.21 (checked with grep); their successor is the structlog event
``processor.message.parse``. They are still matched (``legacy_*``) because they cost nothing.

The biggest leak at INFO+ is indirect: when a custom action raises, the rasa_sdk action server
answers HTTP 500 with ``{"error": str(exception), "request_body": <the whole tracker>}``
(``rasa_sdk/endpoint.py:140``). Rasa wraps that body in ``ClientResponseError``
(``rasa/utils/endpoints.py:231``: ``body='…'``), then

* ``rasa.core.processor`` logs ``logger.exception("Encountered an exception while running
  action …")`` (``processor.py:994``): the traceback's exception message holds the body, i.e.
  every user message of the conversation, at ERROR;
* ``rasa.core.actions.action`` logs ``"Failed to execute custom action '…' as a result of error
  '{str(e)}'"`` at WARNING (``action.py:1125``) with the same body.

Hence :class:`privacy.logging.ConversationRedactor` also strips exception *values* (not types
or stack frames) from tracebacks at INFO and above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Keys Rasa 3.6.21 marks as anonymizable in ``rasa/utils/log_utils.py:_anonymizer``.
STRUCTLOG_SENSITIVE_KEYS: frozenset[str] = frozenset(
    {
        "text",
        "response_text",
        "user_text",
        "slot_values",
        "parse_data_text",
        "parse_data_entities",
        "prediction_events",
        "tracker_latest_message",
        "prefilled_slots",
        "message",
        "response",
        "slot_candidates",
        "rasa_event",
        "rasa_events",
        "tracker_states",
        "current_states",
        "old_states",
        "successes",
        "current_entity",
        "next_entity",
        "states",
        "entity",
        "token_text",
        "user_message",
        "json_message",
    }
)


@dataclass(frozen=True)
class StructlogEvent:
    """A structlog event key that carries conversation data."""

    event: str
    level: str
    source: str
    keys: tuple[str, ...]


#: structlog events in Rasa 3.6.21 whose fields carry user text, slots or tracker events.
STRUCTLOG_EVENTS: tuple[StructlogEvent, ...] = (
    StructlogEvent("processor.message.parse", "debug", "rasa/core/processor.py:729",
                   ("parse_data_text", "parse_data_entities")),
    StructlogEvent("processor.slots.log", "debug", "rasa/core/processor.py:657", ("slot_values",)),
    StructlogEvent("processor.extract.slots", "debug", "rasa/core/processor.py:203",
                   ("rasa_events",)),
    StructlogEvent("processor.actions.policy_prediction", "debug",
                   "rasa/core/processor.py:1038", ("prediction_events",)),
    StructlogEvent("processor.actions.log", "debug", "rasa/core/processor.py:1047",
                   ("rasa_events",)),
    StructlogEvent("forms.slots.validate", "debug", "rasa/core/actions/forms.py:260",
                   ("slot_candidates",)),
    StructlogEvent("forms.validation.required", "debug", "rasa/core/actions/forms.py:546",
                   ("tracker_latest_message",)),
    StructlogEvent("forms.validate.prefilled_slots", "debug", "rasa/core/actions/forms.py:617",
                   ("prefilled_slots",)),
    StructlogEvent("memoization.predict.actions", "debug",
                   "rasa/core/policies/memoization.py:257", ("tracker_states",)),
    StructlogEvent("memoization.states_recall", "debug",
                   "rasa/core/policies/memoization.py:434", ("states",)),
    StructlogEvent("memoization.states_recall", "debug",
                   "rasa/core/policies/memoization.py:446", ("old_states",)),
    StructlogEvent("rule_policy.actions.find", "debug", "rasa/core/policies/rule_policy.py:1026",
                   ("current_states",)),
    StructlogEvent("pika.events.publish", "debug", "rasa/core/brokers/pika.py:305",
                   ("rasa_event",)),
    StructlogEvent("pika.events.publish.failed", "error", "rasa/core/brokers/pika.py:313",
                   ("rasa_event",)),
    StructlogEvent("kafka.publish.event", "debug", "rasa/core/brokers/kafka.py:243",
                   ("rasa_event",)),
    StructlogEvent("rest.message.received.timeout", "error", "rasa/core/channels/rest.py:172",
                   ("text",)),
    StructlogEvent("rest.message.received.failure", "error", "rasa/core/channels/rest.py:176",
                   ("text",)),
    StructlogEvent("http.parse.text", "error", "rasa/core/http_interpreter.py:51", ("text",)),
    StructlogEvent("http.parse.text.failure", "error", "rasa/core/http_interpreter.py:76",
                   ("text", "response_text")),
    StructlogEvent("event.deserialization.failed", "warning", "rasa/shared/core/events.py:120",
                   ("rasa_event",)),
    StructlogEvent("facebook.message.cannot.handle", "warning",
                   "rasa/core/channels/facebook.py:130", ("message",)),
    StructlogEvent("hangouts.message.blueprint.timeout", "error",
                   "rasa/core/channels/hangouts.py:325", ("text",)),
    StructlogEvent("hangouts.message.blueprint.failure", "error",
                   "rasa/core/channels/hangouts.py:329", ("text",)),
    StructlogEvent("http.parse.text.exception", "error", "rasa/core/http_interpreter.py:85",
                   ("text",)),
    StructlogEvent("interpolator.interpolate.text", "error", "rasa/core/nlg/interpolator.py:46",
                   ("response",)),
    # `rasa test` only (not while serving), listed for completeness:
    StructlogEvent("test.write.response", "debug", "rasa/nlu/test.py:289", ("successes",)),
    StructlogEvent("test.write.entities", "debug", "rasa/nlu/test.py:801", ("successes",)),
    StructlogEvent("test.overlaping.entities", "warning", "rasa/nlu/test.py:991",
                   ("current_entity", "next_entity")),
    StructlogEvent("test.intersecting.entities", "debug", "rasa/nlu/test.py:1016",
                   ("entity", "token_text")),
    StructlogEvent("message.parsing.failed", "warning",
                   "rasa/shared/core/training_data/story_reader/yaml_story_reader.py:632",
                   ("user_text",)),
)

STRUCTLOG_EVENT_NAMES: frozenset[str] = frozenset(e.event for e in STRUCTLOG_EVENTS)


@dataclass(frozen=True)
class StdlibPattern:
    """A stdlib log message that carries conversation data.

    Attributes:
        id: short name, used in tests and redaction notices.
        logger: logger name (or prefix) that emits it.
        level: the level Rasa uses.
        regex: matched against the rendered message; group ``safe`` is the part without
            conversation data (used when redacting instead of dropping).
        source: file:line in the installed package.
        snippet: literal text from that source line (checked by the tests).
    """

    id: str
    logger: str
    level: str
    regex: re.Pattern[str]
    source: str
    snippet: str


STDLIB_PATTERNS: tuple[StdlibPattern, ...] = (
    StdlibPattern(
        "custom_action_failed", "rasa.core.actions.action", "warning",
        re.compile(r"(?s)(?P<safe>Failed to execute custom action '[^']*')\s+as a result of error"),
        "rasa/core/actions/action.py:1125", "as a result of error '{str(e)}'",
    ),
    StdlibPattern(
        "extract_slots_events", "rasa.core.actions.forms", "debug",
        re.compile(r"(?s)(?P<safe>The execution of '[^']*' resulted in)\s+these events:"),
        "rasa/core/actions/forms.py:603", "these events: {events_as_str}.",
    ),
    StdlibPattern(
        "validating_slots", "rasa.core.actions.action", "debug",
        re.compile(r"(?s)(?P<safe>Validating extracted slots):"),
        "rasa/core/actions/action.py:1177", "Validating extracted slots: {slot_candidates}",
    ),
    StdlibPattern(
        "nlg_request", "rasa.core.nlg.callback", "debug",
        re.compile(r"(?s)(?P<safe>Requesting NLG for \S+ from \S+)\s*The request body is"),
        "rasa/core/nlg/callback.py:84", "The request body is {}.",
    ),
    StdlibPattern(
        "nlg_response", "rasa.core.nlg.callback", "debug",
        re.compile(r"(?s)(?P<safe>Received NLG response):"),
        "rasa/core/nlg/callback.py:94", "Received NLG response: {json.dumps(response)}",
    ),
    StdlibPattern(
        "server_error_response", "rasa.server", "error",
        re.compile(r"(?s)(?P<safe>An unexpected error occurred(?: during \w+)?\.) Error:"),
        "rasa/server.py:134", "logger.error(message)",
    ),
    StdlibPattern(
        "server_invalid_events", "rasa.server", "error",
        re.compile(r"(?s)(?P<safe>Supplied events are not valid\.)"),
        "rasa/server.py:1279", "Supplied events are not valid. {e}",
    ),
    StdlibPattern(
        "sdk_ignored_event", "rasa_sdk.executor", "debug",
        re.compile(r"(?s)(?P<safe>Contents of ignored event):"),
        "rasa_sdk/executor.py:361", "Contents of ignored event: '{event}'",
    ),
    StdlibPattern(
        "legacy_received_user_message", "rasa", "debug",
        re.compile(r"(?s)(?P<safe>Received user message)\b"), "", "",
    ),
    StdlibPattern(
        "legacy_logging_of_tracker", "rasa", "debug",
        re.compile(r"(?s)(?P<safe>Logging of tracker)\b"), "", "",
    ),
)

#: Loggers that log tracebacks whose exception values can hold conversation data, for the
#: record (the redactor treats every watched logger the same way).
TRACEBACK_SOURCES: tuple[tuple[str, str], ...] = (
    ("rasa.core.processor", "rasa/core/processor.py:994 logger.exception(Encountered an exception"),
    ("rasa_sdk.endpoint", "rasa_sdk/endpoint.py:136 logger.error(..., exc_info=exception)"),
    ("rasa.server", "rasa/server.py:1090 logger.error(traceback.format_exc())"),
)
