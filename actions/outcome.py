"""The outcome: route, reasons, local offer, safety net, human contact — and feedback."""

from __future__ import annotations

import time
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import statistics
from actions.context import answers_from_tracker, catalogue_for, user_turns
from actions.names import (
    CHANNEL_INTAKE,
    INTENT_AFFIRM,
    SLOT_CHANNEL,
    SLOT_ROUTE,
    SLOT_STARTED_AT,
    STEP_FEEDBACK,
    STEP_OUTCOME,
)
from actions.render import decision_variables
from routes import SAFETY_ROUTES, Decision, decide

# The custom payload that the intake page turns into the warm-handover summary.
OUTCOME_PAYLOAD_TYPE = "outcome"


def outcome_statistics(tracker: Tracker, decision: Decision) -> dict[str, Any]:
    """The statistics fields of an outcome (no answers except the optional before-score)."""
    started = tracker.get_slot(SLOT_STARTED_AT)
    fields: dict[str, Any] = {
        "step": STEP_OUTCOME,
        "route": decision.route,
        "intensity": decision.intensity,
        "offer_fallback": decision.offer_is_fallback,
        "outcome": "route",
        "turns_to_route": user_turns(tracker),
    }
    if isinstance(started, (int, float)):
        fields["seconds_to_route"] = max(0, int(time.time() - started))
    if decision.route in SAFETY_ROUTES:
        fields["safety"] = decision.route
    score = answers_from_tracker(tracker).get("relationship_score")
    if isinstance(score, int):
        fields["before_score"] = score
    return fields


class ActionGiveRoute(Action):
    """Decides the route with `routes.decide` and presents it."""

    def name(self) -> str:
        return "action_give_route"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        catalogue = catalogue_for(tracker)
        answers = answers_from_tracker(tracker)
        decision = decide(answers, catalogue)
        for_resident = tracker.get_slot(SLOT_CHANNEL) != CHANNEL_INTAKE
        variables = decision_variables(decision, catalogue, for_resident)
        if decision.fallback_note:
            # The offer is another than the route's own: said before it is named.
            dispatcher.utter_message(response="utter_outcome_fallback", **variables)
        dispatcher.utter_message(response=f"utter_outcome_{decision.route}", **variables)
        dispatcher.utter_message(response="utter_outcome_reasons", **variables)
        if decision.route in SAFETY_ROUTES:
            dispatcher.utter_message(response="utter_after_safety_options", **variables)
        else:
            dispatcher.utter_message(response="utter_safety_net", **variables)
            dispatcher.utter_message(response="utter_human_contact", **variables)
            dispatcher.utter_message(response="utter_ask_feedback", **variables)
        dispatcher.utter_message(
            json_message={
                "relatieroute": OUTCOME_PAYLOAD_TYPE,
                "decision": decision.to_dict(),
                "answers": answers,
                "gemeente": {"id": catalogue.id, "name": catalogue.name},
            }
        )
        statistics.record(tracker, **outcome_statistics(tracker, decision))
        return [SlotSet(SLOT_ROUTE, decision.route)]


class ActionFeedback(Action):
    """Records "was this useful?" (yes / no) and thanks the resident."""

    def name(self) -> str:
        return "action_feedback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        statistics.record(tracker, step=STEP_FEEDBACK, useful=intent == INTENT_AFFIRM)
        dispatcher.utter_message(response="utter_feedback_thanks")
        return []
