"""validate_triage_form: reads the answers, keeps the answer log for "terug", picks the next question."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction

from actions import statistics
from actions.context import answers_from_slots
from actions.extract import new_answer_slots, requested_field
from actions.names import (
    ANSWER_SLOTS,
    FORM,
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
# Events Rasa puts between a user message and the form's own run: they don't make the message
# older (slot candidates, loop bookkeeping, the featurization marker of the message itself).
_BOOKKEEPING_EVENTS = frozenset({"slot", "active_loop", "user_featurization"})


def newly_answered(tracker: Tracker) -> list[str]:
    """Answer fields set (to a value) since the resident's last message, in domain order."""
    changed = tracker.slots_to_validate()
    return [field for field in ANSWER_SLOTS if changed.get(field) is not None]


def runs_for_new_message(tracker: Tracker) -> bool:
    """Whether the form runs straight after the resident's latest message.

    False when it resumes after something else answered that message (a FAQ, "terug", the
    safety help): the message was not an answer then, and reading it again for the question
    asked *now* would turn an earlier "ja" into an answer it never was.
    """
    form_run_seen = False
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind in _BOOKKEEPING_EVENTS:
            continue
        if kind == "action" and event.get("name") == FORM and not form_run_seen:
            form_run_seen = True  # the run Rasa appended for this validation
            continue
        return kind == "user"
    return False


class ValidateTriageForm(FormValidationAction):
    """Dynamic form: asks only what the route still needs (see `actions.plan`).

    Rasa calls it for every message while the form is active. It reads the message's answers
    (`actions.extract`; in the same call, so a message costs one action server round trip),
    records which fields one message answered, so "terug" can undo exactly that step, and tells
    the form which question to ask next (None ends the form). When the message answered
    nothing, only `requested_slot` is returned: Rasa then lets the rules handle the message
    (a FAQ, "ik wil een mens spreken", ...) and the form asks its question again afterwards.
    """

    def name(self) -> str:
        return "validate_triage_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        extracted = {}
        if runs_for_new_message(tracker):
            extracted = new_answer_slots(tracker, requested_field(tracker))
        events: list[EventType] = [SlotSet(field, value) for field, value in extracted.items()]
        answered = set(newly_answered(tracker)) | set(extracted)
        if answered:
            log = list(tracker.get_slot(SLOT_ANSWER_LOG) or [])
            log.append(LOG_SEPARATOR.join(field for field in ANSWER_SLOTS if field in answered))
            events += [SlotSet(SLOT_ANSWER_LOG, log), SlotSet(SLOT_MISSES, 0.0)]
        slots = {field: tracker.get_slot(field) for field in ANSWER_SLOTS} | extracted
        nxt = next_field(answers_from_slots(slots), bool(tracker.get_slot(SLOT_SAFETY_ACKNOWLEDGED)))
        if nxt is not None:
            statistics.record(tracker, step=STEP_SAFETY if nxt in SAFETY_SLOTS else STEP_SITUATION)
        events.append(SlotSet(REQUESTED_SLOT, nxt))
        return events
