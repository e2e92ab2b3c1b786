"""Help that works at every step: FAQ answers with local facts, and counting requests for a human."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import statistics
from actions.context import catalogue_for
from actions.names import FAQ
from actions.render import SEPARATOR, gemeente_variables, offer_variables, wijkteam_variables
from routes import Catalogue, Route


def faq_key(tracker: Tracker) -> str | None:
    """The FAQ answer chosen by the ResponseSelector, e.g. 'faq/cost'."""
    selector = (tracker.latest_message.get("response_selector") or {}).get(FAQ) or {}
    return (selector.get("response") or {}).get("intent_response_key")


def _cost_lines(catalogue: Catalogue) -> str:
    return SEPARATOR.join(f"{offer.name}: {offer.cost}" for offer in catalogue.offers)


def _waiting_lines(catalogue: Catalogue) -> str:
    return SEPARATOR.join(f"{offer.name}: {offer.waiting_time}" for offer in catalogue.offers)


class ActionAnswerFaq(Action):
    """Answers a FAQ; where local facts matter (cost, waiting time, hours, RST) from the catalogue."""

    def name(self) -> str:
        return "action_answer_faq"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        key = faq_key(tracker)
        catalogue = catalogue_for(tracker)
        local = {**gemeente_variables(catalogue), **wijkteam_variables(catalogue)}
        if key == "faq/cost" and catalogue.offers:
            dispatcher.utter_message(
                response="utter_faq_local_cost", cost_lines=_cost_lines(catalogue), **local
            )
        elif key == "faq/waiting_time" and catalogue.offers:
            dispatcher.utter_message(
                response="utter_faq_local_waiting_time",
                waiting_lines=_waiting_lines(catalogue),
                **local,
            )
        elif key == "faq/opening_hours":
            dispatcher.utter_message(response="utter_faq_local_opening_hours", **local)
        elif key == "faq/what_is_rst":
            dispatcher.utter_message(response="utter_faq/what_is_rst")
            rst = catalogue.offer_for(Route.RST.value)
            if rst is not None:
                dispatcher.utter_message(
                    response="utter_faq_local_rst", **offer_variables(rst), **local
                )
            else:
                dispatcher.utter_message(response="utter_faq_no_local_rst", **local)
        elif key:
            dispatcher.utter_message(response=f"utter_{key}")
        else:
            dispatcher.utter_message(response="utter_not_understood")
        return []


class ActionRecordHandoff(Action):
    """Counts a request for a human in the statistics (the contact itself is a rule's response)."""

    def name(self) -> str:
        return "action_record_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        statistics.record(tracker, handoff=True)
        return []
