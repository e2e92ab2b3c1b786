"""A tracker's applied events, worked out only for the events added since the last time
(`deploy/rasa_speedups.py`, 12).

`DialogueStateTracker.applied_events()` (the events minus those undone by a restart, a rewind or a
form's repeated execution) walks the whole conversation each time, with several `isinstance` checks
per event against abstract classes and a walk back at each form execution. Rasa asks it of the same
tracker several times per message: twice while checking the session, then once per prediction,
each time with only a few events more. About a tenth of the Rasa server's CPU went there
(cProfile, docs/benchmarks.md).

The walk is a left fold over the events, given the names of the loops that any event activates.
`remembering_applied_events` keeps, per tracker, the result and how far the walk got; when the
tracker has only gained events since (the same event list, the same event where the walk
stopped) and they activate no loop not seen before, it continues the walk over the new events
only, with Rasa's own steps. Anything else walks from the start as Rasa does. Callers get a new
list each time, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import islice
from typing import Any

from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    Event,
    Restarted,
    SessionStarted,
    UserUtteranceReverted,
    UserUttered,
)

MEMO_ATTRIBUTE = "_applied_events_memo"


def loop_names(events: Iterable[Event]) -> set[str]:
    """The names of the loops that these events activate (as `applied_events` collects them)."""
    return {event.name for event in events if isinstance(event, ActiveLoop) and event.name}


def fold(tracker: Any, events: Iterable[Event], loops: set[str], applied: list[Event]) -> list[Event]:
    """The loop of `DialogueStateTracker.applied_events` over `events`, continuing from `applied`
    (changed in place; a restart or new session starts a new list, which is returned)."""
    for event in events:
        if isinstance(event, (Restarted, SessionStarted)):
            applied = []
        elif isinstance(event, ActionReverted):
            tracker._undo_till_previous(ActionExecuted, applied)
        elif isinstance(event, UserUtteranceReverted):
            tracker._undo_till_previous(UserUttered, applied)
            tracker._undo_till_previous(ActionExecuted, applied)
        elif (
            isinstance(event, ActionExecuted)
            and event.action_name in loops
            and not tracker._first_loop_execution_or_unhappy_path(event.action_name, applied)
        ):
            tracker._undo_till_previous_loop_execution(event.action_name, applied)
        else:
            applied.append(event)
    return applied


def remembering_applied_events(original: Callable[[Any], list[Event]]) -> Callable[[Any], list[Event]]:
    """`DialogueStateTracker.applied_events` that continues from its last answer for the tracker."""

    def applied_events(self: Any) -> list[Event]:
        events = self.events
        count = len(events)
        memo = self.__dict__.get(MEMO_ATTRIBUTE)
        if memo is not None:
            seen_events, seen_count, last_seen, loops, applied = memo
            if (
                seen_events is events
                and seen_count <= count
                and (seen_count == 0 or events[seen_count - 1] is last_seen)
            ):
                new = list(islice(events, seen_count, None))
                if loop_names(new) <= loops:
                    applied = fold(self, new, loops, list(applied))
                    _remember(self, events, count, loops, applied)
                    return list(applied)
        loops = loop_names(events)
        applied = fold(self, events, loops, [])
        _remember(self, events, count, loops, applied)
        return list(applied)

    applied_events.__wrapped__ = original  # type: ignore[attr-defined]
    return applied_events


def _remember(tracker: Any, events: Any, count: int, loops: set[str], applied: list[Event]) -> None:
    # The last event seen is kept alive by the memo, so `is` on it cannot meet a new object that
    # took its place in memory.
    last = events[count - 1] if count else None
    tracker.__dict__[MEMO_ATTRIBUTE] = (events, count, last, loops, applied)
