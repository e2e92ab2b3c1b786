"""Tracker copies from a remembered replay (`deploy/rasa_speedups.py`, 17).

Rasa makes a tracker's copy by replaying the whole conversation on a blank tracker: before every
action it runs (`MessageProcessor._run_action` and `FormAction._activate_loop`: `tracker.copy()`),
and twice per message while a form is active (`FormAction._temporary_tracker`:
`DialogueStateTracker.from_events(...)` over the conversation plus a few new events). A replay
costs about 3 µs per event (0.2 ms at 74 events), so every message of a conversation cost more
than the one before: 5.9 % of the Rasa server's CPU at 20 concurrent conversations of about seven
messages (py-spy, docs/benchmarks.md), more for longer ones.

The copy holds the state the *replay* gives, which is not always the tracker's own (the processor
clears a follow-up action on the tracker itself, without an event). So this module keeps the
replay, not the state: a *replica* is a private blank tracker, made as Rasa makes the copy's, that
has replayed the conversation's first k events with Rasa's own `update`. For a tracker whose first
k events are those same objects, the replica replays the events after them, and the copy is a
snapshot of it: a new tracker with the replica's state, in which what a replay makes new (the
slots, the event list, the latest action, the active loop) is new, and what a replay takes from
the events (the events, the latest user and bot message, the message that opened the form) is
those same objects. (Before the first bot message of a session, the replay's latest bot message is
a placeholder, which the snapshot makes anew as a replay would.)

A conversation (by its id) has a replica for `copy` and one per domain for the form's temporary
tracker: the processor's tracker, the copies made of it, and the next message's tracker (our
in-memory store hands out the same event objects) all continue it. Events that are not a
continuation of the replica's (another branch, a store that makes new event objects) start a new
replica in its place. At most `MAX_CONVERSATIONS` are kept, the least recently used dropped first.

Rasa's own code runs instead when the snapshot might differ from its replay: for a subclass of
the tracker; when the event history limit may have dropped events; after an event whose timestamp
stops `copy`'s replay (not `<= inf`); when the replay's latest user message is not one of the
events (a session start or restart leaves a placeholder, which events may change);
when the form's trigger message is not a replayed user message's parse data; and for the form's
temporary tracker, after a restart (Rasa replays only the events after it).
"""

from __future__ import annotations

import copy
import dataclasses
import math
import operator
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable
from itertools import islice
from typing import Any

from rasa.shared.constants import DEFAULT_SENDER_ID
from rasa.shared.core.constants import REQUESTED_SLOT
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, Restarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

# Conversations whose replicas are kept. A message needs only its own conversation's (copies
# within a message); the in-memory store also lets the next message continue it. 256 covers the
# benchmark's peak of 100 concurrent conversations; with a store that makes new event objects,
# a replica keeps the last message's events alive, so the bound also bounds that memory.
MAX_CONVERSATIONS = 256
_mappings = operator.attrgetter("mappings")


def slots_key(slots: Iterable[Any]) -> tuple:
    """Which slot definitions these slots are copies of: their mappings lists, by identity.

    Rasa makes each domain slot with a mappings list of its own, and a tracker's slots are shallow
    copies of the domain's (`copy.copy`), which share that list; so the lists name the domain
    slots. A replica holds slots that share them, so no other object takes their ids.
    """
    return tuple(map(id, map(_mappings, slots)))


class Replica:
    """A blank tracker that has replayed `events`, with what a snapshot needs to know about them."""

    __slots__ = ("anchor", "bot_ids", "events", "restarted", "stopped", "tracker", "user_ids",
                 "user_parses")

    def __init__(self, tracker: DialogueStateTracker, anchor: Any = None) -> None:
        self.tracker = tracker
        self.anchor = anchor  # the domain a form's replica was made from (alive: its id stays its)
        self.events: list[Event] = []  # the events replayed (kept alive: their ids stay theirs)
        self.user_ids: set[int] = set()  # of the replayed user messages (alive in `events`)
        self.bot_ids: set[int] = set()  # of the replayed bot messages (alive in `events`)
        self.user_parses: dict[int, Any] = {}  # id → parse data of each replayed user message
        self.restarted = False
        self.stopped = False  # an event `copy` would not replay (its timestamp is not <= inf)

    def begins(self, events: Any) -> bool:
        """Whether the replayed events are the first events of `events` (the same objects)."""
        return len(self.events) <= len(events) and all(
            mine is theirs for mine, theirs in zip(self.events, events, strict=False))

    def replay(self, events: Any) -> None:
        """Replays the events after those already replayed, with Rasa's `update`."""
        tracker = self.tracker
        for event in islice(events, len(self.events), None):
            tracker.update(event)
            self.events.append(event)
            if isinstance(event, UserUttered):
                self.user_ids.add(id(event))
                self.user_parses[id(event.parse_data)] = event.parse_data
            elif isinstance(event, BotUttered):
                self.bot_ids.add(id(event))
            elif isinstance(event, Restarted):
                self.restarted = True
            try:
                replayed_by_copy = event.timestamp <= math.inf
            except TypeError:  # `copy` raises on it, as Rasa's own does (it runs instead)
                replayed_by_copy = False
            if not replayed_by_copy:
                self.stopped = True

    def snapshot_is_exact(self) -> bool:
        """Whether the replay's state holds nothing that a fresh replay would make anew, other than
        the bot message placeholder (which no event changes; the snapshot makes its own)."""
        state = self.tracker
        if id(state.latest_message) not in self.user_ids:
            return False  # the placeholder of a new session: events may have changed it
        loop = state.active_loop
        if loop is None or loop.trigger_message is None:
            return True
        return self.user_parses.get(id(loop.trigger_message)) is loop.trigger_message

    def snapshot(self, sender_id: str, max_event_history: int | None, is_rule_tracker: bool,
                 events: Iterable[Event]) -> DialogueStateTracker:
        """A new tracker in the replay's state, as `DialogueStateTracker.__init__` and the replay
        would leave it (attributes in the same order)."""
        state = self.tracker
        new = DialogueStateTracker.__new__(DialogueStateTracker)
        attributes = new.__dict__
        attributes["_max_event_history"] = max_event_history
        attributes["events"] = deque(events, max_event_history)
        attributes["sender_id"] = sender_id
        attributes["slots"] = {name: copy.copy(slot) for name, slot in state.slots.items()}
        attributes["sender_source"] = None
        attributes["is_rule_tracker"] = is_rule_tracker
        attributes["_paused"] = state._paused
        attributes["followup_action"] = state.followup_action
        attributes["latest_action"] = copy.copy(state.latest_action)
        attributes["latest_message"] = state.latest_message
        bot = state.latest_bot_utterance
        attributes["latest_bot_utterance"] = bot if id(bot) in self.bot_ids else BotUttered.empty()
        loop = state.active_loop
        attributes["active_loop"] = None if loop is None else dataclasses.replace(loop)
        attributes["model_id"] = None
        attributes["assistant_id"] = None
        return new


