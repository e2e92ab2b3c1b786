"""What a resident's message means for the conversation: the one place that reads a reply.

Every message is read against the question that was asked (spec section 3):

- a button payload (`/inform{"barriers": ["time"]}`, `/affirm`, `/dont_know`) is read from the
  payload itself, lists and empty lists included;
- typed words are read by `signals.extract_answers` for the field asked ("ok" and "ik ben
  veilig" answer *no* to "Ben je nu in gevaar?", "een 6 of 7" is a 6) and for every other
  field the text states, so "we zijn vorig jaar gescheiden en hebben 2 kinderen van 5 en 8"
  answers three questions at once;
- a conversation command, a danger signal, a FAQ or an out-of-scope question is left to the
  rules (`data/rules/`), unless its words answer the question asked ("9" that DIET took for a
  FAQ is still a 9);
- what cannot be read as an answer is not forced into one: `UNCLEAR`.

Where it runs (one action server call per message): outside the form in
`action_extract_answers` (the answer slots' custom mapping, conditioned on "no active loop"),
inside the form in `validate_triage_form` (see `actions.triage_form`).
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import statistics
from actions.names import (
    ANSWER_SLOTS,
    BOOL_FIELDS,
    CHANNEL_INTAKE,
    DANGER_INTENT_KIND,
    DONT_KNOW,
    FIELD_BY_DANGER_KIND,
    FORM,
    INTENT_AFFIRM,
    INTENT_DENY,
    INTENT_DONT_KNOW,
    REQUESTED_SLOT,
    SAFETY_SLOTS,
    SLOT_CHANNEL,
    SLOT_DANGER_DETAIL,
    SLOT_SAFETY_CHECK,
)
from routes import AnswersError, validate_answers
from signals import extract_answers
from signals.answers import (
    is_about_relationship,
    is_acknowledgement,
    looks_like_question,
    types_for_someone_else,
)
from signals.danger import CLASSIFIER_IN_CONTEXT, signal_detail

logger = logging.getLogger(__name__)

# What a reply is.
ANSWER = "answer"  # it gives answers (to the question asked, or to others)
RULES = "rules"  # a command, danger signal, FAQ or other question: the rules answer it
UNCLEAR = "unclear"  # no answer can be read from it

# Always for the rules: conversation commands (only from command messages, see
# components/message_kind.py) and danger signals (the safety interrupt).
COMMAND_INTENTS = frozenset(
    {*DANGER_INTENT_KIND, "go_back", "start_over", "stop", "goodbye", "continue_triage",
     "human_handoff"}
)
# For the rules unless the words answer the question asked.
QUESTION_INTENTS = frozenset({"faq", "out_of_scope", "thank", "greet"})
ACUTE_FIELD = FIELD_BY_DANGER_KIND["acute"]
# A message of this many words or more is a story: acknowledged in one sentence.
STORY_MIN_WORDS = 8
# DIET's yes / no is used for short replies only, and never for a safety question: there only
# the words count ("ok" is not a yes to "Ben je nu in gevaar?").
SHORT_REPLY_WORDS = 4
_PAYLOAD = re.compile(r"^/(?P<intent>[A-Za-z_]+)(?P<json>\{.*\})?\s*$", re.DOTALL)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Reading:
    """What one message means for the conversation."""

    kind: str
    answers: dict[str, Any] = field(default_factory=dict)  # field → value; None = weet ik niet
    story: bool = False  # a longer message in the resident's own words
    about_relationship: bool = False
    # A possible danger signal (the model's, not the lexicon's): the safety question to ask.
    check: str | None = None


def is_story(text: str) -> bool:
    """A message in the resident's own words, long enough to thank them for it."""
    return not (text or "").startswith("/") and len(_WORD.findall(text or "")) >= STORY_MIN_WORDS


def requested_field(tracker: Tracker) -> str | None:
    """The answer field the triage form just asked for, if the form is active."""
    if tracker.active_loop_name != FORM:
        return None
    requested = tracker.get_slot(REQUESTED_SLOT)
    return requested if requested in ANSWER_SLOTS else None


def payload_answers(text: str) -> dict[str, Any] | None:
    """The answer fields of a button payload (`/inform{"barriers": []}`), None if not one.

    Rasa turns a list in a payload into one entity per item and drops an empty list; the
    payload's own JSON keeps both.
    """
    match = _PAYLOAD.match(text or "")
    if match is None:
        return None
    if not match.group("json"):
        return {}
    try:
        values = json.loads(match.group("json"))
    except json.JSONDecodeError:
        return {}
    if not isinstance(values, dict):
        return {}
    return {key: value for key, value in values.items() if key in ANSWER_SLOTS}


