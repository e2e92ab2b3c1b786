"""The gemeente catalogue schema (spec section 7), as pydantic v1 models.

Strict on purpose: a wrong type, an unknown key, a bad phone number or a fallback that points
nowhere is refused, so the assistant never starts with a catalogue that could misroute
people. Messages are Dutch, for the functional admin who edits the YAML file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, Extra, StrictBool, root_validator, validator
from pydantic.validators import strict_str_validator

from routes import texts
from routes.constants import DEFAULT_FALLBACK, OFFER_ROUTES, SAFETY_ROUTES, WIJKTEAM, Route

Loc = tuple[Any, ...]

# --- field types ------------------------------------------------------------------------------

_SLUG = re.compile(r"^[a-z][a-z0-9_]*$")
_PHONE = re.compile(r"^\+?[0-9][0-9 -]*[0-9]$")
_URL = re.compile(r"^https?://[^\s/?#@]+\.[^\s/?#@]+(?:[/?#]\S*)?$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_DESCRIPTION = 200


def _text(value: Any) -> str:
    value = strict_str_validator(value).strip()
    if not value:
        raise ValueError("mag niet leeg zijn")
    return value


def _slug(value: str) -> str:
    if not _SLUG.match(value):
        raise ValueError(
            f"ongeldige id {value!r}: gebruik alleen kleine letters, cijfers en _ "
            "(en begin met een letter)"
        )
    return value


def _phone(value: str) -> str:
    digits = sum(ch.isdigit() for ch in value)
    if not _PHONE.match(value) or not 3 <= digits <= 15:
        raise ValueError(
            f"geen geldig telefoonnummer: {value!r} (gebruik cijfers, spaties en streepjes, "
            "bijvoorbeeld 038-000 00 01)"
        )
    return value


def _url(value: str) -> str:
    if not _URL.match(value):
        raise ValueError(
            f"geen geldig webadres: {value!r} (begin met https://, bijvoorbeeld "
            "https://www.gemeente.example/relatie)"
        )
    return value


def _email(value: str) -> str:
    if not _EMAIL.match(value):
        raise ValueError(f"geen geldig e-mailadres: {value!r}")
    return value


def _one_line(value: str) -> str:
    if "\n" in value:
        raise ValueError("moet één regel zijn (geen enter in de tekst)")
    if len(value) > MAX_DESCRIPTION:
        raise ValueError(
            f"is te lang ({len(value)} tekens); schrijf één korte zin van hoogstens "
            f"{MAX_DESCRIPTION} tekens"
        )
    return value


def _str_type(name: str, *checks: Callable[[str], str]) -> type:
    """A ``str`` field type that is strict (no numbers turned into text) and checked."""

    def validators(cls: type) -> Iterator[Callable[[Any], str]]:
        yield _text
        yield from checks

    return type(name, (str,), {"__get_validators__": classmethod(validators)})


Text = _str_type("Text")
Slug = _str_type("Slug", _slug)
Phone = _str_type("Phone", _phone)
Url = _str_type("Url", _url)
Email = _str_type("Email", _email)
OneLine = _str_type("OneLine", _one_line)

OfferRoute = Literal["rst", "partnerprogramma", "online", "relatie_apk"]
EventKind = Literal["relatie_apk", "week_van_de_relatie"]


def render_path(loc: Loc) -> str:
    """``("offers", 2, "signup", "__root__")`` -> ``offers[2].signup``."""
    out = ""
    for part in loc:
        if part == "__root__":
            continue
        if part == "__key__":
            out += " (sleutel)"
        elif isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(hele bestand)"


class ReferenceProblems(ValueError):
    """Cross-field problems of a catalogue, each with its own field path."""

    def __init__(self, problems: list[tuple[Loc, str]]):
        self.problems = problems
        super().__init__("; ".join(f"{render_path(loc)}: {msg}" for loc, msg in problems))


# --- models -----------------------------------------------------------------------------------


class _Model(BaseModel):
    class Config:
        extra = Extra.forbid
        allow_mutation = False


class Contact(_Model):
    """A place to call or write: wijkteam, national help lines."""

    name: Text
    phone: Phone | None = None
    phone_alt: Phone | None = None
    email: Email | None = None
    url: Url | None = None
    chat_url: Url | None = None
    hours: Text | None = None
    outside_hours: Text | None = None
    note: Text | None = None


class WijkteamContact(Contact):
    """The wijkteam / CJG: always a phone number, hours and what to do outside them."""

    phone: Phone
    hours: Text
    outside_hours: Text
    cost: Text = "Gratis"
    waiting_time: Text | None = None
    languages: list[Text] = ["Nederlands"]


class GemeenteContact(_Model):
    """The gemeente's general number and website."""

    phone: Phone
    url: Url
    hours: Text | None = None


