"""Real logging through the privacy filters, with the messages Rasa 3.6 actually produces."""

from __future__ import annotations

import json
import logging
import sys
import traceback
from collections.abc import Iterator

import pytest
import structlog

from privacy import logging as privacy_logging
from privacy import placeholders as ph
from privacy.logging import (
    CONVERSATION,
    ConversationRedactor,
    ScrubFilter,
    install,
    parse_structlog,
)
from privacy.tracebacks import WITHHELD_VALUE

USER_TEXT = "Mijn man heet Piet en hij slaat me. Bel me op 06-12345678."
IDENTIFIERS = ("Piet", "12345678")  # what scrubbing removes
SECRETS = (*IDENTIFIERS, "slaat me")  # plus what only dropping/redacting removes


def assert_no_secrets(text: str, secrets: tuple[str, ...] = SECRETS) -> None:
    for secret in secrets:
        assert secret not in text, f"{secret!r} leaked into the log:\n{text}"


@pytest.fixture
def installed(captured_root):
    install()
    return captured_root


# -- ScrubFilter ---------------------------------------------------------------------------


def test_scrub_filter_scrubs_message_and_args(captured_root) -> None:
    captured_root.handler.addFilter(ScrubFilter())
    logger = logging.getLogger("actions.triage")
    logger.debug("Vrije tekst ontvangen: %s (mail %s)", USER_TEXT, "piet@ziggo.nl")
    out = captured_root.text
    assert_no_secrets(out, IDENTIFIERS)
    assert "piet@ziggo.nl" not in out
    assert f"Mijn man heet {ph.NAME}" in out
    assert ph.PHONE in out and ph.EMAIL in out
    assert "Vrije tekst ontvangen" in out


def test_scrub_filter_scrubs_tracebacks(captured_root) -> None:
    captured_root.handler.addFilter(ScrubFilter())
    try:
        raise ValueError(f"onverwacht antwoord: {USER_TEXT}")
    except ValueError:
        logging.getLogger("actions.triage").exception("Actie mislukt")
    out = captured_root.text
    assert "Traceback (most recent call last):" in out
    assert "ValueError: onverwacht antwoord" in out
    assert_no_secrets(out, IDENTIFIERS)


def test_scrub_filter_scrubs_extra_fields_like_the_sanic_access_log(captured_root) -> None:
    captured_root.handler.setFormatter(
        logging.Formatter("[%(host)s]: %(request)s %(message)s %(status)d %(byte)d")
    )
    captured_root.handler.addFilter(ScrubFilter())
    logging.getLogger("sanic.access").info(
        "",
        extra={
            "status": 200,
            "byte": 17,
            "host": "84.123.45.67:51234",
            "request": "POST http://localhost:5005/webhooks/rest/webhook?token=geheim123",
        },
    )
    out = captured_root.text
    assert "84.123.45.67" not in out
    assert "geheim123" not in out
    assert f"[{ph.IP}:51234]" in out
    assert "POST http://localhost:5005/webhooks/rest/webhook?[weggelaten]" in out


def test_scrub_filter_survives_broken_format_arguments(captured_root) -> None:
    captured_root.handler.addFilter(ScrubFilter())
    logging.getLogger("stats").info("%d kinderen, bel %s", "twee")  # wrong args on purpose
    logging.getLogger("stats").error(ValueError("bel 06-12345678"))
    out = captured_root.text
    assert "%d kinderen, bel %s" in out
    assert f"bel {ph.PHONE}" in out
    assert "12345678" not in out


# -- ConversationRedactor: our own marker ----------------------------------------------------


def test_marked_conversation_text_is_scrubbed_at_debug_and_dropped_at_info(installed) -> None:
    logger = logging.getLogger("actions.free_text")
    logger.debug("Vrije tekst: %s", USER_TEXT, extra=CONVERSATION)
    logger.info("Vrije tekst: %s", USER_TEXT, extra=CONVERSATION)
    logger.warning("Vrije tekst: %s", USER_TEXT, extra=CONVERSATION)
    logging.getLogger("somewhere.else").error("Tekst: %s", USER_TEXT, extra=CONVERSATION)
    lines = installed.lines()
    assert len(lines) == 1
    assert lines[0].startswith("DEBUG actions.free_text Vrije tekst: Mijn man heet [naam]")
    assert_no_secrets(installed.text, IDENTIFIERS)


