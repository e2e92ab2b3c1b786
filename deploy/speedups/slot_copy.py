"""Slots copied without the pickle protocol (`deploy/rasa_speedups.py`, 9).

Every `DialogueStateTracker` copies each of the domain's slots (`copy.copy`), and Rasa makes
several trackers per message (retrieving it, the rule policy's and the form's temporary copies):
with our 35 slots that was 7 % of the Rasa server's CPU (py-spy, docs/benchmarks.md).
`copy.copy` of a plain object goes through `__reduce_ex__` and `copyreg`; for Rasa's slot
classes (no `__slots__`, `__getstate__`, `__setstate__` or `__reduce__` of their own) that amounts to
a new instance of the same class with the same `__dict__`, which `shallow_copy` makes directly.
"""

from __future__ import annotations

from typing import Any


def shallow_copy(self: Any) -> Any:
    """What `copy.copy(slot)` returns, without the detour: same class, same attributes."""
    cls = self.__class__
    new = cls.__new__(cls)
    new.__dict__.update(self.__dict__)
    return new
