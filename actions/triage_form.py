"""validate_triage_form: reads the answers, keeps the answer log for "terug", picks the next question."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction

from actions import statistics
from actions.context import answers_from_slots, catalogue_for
from actions.extract import (
    ANSWER,
    UNCLEAR,
    Reading,
    check_events,
    is_story,
    read_message,
    requested_field,
    slot_values,
    wording_events,
)
from actions.names import (
    ANSWER_SLOTS,
    DONT_KNOW,
    FORM,
    MISSES_BEFORE_HUMAN,
    REQUESTED_SLOT,
    SAFETY_SLOTS,
    SLOT_ANSWER_LOG,
    SLOT_MISSES,
    SLOT_SAFETY_ACKNOWLEDGED,
    SLOT_SAFETY_CHECK,
    STEP_SAFETY,
    STEP_SITUATION,
)
from actions.plan import next_field
from actions.render import wijkteam_variables
from routes.texts import answers_sentences
from signals.danger import signal_detail
from signals.fields import VIOLENCE

LOG_SEPARATOR = "+"
# Events Rasa puts between a user message and the form's own run: they don't make the message
# older (slot candidates, loop bookkeeping, the featurization marker of the message itself).
# A reply to a safety question that is no clear yes or no: the question again, gently.
CHECK_RESPONSES = {
    "acute_danger": "utter_check_acute_danger",
    "violence": "utter_check_violence",
    "children_unsafe": "utter_check_children_unsafe",
    "self_harm": "utter_check_self_harm",
}
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
        requested = requested_field(tracker)
        reading = Reading(ANSWER)
        if runs_for_new_message(tracker):
            reading = read_message(tracker.latest_message, requested)
        extracted = slot_values(tracker, reading.answers, requested)
        events: list[EventType] = [SlotSet(field, value) for field, value in extracted.items()]
        check = tracker.get_slot(SLOT_SAFETY_CHECK)
        new_check = check_events(tracker, reading, requested)
        events += wording_events(tracker)
        if new_check:
            events += new_check
            check = reading.check
        answered = set(newly_answered(tracker)) | set(extracted)
        if check in answered and not new_check:
            events.append(SlotSet(SLOT_SAFETY_CHECK, None))  # the possible signal is answered
            check = None
        if answered:
            log = list(tracker.get_slot(SLOT_ANSWER_LOG) or [])
            log.append(LOG_SEPARATOR.join(field for field in ANSWER_SLOTS if field in answered))
            events += [SlotSet(SLOT_ANSWER_LOG, log), SlotSet(SLOT_MISSES, 0.0)]
            # A story is thanked for once, also when it came before the questions started.
            if is_story(tracker.latest_message.get("text") or ""):
                _acknowledge(dispatcher, {f: tracker.get_slot(f) for f in answered} | extracted)
        elif reading.kind == UNCLEAR and requested is not None and not new_check:
            # Not forced into an answer, and not left to the rules: the same question again,
            # gently, with its buttons (and the wijkteam after two misses in a row).
            events.append(_not_understood(dispatcher, tracker, requested, reading))
        slots = {field: tracker.get_slot(field) for field in ANSWER_SLOTS} | extracted
        if new_check:
            slots[reading.check] = None
        nxt = next_field(answers_from_slots(slots), bool(tracker.get_slot(SLOT_SAFETY_ACKNOWLEDGED)),
                         check)
        if nxt is not None and nxt == check and nxt != requested:
            # A possible danger signal: one gentle word and the safety net, then its question.
            dispatcher.utter_message(response=check_response(nxt, tracker))
        if nxt is not None:
            statistics.record(tracker, step=STEP_SAFETY if nxt in SAFETY_SLOTS else STEP_SITUATION)
        events.append(SlotSet(REQUESTED_SLOT, nxt))
        return events


def check_response(field: str, tracker: Tracker) -> str:
    """The gentle check before a safety question, about what was said ("hij wil altijd weten
    waar ik ben" gets the words about control)."""
    detail = signal_detail(tracker.latest_message.get("danger_signal"))
    if field == VIOLENCE and detail is not None:
        return f"{CHECK_RESPONSES[field]}_{detail}"
    return CHECK_RESPONSES[field]


def _acknowledge(dispatcher: CollectingDispatcher, extracted: dict[str, Any]) -> None:
    """One warm sentence for a story, naming what was taken from it."""
    items = [(field, extracted[field], True) for field in ANSWER_SLOTS
             if field in extracted and field not in SAFETY_SLOTS
             and extracted[field] not in (None, DONT_KNOW)]
    summary = " ".join(answers_sentences(items))
    dispatcher.utter_message(response="utter_story_thanks", summary=summary)


def _not_understood(
    dispatcher: CollectingDispatcher, tracker: Tracker, requested: str, reading: Reading
) -> SlotSet:
    misses = int(tracker.get_slot(SLOT_MISSES) or 0) + 1
    if requested in SAFETY_SLOTS:
        dispatcher.utter_message(response=check_response(requested, tracker))
    elif reading.story and reading.about_relationship:
        dispatcher.utter_message(response="utter_story_heard")
    elif misses < MISSES_BEFORE_HUMAN:
        dispatcher.utter_message(response="utter_not_understood")
    if misses >= MISSES_BEFORE_HUMAN:
        dispatcher.utter_message(
            response="utter_not_understood_again", **wijkteam_variables(catalogue_for(tracker))
        )
        misses = 0  # offered; count afresh so the offer does not come with every message
    return SlotSet(SLOT_MISSES, float(misses))
