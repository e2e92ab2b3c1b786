"""Table tests: every rule of spec section 6, every boundary, every safety combination."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from routes_reference import reference_route

from routes import SAFETY_FIELDS, SAFETY_ROUTES, Route, decide
from routes.rules import RULES, RULES_BY_ID

SAFE = {"acute_danger": False, "violence": False, "children_unsafe": False, "self_harm": False}
# A calm couple: matches nothing before R5 unless a test changes something.
CALM = {
    **SAFE,
    "relationship_status": "together",
    "children_under_18": False,
    "relationship_score": 8,
    "agreements_possible": "yes",
    "legal_proceedings": False,
    "other_problems": [],
    "goal": "improve",
    "partner_willing": "yes",
    "preference": "none",
    "barriers": [],
}


def case(**changes: Any) -> dict[str, Any]:
    return {**CALM, **changes}


# (name, answers, rule, route, intensity)
TABLE = [
    # S1-S3: safety, in order of precedence
    ("acute danger", case(acute_danger=True), "S1", "veiligheid_acuut", None),
    ("acute beats self harm", case(acute_danger=True, self_harm=True),
     "S1", "veiligheid_acuut", None),
    ("acute beats violence", case(acute_danger=True, violence=True),
     "S1", "veiligheid_acuut", None),
    ("self harm", case(self_harm=True), "S2", "crisis", None),
    ("self harm beats violence", case(self_harm=True, violence=True), "S2", "crisis", None),
    ("violence", case(violence=True), "S3", "veiligheid", None),
    ("children unsafe", case(children_unsafe=True), "S3", "veiligheid", None),
    ("violence while separating with kids",
     case(violence=True, relationship_status="separating", children_under_18=True,
          agreements_possible="no"), "S3", "veiligheid", None),
    # P1: no partner
    ("no partner with kids", case(relationship_status="no_partner", children_under_18=True),
     "P1", "rst", "licht"),
    ("no partner without kids", case(relationship_status="no_partner"), "P1", "relatie_apk", None),
    ("no partner, kids unknown", case(relationship_status="no_partner", children_under_18=None),
     "P1", "relatie_apk", None),
    # R1: separating with kids and conflict or complexity
    ("separating, kids, no agreements",
     case(relationship_status="separating", children_under_18=True, agreements_possible="no"),
     "R1", "rst", "zwaar"),
    ("separated, kids, lawyers",
     case(relationship_status="separated", children_under_18=True, legal_proceedings=True),
     "R1", "rst", "zwaar"),
    ("separated, kids, 2 other problems",
     case(relationship_status="separated", children_under_18=True,
          other_problems=["money", "housing"]), "R1", "rst", "zwaar"),
    ("doubting with lawyers and kids",
     case(relationship_status="doubting", children_under_18=True, legal_proceedings=True),
     "R1", "rst", "zwaar"),
    ("doubting with lawyers, no kids",
     case(relationship_status="doubting", legal_proceedings=True), "R3", "partnerprogramma", None),
    ("separating, no kids, no agreements",
     case(relationship_status="separating", agreements_possible="no"), "R2", "rst", "licht"),
    # boundary: 1 vs 2 other problems
    ("separated, kids, 1 other problem",
     case(relationship_status="separated", children_under_18=True, other_problems=["money"]),
     "R2", "rst", "licht"),
    ("separated, kids, 2 other problems (dup removed)",
     case(relationship_status="separated", children_under_18=True,
          other_problems=["money", "money"]), "R2", "rst", "licht"),
    ("separated, kids, 3 other problems",
     case(relationship_status="separated", children_under_18=True,
          other_problems=["money", "work", "health"]), "R1", "rst", "zwaar"),
    # R2
    ("separating, kids, agreements fine",
     case(relationship_status="separating", children_under_18=True), "R2", "rst", "licht"),
    ("separated, kids unknown, no agreements",
     case(relationship_status="separated", children_under_18=None, agreements_possible="no"),
     "R2", "rst", "licht"),
    ("together but wants to separate well", case(goal="separate_well"), "R2", "rst", "licht"),
    ("separating, everything else unknown",
     {"relationship_status": "separating"}, "R2", "rst", "licht"),
    # R3: serious distress
    ("score 4", case(relationship_score=4), "R3", "partnerprogramma", None),
    ("no agreements", case(agreements_possible="no"), "R3", "partnerprogramma", None),
    ("doubting", case(relationship_status="doubting"), "R3", "partnerprogramma", None),
    ("goal unsure", case(goal="unsure"), "R3", "partnerprogramma", None),
    ("R3 prefers online", case(relationship_score=3, preference="online"), "R3", "online", None),
    ("R3 time barrier", case(relationship_score=3, barriers=["time"]), "R3", "online", None),
    ("R3 shame barrier", case(relationship_score=3, barriers=["shame"]), "R3", "online", None),
    ("R3 distance barrier", case(relationship_score=3, barriers=["distance"]),
     "R3", "online", None),
    ("R3 money barrier is not a reason for online",
     case(relationship_score=3, barriers=["money", "language"]), "R3", "partnerprogramma", None),
    ("R3 partner unwilling", case(relationship_score=3, partner_willing="no"),
     "R3", "online", None),
    ("R3 partner unknown", case(relationship_score=3, partner_willing="unknown"),
     "R3", "partnerprogramma", None),
    ("R3 prefers group", case(relationship_score=3, preference="group"),
     "R3", "partnerprogramma", None),
    # boundary: score 5/6/7/8
    ("score 5", case(relationship_score=5), "R3", "partnerprogramma", None),
    ("score 6", case(relationship_score=6), "R4", "online", None),
    ("score 7", case(relationship_score=7), "R4", "online", None),
    ("score 8", case(relationship_score=8), "R5", "relatie_apk", None),
    ("score 1", case(relationship_score=1), "R3", "partnerprogramma", None),
    ("score 10", case(relationship_score=10), "R5", "relatie_apk", None),
    # R4: moderate
    ("agreements sometimes", case(agreements_possible="sometimes"), "R4", "online", None),
    ("R4 group", case(relationship_score=6, preference="group"), "R4", "partnerprogramma", None),
    ("R4 group but partner unwilling",
     case(relationship_score=6, preference="group", partner_willing="no"), "R4", "online", None),
    ("R4 group, partner unknown answer",
     case(relationship_score=6, preference="group", partner_willing="unknown"),
     "R4", "partnerprogramma", None),
    ("R4 group, partner 'weet ik niet' does not block",
     case(relationship_score=6, preference="group", partner_willing=None),
     "R4", "partnerprogramma", None),
    ("R4 one evening", case(relationship_score=7, preference="one_evening"),
     "R4", "relatie_apk", None),
    ("R4 professional", case(relationship_score=7, preference="professional"),
     "R4", "online", None),
    # boundary: youngest age 3/4
    ("R4 youngest 3", case(relationship_score=6, children_under_18=True, youngest_child_age=3),
     "R4", "partnerprogramma", None),
    ("R4 youngest 4", case(relationship_score=6, children_under_18=True, youngest_child_age=4),
     "R4", "online", None),
    ("R4 youngest 0", case(relationship_score=6, children_under_18=True, youngest_child_age=0),
     "R4", "partnerprogramma", None),
    ("R4 expecting",
     case(relationship_score=6, children_under_18=True, youngest_child_age="expecting"),
     "R4", "partnerprogramma", None),
    ("R4 youngest unknown", case(relationship_score=6, children_under_18=True,
                                 youngest_child_age=None), "R4", "online", None),
    ("R4 youngest 3 but no children recorded",
     case(relationship_score=6, children_under_18=False, youngest_child_age=3),
     "R4", "online", None),
    ("R4 youngest 3, partner unwilling, one evening",
     case(relationship_score=6, children_under_18=True, youngest_child_age=3,
          partner_willing="no", preference="one_evening"), "R4", "relatie_apk", None),
    # R5
    ("score 9", case(relationship_score=9), "R5", "relatie_apk", None),
    ("score 9 online", case(relationship_score=9, preference="online"), "R5", "online", None),
    ("maintenance", case(goal="maintenance", relationship_score=None), "R5", "relatie_apk", None),
    ("nothing known", {}, "R5", "relatie_apk", None),
    ("everything weet ik niet", dict.fromkeys(CALM), "R5", "relatie_apk", None),
    # unknown answers fall through to the next rule
    ("score and agreements unknown", case(relationship_score=None, agreements_possible=None),
     "R5", "relatie_apk", None),
    ("status unknown, kids and conflict",
     case(relationship_status=None, children_under_18=True, agreements_possible="no"),
     "R3", "partnerprogramma", None),
]


@pytest.mark.parametrize(
    ("answers", "rule", "route", "intensity"),
    [pytest.param(a, r, ro, i, id=name) for name, a, r, ro, i in TABLE],
)
def test_rule_table(answers, rule, route, intensity, full_catalogue):
    decision = decide(answers, full_catalogue)
    assert (decision.rule, decision.route, decision.intensity) == (rule, route, intensity)
    # The independent transcription of the spec agrees on every row as well.
    assert reference_route(answers) == (rule, route, intensity)


def test_every_rule_and_every_route_is_covered_by_the_table():
    assert {row[2] for row in TABLE} == {rule.id for rule in RULES}
    assert {row[3] for row in TABLE} == {route.value for route in Route}


def test_rule_order_is_the_spec_order():
    assert [rule.id for rule in RULES] == ["S1", "S2", "S3", "P1", "R1", "R2", "R3", "R4", "R5"]
    assert set(RULES_BY_ID) == {rule.id for rule in RULES}


def test_route_enum_values():
    assert [r.value for r in Route] == [
        "veiligheid_acuut", "crisis", "veiligheid", "rst", "partnerprogramma", "online",
        "relatie_apk",
    ]
    assert {Route.VEILIGHEID_ACUUT, Route.CRISIS, Route.VEILIGHEID} == SAFETY_ROUTES
    assert "veiligheid" in SAFETY_ROUTES  # plain strings work too


@pytest.mark.parametrize(
    ("answers", "urgency"),
    [
        (case(acute_danger=True), "acuut"),
        (case(self_harm=True), "acuut"),
        (case(violence=True), "hoog"),
        (case(relationship_status="separated", children_under_18=True, legal_proceedings=True),
         "hoog"),
        (case(relationship_status="separated"), "normaal"),
        (case(relationship_score=2), "normaal"),
        (case(), "normaal"),
    ],
)
def test_urgency(answers, urgency, full_catalogue):
    assert decide(answers, full_catalogue).urgency == urgency


ABSENT = "absent"
SAFETY_COMBINATIONS = list(itertools.product([True, False, None, ABSENT], repeat=4))


@pytest.mark.parametrize(
    "combo", SAFETY_COMBINATIONS, ids=["-".join(map(str, c)) for c in SAFETY_COMBINATIONS]
)
def test_every_safety_answer_combination(combo, full_catalogue):
    safety = {f: v for f, v in zip(SAFETY_FIELDS, combo, strict=True) if v != ABSENT}
    situation = {k: v for k, v in CALM.items() if k not in SAFETY_FIELDS}
    # A situation that would otherwise get a couple programme.
    answers = {**situation, "relationship_score": 4, **safety}
    decision = decide(answers, full_catalogue)
    values = dict(zip(SAFETY_FIELDS, combo, strict=True))

    if values["acute_danger"] is True:
        expected = "veiligheid_acuut"
    elif values["self_harm"] is True:
        expected = "crisis"
    elif values["violence"] is True or values["children_unsafe"] is True:
        expected = "veiligheid"
    else:
        expected = "partnerprogramma"
    assert decision.route == expected

    unknown_safety = [f for f in SAFETY_FIELDS if values[f] in (None, ABSENT)]
    if expected in SAFETY_ROUTES:
        assert decision.safety_net is None
        assert decision.safety_contacts
        assert decision.offer.id == "wijkteam" and not decision.offer_is_fallback
    else:
        # Not disclosed: no safety route, but the safety net is always there.
        assert decision.safety_net and "0800-2000" in decision.safety_net
        assert "112" in decision.safety_net
        assert decision.safety_contacts == ()
        assert all(f in decision.unknown for f in unknown_safety)
        # One line about unanswered safety questions (self_harm only when it was asked).
        # With no children (CALM) their safety is no unanswered question.
        mentioned = [f for f in unknown_safety if (values[f] is None or f != "self_harm")
                     and not (f == "children_unsafe" and answers["children_under_18"] is False)]
        line = [r for r in decision.reasons if "niet beantwoord" in r]
        assert bool(line) == bool(mentioned)
    # Safety fields that were answered are never reported as unknown.
    assert not [f for f in SAFETY_FIELDS if values[f] in (True, False) and f in decision.unknown]
