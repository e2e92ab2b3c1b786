"""decide(): the Decision object, reasons, safety contacts and offer fallback."""

from __future__ import annotations

import copy
import itertools
import json

import pytest

from routes import AnswersError, Catalogue, Decision, Offer, decide
from routes.constants import DEFAULT_FALLBACK, OFFER_ROUTES
from routes.texts import SAFETY_NET

SAFE = {"acute_danger": False, "violence": False, "children_unsafe": False, "self_harm": False}
# One answer set per offer route, decided by rules R1, R3, R3 and R5.
ANSWERS_FOR_ROUTE = {
    "rst": {**SAFE, "relationship_status": "separated", "children_under_18": True,
            "agreements_possible": "no"},
    "partnerprogramma": {**SAFE, "relationship_status": "together", "relationship_score": 4,
                         "partner_willing": "yes", "preference": "group", "barriers": []},
    "online": {**SAFE, "relationship_status": "together", "relationship_score": 4,
               "preference": "online"},
    "relatie_apk": {**SAFE, "relationship_status": "together", "relationship_score": 9,
                    "agreements_possible": "yes", "goal": "maintenance", "preference": "none"},
}


def test_safety_net_line_is_the_agreed_text():
    assert SAFETY_NET == (
        "Voel je je niet veilig? Bel Veilig Thuis: 0800-2000 (gratis, dag en nacht). "
        "Bij direct gevaar: bel 112."
    )


def test_reasons_for_r1_name_the_rule_and_the_answers(full_catalogue):
    decision = decide(
        {**SAFE, "relationship_status": "separating", "children_under_18": True,
         "legal_proceedings": True},
        full_catalogue,
    )
    assert decision.reasons[0] == "Regel R1: uit elkaar met kinderen, en veel strijd of zorgen."
    assert decision.reasons[1].startswith(
        "Je gaf aan dat jullie uit elkaar gaan, dat er kinderen onder de 18 zijn en dat er een "
        "advocaat of rechter bij is"
    )
    assert decision.reasons[-1] == (
        "Daarom past deze route het best: Relatie- en Scheidingsteam (intensieve begeleiding)."
    )
    assert decision.deciding == ("relationship_status", "children_under_18", "legal_proceedings")


def test_brief_example_sentence(full_catalogue):
    decision = decide(
        {**SAFE, "relationship_status": "separating", "children_under_18": True,
         "agreements_possible": "no"},
        full_catalogue,
    )
    assert decision.reasons[1] == (
        "Je gaf aan dat jullie uit elkaar gaan, dat er kinderen onder de 18 zijn en dat jullie "
        "samen geen afspraken meer kunnen maken."
    )


def test_reasons_name_the_score_and_the_choice(full_catalogue):
    decision = decide({**SAFE, "relationship_status": "together", "relationship_score": 4,
                       "barriers": ["shame", "time"]}, full_catalogue)
    assert decision.route == "online"
    assert "Je gaf je relatie een 4." in decision.reasons
    assert any("schaamte en tijd het lastig maken" in r for r in decision.reasons)


def test_default_choice_explains_why_not_the_other_option(full_catalogue):
    decision = decide(
        {**SAFE, "relationship_status": "doubting", "preference": "none", "barriers": [],
         "partner_willing": "yes"},
        full_catalogue,
    )
    assert decision.route == "partnerprogramma"
    text = " ".join(decision.reasons)
    assert "je twijfelt over je relatie" in text
    assert "Je had geen voorkeur voor een vorm." in decision.reasons
    assert "niets is wat het lastig maakt" in text
    assert "je partner wil meedoen" in text


def test_weet_ik_niet_in_a_deciding_answer_is_named(full_catalogue):
    decision = decide({**SAFE, "relationship_status": "no_partner", "children_under_18": None},
                      full_catalogue)
    assert decision.route == "relatie_apk"
    assert "Bij de vraag over kinderen onder de 18 koos je ‘weet ik niet’." in decision.reasons
    assert decision.unknown == ("children_under_18",)


