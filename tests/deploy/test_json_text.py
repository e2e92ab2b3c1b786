"""deploy/speedups/json_text.py: JSON text that reads back as what the standard library writes."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deploy.speedups import json_text

# JSON values as trackers hold them: str keys, any text (also "/", quotes, emoji, line separators),
# ints of any size, floats, nested lists and dicts.
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(), inner, max_size=5),
    max_leaves=30,
)


@given(JSON_VALUES)
@settings(max_examples=500, deadline=None)
def test_reads_back_as_what_the_standard_library_writes(value):
    assert json.loads(json_text.dumps(value)) == json.loads(json.dumps(value))


@pytest.mark.parametrize("value", [
    {True: 1, 2: "x", None: [1.5, -0.0]},  # keys json.dumps turns into strings
    2**80, -(2**70),  # beyond ujson's integers
    [float("inf"), float("-inf"), 1e-7, 0.1 + 0.2],
    "é/\u2028\u0000😢 </script>",
])
def test_edge_values(value):
    assert json.loads(json_text.dumps(value)) == json.loads(json.dumps(value))


def test_nan_is_written_as_the_standard_library_writes_it():
    assert math.isnan(json.loads(json_text.dumps(float("nan"))))


@pytest.mark.parametrize("value", [{1, 2}, b"bytes", object()])
def test_what_the_standard_library_refuses_is_still_refused(value):
    with pytest.raises(TypeError):
        json_text.dumps(value)
