"""Which question to ask next: only what the decision still needs (spec section 3).

The planner walks the same rule table as the engine, but keeps absent answers apart from
"weet ik niet": an absent field makes a condition undetermined (``None``), a ``None`` answer
counts as in :func:`routes.engine.decide`. So skipping a question never changes the route.

Safety questions are asked by the conversation itself and are never returned here. Absent
safety answers are treated as "not disclosed" (as in the engine); a ``True`` one decides the
route at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from routes.answers import validate_answers
from routes.constants import SAFETY_FIELDS, SITUATION_FIELDS
from routes.rules import RULES


def needed_fields(answers: Mapping[str, Any]) -> tuple[str, ...]:
    """Situation questions the decision still depends on, in the order they are asked.

    Empty when the route (and intensity) is determined.

    Raises:
        AnswersError: for unknown fields or values outside spec section 4.
    """
    state = dict(validate_answers(answers))
    for field in SAFETY_FIELDS:
        state.setdefault(field, None)
    for rule in RULES:
        verdict = rule.when.evaluate(state)
        if verdict is False:
            continue
        needed = set(rule.outcome.open_fields(state))
        if verdict is None:
            needed.update(rule.when.open_fields(state))
        return tuple(f for f in SITUATION_FIELDS if f in needed)
    return ()  # pragma: no cover - the last rule always matches


def next_question(answers: Mapping[str, Any]) -> str | None:
    """The next situation question to ask, or None when the route is determined."""
    needed = needed_fields(answers)
    return needed[0] if needed else None
