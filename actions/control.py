"""Conversation control at every step: terug, opnieuw, stop, verder, and not understood."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, AllSlotsReset, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.interfaces import ACTION_LISTEN_NAME

from actions import statistics
from actions.context import catalogue_for
from actions.extract import read_message
from actions.names import (
    FORM,
    INTENT_INFORM,
    MISSES_BEFORE_HUMAN,
    SLOT_ANSWER_LOG,
    SLOT_CHANNEL,
    SLOT_GEMEENTE,
    SLOT_MISSES,
    SLOT_ROUTE,
    SLOT_SAFETY_ACKNOWLEDGED,
)
from actions.render import wijkteam_variables
from actions.session import new_conversation_slots
from actions.triage_form import LOG_SEPARATOR


def _fresh_conversation(tracker: Tracker) -> list[EventType]:
    """Forget every answer; keep only the gemeente and channel; a new statistics key."""
    metadata = {"gemeente": tracker.get_slot(SLOT_GEMEENTE), "channel": tracker.get_slot(SLOT_CHANNEL)}
    return [ActiveLoop(None), AllSlotsReset(), *new_conversation_slots(metadata)]


class ActionGoBack(Action):
    """ "terug": forgets the answers of the last answered step, so the form asks again."""

    def name(self) -> str:
        return "action_go_back"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        log = list(tracker.get_slot(SLOT_ANSWER_LOG) or [])
        if not log:
            dispatcher.utter_message(response="utter_nothing_to_go_back_to")
            return []
        fields = log.pop().split(LOG_SEPARATOR)
        dispatcher.utter_message(response="utter_went_back")
        return [
            *(SlotSet(field, None) for field in fields),
            SlotSet(SLOT_ANSWER_LOG, log),
            SlotSet(SLOT_ROUTE, None),
            SlotSet(SLOT_SAFETY_ACKNOWLEDGED, None),
        ]


class ActionRestartTriage(Action):
    """ "opnieuw": starts again from the first question."""

    def name(self) -> str:
        return "action_restart_triage"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if not tracker.get_slot(SLOT_ROUTE):
            statistics.record(tracker, outcome="stopped")
        dispatcher.utter_message(response="utter_restarted")
        return _fresh_conversation(tracker)


class ActionStop(Action):
    """ "stop" / "snel weg": ends the conversation and forgets the answers."""

    def name(self) -> str:
        return "action_stop"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if not tracker.get_slot(SLOT_ROUTE):
            statistics.record(tracker, outcome="stopped")
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        dispatcher.utter_message(response="utter_goodbye" if intent == "goodbye" else "utter_stopped")
        return _fresh_conversation(tracker)


class ActionContinueTriage(Action):
    """ "verder": back to the questions (after a safety route: for the warm-handover summary)."""

    def name(self) -> str:
        return "action_continue_triage"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(response="utter_resume")
        return [SlotSet(SLOT_SAFETY_ACKNOWLEDGED, True)]


class ActionNotUnderstood(Action):
    """A message we could not place: say so; after two misses in a row offer a human."""

    def name(self) -> str:
        return "action_not_understood"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if tracker.active_loop_name != FORM and intent == INTENT_INFORM:
            reading = read_message(tracker.latest_message, None)
            if reading.answers or reading.story:
                # A story or an answer after the questions ended (after a FAQ, a route,
                # "stop"): no rule covers it, but it is no misunderstanding. The questions take
                # it up.
                return [FollowupAction(FORM)]
        misses = int(tracker.get_slot(SLOT_MISSES) or 0) + 1
        if misses >= MISSES_BEFORE_HUMAN:
            variables = wijkteam_variables(catalogue_for(tracker))
            dispatcher.utter_message(response="utter_not_understood_again", **variables)
            misses = 0  # offered once; count afresh so the offer is not repeated every turn
        elif tracker.active_loop_name == FORM:
            dispatcher.utter_message(response="utter_not_understood")  # the form asks again
        else:
            dispatcher.utter_message(response="utter_not_understood_menu")
        events: list[EventType] = [SlotSet(SLOT_MISSES, float(misses))]
        if tracker.active_loop_name != FORM:
            # Outside the questions no rule follows this action when it ran as the rule policy's
            # fallback (a message no rule covers, e.g. a place name after the route): without
            # this the policy would pick the fallback again, up to ten times in one turn.
            events.append(FollowupAction(ACTION_LISTEN_NAME))
        return events
