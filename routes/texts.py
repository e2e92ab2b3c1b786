"""Every Dutch sentence the package shows to residents and professionals (B1).

Kept in one place so the wording can be reviewed without reading the logic. The rules
themselves live in :mod:`routes.rules`; the phrases here only say in words what a condition
or an answer means.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from routes.constants import LICHT, ZWAAR, Route

SAFETY_NET = (
    "Voel je je niet veilig? Bel Veilig Thuis: 0800-2000 (gratis, dag en nacht). "
    "Bij direct gevaar: bel 112."
)


DAY_NAMES = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTH_NAMES = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
               "september", "oktober", "november", "december")


def dutch_date(day: date) -> str:
    """``donderdag 11 februari 2027``."""
    return f"{DAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def offer_title(name: str, provider: str) -> str:
    """``Houd me Vast van Stichting X``; the name alone when the provider is the same."""
    if provider.strip().lower() in name.strip().lower():
        return name
    return f"{name} van {provider}"


def join_and(items: Sequence[str]) -> str:
    """``a``, ``a en b``, ``a, b en c``."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def join_or(items: Sequence[str]) -> str:
    """``a``, ``a of b``, ``a, b of c``."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " of " + items[-1]


def sentence(text: str) -> str:
    """Capitalise the first letter and end with a full stop."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


# --- routes -------------------------------------------------------------------------------

ROUTE_TITLES: dict[str, str] = {
    Route.VEILIGHEID_ACUUT.value: "Direct hulp bij gevaar",
    Route.CRISIS.value: "Hulp bij zware gedachten",
    Route.VEILIGHEID.value: "Eerst veiligheid",
    Route.RST.value: "Relatie- en Scheidingsteam",
    Route.PARTNERPROGRAMMA.value: "Partnerprogramma in een groep",
    Route.ONLINE.value: "Online relatieprogramma",
    Route.RELATIE_APK.value: "Relatie-APK",
}

# What the resident gets (spec section 5), in B1.
ROUTE_SUMMARIES: dict[str, str] = {
    Route.VEILIGHEID_ACUUT.value: "Bel nu 112. Daarna kan Veilig Thuis je verder helpen.",
    Route.CRISIS.value: (
        "Praat nu met 113 Zelfmoordpreventie: bel 113 of gratis 0800-0113, of chat via 113.nl. "
        "Dat kan dag en nacht. Praat ook met je huisarts. Later kun je verder met je vragen "
        "over je relatie."
    ),
    Route.VEILIGHEID.value: (
        "Bel Veilig Thuis: 0800-2000. Dat is gratis en kan dag en nacht, ook anoniem. "
        "Het wijkteam helpt je verder. Zolang het thuis niet veilig is, is een cursus voor "
        "stellen of bemiddeling niet de goede stap."
    ),
    Route.RST.value: (
        "Eén team helpt jullie, met één plan en één vaste regisseur. Het team haalt er hulp "
        "bij als dat nodig is: voor geld, recht, bemiddeling (mediation) of psychische zorg."
    ),
    Route.PARTNERPROGRAMMA.value: (
        "Samen met andere stellen of ouders in een groep werken aan jullie relatie, "
        "bijvoorbeeld met ‘Houd me Vast’ of ‘Samen Sterker’."
    ),
    Route.ONLINE.value: (
        "Thuis, in je eigen tempo, werken aan jullie relatie met filmpjes en opdrachten. "
        "Met daarbij tot 3 online gesprekken met een hulpverlener."
    ),
    Route.RELATIE_APK.value: (
        "Eén avond met praktische tips voor jullie relatie. En activiteiten in de Week van "
        "de Relatie."
    ),
}

# Used in "... is er niet in Gemeente X" (fallback note).
ROUTE_NOUNS: dict[str, str] = {
    Route.RST.value: "een Relatie- en Scheidingsteam",
    Route.PARTNERPROGRAMMA.value: "een partnerprogramma in een groep",
    Route.ONLINE.value: "een online relatieprogramma",
    Route.RELATIE_APK.value: "een Relatie-APK",
}

