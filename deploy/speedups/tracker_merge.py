"""Saving to the Redis tracker store in linear time (`deploy/rasa_speedups.py`, 6)."""

from __future__ import annotations

from typing import Any


def _frozen(value: Any) -> Any:
    """A hashable stand-in for a JSON-like value: equal exactly when the values are equal (==).

    Dicts become frozensets of their items; lists and tuples stay apart (tagged), as they are
    unequal in Python; numbers keep Python's equality and hashing (1 == 1.0 == True).
    """
    if isinstance(value, dict):
        return ("dict", frozenset((key, _frozen(item)) for key, item in value.items()))
    if isinstance(value, list):
        return ("list", tuple(_frozen(item) for item in value))
    if isinstance(value, tuple):
        return ("tuple", tuple(_frozen(item) for item in value))
    hash(value)  # anything else must be hashable already (TypeError otherwise)
    return value


def linear_merge(original: Any) -> Any:
    """RedisTrackerStore._merge_trackers (3.6) with the same result, without comparing every new
    event with every stored one.

    `original`: Rasa's function, used as it is when an event holds an unhashable value.
    """

    def merge_trackers(prior_tracker: Any, tracker: Any) -> Any:
        if not prior_tracker.events:
            return tracker
        last_event_timestamp = prior_tracker.events[-1].timestamp
        past_tracker = tracker.travel_back_in_time(target_time=last_event_timestamp)
        if past_tracker.events == prior_tracker.events:
            return tracker
        try:
            seen = {_frozen(event.as_dict()) for event in prior_tracker.events}
            new = [(_frozen(event.as_dict()), event) for event in tracker.events]
        except TypeError:
            return original(prior_tracker, tracker)
        merged = tracker.init_copy()
        merged.update_with_events(list(prior_tracker.events), override_timestamp=False, domain=None)
        for key, new_event in new:
            # Rasa adds a new event unless an equal one (by `as_dict`) is already in the merged
            # tracker, including the new events added before it.
            if key not in seen:
                merged.update(new_event)
                seen.add(key)
        return merged

    merge_trackers.__doc__ = original.__doc__
    return staticmethod(merge_trackers)
