"""The reply tables of `tests/realuse/replies/` and how an outcome is judged against a row."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from realuse_model import SAFETY, Outcome

REPLIES = Path(__file__).parent / "replies"
SAFETY_FIELDS = ("acute_danger", "violence", "children_unsafe", "self_harm")
BOOL_WORDS = {"yes": True, "no": False}
BOOL_QUESTIONS = (*SAFETY_FIELDS, "children_under_18", "legal_proceedings")


@dataclass(frozen=True)
class Row:
    field: str
    text: str
    expect: Any
    also: tuple[str, ...]
    gives: dict[str, Any]


def load_rows() -> list[Row]:
    rows = []
    for path in sorted(REPLIES.glob("*.yml")):
        table = yaml.safe_load(path.read_text(encoding="utf-8"))
        for item in table["replies"]:
            rows.append(Row(table["field"], str(item["text"]), item["expect"],
                            tuple(item.get("also") or ()), dict(item.get("gives") or {})))
    return rows


def _same(value: Any, expected: Any) -> bool:
    if isinstance(expected, list):
        return isinstance(value, list) and set(value) == set(expected)
    return value == expected


def judge(row: Row, outcome: Outcome) -> str | None:
    """None when the outcome is right for the row, else what went wrong (one line)."""
    answers, field = outcome.answers, row.field
    if row.also and (outcome.kind == SAFETY or outcome.check is not None):
        return None  # another danger was disclosed: the safety help or its question is right
    if row.field in SAFETY_FIELDS:
        return _judge_safety(row, outcome)
    if outcome.kind == SAFETY:
        return f"safety interrupt ({outcome.danger_kind}) for an ordinary reply"
    if row.also:
        return f"missed the {'/'.join(row.also)} signal"
    expected = row.expect
    if expected == "unclear":
        if field in answers:
            return f"forced into an answer: {answers[field]!r}"
        return None
    if expected == "dont_know":
        if field in answers and answers[field] in (None, "unknown"):
            return None
        return f"not read as 'weet ik niet': {answers.get(field, '<none>')!r}"
    if field in BOOL_QUESTIONS:
        expected = BOOL_WORDS[expected]
    if field not in answers:
        return f"not understood ({outcome.kind}, intent {outcome.intent})"
    if not _same(answers[field], expected):
        return f"read as {answers[field]!r}"
    return None


def _judge_safety(row: Row, outcome: Outcome) -> str | None:
    answers, field, expected = outcome.answers, row.field, row.expect
    value = answers.get(field, "<none>")
    if expected == "yes":
        if outcome.kind == SAFETY or value is True:
            return None
        return f"missed a yes ({outcome.kind}, {value!r}, intent {outcome.intent})"
    if outcome.kind == SAFETY:
        return f"safety interrupt ({outcome.danger_kind}) for {expected!r}"
    if value is True:
        return f"safety route for {expected!r}"
    if row.also:
        return f"missed the {'/'.join(row.also)} signal"
    if expected == "no":
        return None if value is False else f"'no' not read ({outcome.kind}, {value!r})"
    if expected == "no_children":
        if answers.get("children_under_18") is False or value is False:
            return None
        return f"'geen kinderen' not read ({outcome.kind}, {value!r})"
    if expected == "dont_know":
        return None if value is None else f"not read as 'weet ik niet' ({outcome.kind}, {value!r})"
    # unclear: no answer to the safety question, and certainly no safety route
    return None if value == "<none>" else f"forced into an answer: {value!r}"
