"""Answers in a user message: the answer slots' extraction, in and outside the triage form.

A message is read, in this order, for answers carried by a button payload (entities named after
the fields), free text (`signals.extract_answers`) and yes / no / "weet ik niet" for the question
that was asked, so "we zijn vorig jaar gescheiden en hebben 2 kinderen van 5 en 8" answers three
questions at once.

Where it runs (one action server call per message, not two):
- outside the form, `action_extract_answers` (the answer slots' custom mapping in `domain.yml`,
  conditioned on "no active loop"), so free text before the triage starts is not lost;
- inside the form, `validate_triage_form` itself (see `actions.triage_form`), which Rasa calls
  for every message anyway.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.names import (
    ANSWER_SLOTS,
    BOOL_FIELDS,
    CONTROL_INTENTS,
    DONT_KNOW,
    FORM,
    INTENT_AFFIRM,
    INTENT_DENY,
    INTENT_DONT_KNOW,
    REQUESTED_SLOT,
)
from routes import AnswersError, validate_answers
from signals import extract_answers

logger = logging.getLogger(__name__)


def requested_field(tracker: Tracker) -> str | None:
    """The answer field the triage form just asked for, if the form is active."""
    if tracker.active_loop_name != FORM:
        return None
    requested = tracker.get_slot(REQUESTED_SLOT)
    return requested if requested in ANSWER_SLOTS else None


def answers_in_message(message: dict[str, Any], requested: str | None) -> dict[str, Any]:
    """Candidate answers stated by one user message (None = "weet ik niet")."""
    intent = (message.get("intent") or {}).get("name")
    if intent in CONTROL_INTENTS:
        return {}
    found: dict[str, Any] = {}
    for entity in message.get("entities") or []:
        if entity.get("entity") in ANSWER_SLOTS:
            found.setdefault(entity["entity"], entity.get("value"))
    text = message.get("text") or ""
    if text and not text.startswith("/"):
        # What the words say beats the intent: "verslaving" may be classified as "weet ik niet",
        # but for "Heb je ook andere zorgen?" it is a clear answer.
        for field, value in extract_answers(text, requested).items():
            found.setdefault(field, value)
    if requested and requested not in found:
        if intent == INTENT_DONT_KNOW:
            found[requested] = "unknown" if requested == "partner_willing" else None
        elif intent in (INTENT_AFFIRM, INTENT_DENY) and requested in BOOL_FIELDS:
            found[requested] = intent == INTENT_AFFIRM
    return _valid_only(found)


def _valid_only(found: dict[str, Any]) -> dict[str, Any]:
    """Drops values the answer model rejects (a payload typed by hand, say); logs field names only."""
    valid: dict[str, Any] = {}
    for field, value in found.items():
        try:
            valid.update(validate_answers({field: value}))
        except AnswersError:
            logger.warning("Ignored an invalid value for answer field %s", field)
    return valid


def new_answer_slots(tracker: Tracker, requested: str | None) -> dict[str, Any]:
    """Slot values the latest user message gives ("weet ik niet" as DONT_KNOW).

    Free text may repeat what was said before; only the question asked may be changed.
    """
    values: dict[str, Any] = {}
    for field, value in answers_in_message(tracker.latest_message, requested).items():
        if field != requested and tracker.get_slot(field) is not None:
            continue
        values[field] = DONT_KNOW if value is None else value
    return values


class ActionExtractAnswers(Action):
    """Sets answer slots from the latest user message."""

    def name(self) -> str:
        return "action_extract_answers"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        values = new_answer_slots(tracker, requested_field(tracker))
        return [SlotSet(field, value) for field, value in values.items()]