INTENSITY_LABELS: dict[str, str] = {
    ZWAAR: "intensieve begeleiding",
    LICHT: "lichte begeleiding",
}

URGENCY_LABELS: dict[str, str] = {
    "acuut": "acuut: direct hulp nodig",
    "hoog": "hoog: snel hulp nodig",
    "normaal": "normaal",
}


def route_label(route: str, intensity: str | None = None) -> str:
    """``Relatie- en Scheidingsteam (intensieve begeleiding)``."""
    title = ROUTE_TITLES[route]
    return f"{title} ({INTENSITY_LABELS[intensity]})" if intensity else title


def fallback_note(route: str, gemeente_name: str, offer_name: str) -> str:
    """B1 sentence: the chosen offer is missing here, this is what we offer instead."""
    return sentence(
        f"{ROUTE_NOUNS[route]} is er niet in {gemeente_name}. "
        f"Daarom verwijzen we je naar: {offer_name}"
    )


# --- answer vocabulary ----------------------------------------------------------------------

# Short topic of every question, for "weet ik niet" lines and the public page.
FIELD_TOPICS: dict[str, str] = {
    "acute_danger": "direct gevaar",
    "violence": "geweld, dreiging of angst voor je (ex-)partner",
    "children_unsafe": "de veiligheid van de kinderen",
    "self_harm": "gedachten aan zelfdoding",
    "relationship_status": "jullie relatie (samen, twijfel, uit elkaar)",
    "children_under_18": "kinderen onder de 18",
    "youngest_child_age": "de leeftijd van het jongste kind",
    "relationship_score": "het cijfer voor je relatie",
    "agreements_possible": "samen afspraken maken",
    "legal_proceedings": "advocaat, rechter of juridische ruzie",
    "other_problems": "andere zorgen",
    "goal": "wat je wilt",
    "partner_willing": "of je partner mee wil doen",
    "preference": "je voorkeur",
    "barriers": "wat het lastig maakt om hulp te zoeken",
}

LIST_LABELS: dict[str, dict[str, str]] = {
    "other_problems": {
        "money": "geld of schulden",
        "housing": "wonen",
        "work": "werk",
        "health": "gezondheid",
        "addiction": "verslaving",
    },
    "barriers": {
        "time": "tijd",
        "shame": "schaamte",
        "distance": "afstand",
        "money": "geld",
        "language": "taal",
    },
}

# Condition phrases, main-clause word order ("jullie gaan uit elkaar").
IS_PHRASES: dict[str, dict[str, str]] = {
    "relationship_status": {
        "together": "jullie zijn samen",
        "doubting": "je twijfelt over je relatie",
        "separating": "jullie gaan uit elkaar",
        "separated": "jullie zijn uit elkaar",
        "no_partner": "je hebt geen partner",
    },
    "agreements_possible": {
        "yes": "jullie kunnen samen afspraken maken",
        "sometimes": "jullie kunnen soms samen afspraken maken",
        "no": "jullie kunnen samen geen afspraken meer maken",
    },
    "goal": {
        "improve": "je wilt jullie relatie beter maken",
        "unsure": "je weet nog niet wat je wilt",
        "separate_well": "je wilt goed uit elkaar gaan",
        "maintenance": "je wilt werken aan onderhoud van jullie relatie",
    },
    "partner_willing": {
        "yes": "je partner wil meedoen",
        "no": "je partner wil niet meedoen",
        "unknown": "je weet niet of je partner wil meedoen",
    },
    "preference": {
        "online": "je kiest voor online, thuis",
        "group": "je kiest voor een groep",
        "one_evening": "je kiest voor één avond",
        "professional": "je kiest voor een gesprek met een hulpverlener",
        "none": "je hebt geen voorkeur",
    },
}

