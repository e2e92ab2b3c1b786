"""JSON text for trackers and action server calls, written and read by ujson where it can.

The Rasa server turns every conversation into JSON text and back several times per message (the
tracker store, each action server call): with the standard library that was about a tenth of its
CPU (py-spy, docs/benchmarks.md). ujson (installed with Sanic on CPython) writes and reads the same
JSON about four times faster. Only whitespace and an escaped "/" ("\\/") differ in the text, which
every JSON reader decodes alike. What ujson refuses (a number beyond 64 bits, NaN on reading, an
unknown type) goes to the standard library, which handles it or raises as it always did.
"""

from __future__ import annotations

import json
from typing import Any

try:
    import ujson as _ujson
except ImportError:  # pragma: no cover - every supported install has it (Sanic's dependency)
    _ujson = None


def dumps(value: Any) -> str:
    """`json.dumps(value)`, faster; the same JSON up to whitespace and "\\/"."""
    if _ujson is not None:
        try:
            return _ujson.dumps(value)
        except (TypeError, OverflowError, ValueError):
            pass
    return json.dumps(value)


def loads(text: str | bytes) -> Any:
    """`json.loads(text)`, faster; the same values, the same error for text that is not JSON."""
    if _ujson is not None:
        try:
            return _ujson.loads(text)
        except (ValueError, OverflowError):
            pass
    return json.loads(text)
