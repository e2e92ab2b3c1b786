"""The routing engine: answers + gemeente catalogue -> an explained decision."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from routes import texts
from routes.answers import validate_answers
from routes.constants import FIELDS, SAFETY_FIELDS, SAFETY_ROUTES, Route
from routes.models import Catalogue, Contact, Offer
from routes.national import SAFETY_CONTACTS
from routes.rules import RULES, Rule


@dataclass(frozen=True)
class Decision:
    """The outcome for one resident, with everything needed to show and explain it."""

    route: str
    intensity: str | None
    rule: str
    offer: Offer
    offer_is_fallback: bool
    fallback_note: str | None
    reasons: tuple[str, ...]
    urgency: str
    safety_net: str | None
    safety_contacts: tuple[Contact, ...]
    unknown: tuple[str, ...]
    title: str
    summary: str  # what the resident gets on this route (spec section 5), B1
    gemeente: str
    deciding: tuple[str, ...]  # answer fields that decided the rule and the choice

    @property
    def is_safety(self) -> bool:
        return self.route in SAFETY_ROUTES

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form (used by the command line and the action server)."""
        return {
            "gemeente": self.gemeente,
            "route": self.route,
            "title": self.title,
            "intensity": self.intensity,
            "rule": self.rule,
            "urgency": self.urgency,
            "summary": self.summary,
            "offer": self.offer.dict(),
            "offer_is_fallback": self.offer_is_fallback,
            "fallback_note": self.fallback_note,
            "reasons": list(self.reasons),
            "safety_net": self.safety_net,
            "safety_contacts": [c.dict(exclude_none=True) for c in self.safety_contacts],
            "unknown": list(self.unknown),
            "deciding": list(self.deciding),
        }


def _first_match(filled: Mapping[str, Any]) -> tuple[Rule, list[str]]:
    looked: list[str] = []
    for rule in RULES:
        looked.extend(rule.when.fields())
        if rule.when.evaluate(filled):
            return rule, looked
    raise AssertionError("the last rule always matches")  # pragma: no cover


def _in_order(fields: set[str] | list[str]) -> tuple[str, ...]:
    wanted = set(fields)
    return tuple(f for f in FIELDS if f in wanted)


def decide(answers: Mapping[str, Any], catalogue: Catalogue) -> Decision:
    """Choose the route for ``answers`` with the rule table (first match wins).

    Absent keys count as ``None``; a ``None`` answer never raises and never makes a rule
    fire (see :mod:`routes.conditions`).

    Raises:
        AnswersError: for unknown fields or values outside spec section 4.
    """
    given = validate_answers(answers)
    filled = {field: given.get(field) for field in FIELDS}

    rule, looked = _first_match(filled)
    selection = rule.outcome.select(filled)
    route = Route(selection.target.route).value
    intensity = selection.target.intensity
    deciding = _in_order([*rule.when.deciding(filled), *selection.deciding])
    unknown = _in_order([f for f in (*looked, *selection.looked_at) if filled[f] is None])

    offer, is_fallback = catalogue.resolve_offer(route)
    is_safety = route in SAFETY_ROUTES

    reasons = [texts.rule_sentence(rule.id, rule.title)]
    reasons += texts.answers_sentences(
        [(f, filled[f], f in given) for f in deciding]
    )
    reasons.append(texts.conclusion_sentence(route, intensity))
    if not is_safety:
        # self_harm is only asked when there are signs of despair (spec section 3), so not
        # having asked it is normal and not worth a line.
        # With no children there is no question about their safety to leave unanswered.
        unanswered = [
            f for f in SAFETY_FIELDS if filled[f] is None and (f in given or f != "self_harm")
            and not (f == "children_unsafe" and filled.get("children_under_18") is False)
        ]
        if unanswered:
            reasons.append(texts.unknown_safety_sentence(unanswered))

    return Decision(
        route=route,
        intensity=intensity,
        rule=rule.id,
        offer=offer,
        offer_is_fallback=is_fallback,
        fallback_note=catalogue.fallback_note(route, offer) if is_fallback else None,
        reasons=tuple(reasons),
        urgency=rule.urgency,
        safety_net=None if is_safety else texts.SAFETY_NET,
        safety_contacts=SAFETY_CONTACTS.get(route, ()),
        unknown=unknown,
        title=texts.ROUTE_TITLES[route],
        summary=texts.ROUTE_SUMMARIES[route],
        gemeente=catalogue.id,
        deciding=deciding,
    )