# "field is not value, and 'weet ik niet' counts as not blocking" (NotEq).
NOT_PHRASES: dict[tuple[str, str], str] = {
    ("partner_willing", "no"): "je partner zegt geen nee tegen meedoen (of dat weet je nog niet)",
}

TRUE_PHRASES: dict[str, str] = {
    "acute_danger": "je bent nu in gevaar",
    "violence": "er is geweld, dreiging, controle of angst voor je (ex-)partner",
    "children_unsafe": "de kinderen zijn niet veilig",
    "self_harm": "je hebt gedachten aan zelfdoding of aan jezelf pijn doen",
    "children_under_18": "er zijn kinderen onder de 18",
    "legal_proceedings": (
        "er is een advocaat of rechter bij, of ruzie over het ouderschapsplan, de omgang "
        "of alimentatie"
    ),
}


def number_phrase(field: str, low: int | None, high: int | None) -> str:
    """Phrase for a number range condition (``low``/``high`` inclusive, ``None`` = open)."""
    if field == "relationship_score":
        if low is None:
            return f"je geeft je relatie een {high} of lager"
        if high is None:
            return f"je geeft je relatie een {low} of hoger"
        if high == low + 1:
            return f"je geeft je relatie een {low} of een {high}"
        return f"je geeft je relatie een {low} tot en met {high}"
    if field == "youngest_child_age":
        if low is None:
            return f"het jongste kind is {high} jaar of jonger (of er is een baby op komst)"
        if high is None:
            return f"het jongste kind is {low} jaar of ouder"
        return f"het jongste kind is {low} tot en met {high} jaar"
    raise KeyError(field)


def count_phrase(field: str, at_least: int) -> str:
    """Phrase for "at least n items in this list"."""
    labels = join_or(list(LIST_LABELS[field].values()))
    if field == "other_problems":
        return f"er zijn {at_least} of meer andere zorgen ({labels})"
    return f"er zijn {at_least} of meer dingen die het lastig maken ({labels})"


def has_any_phrase(field: str, values: Sequence[str]) -> str:
    """Phrase for "at least one of these items is in the list"."""
    labels = join_or([LIST_LABELS[field][v] for v in values])
    if field == "barriers":
        return f"{labels} maakt het lastig om hulp te zoeken"
    return f"je hebt ook zorgen over {labels}"


# --- the resident's own answers, for the reasons --------------------------------------------

# Subordinate clauses after "Je gaf aan dat ..." (verb last).
_CLAUSES: dict[str, dict[Any, str]] = {
    "acute_danger": {True: "je nu in gevaar bent", False: "je nu niet in direct gevaar bent"},
    "violence": {
        True: "er geweld, dreiging, controle of angst voor je (ex-)partner is",
        False: "er geen geweld, dreiging of angst voor je (ex-)partner is",
    },
    "children_unsafe": {
        True: "de kinderen niet veilig zijn",
        False: "de kinderen veilig zijn",
    },
    "self_harm": {
        True: "je gedachten hebt aan zelfdoding of aan jezelf pijn doen",
        False: "je geen gedachten hebt aan zelfdoding",
    },
    "relationship_status": {
        "together": "jullie samen zijn",
        "doubting": "je twijfelt over je relatie",
        "separating": "jullie uit elkaar gaan",
        "separated": "jullie uit elkaar zijn",
        "no_partner": "je geen partner hebt",
    },
    "children_under_18": {
        True: "er kinderen onder de 18 zijn",
        False: "er geen kinderen onder de 18 zijn",
    },
    "agreements_possible": {
        "yes": "jullie samen afspraken kunnen maken",
        "sometimes": "jullie soms samen afspraken kunnen maken",
        "no": "jullie samen geen afspraken meer kunnen maken",
    },
    "legal_proceedings": {
        True: (
            "er een advocaat of rechter bij is, of ruzie over het ouderschapsplan, de omgang "
            "of alimentatie"
        ),
        False: "er geen advocaat, rechter of juridische ruzie is",
    },
    "goal": {
        "improve": "je jullie relatie beter wilt maken",
        "unsure": "je nog niet weet wat je wilt",
        "separate_well": "je goed uit elkaar wilt gaan",
        "maintenance": "je aan onderhoud van jullie relatie wilt werken",
    },
    "partner_willing": {
        "yes": "je partner wil meedoen",
        "no": "je partner niet wil meedoen",
        "unknown": "je niet weet of je partner wil meedoen",
    },
}

