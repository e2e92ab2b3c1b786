"""Property tests over all valid answer dicts (hypothesis)."""

from __future__ import annotations

import json
import random
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from routes_reference import reference_route
from routes_strategies import full_answers, partial_answers

from routes import FIELDS, SAFETY_FIELDS, SAFETY_ROUTES, Route, decide
from routes.rules import RULES_BY_ID

COUPLE_PROGRAMMES = {"partnerprogramma", "online", "relatie_apk", "rst"}
SETTINGS = settings(max_examples=400, deadline=None)

# Words a reason must contain to "mention" an answer: an oracle written from the resident's
# point of view, not copied from routes/texts.py.
STATUS_WORDS = {
    "together": "samen zijn",
    "doubting": "twijfel",
    "separating": "uit elkaar gaan",
    "separated": "uit elkaar zijn",
    "no_partner": "geen partner",
}


def mention(field: str, value: Any) -> str:
    if value is None:
        return "weet ik niet|niet beantwoord"
    if field == "relationship_status":
        return STATUS_WORDS[value]
    if field == "relationship_score":
        return f"relatie een {value}."
    if field == "youngest_child_age":
        return "jongste kind"
    words = {
        "acute_danger": {True: "in gevaar"},
        "self_harm": {True: "zelfdoding"},
        "violence": {True: "geweld"},
        "children_unsafe": {True: "kinderen niet veilig"},
        "children_under_18": {True: "kinderen onder de 18 zijn",
                              False: "geen kinderen onder de 18"},
        "legal_proceedings": {True: "advocaat", False: "geen advocaat"},
        "agreements_possible": {"yes": "afspraken", "sometimes": "soms", "no": "geen afspraken"},
        "goal": {"improve": "beter", "unsure": "niet weet wat je wilt",
                 "separate_well": "goed uit elkaar", "maintenance": "onderhoud"},
        "partner_willing": {"yes": "partner wil meedoen", "no": "niet wil meedoen",
                            "unknown": "niet weet of je partner"},
        "preference": {"online": "online", "group": "groep", "one_evening": "één avond",
                       "professional": "hulpverlener", "none": "geen voorkeur"},
    }
    if field in ("other_problems", "barriers"):
        return "zorgen" if field == "other_problems" else "lastig"
    return words[field][value]


def mentioned(reasons: tuple[str, ...], field: str, value: Any) -> bool:
    text = " ".join(reasons)
    return any(option in text for option in mention(field, value).split("|"))


def must_mention(answers: dict[str, Any], rule: str, route: str) -> list[list[str]]:
    """Groups of fields; from each group at least one must be mentioned."""
    a = {f: answers.get(f) for f in FIELDS}
    if a["youngest_child_age"] == "expecting":
        a["youngest_child_age"] = 0
    if rule == "S1":
        return [["acute_danger"]]
    if rule == "S2":
        return [["self_harm"]]
    if rule == "S3":
        return [[f for f in ("violence", "children_unsafe") if a[f] is True]]
    if rule == "P1":
        return [["relationship_status"], ["children_under_18"]]
    if rule == "R1":
        triggers = [f for f, ok in (
            ("agreements_possible", a["agreements_possible"] == "no"),
            ("legal_proceedings", a["legal_proceedings"] is True),
            ("other_problems", len(a["other_problems"] or []) >= 2),
        ) if ok]
        return [["relationship_status"], ["children_under_18"], triggers]
    if rule == "R2":
        return [["relationship_status", "goal"]]
    if rule == "R3":
        groups = [["relationship_score", "agreements_possible", "relationship_status", "goal"]]
        if route == "online":
            groups.append(["preference", "barriers", "partner_willing"])
        else:
            groups += [["preference"], ["barriers"], ["partner_willing"]]
        return groups
    if rule == "R4":
        groups = [["relationship_score", "agreements_possible"]]
        if route == "partnerprogramma":
            groups += [["partner_willing"], ["youngest_child_age", "preference"]]
        else:
            groups.append(["preference"])
        return groups
    return [["preference"]]  # R5


@SETTINGS
@given(answers=full_answers)
def test_exactly_one_route_and_it_is_the_spec_route(answers, voorbeeld):
    decision = decide(answers, voorbeeld)
    assert decision.route in {r.value for r in Route}
    assert decision.rule in RULES_BY_ID
    assert (decision.rule, decision.route, decision.intensity) == reference_route(answers)
    assert (decision.intensity is not None) == (decision.route == "rst")