class Signup(_Model):
    """How to sign up; at least one way."""

    url: Url | None = None
    phone: Phone | None = None
    email: Email | None = None

    @root_validator(skip_on_failure=True)
    def _at_least_one(cls, values: dict[str, Any]) -> dict[str, Any]:
        if not any(values.get(k) for k in ("url", "phone", "email")):
            raise ValueError("geef minstens één manier om je aan te melden: url, phone of email")
        return values


class Offer(_Model):
    """A local offer for one route."""

    id: Slug
    route: Literal["rst", "partnerprogramma", "online", "relatie_apk", "wijkteam"]
    name: Text
    provider: Text
    description: OneLine
    signup: Signup
    cost: Text
    waiting_time: Text
    languages: list[Text]
    opening_hours: Text
    outside_hours: Text | None = None
    info_url: Url | None = None

    @validator("languages")
    def _some_language(cls, value: list[str]) -> list[str]:
        if not value:
            raise ValueError("noem minstens één taal, bijvoorbeeld Nederlands")
        return value


class Event(_Model):
    """A Relatie-APK evening or a Week van de Relatie activity."""

    kind: EventKind
    title: Text
    date: date
    time: Text | None = None
    place: Text
    url: Url | None = None
    offer: Slug | None = None  # id of the offer this event belongs to
    description: OneLine | None = None

    @validator("date", pre=True)
    def _iso_date(cls, value: Any) -> Any:
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            return value.strip()
        raise ValueError(f"geen geldige datum: {value!r} (schrijf JJJJ-MM-DD, bijv. 2026-02-12)")


WIJKTEAM_DESCRIPTION = (
    "Praat met iemand van het wijkteam. Samen kijken jullie welke hulp bij jou past."
)


class Catalogue(_Model):
    """Everything the assistant knows about one gemeente."""

    id: Slug
    name: Text
    fictional: StrictBool = False
    notice: Text | None = None
    general_contact: GemeenteContact
    wijkteam: WijkteamContact
    offers: list[Offer] = []
    events: list[Event] = []
    fallback: dict[OfferRoute, tuple[Slug, ...]] = {}

    @root_validator(skip_on_failure=True)
    def _references(cls, values: dict[str, Any]) -> dict[str, Any]:
        problems = check_references(values)
        if problems:
            raise ReferenceProblems(problems)
        given = values["fallback"]
        values["fallback"] = {
            r.value: tuple(given.get(r.value, DEFAULT_FALLBACK[r.value])) for r in OFFER_ROUTES
        }
        return values

    # --- helpers used by the engine and the public page ---

    def offer_for(self, route: str) -> Offer | None:
        """The first offer listed for ``route``, or None."""
        return next((o for o in self.offers if o.route == str(route)), None)

    def offer_by_id(self, offer_id: str) -> Offer | None:
        if offer_id == WIJKTEAM:
            return self.wijkteam_offer()
        return next((o for o in self.offers if o.id == offer_id), None)

    def wijkteam_offer(self) -> Offer:
        """The wijkteam as an offer (id ``wijkteam``): the warm handover and the last fallback."""
        team = self.wijkteam
        return Offer(
            id=WIJKTEAM,
            route=WIJKTEAM,
            name=team.name,
            provider=team.name,
            description=WIJKTEAM_DESCRIPTION,
            signup=Signup(url=team.url, phone=team.phone, email=team.email),
            cost=team.cost,
            waiting_time=team.waiting_time or "Bel of mail, dan hoor je wanneer er tijd is.",
            languages=list(team.languages),
            opening_hours=team.hours,
            outside_hours=team.outside_hours,
        )

    def fallback_chain(self, route: str) -> tuple[str, ...]:
        return self.fallback.get(str(route), DEFAULT_FALLBACK.get(str(route), (WIJKTEAM,)))

    def resolve_offer(self, route: str) -> tuple[Offer, bool]:
        """The offer for ``route`` after the fallback order, and whether it is a fallback.

        Safety routes always get the wijkteam (warm handover), not as a fallback.
        """
        if Route(route) in SAFETY_ROUTES:
            return self.wijkteam_offer(), False
        offer = self.offer_for(route)
        if offer is not None:
            return offer, False
        for step in self.fallback_chain(route):
            if step == WIJKTEAM:
                break
            offer = self.offer_for(step)
            if offer is not None:
                return offer, True
        return self.wijkteam_offer(), True

    def fallback_note(self, route: str, offer: Offer) -> str:
        return texts.fallback_note(route, self.name, offer.name)


