"""Tests for `signals.extract_answers`: answers stated in free text (spec section 4)."""

from __future__ import annotations

from typing import Any

import pytest

from signals import extract_answers
from signals import fields as f
from signals.answers import normalise_for_answers

# (message, requested field or None, the exact answers expected)
CASES: list[tuple[str, str | None, dict[str, Any]]] = [
    # --- several answers at once -----------------------------------------------------------
    (
        "we zijn vorig jaar gescheiden en hebben 2 kinderen van 5 en 8",
        None,
        {"relationship_status": "separated", "children_under_18": True, "youngest_child_age": 5},
    ),
    (
        "we zijn al 12 jaar getrouwd en hebben een dochter van 3",
        None,
        {"relationship_status": "together", "children_under_18": True, "youngest_child_age": 3},
    ),
    (
        "we hebben schulden en ik ben mijn werk kwijt",
        None,
        {"other_problems": ["money", "work"]},
    ),
    ("geen tijd en te duur", None, {"barriers": ["time", "money"]}),
    (
        "ik heb het druk met werk en mijn nederlands is niet zo goed",
        None,
        {"barriers": ["time", "language"]},
    ),
    # --- relationship_status ---------------------------------------------------------------
    ("we twijfelen of we nog verder willen", None, {"relationship_status": "doubting"}),
    ("ik twijfel of ik bij hem wil blijven", None, {"relationship_status": "doubting"}),
    ("we overwegen uit elkaar te gaan", None, {"relationship_status": "doubting"}),
    ("we gaan scheiden", None, {"relationship_status": "separating"}),
    ("we zijn aan het scheiden", None, {"relationship_status": "separating"}),
    ("we zitten midden in een scheiding", None, {"relationship_status": "separating"}),
    ("we zijn gescheide", None, {"relationship_status": "separated"}),
    ("we zijn al twee jaar uit elkaar", None, {"relationship_status": "separated"}),
    ("hij heeft me verlaten", None, {"relationship_status": "separated"}),
    ("ik heb geen partner", None, {"relationship_status": "no_partner"}),
    ("ik ben alleen", None, {"relationship_status": "no_partner"}),
    ("ik ben single", None, {"relationship_status": "no_partner"}),
    ("ik woon alleen met de kinderen", None, {"relationship_status": "no_partner"}),
    ("we wonen samen", None, {"relationship_status": "together"}),
    ("we zijn al 5 jaar samen", None, {"relationship_status": "together"}),
    ("gescheiden", "relationship_status", {"relationship_status": "separated"}),
    ("samen", "relationship_status", {"relationship_status": "together"}),
    ("we twijfelen", "relationship_status", {"relationship_status": "doubting"}),
    ("we gaan uit elkaar", "relationship_status", {"relationship_status": "separating"}),
    ("we zijn uit elkaar", "relationship_status", {"relationship_status": "separated"}),
    ("geen partner", "relationship_status", {"relationship_status": "no_partner"}),
    # not a status: someone else's divorce, growing apart, a fear, a hypothesis
    ("mijn ouders zijn gescheiden", None, {}),
    ("we zijn uit elkaar gegroeid", None, {}),
    ("ik ben bang dat we uit elkaar gaan", None, {}),
    ("als we gaan scheiden, wat gebeurt er dan met het huis", None, {}),
    ("ik ben alleen bang dat het niet lukt", None, {}),
    # --- children --------------------------------------------------------------------------
    ("we zijn zwanger", None, {"children_under_18": True, "youngest_child_age": 0}),
    ("we verwachten een baby", None, {"children_under_18": True, "youngest_child_age": 0}),
    ("ik ben 8 maanden zwanger", None, {"children_under_18": True, "youngest_child_age": 0}),
    (
        "we hebben een zoon van 4 en ik ben zwanger",
        None,
        {"children_under_18": True, "youngest_child_age": 0},
    ),
    ("we hebben een baby van 8 weken", None, {"children_under_18": True, "youngest_child_age": 0}),
    ("geen kinderen", None, {"children_under_18": False}),
    ("we hebben geen kids", None, {"children_under_18": False}),
    ("onze kinderen zijn volwassen", None, {"children_under_18": False}),
    ("onze kinderen zijn 20 en 22", None, {"children_under_18": False}),
    (
        "we hebben een zoon van 19 en een dochter van 15",
        None,
        {"children_under_18": True, "youngest_child_age": 15},
    ),
    (
        "de jongste is 3 en de oudste 7",
        None,
        {"children_under_18": True, "youngest_child_age": 3},
    ),
    (
        "drie kinderen, 4, 7 en 10 jaar",
        None,
        {"children_under_18": True, "youngest_child_age": 4},
    ),
    ("twee pubers", None, {"children_under_18": True}),
    ("we hebben twee kinderen", None, {}),  # ages unknown: the question is still asked
    ("mijn dochter zit in groep 5", None, {}),
    ("we hebben twee kinderen", "children_under_18", {"children_under_18": True}),
    ("ja", "children_under_18", {"children_under_18": True}),
    ("nee", "children_under_18", {"children_under_18": False}),
    (
        "ja 2, van 4 en 6",
        "children_under_18",
        {"children_under_18": True, "youngest_child_age": 4},
    ),
    ("nee, ze zijn volwassen", "children_under_18", {"children_under_18": False}),
    ("4", "youngest_child_age", {"children_under_18": True, "youngest_child_age": 4}),
    ("3 en 5", "youngest_child_age", {"children_under_18": True, "youngest_child_age": 3}),
    ("6 maanden", "youngest_child_age", {"children_under_18": True, "youngest_child_age": 0}),
    ("baby", "youngest_child_age", {"children_under_18": True, "youngest_child_age": 0}),
    ("19", "youngest_child_age", {"children_under_18": False}),
    ("weet ik niet", "youngest_child_age", {"youngest_child_age": None}),
    # --- relationship_score ----------------------------------------------------------------
    ("een 4", "relationship_score", {"relationship_score": 4}),
    ("ik geef het een 6", None, {"relationship_score": 6}),
    ("ik geef onze relatie een 3", None, {"relationship_score": 3}),
    ("6/10", None, {"relationship_score": 6}),
    ("7 op 10", None, {"relationship_score": 7}),
    ("zes", "relationship_score", {"relationship_score": 6}),
    ("7", "relationship_score", {"relationship_score": 7}),
    ("een dikke 7", "relationship_score", {"relationship_score": 7}),
    ("een zesje", None, {"relationship_score": 6}),
    ("rapportcijfer 8", None, {"relationship_score": 8}),
    ("6,5", "relationship_score", {"relationship_score": 6}),
    ("tussen de 5 en 6", "relationship_score", {"relationship_score": 5}),
    ("10", "relationship_score", {"relationship_score": 10}),
    ("11", "relationship_score", {}),
    ("0", "relationship_score", {}),
    ("geen idee", "relationship_score", {"relationship_score": None}),
    ("een 6", None, {}),  # no grade asked and no grade word: could be anything
    ("we zijn 10 jaar samen", "relationship_score", {"relationship_status": "together"}),
    (
        "we zijn 10 jaar samen, ik geef het een 6",
        None,
        {"relationship_status": "together", "relationship_score": 6},
    ),
    ("een zoon van 10", None, {"children_under_18": True, "youngest_child_age": 10}),
    # --- agreements_possible ---------------------------------------------------------------
    ("we kunnen geen afspraken maken", None, {"agreements_possible": "no"}),
    ("afspraken maken lukt niet altijd", None, {"agreements_possible": "sometimes"}),
    ("overleggen gaat moeizaam", None, {"agreements_possible": "sometimes"}),
    (
        "we kunnen goed afspraken maken over de kinderen",
        None,
        {"agreements_possible": "yes"},
    ),
    # "mijn ex" says the resident is separated; "mijn man" in the present, together.
    ("mijn ex houdt zich niet aan de afspraken", None,
     {"agreements_possible": "no", "relationship_status": "separated"}),
    ("soms", "agreements_possible", {"agreements_possible": "sometimes"}),
    ("een beetje", "agreements_possible", {"agreements_possible": "sometimes"}),
    ("gaat wel", "agreements_possible", {"agreements_possible": "sometimes"}),
    ("nee", "agreements_possible", {"agreements_possible": "no"}),
    ("ja hoor", "agreements_possible", {"agreements_possible": "yes"}),
    ("niet goed", "agreements_possible", {"agreements_possible": "no"}),
    # --- legal_proceedings -----------------------------------------------------------------
    ("we hebben een advocaat", None, {"legal_proceedings": True}),
    ("er loopt een rechtszaak", None, {"legal_proceedings": True}),
    ("ruzie over de alimentatie", None, {"legal_proceedings": True}),
    ("we zijn het niet eens over het ouderschapsplan", None, {"legal_proceedings": True}),
    ("we hebben geen advocaat", None, {"legal_proceedings": False}),
    ("de omgang met elkaar is lastig", None, {}),
    ("jazeker", "legal_proceedings", {"legal_proceedings": True}),
    ("nee", "legal_proceedings", {"legal_proceedings": False}),
    # --- other_problems --------------------------------------------------------------------
    ("schulden", None, {"other_problems": ["money"]}),
    ("geen huis", None, {"other_problems": ["housing"]}),
    ("ik slaap nu bij mijn ouders", None, {"other_problems": ["housing"]}),
    ("werk kwijt", None, {"other_problems": ["work"]}),
    ("hij is ziek", None, {"other_problems": ["health"]}),
    ("mijn man drinkt te veel", None,
     {"other_problems": ["addiction"], "relationship_status": "together"}),
    ("hij is verslaafd", None, {"other_problems": ["addiction"]}),
    ("we hebben geen schulden", None, {}),
    ("ik word ziek van die ruzies", None, {}),
    ("het is mijn schuld", None, {}),
    ("ruzie over geld", None, {}),
    ("geld en werk", "other_problems", {"other_problems": ["money", "work"]}),
    ("nee", "other_problems", {"other_problems": []}),
    # --- goal ------------------------------------------------------------------------------
    # "we" is the couple: both want it.
    ("we willen samen verder", None, {"goal": "improve", "partner_willing": "yes"}),
    ("we willen het beter maken", None, {"goal": "improve", "partner_willing": "yes"}),
    ("ik wil mijn huwelijk redden", None, {"goal": "improve"}),
    ("we willen niet scheiden", None, {"goal": "improve", "partner_willing": "yes"}),
    (
        "we willen goed uit elkaar gaan",
        None,
        {"relationship_status": "separating", "goal": "separate_well",
         "partner_willing": "yes"},
    ),
    ("gewoon onderhoud", None, {"goal": "maintenance"}),
    ("het gaat prima tussen ons, we willen gewoon wat tips", None,
     {"goal": "maintenance", "partner_willing": "yes"}),
    ("ik weet niet wat ik wil", None, {"goal": "unsure"}),
    ("twijfel", "goal", {"goal": "unsure"}),
    ("weet ik niet", "goal", {"goal": None}),
    ("ik wil verder met de vragen", None, {}),
    # --- partner_willing -------------------------------------------------------------------
    ("hij wil niet mee", None, {"partner_willing": "no"}),
    ("mijn vrouw wil geen hulp", None, {"partner_willing": "no", "relationship_status": "together"}),
    ("mijn partner wil wel meedoen", None,
     {"partner_willing": "yes", "relationship_status": "together"}),
    ("ze staat ervoor open", None, {"partner_willing": "yes"}),
    ("ik weet niet of hij wil", None, {"partner_willing": "unknown"}),
    ("misschien", "partner_willing", {"partner_willing": "unknown"}),
    ("ja", "partner_willing", {"partner_willing": "yes"}),
    ("nee", "partner_willing", {"partner_willing": "no"}),
    ("weet ik niet", "partner_willing", {"partner_willing": "unknown"}),
    # --- preference ------------------------------------------------------------------------
    ("online", None, {"preference": "online"}),
    ("liefst online, thuis achter de laptop", None, {"preference": "online"}),
    ("thuis achter de laptop", None, {"preference": "online"}),
    ("in een groep", None, {"preference": "group"}),
    ("één avond", "preference", {"preference": "one_evening"}),
    ("een avondje lijkt me genoeg", None, {"preference": "one_evening"}),
    ("met iemand praten", None, {"preference": "professional"}),
    ("liever online dan in een groep", None, {"preference": "online"}),
    ("niet in een groep, liever online", None, {"preference": "online"}),
    ("geen voorkeur", None, {"preference": "none"}),
    ("maakt niet uit", "preference", {"preference": "none"}),
    ("ik heb online over jullie gelezen", None, {}),
    # --- barriers --------------------------------------------------------------------------
    ("geen tijd", None, {"barriers": ["time"]}),
    ("ik schaam me", None, {"barriers": ["shame"]}),
    ("te ver", None, {"barriers": ["distance"]}),
    ("te duur", None, {"barriers": ["money"]}),
    ("ik spreek slecht Nederlands", None, {"barriers": ["language"]}),
    ("ik schaam me niet", None, {}),
    ("er is veel afstand tussen ons", None, {}),
    ("tijd", "barriers", {"barriers": ["time"]}),
    ("nee", "barriers", {"barriers": []}),
    # --- safety questions: "ja" means the danger is there ----------------------------------
    ("ja", "violence", {"violence": True}),
    ("ja hoor", "violence", {"violence": True}),
    ("soms", "violence", {"violence": True}),
    ("helaas wel", "violence", {"violence": True}),
    ("nee", "acute_danger", {"acute_danger": False}),
    ("zeker niet", "acute_danger", {"acute_danger": False}),
    ("klopt", "self_harm", {"self_harm": True}),
    ("gelukkig niet", "self_harm", {"self_harm": False}),
    ("nope", "children_unsafe", {"children_unsafe": False}),
    ("nee hoor", "children_unsafe", {"children_unsafe": False}),
    ("jazeker", "children_unsafe", {"children_unsafe": True}),
    ("nee, maar hij heeft me wel geduwd", "violence", {"violence": True}),
    ("nee, hij slaat me niet", "violence", {"violence": False}),
    ("hij staat voor de deur", "acute_danger", {"acute_danger": True}),
    ("weet ik niet", "violence", {"violence": None}),
    # safety fields are never set unless asked
    ("hij slaat me", None, {}),
    ("ja", None, {}),
    # --- nothing stated --------------------------------------------------------------------
    ("hello how are you", None, {}),
    ("😀😀", None, {}),
    ("<b>hallo</b>", None, {}),
    ("", None, {}),
    ("weet ik niet", None, {}),
    ("ok", "violence", {}),
]