def read_message(message: dict[str, Any], requested: str | None) -> Reading:
    """Reads one user message (Rasa's parse of it) against the question `requested`."""
    intent = (message.get("intent") or {}).get("name")
    text = (message.get("text") or "").strip()
    if intent in COMMAND_INTENTS and not _answers_preference(intent, text, requested):
        return Reading(RULES)
    if intent == "faq" and looks_like_question(text):
        return Reading(RULES)  # "wat kost het als we gaan scheiden?" asks; it does not tell
    payload = payload_answers(text)
    if payload is not None:
        found = dict(payload)
        if requested and requested not in found:
            found.update(_intent_answer(intent, requested))
        found = _valid_only(found)
        return Reading(ANSWER, found) if found else Reading(RULES if intent in QUESTION_INTENTS else UNCLEAR)
    check = FIELD_BY_DANGER_KIND.get(message.get("danger_possible") or "")
    found = extract_answers(text, requested)
    words = len(_WORD.findall(text))
    if requested and requested not in found and (
        intent == INTENT_DONT_KNOW
        or (words <= SHORT_REPLY_WORDS and requested not in SAFETY_SLOTS
            and not is_acknowledgement(text))
    ):
        found.update(_intent_answer(intent, requested))
    if (check is not None and requested in SAFETY_SLOTS and requested not in found
            and message.get("danger_signal") == CLASSIFIER_IN_CONTEXT
            and (check == requested or requested != ACUTE_FIELD)):
        # The model hears danger in a reply to a safety question that the words do not read
        # ("ik kras in mijn armen" at the self-harm question; DIET's kind is often another
        # one): recall first, a yes to this question. "Nu in gevaar?" only for its own kind.
        found[requested] = True
    found = _valid_only(found)
    story = is_story(text)
    if check is not None and check in found:
        check = None  # the question the model worried about is answered in words
    if found:
        return Reading(ANSWER, found, story=story, check=check)
    if intent in QUESTION_INTENTS and check is None:
        return Reading(RULES)
    return Reading(UNCLEAR, story=story, about_relationship=is_about_relationship(text),
                   check=check)


def _answers_preference(intent: str | None, text: str, requested: str | None) -> bool:
    """ "met iemand praten" at "Wat past het best bij jou?" is a preference, not a handoff."""
    if intent != "human_handoff" or requested != "preference":
        return False
    return extract_answers(text, requested).get("preference") == "professional"


def _intent_answer(intent: str | None, requested: str) -> dict[str, Any]:
    """The answer a yes / no / don't-know intent gives to the question asked."""
    if intent == INTENT_DONT_KNOW:
        return {requested: "unknown" if requested == "partner_willing" else None}
    if intent in (INTENT_AFFIRM, INTENT_DENY) and requested in BOOL_FIELDS:
        return {requested: intent == INTENT_AFFIRM}
    return {}


def _valid_only(found: dict[str, Any]) -> dict[str, Any]:
    """Drops values the answer model rejects (a payload typed by hand, say); logs field names only."""
    valid: dict[str, Any] = {}
    for name, value in found.items():
        try:
            valid.update(validate_answers({name: value}))
        except AnswersError:
            logger.warning("Ignored an invalid value for answer field %s", name)
    return valid


def slot_values(tracker: Tracker, answers: dict[str, Any], requested: str | None) -> dict[str, Any]:
    """Slot values for `answers` ("weet ik niet" as DONT_KNOW).

    Free text may repeat what was said before; only the question asked may be changed.
    """
    values: dict[str, Any] = {}
    for name, value in answers.items():
        if name != requested and tracker.get_slot(name) is not None:
            continue
        values[name] = DONT_KNOW if value is None else value
    return values


def story_answers(tracker: Tracker) -> dict[str, Any]:
    """The situation answers a message states in words, whatever its intent (a danger signal
    in a story does not lose the story); never a safety answer."""
    text = (tracker.latest_message.get("text") or "").strip()
    if not text or text.startswith("/"):
        return {}
    found = {k: v for k, v in extract_answers(text).items() if k not in SAFETY_SLOTS}
    return slot_values(tracker, _valid_only(found), None)


def check_events(tracker: Tracker, reading: Reading, requested: str | None) -> list[EventType]:
    """A possible danger signal: its safety question is asked (again) next.

    An earlier "nee" to that question does not clear the new signal; a "ja" stays.
    """
    check = reading.check
    if check is None or check == requested or tracker.get_slot(check) is True:
        return []
    detail = signal_detail(tracker.latest_message.get("danger_signal"))
    statistics.record_signal(tracker, check, "possible")
    return [SlotSet(check, None), SlotSet(SLOT_SAFETY_CHECK, check),
            SlotSet(SLOT_DANGER_DETAIL, detail)]


def wording_events(tracker: Tracker) -> list[EventType]:
    """ "ik typ namens haar": from now on the intake wording ("Vraag of …"), for the person
    typing. The statistics keep the channel the conversation started in."""
    text = (tracker.latest_message.get("text") or "").strip()
    if tracker.get_slot(SLOT_CHANNEL) == CHANNEL_INTAKE or not types_for_someone_else(text):
        return []
    if not any(event.get("event") == "bot" for event in tracker.events):
        return []  # the welcome first, as any resident gets it (bot disclosure, Snel weg)
    return [SlotSet(SLOT_CHANNEL, CHANNEL_INTAKE)]


class ActionExtractAnswers(Action):
    """Sets answer slots from the latest user message."""

    def name(self) -> str:
        return "action_extract_answers"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        requested = requested_field(tracker)
        reading = read_message(tracker.latest_message, requested)
        answers = reading.answers if reading.kind == ANSWER else {}
        values = slot_values(tracker, answers, requested)
        return [*(SlotSet(name, value) for name, value in values.items()),
                *check_events(tracker, reading, requested), *wording_events(tracker)]