# -- ConversationRedactor: Rasa's stdlib messages ----------------------------------------------


def _sdk_error_body() -> bytes:
    """What rasa_sdk answers with HTTP 500 when a custom action raises (endpoint.py:140)."""
    tracker = {
        "sender_id": "3f2a9c",
        "latest_message": {"text": USER_TEXT, "intent": {"name": "vertel"}},
        "events": [{"event": "user", "text": USER_TEXT}],
        "slots": {"vrije_tekst": USER_TEXT},
    }
    body = {"error": "KeyError('x')", "request_body": {"next_action": "action_route",
                                                        "tracker": tracker}}
    return json.dumps(body).encode()


def test_custom_action_failure_warning_with_the_tracker_is_dropped(installed) -> None:
    from rasa.utils.endpoints import ClientResponseError

    error = ClientResponseError(500, "Internal Server Error", _sdk_error_body())
    logging.getLogger("rasa.core.actions.action").warning(
        f"Failed to execute custom action 'action_route' as a result of error '{error!s}'. "
        "The default action 'action_extract_slots' failed to fill slots with custom mappings."
    )
    assert installed.lines() == []


def test_custom_action_failure_warning_is_redacted_when_asked(captured_root) -> None:
    from rasa.utils.endpoints import ClientResponseError

    install(at_info="redact")
    error = ClientResponseError(500, "Internal Server Error", _sdk_error_body())
    logging.getLogger("rasa.core.actions.action").warning(
        f"Failed to execute custom action 'action_route' as a result of error '{error!s}'. "
        "The default action 'action_extract_slots' failed to fill slots with custom mappings."
    )
    assert captured_root.lines() == [
        f"WARNING rasa.core.actions.action Failed to execute custom action 'action_route' "
        f"{WITHHELD_VALUE}"
    ]


def test_processor_exception_keeps_the_stack_but_not_the_tracker(installed) -> None:
    from rasa.shared.exceptions import RasaException
    from rasa.utils.endpoints import ClientResponseError

    def run_custom_action() -> None:
        try:
            raise ClientResponseError(500, "Internal Server Error", _sdk_error_body())
        except ClientResponseError as e:
            raise RasaException("Failed to execute custom action 'action_route'") from e

    try:
        run_custom_action()
    except Exception:
        logging.getLogger("rasa.core.processor").exception(
            "Encountered an exception while running action 'action_route'."
            "Bot will continue, but the actions events are lost. "
            "Please check the logs of your action server for more information."
        )
    out = installed.text
    assert "ERROR rasa.core.processor Encountered an exception while running action" in out
    assert "Traceback (most recent call last):" in out
    assert "in run_custom_action" in out
    assert f"rasa.utils.endpoints.ClientResponseError: {WITHHELD_VALUE}" in out
    assert f"rasa.shared.exceptions.RasaException: {WITHHELD_VALUE}" in out
    assert "The above exception was the direct cause" in out
    assert "request_body" not in out
    assert_no_secrets(out)


def test_server_traceback_messages_lose_their_exception_values(installed) -> None:
    try:
        raise KeyError(USER_TEXT)
    except KeyError:
        logging.getLogger("rasa.server").error(traceback.format_exc())
    out = installed.text
    assert "Traceback (most recent call last):" in out
    assert f"KeyError: {WITHHELD_VALUE}" in out
    assert_no_secrets(out)


def test_ignored_event_contents_are_kept_scrubbed_at_debug(installed) -> None:
    event = {"event": None, "value": USER_TEXT}
    logging.getLogger("rasa_sdk.executor").debug(f"Contents of ignored event: '{event}'")
    out = installed.text
    assert "DEBUG rasa_sdk.executor Contents of ignored event:" in out
    assert ph.PHONE in out
    # Free text stays readable at DEBUG (scrubbed, not removed); identifiers are gone.
    assert "12345678" not in out and "Piet" not in out