@pytest.mark.parametrize(("text", "requested", "expected"), CASES)
def test_extract_answers(text: str, requested: str | None, expected: dict[str, Any]) -> None:
    assert extract_answers(text, requested) == expected, normalise_for_answers(text)


def test_table_covers_every_field() -> None:
    covered = {field for _, _, expected in CASES for field in expected}
    assert covered == set(f.FIELDS)
    assert len(CASES) >= 100


def test_values_are_those_of_the_answer_model() -> None:
    allowed: dict[str, tuple[Any, ...]] = {
        f.RELATIONSHIP_STATUS: f.STATUSES,
        f.AGREEMENTS_POSSIBLE: (f.YES, f.SOMETIMES, f.NO),
        f.GOAL: f.GOALS,
        f.PARTNER_WILLING: (f.YES, f.NO, f.UNKNOWN),
        f.PREFERENCE: f.PREFERENCES,
    }
    for text, requested, _ in CASES:
        for field, value in extract_answers(text, requested).items():
            assert field in f.FIELDS
            if value is None:
                continue
            if field in allowed:
                assert value in allowed[field], (text, field, value)
            elif field in f.BOOL_FIELDS:
                assert isinstance(value, bool)
            elif field == f.YOUNGEST_CHILD_AGE:
                assert isinstance(value, int) and 0 <= value <= f.YOUNGEST_AGE_MAX
            elif field == f.RELATIONSHIP_SCORE:
                assert isinstance(value, int) and f.SCORE_MIN <= value <= f.SCORE_MAX
            elif field == f.OTHER_PROBLEMS:
                assert set(value) <= set(f.PROBLEMS)
            elif field == f.BARRIERS:
                assert set(value) <= set(f.BARRIER_VALUES)


