"""Names after Dutch introduction cues: "ik heet Sanne", "mijn ex … heet Mark".

Rules without a language model cannot find every name, so they look for the places where
people in a chat actually type names:

* strong cues, where the next word is a name whatever its case: "ik heet", "mijn naam is",
  "noem me", "hij/zij/ze/die heet", "mijn man/vrouw/partner/ex/vriend(in)/dochter/zoon … heet",
  "de kinderen … heten";
* weak cues, where only a capitalised word counts: "ik ben Sanne" (but not "ik ben bang",
  "ik ben 34", "ik ben het zat"), "mijn man Piet", "heet Lisa", and sign-offs ("groetjes, Anna").

A name may have several parts ("Anna de Vries", "Jan-Willem van den Berg", "J. Jansen").
A short stop list keeps common capitalised non-names ("Ik", "Maar", weekdays, months) out.
"""

from __future__ import annotations

import re

from privacy import placeholders as ph

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zà-öø-ÿ"
# A capitalised name part: "Sanne", "Jan-Willem", "O'Neil", "Zoë", an initial "J.".
_CAP = rf"(?:[{_UPPER}][{_LOWER}'’]+(?:-[{_UPPER}{_LOWER}][{_LOWER}'’]+)*|[{_UPPER}]\.)"
_CAP_OR_CAPS = rf"(?:{_CAP}|[{_UPPER}]{{2,}}(?![{_LOWER}]))"
# A name part in any case, for strong cues: "ik heet sanne".
_ANY = rf"(?:[{_UPPER}{_LOWER}][{_LOWER}{_UPPER}'’]*(?:-[{_UPPER}{_LOWER}][{_LOWER}{_UPPER}'’]+)*)"
_TUSSEN = r"(?:van|de|der|den|het|ten|ter|te|'t|in\s+'t|op|la|le|du|da|di|el|al|bin|ibn|von|zu)"

# Words that may follow a cue but are not names.
_STOP_WORDS = frozenset(
    """
    ik je jij u hij zij ze wij we jullie mijn zijn haar onze ons hun jouw uw het de een dit dat
    die deze er en maar of want dus
    niet nog ook al wel heel erg zo best echt gewoon bang moe boos verdrietig blij klaar ziek
    zwanger gescheiden getrouwd alleen single bezig op in aan bij met van voor na naar om uit
    eigenlijk toevallig trouwens anders hetzelfde nu nou hier daar zelf geen iets niks niemand
    wie wat waar hoe waarom wanneer welke zeker bijna helemaal nooit altijd soms vaak weer
    vandaag gisteren morgen vanavond buiten binnen thuis
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart april mei
    juni juli augustus september oktober november december hallo hoi hey dag goedemorgen
    goedemiddag goedenavond sorry oke oké ok ja nee dank bedankt thanks
    """.split()  # noqa: SIM905 - a word list reads better as text
)
_STOP_ALTERNATION = "|".join(sorted(_STOP_WORDS, key=len, reverse=True))
_NOT_STOP = rf"(?i:(?!(?:{_STOP_ALTERNATION})(?![\w'’-])))"

_GAP = r"[ \t]+"
_CAP_NAME = rf"{_NOT_STOP}{_CAP_OR_CAPS}(?:{_GAP}(?:{_TUSSEN}{_GAP}){{0,3}}{_CAP_OR_CAPS}){{0,3}}"
_ANY_NAME = (
    rf"{_NOT_STOP}{_ANY}(?:{_GAP}(?:{_TUSSEN}{_GAP}){{1,3}}{_ANY}|{_GAP}{_NOT_STOP}{_CAP_OR_CAPS})"
    r"{0,3}"
)
# "Tim en Sara", "Tim, Sara en Noor" (after a plural cue).
_NAME_LIST = rf"{_ANY_NAME}(?:[ \t]*(?:,|\ben\b|&)[ \t]*{_ANY_NAME}){{0,5}}"

_RELATIONS = (
    r"(?:ex[\s-]?|nieuwe\s+|oudste\s+|jongste\s+|middelste\s+|eigen\s+)?"
    r"(?:man|vrouw|partner|partnerin|expartner|exman|exvrouw|ex|vriend|vriendin|vriendje|"
    r"vriendinnetje|echtgenoot|echtgenote|verloofde|dochter|dochtertje|zoon|zoontje|kind|"
    r"kindje|baby|zus|zusje|broer|broertje|moeder|vader|mama|papa|stiefzoon|stiefdochter|"
    r"schoonmoeder|schoonvader|schoonzus|zwager|oudste|jongste|middelste)"
)
_FILLERS = r"(?:(?:ook|eigenlijk|gewoon|toevallig|trouwens|dus)\s+)?"

_SINGLE_CUES = (
    r"\bik\s+heet|\bik\s+heette|\bmijn\s+(?:voor|achter|volledige\s+)?naam\s+is|"
    r"\bmijn\s+(?:voor|achter)?naam\s*:|\bnoem\s+(?:me|mij)|\bze\s+noemen\s+(?:me|mij)|"
    r"\b(?:hij|zij|ze|die)\s+(?:heet|heette)|"
    rf"\bmijn\s+{_RELATIONS}\b[^.!?\n]{{0,60}}?\b(?:heet|heette)"
)
_PLURAL_CUES = (
    r"\b(?:ze|zij|die)\s+heten|"
    rf"\bmijn\s+{_RELATIONS}\b[^.!?\n]{{0,60}}?\bheten|"
    r"\b(?:kinderen|kids|meiden|jongens|tweeling)\b[^.!?\n]{0,40}?\bheten"
)
_WEAK_CUES = (
    rf"\bik\s+ben|\bheet|\bheten|\bmijn\s+{_RELATIONS}|"
    r"\b(?:groetjes|groeten|groet|gr|mvg|liefs|vriendelijke\s+groet)\s*,?"
)

_SINGLE = re.compile(rf"(?i:(?P<cue>(?:{_SINGLE_CUES})\s+{_FILLERS}))(?P<name>{_ANY_NAME})")
_PLURAL = re.compile(rf"(?i:(?P<cue>(?:{_PLURAL_CUES})\s+{_FILLERS}))(?P<name>{_NAME_LIST})")
_WEAK = re.compile(rf"(?i:(?P<cue>(?:{_WEAK_CUES})\s+))(?P<name>{_CAP_NAME})")


def _replace(match: re.Match[str]) -> str:
    return match.group("cue") + ph.NAME


def scrub_names(text: str) -> str:
    """Replace names that follow introduction cues with ``[naam]``."""
    for pattern in (_PLURAL, _SINGLE, _WEAK):
        text = pattern.sub(_replace, text)
    return text
