"""next_question / needed_fields: ask only what the decision still needs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from routes_strategies import full_answers, partial_answers

from routes import (
    SAFETY_FIELDS,
    SITUATION_FIELDS,
    AnswersError,
    decide,
    needed_fields,
    next_question,
)


def test_nothing_asked_starts_with_the_relationship():
    assert next_question({}) == "relationship_status"
    assert needed_fields({}) == ("relationship_status", "children_under_18")


def test_separated_asks_about_children_next():
    assert next_question({"relationship_status": "separated"}) == "children_under_18"
    assert needed_fields({"relationship_status": "separated"}) == (
        "children_under_18", "agreements_possible", "legal_proceedings", "other_problems",
    )


def test_separated_without_children_is_decided():
    # R1 is impossible without children and R2 then matches at once.
    assert next_question({"relationship_status": "separated", "children_under_18": False}) is None


def test_separated_with_children_and_no_agreements_is_decided():
    answers = {"relationship_status": "separated", "children_under_18": True,
               "agreements_possible": "no"}
    assert next_question(answers) is None


def test_together_with_a_high_score_asks_only_what_r3_r4_r5_need():
    answers = {"relationship_status": "together", "relationship_score": 9}
    assert needed_fields(answers) == ("goal",)
    answers["goal"] = "improve"
    assert needed_fields(answers) == (
        "agreements_possible", "partner_willing", "preference", "barriers",
    )
    answers["agreements_possible"] = "yes"
    assert needed_fields(answers) == ("preference",)  # R5 only asks online or not
    answers["preference"] = "none"
    assert next_question(answers) is None


def test_no_partner_asks_children_then_stops():
    assert needed_fields({"relationship_status": "no_partner"}) == ("children_under_18",)
    assert next_question({"relationship_status": "no_partner", "children_under_18": True}) is None


def test_r4_asks_the_youngest_age_only_with_children():
    base = {"relationship_status": "together", "relationship_score": 6, "goal": "improve",
            "agreements_possible": "yes", "partner_willing": "yes", "preference": "none"}
    assert next_question({**base, "children_under_18": True}) == "youngest_child_age"
    assert next_question({**base, "children_under_18": False}) is None


def test_weet_ik_niet_counts_as_answered():
    # Status unknown: R1 can no longer match, so the children question is not needed yet.
    assert next_question({"relationship_status": None}) == "goal"
    answers = dict.fromkeys(SITUATION_FIELDS)
    assert next_question(answers) is None


@pytest.mark.parametrize("flag", SAFETY_FIELDS)
def test_a_true_safety_answer_decides_at_once(flag):
    assert next_question({flag: True}) is None
    assert needed_fields({flag: True, "relationship_status": "together"}) == ()


def test_safety_fields_are_never_asked_but_respected():
    assert next_question({"acute_danger": False, "violence": None}) == "relationship_status"


def test_bad_answers_are_rejected():
    with pytest.raises(AnswersError, match="relationship_score"):
        next_question({"relationship_score": 0})


@settings(max_examples=300, deadline=None)
@given(answers=partial_answers)
def test_needed_fields_are_unanswered_situation_fields_in_order(answers):
    needed = needed_fields(answers)
    assert all(f in SITUATION_FIELDS and f not in answers for f in needed)
    assert list(needed) == [f for f in SITUATION_FIELDS if f in needed]
    assert next_question(answers) == (needed[0] if needed else None)


@settings(max_examples=500, deadline=None)
@given(answers=full_answers)
def test_skipping_questions_never_changes_the_route(answers, voorbeeld):
    # The conversation asks the safety questions itself, then follows next_question.
    asked = {f: answers[f] for f in SAFETY_FIELDS}
    for _ in range(len(SITUATION_FIELDS) + 1):
        question = next_question(asked)
        if question is None:
            break
        assert question not in asked
        asked[question] = answers[question]
    else:
        pytest.fail("next_question did not stop")
    short = decide(asked, voorbeeld)
    full = decide(answers, voorbeeld)
    assert (short.route, short.intensity, short.rule, short.offer) == (
        full.route, full.intensity, full.rule, full.offer
    )


@settings(max_examples=300, deadline=None)
@given(answers=partial_answers, rest=full_answers)
def test_once_decided_the_skipped_answers_do_not_matter(answers, rest, voorbeeld):
    if next_question(answers) is not None:
        return
    decided = decide(answers, voorbeeld)
    filled_in = {**answers, **{f: rest[f] for f in SITUATION_FIELDS if f not in answers}}
    again = decide(filled_in, voorbeeld)
    assert (again.route, again.intensity, again.rule) == (
        decided.route, decided.intensity, decided.rule
    )
