"""The statistics fields: names, allowed values and validation of recorder updates.

Only closed sets of values, numbers, booleans and hour-rounded times are accepted, so no free
text, names, contact details or other personal data can reach the database through this path.
"""

from __future__ import annotations

import enum
import logging
import re
import secrets
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

logger = logging.getLogger(__name__)

#: Times are stored as Dutch local wall-clock time, rounded down to the hour, without a zone:
#: the product only runs for Dutch gemeenten and weeks/days must follow the Dutch calendar.
LOCAL_TZ = ZoneInfo("Europe/Amsterdam")


class Step(str, enum.Enum):
    """Funnel steps, in conversation order (spec section 3)."""

    WELCOME = "welcome"
    SAFETY = "safety"
    SITUATION = "situation"
    OUTCOME = "outcome"
    FEEDBACK = "feedback"

    @property
    def rank(self) -> int:
        """Position in the funnel (0 = welcome); stored in the database."""
        return _STEP_ORDER.index(self)

    @classmethod
    def from_rank(cls, rank: int) -> Step:
        return _STEP_ORDER[rank]


_STEP_ORDER: tuple[Step, ...] = tuple(Step)


class Channel(str, enum.Enum):
    WEB = "web"
    INTAKE = "intake"


class Safety(str, enum.Enum):
    """Safety escalation types: the three safety routes (spec section 6, S1–S3)."""

    VEILIGHEID_ACUUT = "veiligheid_acuut"
    CRISIS = "crisis"
    VEILIGHEID = "veiligheid"


class Route(str, enum.Enum):
    """Route ids (spec section 5)."""

    VEILIGHEID_ACUUT = "veiligheid_acuut"
    CRISIS = "crisis"
    VEILIGHEID = "veiligheid"
    RST = "rst"
    PARTNERPROGRAMMA = "partnerprogramma"
    ONLINE = "online"
    RELATIE_APK = "relatie_apk"


class SignalKind(str, enum.Enum):
    """The kind of the first danger signal in a conversation (spec section 8): the lexicon rule's
    group, never the words. Control and threat are the violence rules with their own question."""

    ACUTE = "acute"
    VIOLENCE = "violence"
    CONTROL = "control"
    THREAT = "threat"
    CHILDREN = "children"
    SELF_HARM = "self_harm"


class SignalLevel(str, enum.Enum):
    """Explicit: the safety help at once. Possible: one confirm question (spec section 8)."""

    EXPLICIT = "explicit"
    POSSIBLE = "possible"


class Intensity(str, enum.Enum):
    ZWAAR = "zwaar"
    LICHT = "licht"


class Outcome(str, enum.Enum):
    ROUTE = "route"
    STOPPED = "stopped"


#: Database column names of a conversation record, in table order (besides the key).
COLUMNS: tuple[str, ...] = (
    "gemeente",
    "channel",
    "started_at",
    "last_activity_at",
    "step",
    "safety",
    "route",
    "intensity",
    "offer_fallback",
    "handoff",
    "outcome",
    "seconds_to_route",
    "turns_to_route",
    "before_score",
    "useful",
    "signal_kind",
    "signal_level",
)

_KEY_RE = re.compile(r"[A-Za-z0-9_-]{8,64}")
_GEMEENTE_RE = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?")
MAX_SECONDS_TO_ROUTE = 7 * 24 * 3600
MAX_TURNS_TO_ROUTE = 10_000


class Invalid(ValueError):
    """A value that is not allowed for a field. Never carries the value itself."""


def new_conversation_key() -> str:
    """A random conversation key (never derive it from the Rasa sender id)."""
    return secrets.token_urlsafe(16)


def valid_key(key: object) -> bool:
    return isinstance(key, str) and _KEY_RE.fullmatch(key) is not None


def valid_gemeente(value: object) -> bool:
    return isinstance(value, str) and _GEMEENTE_RE.fullmatch(value) is not None


def local_hour(moment: datetime) -> datetime:
    """Dutch local time of ``moment``, rounded down to the hour, without zone.

    Naive datetimes are read as UTC (server clocks and Rasa timestamps are UTC).
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    local = moment.astimezone(LOCAL_TZ)
    return local.replace(minute=0, second=0, microsecond=0, tzinfo=None)


def now_local_hour() -> datetime:
    return local_hour(datetime.now(timezone.utc))


def _enum_value(kind: type[enum.Enum]) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        try:
            return kind(value).value
        except ValueError:
            raise Invalid from None

    return check


def _step(value: Any) -> int:
    try:
        return Step(value).rank
    except ValueError:
        raise Invalid from None


def _gemeente(value: Any) -> str:
    if not valid_gemeente(value):
        raise Invalid
    return value


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise Invalid
    return value


def _int_between(low: int, high: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise Invalid
        return value

    return check


def _started_at(value: Any) -> datetime:
    if not isinstance(value, datetime):
        raise Invalid
    hour = local_hour(value)
    # A start more than a day in the future or before the product existed is a clock bug.
    if not datetime(2020, 1, 1) <= hour <= now_local_hour() + timedelta(days=1):
        raise Invalid
    return hour


#: Field name accepted by ``Recorder.update`` -> (column, validator).
_VALIDATORS: Mapping[str, tuple[str, Callable[[Any], Any]]] = {
    "gemeente": ("gemeente", _gemeente),
    "channel": ("channel", _enum_value(Channel)),
    "started_at": ("started_at", _started_at),
    "step": ("step", _step),
    "safety": ("safety", _enum_value(Safety)),
    "route": ("route", _enum_value(Route)),
    "intensity": ("intensity", _enum_value(Intensity)),
    "offer_fallback": ("offer_fallback", _boolean),
    "handoff": ("handoff", _boolean),
    "outcome": ("outcome", _enum_value(Outcome)),
    "seconds_to_route": ("seconds_to_route", _int_between(0, MAX_SECONDS_TO_ROUTE)),
    "turns_to_route": ("turns_to_route", _int_between(0, MAX_TURNS_TO_ROUTE)),
    "before_score": ("before_score", _int_between(1, 10)),
    "useful": ("useful", _boolean),
    "signal_kind": ("signal_kind", _enum_value(SignalKind)),
    "signal_level": ("signal_level", _enum_value(SignalLevel)),
}

UPDATE_FIELDS: frozenset[str] = frozenset(_VALIDATORS)


def clean_update(fields: Mapping[str, Any]) -> tuple[dict[str, Any], int]:
    """Validate the keyword arguments of one update.

    Returns the accepted values by column, and how many fields were rejected. ``None`` means
    "not known" and is dropped without a warning. Rejected fields are logged at WARNING with
    their name only, never the value.
    """
    clean: dict[str, Any] = {}
    rejected = 0
    for name, value in fields.items():
        spec = _VALIDATORS.get(name)
        if spec is None:
            # The name comes from code, not from the resident; cut it anyway to keep logs small.
            logger.warning("statistics: unknown field %r ignored", str(name)[:40])
            rejected += 1
            continue
        if value is None:
            continue
        column, check = spec
        try:
            clean[column] = check(value)
        except Invalid:
            logger.warning("statistics: invalid value for field %r ignored", name)
            rejected += 1
    if "route" in clean and "intensity" not in clean:
        # Intensity belongs to the route: a new route without intensity has none.
        clean["intensity"] = None
    return clean, rejected