def test_unknown_lists_only_looked_at_fields_that_were_none_or_absent(full_catalogue):
    decision = decide({**SAFE, "relationship_status": "no_partner", "children_under_18": True},
                      full_catalogue)
    assert decision.rule == "P1"
    assert decision.unknown == ()  # nothing after P1 was looked at
    decision = decide({"relationship_status": "separated"}, full_catalogue)
    assert decision.rule == "R2"
    assert decision.unknown == (
        "acute_danger", "violence", "children_unsafe", "self_harm", "children_under_18",
        "agreements_possible", "legal_proceedings", "other_problems", "goal",
    )  # goal: R2 looks at it too (status already matched, but it was looked at)


def test_unanswered_safety_questions_get_a_line(full_catalogue):
    decision = decide({"violence": None, "acute_danger": False, "children_unsafe": False,
                       "relationship_score": 9}, full_catalogue)
    assert decision.route == "relatie_apk"
    assert decision.reasons[-1].startswith(
        "Je hebt de vraag over geweld, dreiging of angst voor je (ex-)partner niet beantwoord."
    )
    assert decision.safety_net == SAFETY_NET


@pytest.mark.parametrize(
    ("answers", "names"),
    [
        ({"acute_danger": True}, ["112 (alarmnummer)", "Veilig Thuis"]),
        ({"self_harm": True}, ["113 Zelfmoordpreventie", "Je huisarts"]),
        ({"violence": True}, ["Veilig Thuis", "112 (alarmnummer)"]),
        ({"children_unsafe": True}, ["Veilig Thuis", "112 (alarmnummer)"]),
    ],
)
def test_safety_routes_show_the_national_numbers_and_hand_over(answers, names, voorbeeld):
    decision = decide(answers, voorbeeld)
    assert [c.name for c in decision.safety_contacts] == names
    assert decision.safety_net is None
    assert decision.offer == voorbeeld.wijkteam_offer()
    assert decision.offer_is_fallback is False and decision.fallback_note is None


def test_national_numbers_are_the_real_ones(voorbeeld):
    acute = decide({"acute_danger": True}, voorbeeld).safety_contacts
    assert acute[0].phone == "112"
    assert acute[1].phone == "0800-2000" and acute[1].url == "https://veiligthuis.nl"
    crisis = decide({"self_harm": True}, voorbeeld).safety_contacts[0]
    assert (crisis.phone, crisis.phone_alt) == ("113", "0800-0113")
    assert "113.nl" in crisis.chat_url


def test_to_dict_is_json_and_has_the_agreed_keys(voorbeeld):
    decision = decide(ANSWERS_FOR_ROUTE["rst"], voorbeeld)
    data = json.loads(json.dumps(decision.to_dict()))
    assert {"route", "intensity", "rule", "offer", "offer_is_fallback", "fallback_note",
            "reasons", "urgency", "safety_net", "safety_contacts", "unknown",
            "title"} <= set(data)
    assert data["route"] == "rst" and data["intensity"] == "zwaar"
    assert data["offer"]["id"] == "rst_voorbeeldstad"
    assert data["title"] == "Relatie- en Scheidingsteam"


def test_decision_is_frozen(voorbeeld):
    decision = decide({}, voorbeeld)
    assert isinstance(decision, Decision)
    with pytest.raises(AttributeError):
        decision.route = "crisis"  # type: ignore[misc]


def test_bad_answers_raise_answers_error(voorbeeld):
    with pytest.raises(AnswersError, match="relationship_score"):
        decide({"relationship_score": 12}, voorbeeld)


# --- availability fallback (spec section 6) ------------------------------------------------


def _catalogue_with(base_data, routes_present) -> Catalogue:
    data = copy.deepcopy(base_data)
    data["offers"] = [o for o in data["offers"] if o["route"] in routes_present]
    data["events"] = [e for e in data["events"]
                      if e.get("offer") in {o["id"] for o in data["offers"]}]
    return Catalogue.parse_obj(data)


def _expected(route: str, present: set[str]) -> tuple[str, bool]:
    """Spec default order, written out: (route of the offer or 'wijkteam', is fallback)."""
    if route in present:
        return route, False
    for step in DEFAULT_FALLBACK[route]:
        if step == "wijkteam" or step in present:
            return step, True
    raise AssertionError


SUBSETS = [
    set(combo)
    for n in range(len(OFFER_ROUTES) + 1)
    for combo in itertools.combinations([r.value for r in OFFER_ROUTES], n)
]


