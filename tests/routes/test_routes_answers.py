"""validate_answers: the answer model of spec section 4."""

from __future__ import annotations

import pytest

from routes import FIELDS, SAFETY_FIELDS, SITUATION_FIELDS, AnswersError, validate_answers


def test_field_constants_match_the_spec_and_the_brief():
    assert SAFETY_FIELDS == ("acute_danger", "violence", "children_unsafe", "self_harm")
    assert SITUATION_FIELDS == (
        "relationship_status", "children_under_18", "youngest_child_age", "relationship_score",
        "agreements_possible", "legal_proceedings", "other_problems", "goal", "partner_willing",
        "preference", "barriers",
    )
    assert FIELDS == SAFETY_FIELDS + SITUATION_FIELDS


def test_absent_stays_absent_and_none_stays_none():
    clean = validate_answers({"violence": None, "relationship_score": 7})
    assert clean == {"violence": None, "relationship_score": 7}
    assert "acute_danger" not in clean


def test_normalises_expecting_floats_and_lists():
    clean = validate_answers({
        "youngest_child_age": "expecting",
        "relationship_score": 6.0,
        "other_problems": ["work", "money", "work"],
        "barriers": ("time",),
    })
    assert clean["youngest_child_age"] == 0
    assert clean["relationship_score"] == 6 and isinstance(clean["relationship_score"], int)
    assert clean["other_problems"] == ["money", "work"]
    assert clean["barriers"] == ["time"]


def test_does_not_change_the_input():
    answers = {"other_problems": ["work", "money"]}
    validate_answers(answers)
    assert answers == {"other_problems": ["work", "money"]}


def test_empty_list_is_a_real_answer():
    assert validate_answers({"barriers": []}) == {"barriers": []}


@pytest.mark.parametrize(
    ("answers", "field", "fragment"),
    [
        ({"relation_status": "together"}, "relation_status", "onbekend veld"),
        ({"relationship_status": "married"}, "relationship_status", "'married'"),
        ({"relationship_score": 0}, "relationship_score", "buiten het bereik 1 tot en met 10"),
        ({"relationship_score": 11}, "relationship_score", "buiten het bereik"),
        ({"relationship_score": 6.5}, "relationship_score", "geheel getal"),
        ({"relationship_score": "7"}, "relationship_score", "geheel getal"),
        ({"relationship_score": True}, "relationship_score", "geheel getal"),
        ({"youngest_child_age": 18}, "youngest_child_age", "buiten het bereik 0 tot en met 17"),
        ({"youngest_child_age": -1}, "youngest_child_age", "buiten het bereik"),
        ({"violence": "yes"}, "violence", "true, false of null"),
        ({"acute_danger": 1}, "acute_danger", "true, false of null"),
        ({"children_under_18": "true"}, "children_under_18", "true, false of null"),
        ({"other_problems": "money"}, "other_problems", "moet een lijst zijn"),
        ({"other_problems": ["money", "gambling"]}, "other_problems", "'gambling'"),
        ({"barriers": [1]}, "barriers", "onbekende waarde"),
        ({"partner_willing": True}, "partner_willing", "onbekende waarde"),
        ({"preference": "ONLINE"}, "preference", "kies uit"),
    ],
)
def test_rejects_unknown_fields_and_out_of_range_values(answers, field, fragment):
    with pytest.raises(AnswersError) as caught:
        validate_answers(answers)
    message = str(caught.value)
    assert message.startswith(f"{field}: ")
    assert fragment in message
    assert caught.value.problems[0][0] == field


def test_reports_every_problem_at_once():
    with pytest.raises(AnswersError) as caught:
        validate_answers({"goal": "win", "barriers": ["x"], "foo": 1, "violence": False})
    assert [field for field, _ in caught.value.problems] == ["goal", "barriers", "foo"]
    assert len(str(caught.value).splitlines()) == 3


@pytest.mark.parametrize("answers", [None, [], "relationship_status=together", 3])
def test_rejects_non_mappings(answers):
    with pytest.raises(AnswersError, match="object met antwoorden"):
        validate_answers(answers)


def test_answers_error_is_a_value_error():
    assert issubclass(AnswersError, ValueError)
