"""validate_triage_form: keeps the answer log for "terug" and picks the next question."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction

from actions import statistics
from actions.context import answers_from_tracker
from actions.names import (
    ANSWER_SLOTS,
    REQUESTED_SLOT,
    SAFETY_SLOTS,
    SLOT_ANSWER_LOG,
    SLOT_MISSES,
    SLOT_SAFETY_ACKNOWLEDGED,
    STEP_SAFETY,
    STEP_SITUATION,
)
from actions.plan import next_field

LOG_SEPARATOR = "+"


def newly_answered(tracker: Tracker) -> list[str]:
    """Answer fields set (to a value) since the resident's last message, in domain order."""
    changed = tracker.slots_to_validate()
    return [field for field in ANSWER_SLOTS if changed.get(field) is not None]


class ValidateTriageForm(FormValidationAction):
    """Dynamic form: asks only what the route still needs (see `actions.plan`).

    The answers themselves were validated when they were extracted (`action_extract_answers`);
    this action records which fields one message answered, so "terug" can undo exactly that
    step, and tells the form which question to ask next (None ends the form).
    """

    def name(self) -> str:
        return "validate_triage_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        events: list[EventType] = []
        answered = newly_answered(tracker)
        if answered:
            log = list(tracker.get_slot(SLOT_ANSWER_LOG) or [])
            log.append(LOG_SEPARATOR.join(answered))
            events += [SlotSet(SLOT_ANSWER_LOG, log), SlotSet(SLOT_MISSES, 0.0)]
        answers = answers_from_tracker(tracker)
        nxt = next_field(answers, bool(tracker.get_slot(SLOT_SAFETY_ACKNOWLEDGED)))
        if nxt is not None:
            statistics.record(tracker, step=STEP_SAFETY if nxt in SAFETY_SLOTS else STEP_SITUATION)
        events.append(SlotSet(REQUESTED_SLOT, nxt))
        return events