@pytest.mark.parametrize("present", SUBSETS, ids=lambda s: "+".join(sorted(s)) or "none")
@pytest.mark.parametrize("route", [r.value for r in OFFER_ROUTES])
def test_every_default_fallback_chain(route, present, base_data):
    catalogue = _catalogue_with(base_data, present)
    decision = decide(ANSWERS_FOR_ROUTE[route], catalogue)
    assert decision.route == route  # the decided route never changes
    expected_route, is_fallback = _expected(route, present)
    assert decision.offer.route == expected_route
    assert decision.offer_is_fallback is is_fallback
    if is_fallback:
        note = decision.fallback_note
        assert note.endswith(f"Daarom verwijzen we je naar: {decision.offer.name}.")
        assert "Gemeente Testdorp" in decision.fallback_note
    else:
        assert decision.fallback_note is None
    if expected_route == "wijkteam":
        assert decision.offer.id == "wijkteam"
        assert decision.offer.signup.phone == "099-000 00 01"
        assert decision.offer.outside_hours


@pytest.mark.parametrize(
    ("gemeente", "route", "offer_id", "is_fallback"),
    [
        ("eindhoven", "rst", "wijkteam", True),  # no RST in Eindhoven
        ("eindhoven", "relatie_apk", "houd_me_vast_online", True),
        ("eindhoven", "online", "houd_me_vast_online", False),
        ("eindhoven", "partnerprogramma", "houd_me_vast_groep", False),
        ("voorbeeld", "partnerprogramma", "samen_verder_online", True),
        ("voorbeeld", "rst", "rst_voorbeeldstad", False),
        ("zwolle", "rst", "rst_zwolle", False),
        ("zwolle", "partnerprogramma", "wijkteam", True),  # neither group nor online
        ("zwolle", "online", "wijkteam", True),
        ("zwolle", "relatie_apk", "relatie_apk_zwolle", False),
    ],
)
def test_shipped_catalogues_fallbacks(gemeente, route, offer_id, is_fallback, shipped):
    decision = decide(ANSWERS_FOR_ROUTE[route], shipped[gemeente])
    assert decision.route == route
    assert (decision.offer.id, decision.offer_is_fallback) == (offer_id, is_fallback)


def test_fallback_note_text(shipped):
    decision = decide(ANSWERS_FOR_ROUTE["rst"], shipped["eindhoven"])
    assert decision.fallback_note == (
        "Een Relatie- en Scheidingsteam is er niet in Gemeente Eindhoven. "
        "Daarom verwijzen we je naar: WIJeindhoven."
    )


def test_catalogue_fallback_order_is_followed(base_data):
    data = copy.deepcopy(base_data)
    data["offers"] = [o for o in data["offers"] if o["route"] in ("rst", "partnerprogramma")]
    data["events"] = []
    data["fallback"] = {"relatie_apk": ["partnerprogramma", "wijkteam"]}
    catalogue = Catalogue.parse_obj(data)
    decision = decide(ANSWERS_FOR_ROUTE["relatie_apk"], catalogue)
    assert decision.offer.id == "groep_testdorp" and decision.offer_is_fallback
    # Routes not configured keep the spec default.
    assert catalogue.fallback["online"] == ("partnerprogramma", "wijkteam")


def test_first_listed_offer_wins(base_data):
    data = copy.deepcopy(base_data)
    second = {**data["offers"][1], "id": "tweede_groep", "name": "Tweede groep"}
    data["offers"].append(second)
    catalogue = Catalogue.parse_obj(data)
    assert catalogue.offer_for("partnerprogramma").id == "groep_testdorp"


def test_offer_helpers(full_catalogue):
    assert isinstance(full_catalogue.offer_for("online"), Offer)
    assert full_catalogue.offer_for("crisis") is None
    wijkteam = full_catalogue.wijkteam_offer()
    assert (wijkteam.id, wijkteam.route, wijkteam.name) == ("wijkteam", "wijkteam",
                                                             "Wijkteam Testdorp")
    assert wijkteam.opening_hours == "Maandag tot en met vrijdag van 9.00 tot 17.00 uur"
    assert full_catalogue.offer_by_id("wijkteam") == wijkteam
    assert full_catalogue.offer_by_id("apk_testdorp").route == "relatie_apk"
