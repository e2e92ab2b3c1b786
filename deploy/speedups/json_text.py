"""JSON text for trackers (the action server call), written by ujson where it can.

The Rasa server sends the whole conversation as JSON with every action server call: with the
standard library, writing it was about 7 % of its CPU (py-spy, docs/benchmarks.md). ujson
(installed with Sanic on CPython) writes the same JSON about four times faster. Only
whitespace and an escaped "/" ("\\/") differ in the text, which every JSON reader decodes alike.
What ujson refuses (a number beyond 64 bits, a type it does not know) goes to the standard library, which
handles it or raises as it always did.
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
