"""The safety interrupt: a danger signal at any moment stops the flow and gives help at once.

The reply holds the right help (112 / Veilig Thuis / 113) and one confirmation question
("Ik wil even zeker weten dat je veilig bent: …"). "Ja" records the safety answer and gives the
safety route; "nee" clears the alarm and the triage goes on where it was. A false alarm costs
one question; a missed signal is never an option.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import statistics
from actions.extract import story_answers
from actions.names import (
    DANGER_INTENT_KIND,
    FIELD_BY_DANGER_KIND,
    SLOT_DANGER_DETAIL,
    SLOT_DANGER_KIND,
)
from signals.answers import about_me_not_the_children
from signals.danger import signal_detail

# When no kind is known (e.g. "ja" without a pending alarm) treat it as the broadest one.
DEFAULT_KIND = "violence"


def bot_has_spoken(tracker: Tracker) -> bool:
    """Whether the bot said anything before the latest message (for the bot disclosure).

    The help of the safety rule is already said when the interrupt runs: it does not count.
    """
    seen_user = False
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "user":
            seen_user = True
        elif kind == "bot" and seen_user:
            return True
    return False


class ActionSafetyInterrupt(Action):
    """Remembers which danger was signalled and stops the questions.

    The help itself and the confirmation question are uttered by the safety rules
    (data/rules/safety.yml) around this action, so they do not depend on the action server.
    """

    def name(self) -> str:
        return "action_safety_interrupt"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        kind = DANGER_INTENT_KIND.get(intent, DEFAULT_KIND)
        if not bot_has_spoken(tracker):
            # The help came first; the bot disclosure still belongs in the first reply.
            dispatcher.utter_message(response="utter_bot_disclosure_short")
        # What the story says besides the danger is kept for when the questions go on.
        kept = [SlotSet(name, value) for name, value in story_answers(tracker).items()]
        # "hij leest al mijn appjes": the confirm question asks about control, not hitting.
        detail = signal_detail(tracker.latest_message.get("danger_signal"))
        statistics.record_signal(tracker, kind, "explicit")
        return [*kept, SlotSet(SLOT_DANGER_KIND, kind), SlotSet(SLOT_DANGER_DETAIL, detail),
                ActiveLoop(None)]


class ActionSafetyConfirmed(Action):
    """The resident confirmed the danger: record the safety answer (the route follows)."""

    def name(self) -> str:
        return "action_safety_confirmed"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        kind = tracker.get_slot(SLOT_DANGER_KIND) or DEFAULT_KIND
        return [SlotSet(FIELD_BY_DANGER_KIND[kind], True), SlotSet(SLOT_DANGER_KIND, None),
                SlotSet(SLOT_DANGER_DETAIL, None)]


def speaks_only_of_me(tracker: Tracker) -> bool:
    """ "nee, mij doet hij niks" to the question about the children: an answer about the
    resident, so the children's safety question stays open (asked in the screen)."""
    text = tracker.latest_message.get("text") or ""
    return about_me_not_the_children(text)


class ActionSafetyCleared(Action):
    """A false alarm: record "no" for that safety question and go on where we were."""

    def name(self) -> str:
        return "action_safety_cleared"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        kind = tracker.get_slot(SLOT_DANGER_KIND) or DEFAULT_KIND
        field = FIELD_BY_DANGER_KIND[kind]
        events: list[EventType] = [SlotSet(SLOT_DANGER_KIND, None), SlotSet(SLOT_DANGER_DETAIL, None)]
        # Keep an earlier "ja" to the same question: a later "nee" here does not undo it. A "nee"
        # to the question about control or threats is no answer to the violence question.
        if (tracker.get_slot(field) is not True and not tracker.get_slot(SLOT_DANGER_DETAIL)
                and not (kind == "children" and speaks_only_of_me(tracker))):
            intent = (tracker.latest_message.get("intent") or {}).get("name")
            events.append(SlotSet(field, "dont_know" if intent == "dont_know" else False))
        dispatcher.utter_message(response="utter_safety_cleared")
        return events
