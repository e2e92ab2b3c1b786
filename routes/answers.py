"""Checking and normalising the answers (spec section 4).

Two kinds of "unknown" are kept apart on purpose:

* a key that is **absent** means the question has not been asked yet;
* a key whose value is ``None`` means it was asked and the answer was "weet ik niet".

The routing engine treats both the same way; the question planner does not (it only asks
absent fields).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from routes.constants import (
    BOOL_FIELDS,
    CHOICE_VALUES,
    EXPECTING,
    FIELDS,
    INT_RANGES,
    LIST_VALUES,
)


class AnswersError(ValueError):
    """The answers contain an unknown field or a value outside spec section 4.

    Attributes:
        problems: ``(field, message)`` pairs, one per problem found.
    """

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = list(problems)
        super().__init__("\n".join(f"{field}: {message}" for field, message in self.problems))


def _allowed(values: tuple[str, ...]) -> str:
    return ", ".join(repr(v) for v in values)


def _check_bool(value: Any) -> tuple[Any, str | None]:
    if value is None or isinstance(value, bool):
        return value, None
    return None, f"moet true, false of null zijn, niet {value!r}"


def _check_choice(field: str, value: Any) -> tuple[Any, str | None]:
    allowed = CHOICE_VALUES[field]
    if value is None or (isinstance(value, str) and value in allowed):
        return value, None
    return None, f"onbekende waarde {value!r}; kies uit {_allowed(allowed)} of null"


def _check_int(field: str, value: Any) -> tuple[Any, str | None]:
    low, high = INT_RANGES[field]
    if value is None:
        return None, None
    if field == "youngest_child_age" and value == EXPECTING:
        return 0, None
    # Rasa float slots hand over whole numbers as 4.0; accept those, but never booleans.
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    extra = f", {EXPECTING!r}" if field == "youngest_child_age" else ""
    if isinstance(value, bool) or not isinstance(value, int):
        return None, (
            f"moet een geheel getal van {low} tot en met {high}{extra} of null zijn, "
            f"niet {value!r}"
        )
    if not low <= value <= high:
        return None, f"{value} ligt buiten het bereik {low} tot en met {high}"
    return value, None


def _check_list(field: str, value: Any) -> tuple[Any, str | None]:
    allowed = LIST_VALUES[field]
    if value is None:
        return None, None
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(
        value, (list, tuple, set, frozenset)
    ):
        return None, f"moet een lijst zijn (mag leeg zijn) of null, niet {value!r}"
    wrong = [item for item in value if not (isinstance(item, str) and item in allowed)]
    if wrong:
        return None, (
            f"onbekende waarde(n) {', '.join(repr(w) for w in wrong)}; kies uit {_allowed(allowed)}"
        )
    return sorted(set(value)), None


def validate_answers(answers: Mapping[str, Any]) -> dict[str, Any]:
    """Check answers against spec section 4 and return a normalised copy.

    Absent keys stay absent (not asked yet); ``None`` stays ``None`` ("weet ik niet").
    ``youngest_child_age`` ``"expecting"`` becomes 0, whole floats become ints, lists are
    de-duplicated and sorted.

    Raises:
        AnswersError: naming every unknown field and every value outside the spec.
    """
    if not isinstance(answers, Mapping):
        raise AnswersError([("answers", f"moet een object met antwoorden zijn, niet {answers!r}")])
    problems: list[tuple[str, str]] = []
    clean: dict[str, Any] = {}
    for field, value in answers.items():
        if field not in FIELDS:
            problems.append(
                (str(field), f"onbekend veld; bekende velden zijn: {', '.join(FIELDS)}")
            )
            continue
        if field in BOOL_FIELDS:
            result, problem = _check_bool(value)
        elif field in CHOICE_VALUES:
            result, problem = _check_choice(field, value)
        elif field in INT_RANGES:
            result, problem = _check_int(field, value)
        else:
            result, problem = _check_list(field, value)
        if problem:
            problems.append((field, problem))
        else:
            clean[field] = result
    if problems:
        raise AnswersError(problems)
    return {field: clean[field] for field in FIELDS if field in clean}
