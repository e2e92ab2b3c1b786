"""Names shared with `domain.yml` and the training data: slots, intents, actions, responses."""

from __future__ import annotations

from routes import FIELDS, SAFETY_FIELDS, SITUATION_FIELDS

# "weet ik niet": stored in the slot so the form knows the question was asked; the routing
# engine receives it as None (spec: every field may be null).
DONT_KNOW = "dont_know"

FORM = "triage_form"
REQUESTED_SLOT = "requested_slot"

# Answer slots are named exactly like the answer fields of spec section 4.
ANSWER_SLOTS = FIELDS
SAFETY_SLOTS = SAFETY_FIELDS
SITUATION_SLOTS = SITUATION_FIELDS
BOOL_FIELDS = frozenset(
    {"acute_danger", "violence", "children_unsafe", "self_harm", "children_under_18",
     "legal_proceedings"}
)

# Conversation-state slots.
SLOT_GEMEENTE = "gemeente"
SLOT_GEMEENTE_NAME = "gemeente_name"
SLOT_CHANNEL = "channel"
SLOT_CONVERSATION_KEY = "conversation_key"
SLOT_STARTED_AT = "started_at"
SLOT_ANSWER_LOG = "answer_log"
SLOT_MISSES = "misses"
# After this many messages in a row that could not be read, the wijkteam is offered (no
# question more than twice in a row without a person to turn to).
MISSES_BEFORE_HUMAN = 2
SLOT_DANGER_KIND = "danger_kind"
# "control" or "threat": which confirm question a violence signal gets (signals.danger_lexicon).
SLOT_DANGER_DETAIL = "danger_detail"
SLOT_SAFETY_ACKNOWLEDGED = "safety_acknowledged"
# The safety question to ask next because of a possible danger signal (spec section 8).
SLOT_SAFETY_CHECK = "safety_check"
SLOT_ROUTE = "route"
SESSION_METADATA_SLOT = "session_started_metadata"
# Local contact facts copied from the catalogue at session start (see domain.yml).
LOCAL_CONTACT_SLOTS = (
    "wijkteam_name", "wijkteam_phone", "wijkteam_hours", "wijkteam_outside_hours",
    "wijkteam_extra", "general_phone", "general_url",
)

CHANNEL_WEB = "web"
CHANNEL_INTAKE = "intake"
CHANNELS = frozenset({CHANNEL_WEB, CHANNEL_INTAKE})

# Intents.
INTENT_AFFIRM = "affirm"
INTENT_DENY = "deny"
INTENT_DONT_KNOW = "dont_know"
INTENT_INFORM = "inform"
INTENT_GREET = "greet"
DANGER_INTENT_KIND = {
    "danger_acute": "acute",
    "danger_self_harm": "self_harm",
    "danger_children": "children",
    "danger_violence": "violence",
}
# Messages with these intents are about something else than the question asked: their text is
# not parsed for answers, so the form steps aside and the rules handle them.
CONTROL_INTENTS = frozenset(
    {*DANGER_INTENT_KIND, "faq", "human_handoff", "go_back", "start_over", "stop",
     "continue_triage", "out_of_scope", "goodbye", "thank"}
)

# Which safety answer a danger signal of each kind stands for.
FIELD_BY_DANGER_KIND = {
    "acute": "acute_danger",
    "self_harm": "self_harm",
    "children": "children_unsafe",
    "violence": "violence",
}

# Funnel steps recorded in the statistics.
STEP_WELCOME = "welcome"
STEP_SAFETY = "safety"
STEP_SITUATION = "situation"
STEP_OUTCOME = "outcome"
STEP_FEEDBACK = "feedback"

# Response-selector key for the FAQ retrieval intent.
FAQ = "faq"
