"""An in-memory tracker store that forgets: conversations expire and the count is capped.

Rasa's `InMemoryTrackerStore` keeps every conversation until the process stops: memory grows
with every sender, and what residents typed stays in memory for weeks. This store is the
project's default (endpoints.yml): a conversation is dropped `ttl_seconds` after its last
message (default one hour, like the session expiry) and at most `max_conversations` are kept
(least recently used go first), so memory stays bounded whatever the traffic. When the
resident says "stop" / "snel weg" (`action_stop`), the conversation is not saved at all but
deleted at once: "Dit gesprek is gewist" is then literally true.

Rasa's store keeps each conversation as JSON text, so every message turned the whole conversation
into text and back into event objects (about 6 % of the Rasa server's CPU, issue 7). This store
keeps the list of events itself: Rasa never changes an event once it is in a tracker (every change
is a new event), and a retrieved tracker replays the same events into a fresh tracker as Rasa's
store does after reading the text (tests/stores/test_expiring_memory.py compares the two).
Retrieving the current session, Rasa's store replays the whole conversation into a tracker,
splits its events into sessions and replays each session into a tracker of its own, then returns
the whole conversation's tracker (one session) or the last session's (several). This store
replays only the tracker it returns.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.constants import ACTION_SESSION_START_NAME
from rasa.shared.core.conversation import Dialogue
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered, split_events
from rasa.shared.core.trackers import DialogueStateTracker

logger = logging.getLogger(__name__)

DEFAULT_TTL_SECONDS = 3600.0
DEFAULT_MAX_CONVERSATIONS = 10_000
# The action after which a conversation is erased instead of saved.
ERASE_AFTER_ACTION = "action_stop"


def asked_to_erase(tracker: DialogueStateTracker) -> bool:
    """Whether the last turn of this conversation ran the stop action."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, ActionExecuted) and event.action_name == ERASE_AFTER_ACTION:
            return True
    return False


class ExpiringInMemoryTrackerStore(InMemoryTrackerStore):
    """`InMemoryTrackerStore` with a time-to-live and a size cap."""

    def __init__(
        self,
        domain: Domain,
        event_broker: EventBroker | None = None,
        host: str | None = None,
        ttl_seconds: float = DEFAULT_TTL_SECONDS,
        max_conversations: int = DEFAULT_MAX_CONVERSATIONS,
        clock: Callable[[], float] = time.monotonic,
        **kwargs: Any,
    ) -> None:
        super().__init__(domain, event_broker, **kwargs)
        self.store: OrderedDict[str, Dialogue] = OrderedDict()
        self._last_seen: dict[str, float] = {}
        self.ttl_seconds = float(ttl_seconds)
        self.max_conversations = int(max_conversations)
        self._clock = clock

    def _expired(self, sender_id: str, now: float) -> bool:
        return now - self._last_seen.get(sender_id, now) > self.ttl_seconds

    def _forget(self, sender_id: str) -> None:
        self.store.pop(sender_id, None)
        self._last_seen.pop(sender_id, None)

    def _evict(self, now: float) -> None:
        # The OrderedDict is in least-recently-saved order, so expired ones are at the front.
        while self.store:
            oldest = next(iter(self.store))
            if self._expired(oldest, now) or len(self.store) > self.max_conversations:
                self._forget(oldest)
            else:
                break

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Saves the tracker, marks it as most recently used and evicts what is due."""
        if asked_to_erase(tracker):
            self._forget(tracker.sender_id)
            logger.debug("Erased a conversation at the resident's request")
            return
        # As InMemoryTrackerStore.save, which names its own class's JSON writer.
        await self.stream_events(tracker)
        self.store[tracker.sender_id] = self.serialise_tracker(tracker)
        now = self._clock()
        self.store.move_to_end(tracker.sender_id)
        self._last_seen[tracker.sender_id] = now
        self._evict(now)

    @staticmethod
    def serialise_tracker(tracker: DialogueStateTracker) -> Dialogue:
        """What is kept of a conversation: its events (a new list of the same events)."""
        return tracker.as_dialogue()

    def deserialise_tracker(self, sender_id: str, serialised_tracker: Dialogue) -> DialogueStateTracker:
        """A fresh tracker with the kept events replayed (as `TrackerStore.deserialise_tracker`
        does with the events it reads from JSON)."""
        tracker = self.init_tracker(sender_id)
        tracker.recreate_from_dialogue(serialised_tracker)  # copies the list into the tracker
        return tracker

    async def _retrieve(
        self, sender_id: str, fetch_all_sessions: bool
    ) -> DialogueStateTracker | None:
        if sender_id in self.store and self._expired(sender_id, self._clock()):
            self._forget(sender_id)
        if fetch_all_sessions or sender_id not in self.store:
            return await super()._retrieve(sender_id, fetch_all_sessions)
        # What `InMemoryTrackerStore._retrieve` returns, replayed once: with one session the
        # whole conversation's tracker, else the last of
        # `rasa.shared.core.trackers.get_trackers_for_conversation_sessions(tracker)`.
        dialogue = self.store[sender_id]
        sessions = split_events(dialogue.events, ActionExecuted,
                                {"action_name": ACTION_SESSION_START_NAME}, include_splitting_event=True)
        if len(sessions) <= 1:
            return self.deserialise_tracker(sender_id, dialogue)
        return DialogueStateTracker.from_events(
            sender_id, sessions[-1], self.domain.slots, max_event_history=self.max_event_history
        )

    async def keys(self) -> Iterable[str]:
        """The conversations still kept (after evicting what expired)."""
        self._evict(self._clock())
        return list(self.store.keys())
