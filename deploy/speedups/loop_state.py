"""The active loop in a tracker's state, copied without `copy.deepcopy` (`deploy/rasa_speedups.py`, 15).

`DialogueStateTracker.current_state` (Rasa 3.6), which writes the tracker for every action
server call, includes the active form as `dataclasses.asdict(self.active_loop)`. That deep-copies
the loop's trigger message (the parse data of the message that opened the form, with its
intent ranking) through `copy.deepcopy` value by value: about 5 % of the Rasa server's CPU at 20
concurrent conversations, on every message while the form is active (py-spy, docs/benchmarks.md).

`install()` gives `rasa.shared.core.trackers` a `dataclasses` whose `asdict` makes the same
dictionary for a `TrackerActiveLoop` holding only JSON values (dicts, lists, strings, numbers,
booleans, None): new dicts and lists all the way down, the same scalars, as `dataclasses.asdict`
makes them. Anything else (another class, a tuple, a NumPy number, a dict subclass) goes to
`dataclasses.asdict` itself.
"""

from __future__ import annotations

import dataclasses
from typing import Any

_SCALARS = frozenset({str, int, float, bool, type(None)})


class _NotPlainJson(Exception):
    """A value the plain copy leaves to `dataclasses.asdict`."""


def _plain_copy(value: Any) -> Any:
    kind = type(value)
    if kind in _SCALARS:
        return value  # what copy.deepcopy returns for them
    if kind is dict:
        return {_plain_copy(key): _plain_copy(item) for key, item in value.items()}
    if kind is list:
        return [_plain_copy(item) for item in value]
    raise _NotPlainJson


class TrackerDataclasses:
    """The `dataclasses` module as `rasa.shared.core.trackers` sees it.

    `loop_class`: Rasa's `TrackerActiveLoop`, whose fields are read once here.
    """

    def __init__(self, loop_class: type) -> None:
        self._loop_class = loop_class
        self._loop_fields = tuple(field.name for field in dataclasses.fields(loop_class))

    def __getattr__(self, name: str) -> Any:
        return getattr(dataclasses, name)

    def asdict(self, obj: Any, *, dict_factory: Any = dict) -> Any:
        """`dataclasses.asdict`, quicker for an active loop of plain JSON values."""
        if type(obj) is self._loop_class and dict_factory is dict:
            try:
                return {name: _plain_copy(getattr(obj, name)) for name in self._loop_fields}
            except _NotPlainJson:
                pass
        return dataclasses.asdict(obj, dict_factory=dict_factory)
