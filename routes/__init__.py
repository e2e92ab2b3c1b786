"""Relatieroute routing: gemeente catalogues and an explainable, deterministic routing engine.

Pure Python (no Rasa), so the decision at the heart of the product can be read, tested and
published on its own. The rule table is :data:`routes.rules.RULES`; everything else reads it.

Typical use::

    from routes import decide, load_catalogues, next_question

    catalogues = load_catalogues()            # refuses broken files (CatalogueError)
    next_question({"relationship_status": "separated"})   # -> "children_under_18"
    decision = decide(answers, catalogues["voorbeeld"])
    decision.route, decision.reasons, decision.offer
"""

from routes.answers import AnswersError, validate_answers
from routes.catalogue import CatalogueError, Problem, load_catalogue, load_catalogues
from routes.constants import (
    DEFAULT_GEMEENTE,
    FIELDS,
    SAFETY_FIELDS,
    SAFETY_ROUTES,
    SITUATION_FIELDS,
    Route,
)
from routes.engine import Decision, decide
from routes.explain import explain
from routes.models import Catalogue, Contact, Event, Offer
from routes.planner import needed_fields, next_question

__all__ = [
    "DEFAULT_GEMEENTE",
    "FIELDS",
    "SAFETY_FIELDS",
    "SAFETY_ROUTES",
    "SITUATION_FIELDS",
    "AnswersError",
    "Catalogue",
    "CatalogueError",
    "Contact",
    "Decision",
    "Event",
    "Offer",
    "Problem",
    "Route",
    "decide",
    "explain",
    "load_catalogue",
    "load_catalogues",
    "needed_fields",
    "next_question",
    "validate_answers",
]