def test_unwatched_loggers_keep_their_exception_text(captured_root) -> None:
    install(logger_names=("rasa",))
    try:
        raise ConnectionError("could not connect to server: Connection refused")
    except ConnectionError:
        logging.getLogger("sqlalchemy.pool").error("database unavailable", exc_info=True)
    assert "Connection refused" in captured_root.text


def test_a_record_that_cannot_be_rendered_fails_closed(installed) -> None:
    class Unprintable:
        def __str__(self) -> str:
            raise RuntimeError("no")

    logging.getLogger("rasa.core.processor").info(Unprintable())
    logging.getLogger("rasa.core.processor").debug(Unprintable())
    lines = installed.lines()
    assert lines == ["DEBUG rasa.core.processor [log record withheld: privacy filter failed]"]


# -- ConversationRedactor: Rasa's structlog output (real configure_structlog) ---------------


@pytest.fixture(params=["json", "console"])
def rasa_structlog(request, installed, monkeypatch) -> Iterator[str]:
    """Rasa's own structlog configuration, in JSON (servers) or console (terminal) style."""
    from rasa.utils import log_utils

    if request.param == "console":
        monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    else:
        monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    log_utils.configure_structlog(logging.DEBUG)
    try:
        yield request.param
    finally:
        structlog.reset_defaults()


def test_structlog_parse_event_is_kept_scrubbed_at_debug(rasa_structlog, installed) -> None:
    structlog.get_logger("rasa.core.processor").debug(
        "processor.message.parse",
        parse_data_text=USER_TEXT,
        parse_data_intent={"name": "vertel", "confidence": 0.93},
        parse_data_entities=[],
    )
    lines = installed.lines()
    assert len(lines) == 1
    assert "processor.message.parse" in lines[0]
    assert "\x1b[" not in lines[0]
    assert f"Mijn man heet {ph.NAME}" in lines[0]
    assert ph.PHONE in lines[0]
    assert "12345678" not in lines[0] and "Piet" not in lines[0]


def test_structlog_slots_are_scrubbed_at_debug(rasa_structlog, installed) -> None:
    structlog.get_logger("rasa.core.processor").debug(
        "processor.slots.log",
        slot_values="\tvrije_tekst: ik heet Zoë de Wit, 1234 AB 5\n\troute: veiligheid",
    )
    out = installed.text
    assert "Zoë" not in out and "1234 AB" not in out
    assert "route: veiligheid" in out


def test_structlog_rest_timeout_with_user_text_is_dropped(rasa_structlog, installed) -> None:
    structlog.get_logger("rasa.core.channels.rest").error(
        "rest.message.received.timeout", text=USER_TEXT
    )
    assert installed.lines() == []


def test_structlog_rest_failure_with_traceback_is_dropped(rasa_structlog, installed) -> None:
    def on_new_message(text: str) -> None:
        raise RuntimeError(f"kapot bij: {text}")

    text = USER_TEXT
    try:
        on_new_message(text)
    except RuntimeError:
        structlog.get_logger("rasa.core.channels.rest").exception(
            "rest.message.received.failure", text=text
        )
    assert installed.lines() == []


def test_structlog_unknown_error_keeps_the_event_but_not_locals_or_values(
    rasa_structlog, installed
) -> None:
    def handle(tracker_text: str) -> None:
        raise RuntimeError(f"kapot bij: {tracker_text}")

    try:
        handle(USER_TEXT)
    except RuntimeError:
        structlog.get_logger("rasa.core.agent").exception("agent.handle.failed", attempt=1)
    out = installed.text
    assert "agent.handle.failed" in out
    assert "RuntimeError" in out
    assert_no_secrets(out)
    if rasa_structlog == "json":
        (line,) = installed.lines()
        payload = json.loads(line.split(" ", 2)[2])
        frames = payload["exception"][0]["frames"]
        assert frames and all("locals" not in frame for frame in frames)
        assert payload["exception"][0]["exc_value"] == WITHHELD_VALUE