@SETTINGS
@given(answers=partial_answers)
def test_partial_answers_never_raise_and_absent_means_unknown(answers, voorbeeld):
    decision = decide(answers, voorbeeld)
    filled = decide({f: answers.get(f) for f in FIELDS}, voorbeeld)
    # Absent and "weet ik niet" decide the same; only the wording of a reason may differ.
    assert (decision.route, decision.intensity, decision.rule, decision.offer, decision.unknown) \
        == (filled.route, filled.intensity, filled.rule, filled.offer, filled.unknown)
    assert (decision.rule, decision.route, decision.intensity) == reference_route(answers)


@SETTINGS
@given(answers=full_answers, flag=st.sampled_from(SAFETY_FIELDS))
def test_a_safety_flag_always_gives_a_safety_route(answers, flag, voorbeeld):
    answers = {**answers, flag: True}
    decision = decide(answers, voorbeeld)
    assert decision.route in SAFETY_ROUTES
    assert decision.route not in COUPLE_PROGRAMMES
    assert decision.offer.id == "wijkteam"  # warm handover, never a couple programme
    assert decision.safety_contacts and decision.safety_net is None
    assert decision.urgency in ("acuut", "hoog")


@SETTINGS
@given(answers=full_answers)
def test_acute_danger_always_wins(answers, voorbeeld):
    decision = decide({**answers, "acute_danger": True}, voorbeeld)
    assert (decision.route, decision.rule, decision.urgency) == ("veiligheid_acuut", "S1", "acuut")
    assert [c.phone for c in decision.safety_contacts] == ["112", "0800-2000"]


@SETTINGS
@given(answers=full_answers)
def test_no_safety_flag_means_no_safety_route_and_a_safety_net(answers, voorbeeld):
    answers = {**answers, **{f: answers[f] if answers[f] is not True else None
                             for f in SAFETY_FIELDS}}
    decision = decide(answers, voorbeeld)
    assert decision.route not in SAFETY_ROUTES
    assert decision.safety_net and "0800-2000" in decision.safety_net
    for field in SAFETY_FIELDS:
        assert (field in decision.unknown) == (answers[field] is None)


@SETTINGS
@given(answers=full_answers, rnd=st.randoms(use_true_random=False))
def test_decisions_are_deterministic(answers, rnd: random.Random, shipped):
    for catalogue in shipped.values():
        first = decide(answers, catalogue)
        items = list(answers.items())
        rnd.shuffle(items)
        again = decide(dict(items), catalogue)
        assert first == again
        assert json.dumps(first.to_dict(), sort_keys=True) == json.dumps(
            again.to_dict(), sort_keys=True
        )


@SETTINGS
@given(answers=full_answers)
def test_reasons_are_non_empty_and_mention_the_deciding_answers(answers, voorbeeld):
    decision = decide(answers, voorbeeld)
    assert decision.reasons and all(r.strip() for r in decision.reasons)
    assert decision.reasons[0].startswith(f"Regel {decision.rule}: ")
    assert all(r[0].isupper() and r.endswith(".") for r in decision.reasons)
    for group in must_mention(answers, decision.rule, decision.route):
        assert group, "every rule has at least one deciding answer"
        assert any(mentioned(decision.reasons, f, answers[f]) for f in group), (group, decision)
    # what the engine reports as deciding is mentioned too
    for field in decision.deciding:
        assert mentioned(decision.reasons, field, answers[field]), field


@SETTINGS
@given(answers=full_answers)
def test_the_offer_exists_in_the_catalogue_or_is_the_wijkteam(answers, shipped):
    for catalogue in shipped.values():
        decision = decide(answers, catalogue)
        offer = decision.offer
        if offer.id == "wijkteam":
            assert offer == catalogue.wijkteam_offer()
        else:
            assert offer in catalogue.offers
        if not decision.offer_is_fallback and decision.route not in SAFETY_ROUTES:
            assert offer.route == decision.route
        assert (decision.fallback_note is not None) == decision.offer_is_fallback


@SETTINGS
@given(answers=full_answers)
def test_unknown_only_lists_fields_that_were_unknown(answers, voorbeeld):
    decision = decide(answers, voorbeeld)
    assert all(answers[f] is None for f in decision.unknown)
    assert list(decision.unknown) == [f for f in FIELDS if f in decision.unknown]
