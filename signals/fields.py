"""Names and values of the answer model (spec section 4), as `extract_answers` returns them.

Every field may be None (unknown / "weet ik niet").
"""

from __future__ import annotations

ACUTE_DANGER = "acute_danger"
VIOLENCE = "violence"
CHILDREN_UNSAFE = "children_unsafe"
SELF_HARM = "self_harm"
RELATIONSHIP_STATUS = "relationship_status"
CHILDREN_UNDER_18 = "children_under_18"
YOUNGEST_CHILD_AGE = "youngest_child_age"
RELATIONSHIP_SCORE = "relationship_score"
AGREEMENTS_POSSIBLE = "agreements_possible"
LEGAL_PROCEEDINGS = "legal_proceedings"
OTHER_PROBLEMS = "other_problems"
GOAL = "goal"
PARTNER_WILLING = "partner_willing"
PREFERENCE = "preference"
BARRIERS = "barriers"

SAFETY_FIELDS: tuple[str, ...] = (ACUTE_DANGER, VIOLENCE, CHILDREN_UNSAFE, SELF_HARM)
BOOL_FIELDS: tuple[str, ...] = (*SAFETY_FIELDS, CHILDREN_UNDER_18, LEGAL_PROCEEDINGS)
FIELDS: tuple[str, ...] = (
    *SAFETY_FIELDS,
    RELATIONSHIP_STATUS,
    CHILDREN_UNDER_18,
    YOUNGEST_CHILD_AGE,
    RELATIONSHIP_SCORE,
    AGREEMENTS_POSSIBLE,
    LEGAL_PROCEEDINGS,
    OTHER_PROBLEMS,
    GOAL,
    PARTNER_WILLING,
    PREFERENCE,
    BARRIERS,
)

# relationship_status
TOGETHER = "together"
DOUBTING = "doubting"
SEPARATING = "separating"
SEPARATED = "separated"
NO_PARTNER = "no_partner"
STATUSES: tuple[str, ...] = (TOGETHER, DOUBTING, SEPARATING, SEPARATED, NO_PARTNER)

# agreements_possible and partner_willing
YES = "yes"
SOMETIMES = "sometimes"
NO = "no"
UNKNOWN = "unknown"

# other_problems, in the order they are listed
MONEY = "money"
HOUSING = "housing"
WORK = "work"
HEALTH = "health"
ADDICTION = "addiction"
PROBLEMS: tuple[str, ...] = (MONEY, HOUSING, WORK, HEALTH, ADDICTION)

# goal
IMPROVE = "improve"
UNSURE = "unsure"
SEPARATE_WELL = "separate_well"
MAINTENANCE = "maintenance"
GOALS: tuple[str, ...] = (IMPROVE, UNSURE, SEPARATE_WELL, MAINTENANCE)

# preference
ONLINE = "online"
GROUP = "group"
ONE_EVENING = "one_evening"
PROFESSIONAL = "professional"
NONE = "none"
PREFERENCES: tuple[str, ...] = (ONLINE, GROUP, ONE_EVENING, PROFESSIONAL, NONE)

# barriers, in the order they are listed
TIME = "time"
SHAME = "shame"
DISTANCE = "distance"
LANGUAGE = "language"
BARRIER_VALUES: tuple[str, ...] = (TIME, SHAME, DISTANCE, MONEY, LANGUAGE)

YOUNGEST_AGE_MAX = 17
SCORE_MIN, SCORE_MAX = 1, 10
