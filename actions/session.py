"""action_session_start: the gemeente and channel come from the channel's metadata."""

from __future__ import annotations

import time
import uuid
from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import statistics
from actions.context import catalogues, resolve_gemeente
from actions.names import (
    CHANNEL_WEB,
    CHANNELS,
    LOCAL_CONTACT_SLOTS,
    SESSION_METADATA_SLOT,
    SLOT_CHANNEL,
    SLOT_CONVERSATION_KEY,
    SLOT_GEMEENTE,
    SLOT_GEMEENTE_NAME,
    SLOT_STARTED_AT,
    STEP_WELCOME,
)
from actions.render import gemeente_variables, wijkteam_variables


def new_conversation_slots(metadata: dict[str, Any] | None) -> list[EventType]:
    """Slots that start a conversation: gemeente, channel and a fresh random statistics key.

    The statistics key is random and unrelated to the Rasa sender id, so statistics can never
    be linked back to a conversation log.
    """
    metadata = metadata if isinstance(metadata, dict) else {}
    gemeente = resolve_gemeente(metadata.get("gemeente"))
    channel = metadata.get("channel") if metadata.get("channel") in CHANNELS else CHANNEL_WEB
    key = uuid.uuid4().hex
    started = time.time()
    statistics.record_key(
        key,
        gemeente=gemeente,
        channel=channel,
        started_at=datetime.fromtimestamp(started, tz=timezone.utc),
        step=STEP_WELCOME,
    )
    catalogue = catalogues()[gemeente]
    local = {**wijkteam_variables(catalogue), **gemeente_variables(catalogue)}
    return [
        *(SlotSet(name, local[name]) for name in LOCAL_CONTACT_SLOTS),
        SlotSet(SLOT_GEMEENTE, gemeente),
        SlotSet(SLOT_GEMEENTE_NAME, catalogue.name),
        SlotSet(SLOT_CHANNEL, channel),
        SlotSet(SLOT_CONVERSATION_KEY, key),
        SlotSet(SLOT_STARTED_AT, started),
    ]


class ActionSessionStart(Action):
    """Starts a session with the gemeente and channel from the REST channel's metadata."""

    def name(self) -> str:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        metadata = tracker.get_slot(SESSION_METADATA_SLOT)
        return [
            SessionStarted(),
            *new_conversation_slots(metadata),
            ActionExecuted("action_listen"),
        ]