_PREFERENCE_SENTENCES: dict[str, str] = {
    "online": "Je koos voor online, thuis.",
    "group": "Je koos voor een groep.",
    "one_evening": "Je koos voor één avond.",
    "professional": "Je koos voor een gesprek met een hulpverlener.",
    "none": "Je had geen voorkeur voor een vorm.",
}


def answer_clause(field: str, value: Any) -> str | None:
    """The answer as a clause after "Je gaf aan dat", or None if it reads better alone."""
    if value is None:
        return None
    if field in _CLAUSES:
        return _CLAUSES[field][value]
    if field == "youngest_child_age":
        if value == 0:
            return "jullie jongste kind jonger is dan 1 jaar, of op komst is"
        return f"jullie jongste kind {value} jaar is"
    if field == "other_problems":
        if not value:
            return "er geen andere zorgen zijn"
        return "je ook zorgen hebt over " + join_and(
            [LIST_LABELS[field][v] for v in value]
        )
    if field == "barriers":
        if not value:
            return "er niets is wat het lastig maakt om hulp te zoeken"
        verb = "maakt" if len(value) == 1 else "maken"
        labels = join_and([LIST_LABELS[field][v] for v in value])
        return f"{labels} het lastig {verb} om hulp te zoeken"
    return None


def answer_sentence(field: str, value: Any, *, asked: bool = True) -> str:
    """One B1 sentence that names the resident's answer to one question."""
    if value is None:
        topic = FIELD_TOPICS[field]
        if asked:
            return f"Bij de vraag over {topic} koos je ‘weet ik niet’."
        return f"De vraag over {topic} is niet beantwoord."
    if field == "relationship_score":
        return f"Je gaf je relatie een {value}."
    if field == "preference":
        return _PREFERENCE_SENTENCES[value]
    clause = answer_clause(field, value)
    assert clause is not None  # every other field has a clause
    return sentence("Je gaf aan dat " + clause)


def answers_sentences(items: Sequence[tuple[str, Any, bool]]) -> list[str]:
    """Sentences for several answers: clauses combined ("Je gaf aan dat A en dat B."),
    the rest one sentence each. ``items`` are ``(field, value, asked)``."""
    clauses: list[str] = []
    others: list[str] = []
    for field, value, asked in items:
        clause = answer_clause(field, value)
        if clause is None:
            others.append(answer_sentence(field, value, asked=asked))
        else:
            clauses.append(clause)
    combined = []
    if clauses:
        combined.append(sentence("Je gaf aan dat " + join_and(
            [clauses[0], *("dat " + c for c in clauses[1:])]
        )))
    return combined + others


def rule_sentence(rule_id: str, title: str) -> str:
    """First reason: which rule decided."""
    return sentence(f"Regel {rule_id}: {title}")


def conclusion_sentence(route: str, intensity: str | None) -> str:
    """Last reason for the route itself."""
    return sentence(f"Daarom past deze route het best: {route_label(route, intensity)}")


def unknown_safety_sentence(fields: Sequence[str]) -> str:
    """Line for safety questions that were not (fully) answered."""
    topics = join_and([FIELD_TOPICS[f] for f in fields])
    return (
        f"Je hebt de vraag over {topics} niet beantwoord. Dat mag. "
        "Daarom staan hieronder ook de nummers voor als je je niet veilig voelt."
        if len(fields) == 1
        else f"Je hebt de vragen over {topics} niet beantwoord. Dat mag. "
        "Daarom staan hieronder ook de nummers voor als je je niet veilig voelt."
    )