# The replicas, by (conversation id, kind), least recently used first.
_replicas: OrderedDict[tuple, Replica] = OrderedDict()


def replica_for(sender_id: str, events: Any, kind: tuple, blank: Callable[[], DialogueStateTracker],
                anchor: Any = None) -> Replica:
    """The conversation's replica of `kind`, having replayed all of `events`.

    Rasa's own flow extends a conversation's events in one line (the processor's tracker, and
    copies of it that add nothing); events that do not continue the replica's (another branch, or
    a tracker store that makes new event objects for every message) replace it with a new one,
    so a conversation holds at most one replica of each kind."""
    key = (sender_id, kind)
    replica = _replicas.get(key)
    if replica is None or not replica.begins(events):
        replica = Replica(blank(), anchor)
        _replicas[key] = replica
        while len(_replicas) > MAX_CONVERSATIONS:
            _replicas.popitem(last=False)
    else:
        _replicas.move_to_end(key)
    replica.replay(events)
    return replica


def _history_may_be_cut(tracker: DialogueStateTracker) -> bool:
    limit = tracker._max_event_history
    return limit is not None and len(tracker.events) >= limit


def remembering_copy(original: Callable[[DialogueStateTracker], DialogueStateTracker]
                     ) -> Callable[[DialogueStateTracker], DialogueStateTracker]:
    """`DialogueStateTracker.copy` from the conversation's replica."""

    def copy_tracker(self: DialogueStateTracker) -> DialogueStateTracker:
        if type(self) is not DialogueStateTracker or not self.events or _history_may_be_cut(self):
            return original(self)
        kind = ("copy", self._max_event_history, self.is_rule_tracker, slots_key(self.slots.values()))
        replica = replica_for(self.sender_id, self.events, kind, self.init_copy)
        if replica.stopped or not replica.snapshot_is_exact():
            return original(self)
        return replica.snapshot(self.sender_id or DEFAULT_SENDER_ID, self._max_event_history,
                                self.is_rule_tracker, self.events)

    copy_tracker.__wrapped__ = original  # type: ignore[attr-defined]
    return copy_tracker


def remembering_temporary_tracker(original: Callable[..., DialogueStateTracker]
                                  ) -> Callable[..., DialogueStateTracker]:
    """`FormAction._temporary_tracker` from the conversation's replica: the same tracker as
    `DialogueStateTracker.from_events(sender, events after the last restart + [SlotSet(requested
    slot), ActionExecuted(form)] + additional events, slots=domain.slots)`."""

    def _temporary_tracker(self: Any, current_tracker: DialogueStateTracker,
                           additional_events: list[Event], domain: Any) -> DialogueStateTracker:
        events = current_tracker.events
        if not events:
            return original(self, current_tracker, additional_events, domain)
        sender_id = current_tracker.sender_id
        kind = ("form", id(domain), slots_key(domain.slots))
        replica = replica_for(sender_id, events, kind,
                              lambda: DialogueStateTracker(sender_id, domain.slots), anchor=domain)
        if replica.restarted or not replica.snapshot_is_exact():
            return original(self, current_tracker, additional_events, domain)
        tracker = replica.snapshot(sender_id, None, False, events)
        for event in [SlotSet(REQUESTED_SLOT, self.get_slot_to_fill(current_tracker)),
                      ActionExecuted(self.name()), *additional_events]:
            tracker.update(event)
        return tracker

    _temporary_tracker.__wrapped__ = original  # type: ignore[attr-defined]
    return _temporary_tracker
