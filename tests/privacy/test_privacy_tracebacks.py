"""Exception values out, stack frames in; and message normalisation before scrubbing."""

from __future__ import annotations

import sys
import traceback

from privacy.logging import prepare_message
from privacy.tracebacks import WITHHELD_VALUE, format_without_values, redact_traceback_text

SECRET = "ik heet Piet en mijn man slaat me"


def _nested_failure() -> None:
    try:
        {}["x"]
    except KeyError:
        raise RuntimeError(f"mislukt voor: {SECRET}\ntweede regel: {SECRET}") from None


def _chained_failure() -> None:
    try:
        raise ValueError(SECRET)
    except ValueError as e:
        raise LookupError(f"gevolg: {SECRET}") from e


def _exc_info(func):
    try:
        func()
    except Exception:
        return sys.exc_info()
    raise AssertionError("expected an exception")


def test_format_without_values_keeps_frames_and_types() -> None:
    text = format_without_values(_exc_info(_chained_failure))
    assert SECRET not in text
    assert f"ValueError: {WITHHELD_VALUE}" in text
    assert f"LookupError: {WITHHELD_VALUE}" in text
    assert "The above exception was the direct cause of the following exception:" in text
    assert "in _chained_failure" in text


def test_format_without_values_respects_suppressed_context() -> None:
    text = format_without_values(_exc_info(_nested_failure))
    assert "KeyError" not in text  # "from None" hides the context, as Python itself does
    assert f"RuntimeError: {WITHHELD_VALUE}" in text
    assert SECRET not in text


def test_rendered_tracebacks_lose_multiline_values_but_keep_surrounding_text() -> None:
    exc_info = _exc_info(_chained_failure)
    rendered = "".join(traceback.format_exception(*exc_info))
    multiline = "".join(traceback.format_exception(*_exc_info(_nested_failure)))
    text = f"voor\n{rendered}\n{multiline}\nna afloop"
    out = redact_traceback_text(text)
    assert SECRET not in out
    assert out.startswith("voor\nTraceback (most recent call last):")
    assert out.count(WITHHELD_VALUE) == 3
    assert "in _nested_failure" in out
    assert out.endswith("na afloop")


def test_text_without_traceback_is_unchanged() -> None:
    assert redact_traceback_text(f"gewoon: {SECRET}") == f"gewoon: {SECRET}"


def test_prepare_message_strips_colours_and_unescapes_json_letters() -> None:
    console = (
        "[\x1b[32m\x1b[1mdebug    \x1b[0m] \x1b[1mprocessor.message.parse\x1b[0m "
        "\x1b[36mparse_data_text\x1b[0m=\x1b[35m0612345678 Zo\\u00eb\x1b[0m"
    )
    assert prepare_message(console) == (
        "[debug    ] processor.message.parse parse_data_text=0612345678 Zoë"
    )
    # ASCII escapes (quotes, control characters) and surrogates stay escaped: JSON stays valid.
    assert prepare_message('{"t": "\\u0022a\\u0022 \\ud83d\\ude00"}') == (
        '{"t": "\\u0022a\\u0022 \\ud83d\\ude00"}'
    )
