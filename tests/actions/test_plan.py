"""The question plan: safety screen first, then only what the route needs."""

from actions.plan import next_field
from routes import FIELDS, SITUATION_FIELDS, decide, load_catalogues

SAFE = {"acute_danger": False, "violence": False, "children_unsafe": False}


def test_safety_screen_comes_first_in_order():
    asked = []
    answers: dict = {}
    while (field := next_field(answers)) in ("acute_danger", "violence", "children_unsafe"):
        asked.append(field)
        answers[field] = False
    assert asked == ["acute_danger", "violence", "children_unsafe"]
    assert field == "relationship_status"


def test_any_yes_on_the_safety_screen_ends_the_questions_at_once():
    assert next_field({"acute_danger": True}) is None
    assert next_field({"acute_danger": False, "violence": True}) is None


def test_after_acknowledging_a_safety_route_the_situation_questions_follow():
    answers = {"acute_danger": False, "violence": True}
    assert next_field(answers, safety_acknowledged=True) == "children_unsafe"


def test_children_question_skipped_when_there_are_no_children():
    answers = {"acute_danger": False, "violence": False, "children_under_18": False}
    assert next_field(answers) == "relationship_status"


def test_low_score_leads_to_the_self_harm_question():
    answers = {**SAFE, "relationship_status": "together", "goal": "improve", "relationship_score": 3}
    assert next_field(answers) == "self_harm"
    answers["self_harm"] = False
    assert next_field(answers) != "self_harm"


def test_free_text_answers_are_not_asked_again():
    answers = {**SAFE, "relationship_status": "separated", "children_under_18": True,
               "youngest_child_age": 5}
    assert next_field(answers) == "agreements_possible"


def test_dont_know_everywhere_still_ends_with_a_route():
    answers: dict = {}
    for _ in range(len(FIELDS) + 1):
        field = next_field(answers)
        if field is None:
            break
        answers[field] = None
    assert next_field(answers) is None
    decision = decide(answers, load_catalogues()["voorbeeld"])
    assert decision.route and decision.safety_net


def test_never_asks_a_field_twice_and_always_ends():
    values = {"relationship_status": "doubting", "children_under_18": True, "youngest_child_age": 1,
              "relationship_score": 5, "agreements_possible": "sometimes", "legal_proceedings": True,
              "other_problems": ["money"], "goal": "unsure", "partner_willing": "no",
              "preference": "group", "barriers": ["shame"]}
    answers = dict(SAFE)
    asked = []
    while (field := next_field(answers)) is not None:
        assert field not in asked and field in SITUATION_FIELDS
        asked.append(field)
        answers[field] = values[field]
    assert decide(answers, load_catalogues()["voorbeeld"]).route == "rst"
