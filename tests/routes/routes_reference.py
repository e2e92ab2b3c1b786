"""An independent, plain transcription of the rule table in spec section 6.

The engine builds its rules from condition objects; this file writes the same table as
ordinary if-statements, straight from the spec, so the tests can compare the two.
Interpretation shared with the engine (see the report): "youngest child under 4" only
counts when ``children_under_18`` is true.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

SEPARATING = ("separating", "separated")


def reference_route(answers: Mapping[str, Any]) -> tuple[str, str, str | None]:
    """``(rule, route, intensity)`` for answers; absent keys and None mean unknown."""
    a = dict(answers)
    if a.get("youngest_child_age") == "expecting":
        a["youngest_child_age"] = 0
    status = a.get("relationship_status")
    kids = a.get("children_under_18") is True
    legal = a.get("legal_proceedings") is True
    agreements = a.get("agreements_possible")
    problems = a.get("other_problems") or []
    goal = a.get("goal")
    score = a.get("relationship_score")
    preference = a.get("preference")
    barriers = a.get("barriers") or []
    partner = a.get("partner_willing")
    age = a.get("youngest_child_age")

    if a.get("acute_danger") is True:
        return "S1", "veiligheid_acuut", None
    if a.get("self_harm") is True:
        return "S2", "crisis", None
    if a.get("violence") is True or a.get("children_unsafe") is True:
        return "S3", "veiligheid", None
    if status == "no_partner":
        return ("P1", "rst", "licht") if kids else ("P1", "relatie_apk", None)
    if (
        (status in SEPARATING or (status == "doubting" and legal))
        and kids
        and (agreements == "no" or legal or len(set(problems)) >= 2)
    ):
        return "R1", "rst", "zwaar"
    if status in SEPARATING or goal == "separate_well":
        return "R2", "rst", "licht"
    if (score is not None and score <= 5) or agreements == "no" or status == "doubting" or (
        goal == "unsure"
    ):
        if preference == "online" or {"time", "shame", "distance"} & set(barriers) or (
            partner == "no"
        ):
            return "R3", "online", None
        return "R3", "partnerprogramma", None
    if (score is not None and 6 <= score <= 7) or agreements == "sometimes":
        young = kids and age is not None and age < 4
        if (young or preference == "group") and partner != "no":
            return "R4", "partnerprogramma", None
        if preference == "one_evening":
            return "R4", "relatie_apk", None
        return "R4", "online", None
    if preference == "online":
        return "R5", "online", None
    return "R5", "relatie_apk", None