def test_structlog_rest_timeout_is_redacted_when_asked(captured_root, monkeypatch) -> None:
    from rasa.utils import log_utils

    install(at_info="redact")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    log_utils.configure_structlog(logging.DEBUG)
    try:
        structlog.get_logger("rasa.core.channels.rest").error(
            "rest.message.received.timeout", text=USER_TEXT
        )
    finally:
        structlog.reset_defaults()
    lines = captured_root.lines()
    assert len(lines) == 1
    payload = json.loads(lines[0].split(" ", 2)[2])
    assert payload["event"] == "rest.message.received.timeout"
    assert payload["level"] == "error"
    assert payload["redacted"] == ["text"]
    assert "text" not in payload


def test_parse_structlog_recognises_both_renderings() -> None:
    console = "[debug    ] processor.message.parse   parse_data_entities=[] parse_data_text=hoi"
    parsed = parse_structlog(console)
    assert parsed is not None
    assert parsed["_events"] == {"processor.message.parse"}
    assert {"parse_data_text", "parse_data_entities"} <= parsed["_keys"]
    as_json = json.dumps({"text": "hoi", "event": "x.y", "level": "info"})
    parsed = parse_structlog(as_json)
    assert parsed is not None and parsed["_format"] == "json" and "text" in parsed["_keys"]
    assert parse_structlog("Starting Rasa server on http://0.0.0.0:5005") is None


# -- install() ---------------------------------------------------------------------------------


def test_install_covers_child_loggers_created_later(installed) -> None:
    child = logging.getLogger("rasa.core.channels.relatieroute_widget_test")
    child.info("Ontvangen van 06-12345678")
    assert installed.lines() == [f"INFO rasa.core.channels.relatieroute_widget_test "
                                 f"Ontvangen van {ph.PHONE}"]


def test_install_covers_non_propagating_loggers_with_their_own_handler(captured_root) -> None:
    import io

    stream = io.StringIO()
    own = logging.StreamHandler(stream)
    access = logging.getLogger("sanic.access_privacy_test")
    access.addHandler(own)
    access.propagate = False
    access.setLevel(logging.DEBUG)
    try:
        install()
        access.info("verzoek van 84.123.45.67 voor Piet: ik heet Piet")
        assert "84.123.45.67" not in stream.getvalue()
        assert f"ik heet {ph.NAME}" in stream.getvalue()
    finally:
        access.removeHandler(own)
        access.propagate = True


def test_install_is_idempotent_and_picks_up_new_handlers(captured_root) -> None:
    first = install()
    second = install()
    assert first is second
    assert captured_root.handler.filters.count(first.scrub_filter) == 1
    assert captured_root.handler.filters.count(first.redactor) == 1

    import io

    stream = io.StringIO()
    late = logging.StreamHandler(stream)
    logging.getLogger().addHandler(late)
    try:
        install()
        logging.getLogger("web.dashboard").warning("login door piet@ziggo.nl")
        assert "piet@ziggo.nl" not in stream.getvalue()
        assert ph.EMAIL in stream.getvalue()
    finally:
        logging.getLogger().removeHandler(late)


def test_install_with_other_settings_replaces_and_uninstall_removes(captured_root) -> None:
    first = install()
    second = install(at_info="redact")
    assert second is not first
    assert first.scrub_filter not in captured_root.handler.filters
    assert second.redactor.at_info == "redact"
    assert second.scrub_filter in logging.lastResort.filters
    privacy_logging.uninstall()
    assert second.scrub_filter not in captured_root.handler.filters
    assert second.redactor not in logging.getLogger("rasa").filters
    assert second.scrub_filter not in logging.lastResort.filters


def test_redactor_rejects_unknown_policies() -> None:
    with pytest.raises(ValueError):
        ConversationRedactor(at_info="keep")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        ConversationRedactor(at_debug="keep")  # type: ignore[arg-type]
