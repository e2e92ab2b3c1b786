"""Tracebacks without exception values.

An exception's *message* is where conversation data hides: ``ValueError(f"onbekend: {text}")``
in a custom action, or Rasa's ``ClientResponseError`` that carries the action server's whole
500-response (including the tracker). The stack frames and the exception *type* are what an
engineer needs; they stay. The values are replaced by ``[inhoud weggelaten]``.
"""

from __future__ import annotations

import re
import traceback
from types import TracebackType

WITHHELD_VALUE = "[inhoud weggelaten]"

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def _type_name(exc_type: type[BaseException] | None) -> str:
    if exc_type is None:
        return "Exception"
    module = getattr(exc_type, "__module__", "") or ""
    name = getattr(exc_type, "__qualname__", None) or getattr(exc_type, "__name__", "Exception")
    return name if module in ("builtins", "__main__", "") else f"{module}.{name}"


def _format(te: traceback.TracebackException) -> list[str]:
    lines: list[str] = []
    if te.__cause__ is not None:
        lines += _format(te.__cause__)
        lines.append(
            "\nThe above exception was the direct cause of the following exception:\n\n"
        )
    elif te.__context__ is not None and not te.__suppress_context__:
        lines += _format(te.__context__)
        lines.append("\nDuring handling of the above exception, another exception occurred:\n\n")
    if te.stack:
        lines.append("Traceback (most recent call last):\n")
        lines.extend(te.stack.format())
    lines.append(f"{_type_name(te.exc_type)}: {WITHHELD_VALUE}\n")
    return lines


def format_without_values(exc_info: ExcInfo) -> str:
    """Format ``exc_info`` like ``traceback.format_exception`` but without exception values."""
    exc_type, exc_value, tb = exc_info
    te = traceback.TracebackException(exc_type, exc_value, tb, capture_locals=False)
    return "".join(_format(te)).rstrip("\n")


_EXC_LINE = re.compile(r"^(?P<type>[A-Za-z_][\w.]*)(?::(?P<value>.*))?$")
_SEPARATORS = (
    "Traceback (most recent call last):",
    "The above exception was the direct cause of the following exception:",
    "During handling of the above exception, another exception occurred:",
)


def redact_traceback_text(text: str) -> str:
    """Remove exception values from traceback text that is already rendered.

    Used for records whose message *is* a traceback (``logger.error(traceback.format_exc())``
    in ``rasa/server.py``) or that embed one (structlog's console renderer). Lines outside a
    traceback stay as they are.
    """
    if "Traceback (most recent call last):" not in text:
        return text
    out: list[str] = []
    in_traceback = False
    in_value = False
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped in _SEPARATORS:
            in_traceback = stripped == _SEPARATORS[0]
            in_value = False
            out.append(line)
            continue
        if in_traceback and (line.startswith(" ") or not stripped):
            out.append(line)
            continue
        if in_traceback:
            match = _EXC_LINE.match(stripped)
            name = match.group("type") if match else "Exception"
            out.append(f"{name}: {WITHHELD_VALUE}")
            in_traceback = False
            in_value = True
            continue
        if in_value:
            if not stripped:
                in_value = False
                out.append(line)
            # continuation lines of a multi-line exception message are dropped
            continue
        out.append(line)
    return "\n".join(out)
