"""Anonymous route statistics from the action server (a thin wrapper around `stats`).

Only the fields of the statistics model are passed (no text, no sender id); the recorder
buffers and never blocks or breaks a conversation.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from actions.names import FIELD_BY_DANGER_KIND, SLOT_CONVERSATION_KEY

if TYPE_CHECKING:
    from rasa_sdk import Tracker

logger = logging.getLogger(__name__)


def record(tracker: Tracker, **fields: Any) -> None:
    """Merges `fields` into this conversation's statistics row; never raises."""
    key = tracker.get_slot(SLOT_CONVERSATION_KEY)
    if not key:
        return
    record_key(key, **fields)


def record_key(key: str, **fields: Any) -> None:
    """Like `record`, for a conversation key that is not in the tracker yet."""
    try:
        from stats import get_recorder

        get_recorder().update(key, **fields)
    except Exception:  # statistics must never break a conversation
        logger.exception("Could not hand a statistics update to the recorder")


def record_signal(tracker: Tracker, kind_or_field: str, level: str) -> None:
    """The kind ("control"/"threat" for those violence rules) and level of a danger signal;
    the rule's group only, never the words."""
    from signals.danger import signal_detail

    kind = next((k for k, f in FIELD_BY_DANGER_KIND.items() if f == kind_or_field), kind_or_field)
    detail = signal_detail(tracker.latest_message.get("danger_signal")) if kind == "violence" else None
    record(tracker, signal_kind=detail or kind, signal_level=level)
