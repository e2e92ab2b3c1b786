"""Helpers to run an action against a real rasa_sdk Tracker and CollectingDispatcher."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.names import SLOT_CONVERSATION_KEY, SLOT_GEMEENTE


def make_tracker(
    slots: dict[str, Any] | None = None,
    text: str = "",
    intent: str | None = None,
    entities: list[dict[str, Any]] | None = None,
    active_loop: str | None = None,
    events: list[dict[str, Any]] | None = None,
    response_selector: dict[str, Any] | None = None,
    confidence: float = 1.0,
) -> Tracker:
    """A tracker as the action server receives it from Rasa."""
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": confidence} if intent else {},
        "entities": entities or [],
    }
    if response_selector is not None:
        latest["response_selector"] = response_selector
    all_slots = {SLOT_GEMEENTE: "voorbeeld", SLOT_CONVERSATION_KEY: None, **(slots or {})}
    return Tracker(
        sender_id="test-sender",
        slots=all_slots,
        latest_message=latest,
        events=events or [{"event": "user", "text": text}],
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )


def responses(dispatcher: CollectingDispatcher) -> list[str | None]:
    """The names of the responses the action asked Rasa to send."""
    return [message.get("response") for message in dispatcher.messages]


def slot_events(events: list[dict[str, Any]]) -> dict[str, Any]:
    """The SlotSet events of an action as a dict (last one wins)."""
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


