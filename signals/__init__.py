"""Dutch free-text signals for Relatieroute: danger signals and answers (pure Python).

Public API:
    detect_danger(text) -> DangerSignal | None      the safety interrupt (spec section 8)
    detect_dangers(text) -> tuple[DangerSignal, ...] every danger kind found, most urgent first
    extract_answers(text, requested=None) -> dict    answers stated in free text (spec section 4)
    warm_up() -> None                                compile the lexicon at server start

No Rasa or spaCy import, no work at import time.
"""

from signals.answers import extract_answers
from signals.danger import (
    ACUTE,
    CHILDREN,
    SELF_HARM,
    VIOLENCE,
    DangerSignal,
    detect_danger,
    detect_dangers,
    normalise_for_danger,
    warm_up,
)

__all__ = [
    "ACUTE",
    "CHILDREN",
    "SELF_HARM",
    "VIOLENCE",
    "DangerSignal",
    "detect_danger",
    "detect_dangers",
    "extract_answers",
    "normalise_for_danger",
    "warm_up",
]