def test_an_unknown_requested_field_is_ignored() -> None:
    assert extract_answers("ja", "favourite_colour") == {}
    assert extract_answers("we gaan scheiden", "nonsense") == {
        "relationship_status": "separating"
    }


def test_dont_know_maps_every_field_to_none_except_partner_willing() -> None:
    for field in f.FIELDS:
        expected = f.UNKNOWN if field == f.PARTNER_WILLING else None
        assert extract_answers("geen idee", field) == {field: expected}, field


@pytest.mark.parametrize("bad", [None, 42, b"ja", ["ja"]])
def test_non_text_input_gives_nothing(bad: object) -> None:
    assert extract_answers(bad, "violence") == {}  # type: ignore[arg-type]


def test_huge_input_only_reads_the_start() -> None:
    text = "we zijn gescheiden. " + "bla " * 5000 + "we hebben een advocaat"
    assert len(text) > 10_000
    assert extract_answers(text) == {"relationship_status": "separated"}


def test_result_is_a_fresh_dict() -> None:
    first = extract_answers("schulden")
    first["other_problems"].append("work")
    assert extract_answers("schulden") == {"other_problems": ["money"]}


def test_docstring_examples_hold() -> None:
    import doctest

    import signals.answers
    import signals.danger

    for module in (signals.answers, signals.danger):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0, module.__name__


@pytest.mark.parametrize(("text", "expected"), [
    ("ik typ namens haar", True), ("Ik typ namens mijn cliënte.", True),
    ("ik ben wijkcoach en zit hier met een moeder van twee kinderen", True),
    ("ik typ dit namens mijn zus", True),
    ("ik ben het zat met hem", False), ("mijn vriendin typt mee", False), ("", False), (None, False),
])
def test_someone_typing_for_someone_else_is_recognised(text, expected):
    from signals.answers import types_for_someone_else

    assert types_for_someone_else(text) is expected
