"""Terms the scrubber must leave alone, and the masking that keeps rules away from them.

Residents and the bot talk about services by name ("Veilig Thuis", "Houd me Vast", "wijkteam
Zwolle") and by number (112, 113, 0800-2000). Those are not personal data, and scrubbing them
would make logs and exports useless for exactly the safety cases that matter most. Before the
rules run, every protected span is swapped for an opaque token made of private-use characters
(which no rule matches: they are neither letters, digits nor spaces) and restored afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Service and programme names from the triage spec and the seeds (case-insensitive).
PROTECTED_TERMS: tuple[str, ...] = (
    "Veilig Thuis",
    "Houd me Vast",
    "Hou me Vast",
    "Relatie-APK",
    "Relatie APK",
    "RelatieAPK",
    "Week van de Relatie",
    "Samen Sterker",
    "113 Zelfmoordpreventie",
    "Zelfmoordpreventie",
    "Relatie- en Scheidingsteam",
    "Centrum voor Jeugd en Gezin",
    "Juridisch Loket",
    "Het Juridisch Loket",
    "Sociaal Raadslieden",
    "Raad voor de Kinderbescherming",
)

#: National numbers that must stay readable (also when typed without separator).
_PROTECTED_NUMBERS = r"(?<!\d)(?:0800[\s\-\u2013]?2000|0800[\s\-\u2013]?0113)(?!\d)"

#: A local team plus the place it serves: "wijkteam Zwolle", "CJG Eindhoven", "gemeente Den Haag".
_TEAM_WORDS = (
    r"wijkteam|buurtteam|sociaal\s+team|sociaal\s+wijkteam|gebiedsteam|jeugdteam|"
    r"CJG|gemeente|GGD|RST"
)
_CAP_WORD = r"(?:[A-ZÀ-ÖØ-Þ][\w'’]*(?:-[A-Za-zÀ-ÿ][\w'’]*)*|'s-[A-Z]\w*)"
_PLACE = rf"{_CAP_WORD}(?:[ \t]+(?:(?:aan|op|in|den|de|ter|bij)[ \t]+){{0,2}}{_CAP_WORD}){{0,3}}"
_TEAM_PLACE = rf"(?i:\b(?:{_TEAM_WORDS}))[ \t]+{_PLACE}"

# Tokens: \ue000 <index digits as private-use chars> \ue001. Inputs never keep these characters.
_OPEN = "\ue000"
_CLOSE = "\ue001"
_DIGIT_BASE = 0xE100
_TOKEN_RE = re.compile(f"{_OPEN}([\ue100-\ue1ff]+){_CLOSE}")
_RESERVED_RE = re.compile("[\ue000-\ue1ff]")


def _encode(index: int) -> str:
    chars = []
    while True:
        index, rest = divmod(index, 256)
        chars.append(chr(_DIGIT_BASE + rest))
        if index == 0:
            return _OPEN + "".join(reversed(chars)) + _CLOSE


def _decode(body: str) -> int:
    value = 0
    for ch in body:
        value = value * 256 + (ord(ch) - _DIGIT_BASE)
    return value


def build_protected_pattern(extra_terms: Iterable[str] = ()) -> re.Pattern[str]:
    """Compile the protection regex for the default terms plus ``extra_terms``.

    Args:
        extra_terms: more names to protect, e.g. offers and providers from a gemeente catalogue.
    """
    terms = sorted({*PROTECTED_TERMS, *(t.strip() for t in extra_terms if t and t.strip())},
                   key=len, reverse=True)
    # Spaces inside a term match any run of spaces/tabs; hyphens may also be typed as spaces.
    alternatives = [
        r"[ \t]+".join(re.escape(word) for word in term.split()) for term in terms
    ]
    named = r"(?i:\b(?:" + "|".join(alternatives) + r")(?!\w))"
    return re.compile(f"{_PROTECTED_NUMBERS}|{_TEAM_PLACE}|{named}")


class Masked:
    """A text with its protected spans replaced by opaque tokens.

    Attributes:
        text: the masked text that the rules work on.
    """

    def __init__(self, text: str, pattern: re.Pattern[str]) -> None:
        self._spans: list[str] = []
        # Private-use characters from the input could be mistaken for tokens: neutralise them.
        clean = _RESERVED_RE.sub("\ufffd", text)
        self.text = pattern.sub(self._stash, clean)

    def _stash(self, match: re.Match[str]) -> str:
        self._spans.append(match.group(0))
        return _encode(len(self._spans) - 1)

    def restore(self, text: str) -> str:
        """Put the protected spans back into ``text`` (the rules' output)."""
        if not self._spans:
            return text

        def _back(match: re.Match[str]) -> str:
            index = _decode(match.group(1))
            return self._spans[index] if index < len(self._spans) else ""

        return _TOKEN_RE.sub(_back, text)


def protected_spans(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """Character ranges of protected terms in ``text`` (used to veto NER entities)."""
    return [m.span() for m in pattern.finditer(text)]
