"""The rule table of spec section 6, as data.

This table is the only copy of the rules: :func:`routes.engine.decide`,
:func:`routes.planner.needed_fields` and the public page (:func:`routes.explain.explain`) all
read it. First match wins; the last rule always matches.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any as AnyValue

from routes.conditions import (
    All,
    Always,
    Any,
    AtMost,
    Between,
    Condition,
    CountAtLeast,
    HasAny,
    Is,
    IsTrue,
    NotEq,
    unique_fields,
)
from routes.constants import (
    LICHT,
    URGENCY_ACUUT,
    URGENCY_HOOG,
    URGENCY_NORMAAL,
    ZWAAR,
    Route,
)


@dataclass(frozen=True)
class Target:
    """Where a rule sends someone: a route and, for the RST, an intensity."""

    route: Route
    intensity: str | None = None


@dataclass(frozen=True)
class Choice:
    """One option of an outcome: ``target`` when ``when`` holds."""

    when: Condition
    target: Target


@dataclass(frozen=True)
class Selection:
    """The result of an outcome for a set of answers."""

    target: Target
    looked_at: tuple[str, ...]  # fields of the choices that were evaluated
    deciding: tuple[str, ...]  # fields whose answers made the choice


@dataclass(frozen=True)
class Outcome:
    """Ordered choices (first that holds wins) with a default."""

    otherwise: Target
    choices: tuple[Choice, ...] = ()

    def select(self, answers: Mapping[str, AnyValue]) -> Selection:
        """Pick the target. ``answers`` must have every field (absent filled with ``None``)."""
        looked: list[str] = []
        deciding: list[str] = []
        for choice in self.choices:
            looked.extend(choice.when.fields())
            deciding.extend(choice.when.deciding(answers))
            if choice.when.evaluate(answers):
                return Selection(choice.target, tuple(looked), tuple(deciding))
        return Selection(self.otherwise, tuple(looked), tuple(deciding))

    def open_fields(self, answers: Mapping[str, AnyValue]) -> tuple[str, ...]:
        """Absent fields the choice still depends on (empty when the choice is made)."""
        needed: list[str] = []
        for choice in self.choices:
            result = choice.when.evaluate(answers)
            if result is True:
                break
            if result is None:
                needed.extend(choice.when.open_fields(answers))
        return tuple(needed)

    def targets(self) -> tuple[Target, ...]:
        return (*(c.target for c in self.choices), self.otherwise)


def goes(route: Route, intensity: str | None = None) -> Outcome:
    """An outcome without a choice."""
    return Outcome(otherwise=Target(route, intensity))


@dataclass(frozen=True)
class Rule:
    """One row of the rule table."""

    id: str
    title: str  # short B1 name, shown as "Regel R1: <title>"
    when: Condition
    outcome: Outcome
    urgency: str = URGENCY_NORMAAL
    fields: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        names = {*self.when.fields()}
        for choice in self.outcome.choices:
            names.update(choice.when.fields())
        object.__setattr__(self, "fields", unique_fields(names))


# "Youngest child under 4, expecting included" only counts when there are children.
YOUNG_CHILD = All(IsTrue("children_under_18"), AtMost("youngest_child_age", 3))
SEPARATING = Is("relationship_status", "separating", "separated")
DOUBTING_WITH_LAWYERS = All(Is("relationship_status", "doubting"), IsTrue("legal_proceedings"))

RULES: tuple[Rule, ...] = (
    Rule(
        "S1",
        "bij direct gevaar gaat veiligheid altijd voor",
        IsTrue("acute_danger"),
        goes(Route.VEILIGHEID_ACUUT),
        URGENCY_ACUUT,
    ),
    Rule(
        "S2",
        "bij gedachten aan zelfdoding is eerst hulp voor jou nodig",
        IsTrue("self_harm"),
        goes(Route.CRISIS),
        URGENCY_ACUUT,
    ),
    Rule(
        "S3",
        "bij geweld, dreiging of onveilige kinderen gaat veiligheid voor",
        Any(IsTrue("violence"), IsTrue("children_unsafe")),
        goes(Route.VEILIGHEID),
        URGENCY_HOOG,
    ),
    Rule(
        "P1",
        "zonder partner: hulp bij vragen over de kinderen, of informatie",
        Is("relationship_status", "no_partner"),
        Outcome(
            otherwise=Target(Route.RELATIE_APK),
            choices=(Choice(IsTrue("children_under_18"), Target(Route.RST, LICHT)),),
        ),
    ),
    Rule(
        "R1",
        "uit elkaar met kinderen, en veel strijd of zorgen",
        All(
            Any(SEPARATING, DOUBTING_WITH_LAWYERS),
            IsTrue("children_under_18"),
            Any(
                Is("agreements_possible", "no"),
                IsTrue("legal_proceedings"),
                CountAtLeast("other_problems", 2),
            ),
        ),
        goes(Route.RST, ZWAAR),
        URGENCY_HOOG,
    ),
    Rule(
        "R2",
        "uit elkaar gaan, of goed uit elkaar willen gaan",
        Any(SEPARATING, Is("goal", "separate_well")),
        goes(Route.RST, LICHT),
    ),
    Rule(
        "R3",
        "het gaat zwaar in jullie relatie",
        Any(
            AtMost("relationship_score", 5),
            Is("agreements_possible", "no"),
            Is("relationship_status", "doubting"),
            Is("goal", "unsure"),
        ),
        Outcome(
            otherwise=Target(Route.PARTNERPROGRAMMA),
            choices=(
                Choice(
                    Any(
                        Is("preference", "online"),
                        HasAny("barriers", "time", "shame", "distance"),
                        Is("partner_willing", "no"),
                    ),
                    Target(Route.ONLINE),
                ),
            ),
        ),
    ),
    Rule(
        "R4",
        "het gaat redelijk, maar het kan beter",
        Any(Between("relationship_score", 6, 7), Is("agreements_possible", "sometimes")),
        Outcome(
            otherwise=Target(Route.ONLINE),
            choices=(
                Choice(
                    All(
                        Any(YOUNG_CHILD, Is("preference", "group")),
                        NotEq("partner_willing", "no"),
                    ),
                    Target(Route.PARTNERPROGRAMMA),
                ),
                Choice(Is("preference", "one_evening"), Target(Route.RELATIE_APK)),
            ),
        ),
    ),
    Rule(
        "R5",
        "het gaat goed: onderhoud van jullie relatie",
        Always(),
        Outcome(
            otherwise=Target(Route.RELATIE_APK),
            choices=(Choice(Is("preference", "online"), Target(Route.ONLINE)),),
        ),
    ),
)

RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}


def rules_fingerprint() -> str:
    """Short, stable fingerprint of the rule table, for the algorithm register."""
    text = repr([(r.id, r.when, r.outcome, r.urgency) for r in RULES])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
