"""Names shared by the whole package: answer fields, their values, routes and intensities.

Everything here is plain data (spec sections 4 and 5). The field order of
:data:`SITUATION_FIELDS` is also the order in which the conversation asks the questions.
"""

from __future__ import annotations

from enum import Enum

DEFAULT_GEMEENTE = "voorbeeld"

SAFETY_FIELDS: tuple[str, ...] = ("acute_danger", "violence", "children_unsafe", "self_harm")
SITUATION_FIELDS: tuple[str, ...] = (
    "relationship_status",
    "children_under_18",
    "youngest_child_age",
    "relationship_score",
    "agreements_possible",
    "legal_proceedings",
    "other_problems",
    "goal",
    "partner_willing",
    "preference",
    "barriers",
)
FIELDS: tuple[str, ...] = SAFETY_FIELDS + SITUATION_FIELDS

# Value vocabularies (spec section 4). Tuples keep the spec's order for messages and docs.
BOOL_FIELDS: tuple[str, ...] = (*SAFETY_FIELDS, "children_under_18", "legal_proceedings")
CHOICE_VALUES: dict[str, tuple[str, ...]] = {
    "relationship_status": ("together", "doubting", "separating", "separated", "no_partner"),
    "agreements_possible": ("yes", "sometimes", "no"),
    "goal": ("improve", "unsure", "separate_well", "maintenance"),
    "partner_willing": ("yes", "no", "unknown"),
    "preference": ("online", "group", "one_evening", "professional", "none"),
}
INT_RANGES: dict[str, tuple[int, int]] = {
    "youngest_child_age": (0, 17),
    "relationship_score": (1, 10),
}
LIST_VALUES: dict[str, tuple[str, ...]] = {
    "other_problems": ("money", "housing", "work", "health", "addiction"),
    "barriers": ("time", "shame", "distance", "money", "language"),
}
EXPECTING = "expecting"  # youngest_child_age: a baby on the way counts as age 0


class Route(str, Enum):
    """Route ids of spec section 5."""

    VEILIGHEID_ACUUT = "veiligheid_acuut"
    CRISIS = "crisis"
    VEILIGHEID = "veiligheid"
    RST = "rst"
    PARTNERPROGRAMMA = "partnerprogramma"
    ONLINE = "online"
    RELATIE_APK = "relatie_apk"

    def __str__(self) -> str:
        return self.value


SAFETY_ROUTES: frozenset[Route] = frozenset(
    {Route.VEILIGHEID_ACUUT, Route.CRISIS, Route.VEILIGHEID}
)
# Routes for which a gemeente can have a local offer (the others are national safety lines).
OFFER_ROUTES: tuple[Route, ...] = (
    Route.RST,
    Route.PARTNERPROGRAMMA,
    Route.ONLINE,
    Route.RELATIE_APK,
)
WIJKTEAM = "wijkteam"  # fallback target and id of the wijkteam "offer"

ZWAAR = "zwaar"
LICHT = "licht"
INTENSITIES: tuple[str, ...] = (ZWAAR, LICHT)

URGENCY_ACUUT = "acuut"
URGENCY_HOOG = "hoog"
URGENCY_NORMAAL = "normaal"

# Spec section 6, "Availability": used for every route a catalogue does not configure itself.
DEFAULT_FALLBACK: dict[str, tuple[str, ...]] = {
    Route.RST.value: (WIJKTEAM,),
    Route.PARTNERPROGRAMMA.value: (Route.ONLINE.value, WIJKTEAM),
    Route.ONLINE.value: (Route.PARTNERPROGRAMMA.value, WIJKTEAM),
    Route.RELATIE_APK.value: (Route.ONLINE.value, WIJKTEAM),
}
