"""Log hygiene for the Rasa server, the action server and the web/stats services.

Two filters and an installer:

* :class:`ScrubFilter` scrubs every record that passes it: the rendered message, exception
  text, stack info and extra string fields (``[telefoon]``, ``[naam]``, …). It never drops.
* :class:`ConversationRedactor` enforces the project rule *no conversation contents at INFO or
  above*. For the loggers it watches (``rasa``, ``rasa_sdk``, our own ``actions``/``web``/
  ``channels``/``stats``, ``sanic``, ``aiohttp``, ``asyncio``) it recognises records that carry
  user text (see :mod:`privacy.log_patterns` for what Rasa 3.6 logs and where) and

  - at DEBUG: keeps them, scrubbed (or drops them with ``at_debug="drop"``);
  - at INFO and above: drops them (or, with ``at_info="redact"``, keeps a line without the
    content, e.g. ``Failed to execute custom action 'action_x' [inhoud weggelaten]``);
  - at INFO and above, for *every* watched record with a traceback: keeps the stack and the
    exception type but removes the exception value, which is where Rasa puts the action
    server's 500-response (the whole tracker) and where custom actions put user input.

* :func:`install` attaches both filters to the watched loggers (and their existing children),
  to their handlers, to the root logger's handlers and to ``logging.lastResort``. It is
  idempotent: call it again after something adds handlers (Sanic's ``dictConfig``, a file
  handler) and the new handlers are covered too.

Our own code marks records that contain conversation text explicitly::

    logger.debug("Vrije tekst ontvangen: %s", text, extra=CONVERSATION)

Such records are scrubbed at DEBUG and never written at INFO or above.

Why filters on handlers as well as loggers: a filter on a logger only sees records logged to
that exact logger, not to its children (``rasa.core.processor``); handler filters see every
record the handler writes. Records are marked once processed, so a record that meets the
filters twice (logger, then handler) is handled once.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import traceback
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from privacy.log_patterns import (
    STDLIB_PATTERNS,
    STRUCTLOG_EVENT_NAMES,
    STRUCTLOG_SENSITIVE_KEYS,
    StdlibPattern,
)
from privacy.scrubber import Scrubber, default_scrubber
from privacy.tracebacks import WITHHELD_VALUE, format_without_values, redact_traceback_text

__all__ = [
    "CONVERSATION",
    "CONVERSATION_ATTR",
    "DEFAULT_LOGGER_NAMES",
    "ConversationRedactor",
    "Installation",
    "ScrubFilter",
    "install",
    "uninstall",
]

#: Loggers whose records may echo conversation contents.
DEFAULT_LOGGER_NAMES: tuple[str, ...] = (
    "rasa",
    "rasa_sdk",
    "actions",
    "web",
    "channels",
    "stats",
    "sanic",
    "aiohttp",
    "asyncio",
)

#: ``extra=`` marker for records that contain conversation text.
CONVERSATION_ATTR = "conversation_text"
CONVERSATION: dict[str, Any] = {CONVERSATION_ATTR: True}

_SCRUBBED_ATTR = "_privacy_scrubbed"
_VERDICT_ATTR = "_privacy_verdict"
_FAILED_NOTICE = "[log record withheld: privacy filter failed]"

_STANDARD_ATTRS = frozenset(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {
    "message",
    "asctime",
    CONVERSATION_ATTR,
}

_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_JSON_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
_QUERY = re.compile(r"\?[^\s#]*")
_STRUCTLOG_CONSOLE = re.compile(
    r"^\s*(?:\S+[ \t]+)?\[\s*(?P<level>debug|info|warning|error|critical|exception)\s*\]"
    r"[ \t]+(?P<event>\S+)"
)
_CONSOLE_KEY = re.compile(r"(?:^|\s)(?P<key>[A-Za-z_]\w*)=")
_CONSOLE_EVENT_KEY = re.compile(r"(?:^|\s)event_key=(?P<event>\S+)")


def _unescape_json(match: re.Match[str]) -> str:
    code = int(match.group(1), 16)
    if code < 0xA0 or 0xD800 <= code <= 0xDFFF:
        return match.group(0)  # keep ASCII escapes (quotes, control chars) and surrogates
    return chr(code)


def prepare_message(message: str) -> str:
    """Normalise a rendered log message before matching and scrubbing.

    Removes ANSI colour codes (structlog's console renderer puts them right before values, where
    they would hide a phone number from a word-boundary rule) and turns JSON ``\\u00e9``
    escapes of non-ASCII letters back into characters (structlog's JSON renderer escapes them,
    which would cut "Zoë" in half for the name rule).
    """
    if "\x1b" in message:
        message = _ANSI.sub("", message)
    if "\\u" in message:
        message = _JSON_ESCAPE.sub(_unescape_json, message)
    return message


def _rendered(record: logging.LogRecord) -> str:
    try:
        return record.getMessage()
    except Exception:
        # A broken format/args pair: the logging module would print the raw args; we don't.
        return str(record.msg)


def _withhold(record: logging.LogRecord) -> None:
    record.msg = _FAILED_NOTICE
    record.args = ()
    record.exc_info = None
    record.exc_text = None
    record.stack_info = None


def _name_under(name: str, prefix: str) -> bool:
    return prefix == "" or name == prefix or name.startswith(prefix + ".")


def _valid_exc_info(record: logging.LogRecord) -> bool:
    exc_info = record.exc_info
    return isinstance(exc_info, tuple) and len(exc_info) == 3 and exc_info[0] is not None


class ScrubFilter(logging.Filter):
    """Scrub personal data from every record; never drops a record.

    Args:
        scrubber: the scrubber to use (default: the process-wide one).
        use_ner: also use the spaCy NER pass when ``nl_core_news_sm`` is installed. It costs
            milliseconds per record; switch it off for very chatty DEBUG logging.
    """

    def __init__(self, scrubber: Scrubber | None = None, *, use_ner: bool = True) -> None:
        super().__init__()
        self._scrubber = scrubber
        self._use_ner = use_ner

    @property
    def scrubber(self) -> Scrubber:
        return self._scrubber or default_scrubber()

    def scrub(self, text: str) -> str:
        return self.scrubber.scrub(text, use_ner=self._use_ner)

    def filter(self, record: logging.LogRecord) -> bool:
        if record.__dict__.get(_SCRUBBED_ATTR):
            return True
        try:
            record.msg = self.scrub(prepare_message(_rendered(record)))
            record.args = ()
            if _valid_exc_info(record):
                text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
                record.exc_text = self.scrub(text)
                record.exc_info = None  # so no formatter renders the raw exception again
            elif record.exc_text:
                record.exc_text = self.scrub(record.exc_text)
            if record.stack_info:
                record.stack_info = self.scrub(record.stack_info)
            self._scrub_extras(record)
        except Exception:
            _withhold(record)
        record.__dict__[_SCRUBBED_ATTR] = True
        return True

    def _scrub_extras(self, record: logging.LogRecord) -> None:
        for key, value in list(record.__dict__.items()):
            if key in _STANDARD_ATTRS or key.startswith("_"):
                continue
            if key == "request" and isinstance(value, str):
                # sanic.access: "POST http://host/path?query"; keep method and path only.
                value = _QUERY.sub("?[weggelaten]", value)
            if isinstance(value, (str, bytes)):
                record.__dict__[key] = self.scrub(value)
            elif isinstance(value, (dict, list, tuple, set)):
                record.__dict__[key] = self.scrubber.scrub_value(value, use_ner=self._use_ner)


@dataclass(frozen=True)
class _Hit:
    """Why a record counts as carrying conversation contents."""

    kind: Literal["marker", "stdlib", "structlog"]
    pattern: StdlibPattern | None = None
    safe: str = ""
    structlog: dict[str, Any] | None = None


class ConversationRedactor(logging.Filter):
    """Keep conversation contents out of INFO+ logs and scrub them at DEBUG.

    Args:
        logger_names: loggers (and their children) this filter acts on; records from other
            loggers pass untouched unless marked with :data:`CONVERSATION`.
        at_info: what to do with INFO+ records that carry conversation text: ``"drop"`` them
            (default) or ``"redact"`` them to a line without the content.
        at_debug: ``"scrub"`` (default) or ``"drop"`` DEBUG records with conversation text.
        scrubber: the scrubber for DEBUG records (default: the process-wide one).
        use_ner: use the NER pass when scrubbing DEBUG records.
    """

    def __init__(
        self,
        logger_names: Iterable[str] = DEFAULT_LOGGER_NAMES,
        *,
        at_info: Literal["drop", "redact"] = "drop",
        at_debug: Literal["scrub", "drop"] = "scrub",
        scrubber: Scrubber | None = None,
        use_ner: bool = True,
    ) -> None:
        super().__init__()
        if at_info not in ("drop", "redact"):
            raise ValueError(f"at_info must be 'drop' or 'redact', not {at_info!r}")
        if at_debug not in ("scrub", "drop"):
            raise ValueError(f"at_debug must be 'scrub' or 'drop', not {at_debug!r}")
        self.logger_names = tuple(logger_names)
        self.at_info = at_info
        self.at_debug = at_debug
        self._scrubber = scrubber
        self._use_ner = use_ner
        self._verdict_attr = f"{_VERDICT_ATTR}_{id(self)}"

    def watches(self, logger_name: str) -> bool:
        """Whether records from ``logger_name`` are subject to this filter."""
        return any(_name_under(logger_name, prefix) for prefix in self.logger_names)

    def filter(self, record: logging.LogRecord) -> bool:
        verdict = record.__dict__.get(self._verdict_attr)
        if verdict is not None:
            return verdict
        try:
            verdict = self._decide(record)
        except Exception:
            # Fail closed: an INFO+ record we could not inspect is dropped; DEBUG is withheld.
            verdict = record.levelno < logging.INFO
            if verdict:
                _withhold(record)
        record.__dict__[self._verdict_attr] = verdict
        return verdict

    # -- decision --------------------------------------------------------------------------

    def _decide(self, record: logging.LogRecord) -> bool:
        marked = bool(record.__dict__.get(CONVERSATION_ATTR))
        if not marked and not self.watches(record.name):
            return True
        message = prepare_message(_rendered(record))
        hit = self.conversation_hit(record, message, marked=marked)
        if record.levelno >= logging.INFO:
            if hit is not None:
                if self.at_info == "drop":
                    return False
                self._redact(record, hit, message)
                return True
            self._strip_exception_values(record, message)
            return True
        if hit is not None:
            if self.at_debug == "drop":
                return False
            self._scrub_debug(record, message)
        return True

    def conversation_hit(
        self, record: logging.LogRecord, message: str, *, marked: bool = False
    ) -> _Hit | None:
        """Return why ``record`` carries conversation contents, or ``None``."""
        if marked:
            return _Hit("marker")
        for pattern in STDLIB_PATTERNS:
            if _name_under(record.name, pattern.logger):
                match = pattern.regex.search(message)
                if match:
                    return _Hit("stdlib", pattern=pattern, safe=match.group("safe"))
        parsed = parse_structlog(message)
        if parsed is not None:
            events, keys = parsed["_events"], parsed["_keys"]
            if events & STRUCTLOG_EVENT_NAMES or keys & STRUCTLOG_SENSITIVE_KEYS:
                return _Hit("structlog", structlog=parsed)
        return None

    # -- actions ---------------------------------------------------------------------------

    def _scrubber_or_default(self) -> Scrubber:
        return self._scrubber or default_scrubber()

    def _scrub_debug(self, record: logging.LogRecord, message: str) -> None:
        scrubber = self._scrubber_or_default()
        record.msg = scrubber.scrub(message, use_ner=self._use_ner)
        record.args = ()
        if _valid_exc_info(record):
            text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
            record.exc_text = scrubber.scrub(text, use_ner=self._use_ner)
            record.exc_info = None

    def _redact(self, record: logging.LogRecord, hit: _Hit, message: str) -> None:
        if hit.kind == "stdlib":
            record.msg = f"{hit.safe} {WITHHELD_VALUE}"
        elif hit.kind == "structlog" and hit.structlog is not None:
            record.msg = _redacted_structlog(hit.structlog)
        else:
            record.msg = f"{record.name}: {WITHHELD_VALUE}"
        record.args = ()
        self._strip_exception_values(record, record.msg)

    def _strip_exception_values(self, record: logging.LogRecord, message: str) -> None:
        if _valid_exc_info(record):
            record.exc_text = format_without_values(record.exc_info)
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = redact_traceback_text(record.exc_text)
        parsed = parse_structlog(message)
        if parsed is not None and parsed["_format"] == "json" and "exception" in parsed["_obj"]:
            record.msg = _redacted_structlog(parsed, remove_keys=False)
            record.args = ()
        elif "Traceback (most recent call last):" in message:
            record.msg = redact_traceback_text(message)
            record.args = ()


def parse_structlog(message: str) -> dict[str, Any] | None:
    """Recognise a record rendered by Rasa's structlog setup (JSON or console).

    Returns a dict with ``_format`` (``"json"``/``"console"``), ``_events`` (event names),
    ``_keys`` (field names), ``_level`` and, for JSON, ``_obj`` (the parsed event dict).
    """
    stripped = message.lstrip()
    if stripped.startswith("{"):
        try:
            obj = json.loads(stripped)
        except (ValueError, RecursionError):
            return None
        if not isinstance(obj, dict) or "event" not in obj:
            return None
        events = {str(obj.get("event")), str(obj.get("event_key", ""))} - {""}
        return {
            "_format": "json",
            "_obj": obj,
            "_events": events,
            "_keys": set(obj),
            "_level": str(obj.get("level", "")),
        }
    match = _STRUCTLOG_CONSOLE.match(message)
    if not match:
        return None
    first_line = message.split("\n", 1)[0]
    events = {match.group("event")}
    events.update(m.group("event") for m in _CONSOLE_EVENT_KEY.finditer(first_line))
    return {
        "_format": "console",
        "_obj": None,
        "_events": events,
        "_keys": {m.group("key") for m in _CONSOLE_KEY.finditer(first_line)},
        "_level": match.group("level"),
    }


def _strip_json_exception(exception: Any) -> Any:
    if isinstance(exception, str):
        return redact_traceback_text(exception)
    if isinstance(exception, list):
        cleaned = []
        for item in exception:
            if isinstance(item, dict):
                item = dict(item)
                if "exc_value" in item:
                    item["exc_value"] = WITHHELD_VALUE
                frames = item.get("frames")
                if isinstance(frames, list):
                    item["frames"] = [
                        {k: v for k, v in frame.items() if k != "locals"}
                        if isinstance(frame, dict)
                        else frame
                        for frame in frames
                    ]
            cleaned.append(item)
        return cleaned
    return WITHHELD_VALUE


def _redacted_structlog(parsed: dict[str, Any], *, remove_keys: bool = True) -> str:
    if parsed["_format"] == "json":
        obj = dict(parsed["_obj"])
        removed = sorted(k for k in obj if k in STRUCTLOG_SENSITIVE_KEYS) if remove_keys else []
        for key in removed:
            del obj[key]
        if "exception" in obj:
            obj["exception"] = _strip_json_exception(obj["exception"])
        if removed:
            obj["redacted"] = removed
        return json.dumps(obj, ensure_ascii=False, default=str)
    event = sorted(parsed["_events"])[0] if parsed["_events"] else "event"
    return f"[{parsed['_level']}] {event} {WITHHELD_VALUE}"


# -- installation ----------------------------------------------------------------------------


@dataclass
class Installation:
    """The filters installed by :func:`install`, and where."""

    scrub_filter: ScrubFilter
    redactor: ConversationRedactor
    logger_names: tuple[str, ...]
    _handlers: weakref.WeakSet[logging.Handler] = field(default_factory=weakref.WeakSet)
    _loggers: list[logging.Logger] = field(default_factory=list)

    def _add(self, target: logging.Filterer) -> None:
        # Redactor first: it must see the original message to recognise Rasa's patterns.
        for flt in (self.redactor, self.scrub_filter):
            if flt not in target.filters:
                target.addFilter(flt)

    def attach(self) -> tuple[int, int]:
        """Attach to all current targets; returns ``(loggers, handlers)`` covered."""
        loggers: list[logging.Logger] = [logging.getLogger()]
        loggers += [logging.getLogger(name) for name in self.logger_names]
        for name, obj in list(logging.Logger.manager.loggerDict.items()):
            if isinstance(obj, logging.Logger) and any(
                _name_under(name, prefix) for prefix in self.logger_names
            ):
                loggers.append(obj)
        handlers: list[logging.Handler] = []
        for lg in loggers:
            self._add(lg)
            if lg not in self._loggers:
                self._loggers.append(lg)
            handlers.extend(lg.handlers)
        if logging.lastResort is not None:
            handlers.append(logging.lastResort)
        for handler in handlers:
            self._add(handler)
            self._handlers.add(handler)
        return len(set(map(id, loggers))), len(set(map(id, handlers)))

    def detach(self) -> None:
        """Remove the filters from everything they were attached to."""
        targets: list[logging.Filterer] = [*self._loggers, *list(self._handlers)]
        for target in targets:
            target.removeFilter(self.redactor)
            target.removeFilter(self.scrub_filter)
        self._loggers.clear()


_installation: Installation | None = None
_install_lock = threading.Lock()


def install(
    logger_names: Iterable[str] = DEFAULT_LOGGER_NAMES,
    *,
    at_info: Literal["drop", "redact"] = "drop",
    at_debug: Literal["scrub", "drop"] = "scrub",
    use_ner: bool = True,
    scrubber: Scrubber | None = None,
) -> Installation:
    """Install :class:`ConversationRedactor` and :class:`ScrubFilter` for ``logger_names``.

    Call it once logging is configured (after ``rasa``/``rasa_sdk`` set up their handlers),
    e.g. at import of the actions package or in a Sanic ``before_server_start`` listener.
    Calling it again is safe and covers handlers/loggers added since; calling it with other
    settings replaces the previous installation.

    Returns:
        The :class:`Installation`; ``uninstall()`` removes it again.
    """
    global _installation
    names = tuple(logger_names)
    with _install_lock:
        current = _installation
        if current is not None and (
            current.logger_names != names
            or current.redactor.at_info != at_info
            or current.redactor.at_debug != at_debug
            or current.scrub_filter._use_ner != use_ner
            or current.scrub_filter._scrubber is not scrubber
        ):
            current.detach()
            current = None
        if current is None:
            current = Installation(
                scrub_filter=ScrubFilter(scrubber, use_ner=use_ner),
                redactor=ConversationRedactor(
                    names, at_info=at_info, at_debug=at_debug, scrubber=scrubber, use_ner=use_ner
                ),
                logger_names=names,
            )
        _installation = current
        loggers, handlers = current.attach()
    logging.getLogger(__name__).debug(
        "privacy log filters installed on %d loggers and %d handlers", loggers, handlers
    )
    return current


def uninstall() -> None:
    """Remove the filters installed by :func:`install` (mainly for tests)."""
    global _installation
    with _install_lock:
        if _installation is not None:
            _installation.detach()
            _installation = None