def check_references(values: dict[str, Any]) -> list[tuple[Loc, str]]:
    """Cross-field checks: unique ids, existing references, fallback orders that end well."""
    problems: list[tuple[Loc, str]] = []
    offers: list[Offer] = values.get("offers", [])
    seen: dict[str, int] = {}
    for i, offer in enumerate(offers):
        if offer.id == WIJKTEAM:
            problems.append(
                (
                    ("offers", i, "id"),
                    "'wijkteam' is gereserveerd; het wijkteam staat onder wijkteam:",
                )
            )
        elif offer.id in seen:
            problems.append(
                (
                    ("offers", i, "id"),
                    f"dubbele id {offer.id!r}: staat ook bij offers[{seen[offer.id]}]",
                )
            )
        else:
            seen[offer.id] = i
        if offer.route == WIJKTEAM:
            problems.append(
                (
                    ("offers", i, "route"),
                    "'wijkteam' is geen route voor een aanbod; kies uit "
                    + ", ".join(r.value for r in OFFER_ROUTES),
                )
            )
    for i, event in enumerate(values.get("events", [])):
        if event.offer is not None and event.offer not in seen:
            known = ", ".join(seen) or "(geen aanbod in dit bestand)"
            problems.append(
                (
                    ("events", i, "offer"),
                    f"onbekend aanbod-id {event.offer!r}; bekende id's: {known}",
                )
            )
    if values.get("fictional") and not values.get("notice"):
        problems.append(
            (("notice",), "ontbreekt: leg uit dat de gegevens in dit bestand verzonnen zijn")
        )
    routes_with_offer = {o.route for o in offers}
    targets = [r.value for r in OFFER_ROUTES] + [WIJKTEAM]
    for route, chain in values.get("fallback", {}).items():
        for k, step in enumerate(chain):
            loc = ("fallback", route, k)
            if step not in targets:
                problems.append((loc, f"onbekende route {step!r}; kies uit {', '.join(targets)}"))
            elif step == route:
                problems.append((loc, f"{route!r} verwijst naar zichzelf"))
            elif step in chain[:k]:
                problems.append((loc, f"{step!r} staat twee keer in de lijst"))
            elif step != WIJKTEAM and step not in routes_with_offer:
                problems.append(
                    (loc, f"verwijst naar {step!r}, maar er is geen aanbod met route {step!r}")
                )
        if not chain or chain[-1] != WIJKTEAM:
            problems.append(
                (
                    ("fallback", route),
                    "de lijst moet eindigen met 'wijkteam', zodat er altijd iemand is om naar te "
                    "verwijzen",
                )
            )
    return problems
