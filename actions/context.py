"""What every action needs: the gemeente's catalogue and the answers given so far."""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from actions.names import ANSWER_SLOTS, DONT_KNOW, SLOT_GEMEENTE
from routes import DEFAULT_GEMEENTE, Catalogue, load_catalogues

if TYPE_CHECKING:
    from rasa_sdk import Tracker

logger = logging.getLogger(__name__)

_GEMEENTE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")


@lru_cache(maxsize=1)
def catalogues() -> dict[str, Catalogue]:
    """All gemeente catalogues, loaded and validated once per process (first use).

    A broken catalogue raises `routes.CatalogueError`: better no answer than a wrong route.
    The run command checks the catalogues before it starts any server.
    """
    return load_catalogues()


def resolve_gemeente(requested: Any) -> str:
    """The gemeente id to use for a conversation: the requested one if known, else the default.

    An unknown gemeente is logged as a warning (only its shape-checked id: no free text).
    """
    known = catalogues()
    if isinstance(requested, str) and requested.strip().lower() in known:
        return requested.strip().lower()
    if requested not in (None, ""):
        shown = requested if isinstance(requested, str) and _GEMEENTE_ID.match(requested) else "<invalid>"
        logger.warning("Unknown gemeente %r in channel metadata; using %r", shown, DEFAULT_GEMEENTE)
    return DEFAULT_GEMEENTE


def catalogue_for(tracker: Tracker) -> Catalogue:
    """The catalogue of the conversation's gemeente (the default when not set yet)."""
    return catalogues()[resolve_gemeente(tracker.get_slot(SLOT_GEMEENTE))]


def answers_from_tracker(tracker: Tracker) -> dict[str, Any]:
    """The answer model of spec section 4 as the routing engine wants it.

    A slot that is empty was not asked yet (absent key); "weet ik niet" becomes None.
    """
    return answers_from_slots({field: tracker.get_slot(field) for field in ANSWER_SLOTS})


def answers_from_slots(slots: dict[str, Any]) -> dict[str, Any]:
    """`answers_from_tracker` for slot values at hand (empty = absent, DONT_KNOW = None)."""
    answers: dict[str, Any] = {}
    for field in ANSWER_SLOTS:
        value = slots.get(field)
        if value is None:
            continue
        answers[field] = None if value == DONT_KNOW else value
    return answers


def user_turns(tracker: Tracker) -> int:
    """How many messages the resident sent in this session."""
    return sum(1 for event in tracker.events if event.get("event") == "user")
