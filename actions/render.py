"""Turns catalogue and decision objects into the variables that the domain's responses use.

Only values go through here (names, numbers, links); the sentences are in `domain.yml`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from routes import Catalogue, Decision, Offer
from routes.texts import dutch_date, offer_title

SEPARATOR = " · "
RULE_PREFIX = "Regel "  # routes.texts.rule_sentence


def contact_line(offer: Offer) -> str:
    """How to sign up: phone, link and e-mail, as far as the catalogue has them."""
    signup = offer.signup
    parts = [getattr(signup, key, None) for key in ("phone", "url", "email")]
    return SEPARATOR.join(str(part) for part in parts if part)


def offer_variables(offer: Offer) -> dict[str, Any]:
    """Variables for the outcome responses."""
    return {
        "offer_name": offer.name,
        "offer_provider": offer.provider,
        "offer_title": offer_title(offer.name, offer.provider),
        "offer_description": offer.description,
        "offer_contact": contact_line(offer),
        # The responses end these with a full stop of their own (no "Gratis..").
        "offer_cost": str(offer.cost).rstrip(". "),
        "offer_waiting_time": str(offer.waiting_time).rstrip(". "),
    }


def wijkteam_variables(catalogue: Catalogue) -> dict[str, Any]:
    """Variables for the human-contact responses."""
    team = catalogue.wijkteam
    extra = SEPARATOR.join(str(part) for part in (team.email, team.url) if part)
    return {
        "wijkteam_name": team.name,
        "wijkteam_phone": team.phone,
        "wijkteam_hours": team.hours,
        "wijkteam_outside_hours": team.outside_hours,
        "wijkteam_extra": extra,
    }


def gemeente_variables(catalogue: Catalogue) -> dict[str, Any]:
    """Variables for responses that name the gemeente or its general contact."""
    general = catalogue.general_contact
    return {
        "gemeente_name": catalogue.name,
        "general_phone": general.phone,
        "general_url": general.url or "",
    }


def events_line(catalogue: Catalogue, today: date | None = None) -> str:
    """The coming Relatie-APK / Week van de Relatie events, one per line; past ones left out."""
    today = today or date.today()
    lines = []
    for event in sorted(catalogue.events, key=lambda e: e.date):
        if event.date < today:
            continue
        when = dutch_date(event.date) + (f", {event.time}" if event.time else "")
        place = f", {event.place}" if event.place else ""
        lines.append(f"{event.title}: {when}{place}")
    return "\n".join(lines)


def reasons_text(decision: Decision, for_resident: bool = True) -> str:
    """The decision's reasons as one short paragraph per reason.

    A resident does not read rule codes ("Regel S2: …"); the wijkteam's intake does.
    """
    reasons = decision.reasons
    if for_resident:
        reasons = [r for r in reasons if not r.startswith(RULE_PREFIX)]
    return "\n".join(f"- {reason}" for reason in reasons)


def decision_variables(
    decision: Decision, catalogue: Catalogue, for_resident: bool = True
) -> dict[str, Any]:
    """All variables an outcome response may use."""
    intensity = {"zwaar": "intensieve begeleiding", "licht": "lichte begeleiding"}
    return {
        **offer_variables(decision.offer),
        **wijkteam_variables(catalogue),
        **gemeente_variables(catalogue),
        "route_title": decision.title,
        "intensity_text": intensity.get(decision.intensity or "", ""),
        "reasons": reasons_text(decision, for_resident),
        "fallback_note": decision.fallback_note or "",
        "events": events_line(catalogue),
    }
