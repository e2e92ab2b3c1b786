"""Which question comes next: the safety screen first, then only what the route still needs.

The situation questions are planned by `routes.next_question` (the rule table decides what
still matters); this module adds the conversation's own order around it.
"""

from __future__ import annotations

from typing import Any

from routes import SAFETY_FIELDS, next_question

# Asked always, in this order, unless already answered (also in free text).
SAFETY_SCREEN = ("acute_danger", "violence", "children_unsafe")
# A score this low is a signal of despair: then we ask about thoughts of ending one's life.
DESPAIR_SCORE = 3


def next_field(
    answers: dict[str, Any], safety_acknowledged: bool = False, check: str | None = None
) -> str | None:
    """The next answer field to ask, or None when the route can be given.

    Args:
        answers: Known answers (absent = not asked; None = "weet ik niet").
        safety_acknowledged: The resident saw a safety outcome and chose to go on with the
            situation questions (for the warm-handover summary).
        check: A safety question that a possible danger signal asks for: it comes first.
    """
    unsafe = any(answers.get(field) is True for field in SAFETY_FIELDS)
    if unsafe and not safety_acknowledged:
        return None  # safety first: give the safety route now, not the next question
    if check in SAFETY_FIELDS and check not in answers:
        return check
    for field in SAFETY_SCREEN:
        if field in answers:
            continue
        if field == "children_unsafe" and answers.get("children_under_18") is False:
            continue  # no children: the question would only confuse
        return field
    score = answers.get("relationship_score")
    if "self_harm" not in answers and isinstance(score, int) and score <= DESPAIR_SCORE:
        return "self_harm"
    situation = {k: v for k, v in answers.items() if k not in SAFETY_FIELDS}
    return next_question(situation)
