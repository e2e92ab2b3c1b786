"""Danger signals in Dutch free text (spec section 8): the safety interrupt.

`detect_danger(text)` answers one question: does this message carry a sign of acute danger,
suicidal thoughts, unsafe children or violence? It returns the most urgent kind and the name
of the lexicon rule that matched (for statistics and the safety flow) — never the user's text.
The lexicon lives in `signals.danger_lexicon`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from signals.danger_lexicon import (
    ACUTE,
    ACUTE_HAPPENING_NOW,
    ACUTE_HELP_CALL,
    CHILDREN,
    DANGER_WORDS,
    DETAIL_BY_RULE_PREFIX,
    FUZZY_TARGETS,
    HELP_ONLY_CORE,
    HELP_ONLY_MAX_TOKENS,
    HELP_ONLY_WORDS,
    HELP_URGENT_WORDS,
    HELP_WITH_WORDS,
    IDIOMS,
    KIND_PRIORITY,
    MACROS,
    MAX_CHARS,
    MISSPELLINGS,
    RULES,
    SELF_HARM,
    VIOLENCE,
    WINDOW_AFTER,
    WINDOW_BEFORE,
    Rule,
)
from signals.danger_protected import PROTECTED_WORDS
from signals.normalize import Canonicaliser, fold, raw_tokens

__all__ = [
    "ACUTE",
    "CHILDREN",
    "SELF_HARM",
    "VIOLENCE",
    "DangerSignal",
    "detect_danger",
    "detect_dangers",
    "normalise_for_danger",
    "warm_up",
]

_MACRO_RE = re.compile(r"<([A-Z_]+)>")
_NEGATORS = frozenset({"niet", "nooit", "geen"})
EXPLICIT = "explicit"
POSSIBLE = "possible"
# A plain "no" next to never-dropped wording makes it possible, not explicit.
_NO_WORDS = frozenset({"nee", "neen", "no", "nope", "neuh", "welnee"})
_ECHO_MAX_TOKENS = 4  # "zelfmoord? nee hoor": the question's word echoed with a no
# Rules of a single word for a state, where "niet"/"geen" before it is a no: "niet suicidaal",
# "geen zelfmoordgedachten".
_NEGATABLE_WORD_RULES = frozenset({"self_harm_suicide_word"})
# "niet alleen", "niet meer": the violence is not denied ("hij slaat me niet meer" still counts).
_NEGATION_RELEASE = frozenset({"alleen", "meer", "enkel", "zomaar", "altijd", "zo"})
# Words that may stand between the verb and the negation: "hij slaat me niet".
_SKIPPABLE = frozenset(
    {"me", "mij", "ons", "haar", "hem", "jou", "je", "ze", "u", "elkaar", "hij", "zij", "ie",
     "nu", "nou", "echt", "gewoon", "eigenlijk", "ook", "hoor"}
)


@dataclass(frozen=True)
class DangerSignal:
    """A danger signal found in a message.

    Attributes:
        kind: ACUTE, SELF_HARM, CHILDREN or VIOLENCE.
        rule: the name of the lexicon entry that matched (never the user's words).
        level: EXPLICIT when the message plainly says it; POSSIBLE when wording that is never
            dropped comes with a "no" ("zelfmoord? nee", "ik ben niet suicidaal"), or for the
            indirect rules (`Rule.possible`: control, belittling, fear of leaving): worth one
            careful question, not the safety help (spec section 8).
    """

    kind: str
    rule: str
    level: str = "explicit"


@dataclass(frozen=True)
class _CompiledRule:
    rule: Rule
    patterns: tuple[re.Pattern[str], ...]
    veto: re.Pattern[str] | None


def _expand(pattern: str) -> str:
    """Replaces `<NAME>` macros (recursively) by their alternations."""
    for _ in range(10):
        expanded = _MACRO_RE.sub(lambda m: MACROS[m.group(1)], pattern)
        if expanded == pattern:
            return expanded
        pattern = expanded
    raise ValueError("macro nesting too deep")  # pragma: no cover - lexicon bug


@lru_cache(maxsize=1)
def _compiled() -> tuple[_CompiledRule, ...]:
    return tuple(
        _CompiledRule(
            rule=rule,
            patterns=tuple(re.compile(_expand(p)) for p in rule.patterns),
            veto=re.compile(_expand(rule.veto)) if rule.veto else None,
        )
        for rule in RULES
        if rule.patterns
    )


@lru_cache(maxsize=1)
def _now_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return re.compile(_expand("<NOW>")), re.compile(_expand("<NOW_SELF>"))


@lru_cache(maxsize=1)
def _canonicaliser() -> Canonicaliser:
    return Canonicaliser(MISSPELLINGS, FUZZY_TARGETS, PROTECTED_WORDS)


def normalise_for_danger(text: str) -> str:
    """The text as the lexicon sees it: folded, tokenised, misspellings corrected.

    >>> normalise_for_danger("Hy SLAAD me!!! 😡")
    'hij slaat me'
    """
    if not isinstance(text, str) or not text:
        return ""
    canonical = _canonicaliser().canonical
    return " ".join(canonical(token) for token in raw_tokens(fold(text[:MAX_CHARS])))


def warm_up() -> None:
    """Compiles the lexicon now (call it when a server starts), not on the first message."""
    _compiled()
    _now_patterns()
    detect_dangers("hij slaat me")


def detect_danger(text: str) -> DangerSignal | None:
    """The most urgent danger signal in `text`, or None.

    Priority when several kinds match: ACUTE, SELF_HARM, CHILDREN, VIOLENCE. Never raises;
    any string (English, emoji, HTML, 10 000 characters) is fine.

    >>> detect_danger("ik ben bang voor mijn ex")
    DangerSignal(kind='violence', rule='violence_fear', level='explicit')
    >>> detect_danger("we maken veel ruzie") is None
    True
    """
    signals = detect_dangers(text)
    return signals[0] if signals else None


def detect_dangers(text: str) -> tuple[DangerSignal, ...]:
    """All danger kinds in `text`, one signal per kind, most urgent first.

    Useful when a safety question for one kind was asked and another kind is also present
    ("nee, niet nu — maar hij heeft me wel geslagen").
    """
    norm = _without_idioms(normalise_for_danger(text))
    if not norm:
        return ()
    found: dict[str, DangerSignal] = {}
    windows: dict[str, list[str]] = {}
    for compiled in _compiled():
        kind = compiled.rule.kind
        for pattern in compiled.patterns:
            window = _first_valid_match(norm, pattern, compiled)
            if window is None:
                continue
            level = POSSIBLE if compiled.rule.possible else EXPLICIT
            if not compiled.rule.negatable and _said_with_no(norm, pattern, compiled.rule.name):
                level = POSSIBLE
            if kind not in found or (found[kind].level == POSSIBLE and level == EXPLICIT):
                found[kind] = DangerSignal(kind, compiled.rule.name, level)
            windows.setdefault(kind, []).append(window)
            break
    if ACUTE not in found:
        acute = _acute_escalation(norm, windows)
        if acute is not None:
            found[ACUTE] = acute
    return tuple(found[kind] for kind in KIND_PRIORITY if kind in found)


def _first_valid_match(norm: str, pattern: re.Pattern[str], compiled: _CompiledRule) -> str | None:
    """The words around the first match that is not negated or vetoed, or None."""
    for match in pattern.finditer(norm):
        before = norm[: match.start()].split()[-WINDOW_BEFORE:]
        after = norm[match.end() :].split()[:WINDOW_AFTER]
        window = " ".join([*before, match.group(0).strip(), *after])
        if compiled.rule.negatable and _negated(before, after):
            continue
        if compiled.veto is not None and compiled.veto.search(window):
            continue
        return window
    return None


def _said_with_no(norm: str, pattern: re.Pattern[str], rule: str) -> bool:
    """Never-dropped wording said with a "no": a short echo of the question's word with "nee"
    ("zelfmoord? nee"), or a negated word for suicide ("ik ben niet suicidaal"). Other
    never-dropped rules stay explicit: "hij staat voor de deur, ik doe niet open" is danger."""
    match = pattern.search(norm)
    if match is None:
        return False
    tokens = norm.split()
    after = norm[match.end() :].split()
    if len(tokens) <= _ECHO_MAX_TOKENS and any(token in _NO_WORDS for token in after):
        return True
    if rule in _NEGATABLE_WORD_RULES:
        before = norm[: match.start()].split()[-WINDOW_BEFORE:]
        return _negated(before, after[:WINDOW_AFTER])
    return False


def _negated(before: list[str], after: list[str]) -> bool:
    """True when "niet"/"nooit"/"geen" stands right before or right after the match.

    "hij heeft me nooit geslagen", "ik ben niet bang voor hem", "hij slaat me niet" are
    negated; "hij slaat me niet alleen", "hij slaat me niet meer" are not.
    """
    near_before = before[-2:]
    for i, word in enumerate(near_before):
        following = near_before[i + 1] if i + 1 < len(near_before) else None
        if word in _NEGATORS and following not in _NEGATION_RELEASE:
            return True
    for _ in range(2):
        if after and after[0] in _SKIPPABLE:
            after = after[1:]
    if after and after[0] in _NEGATORS:
        return len(after) < 2 or after[1] not in _NEGATION_RELEASE
    return False


def _acute_escalation(norm: str, windows: dict[str, list[str]]) -> DangerSignal | None:
    """ACUTE when the whole message is a call for help, or a signal comes with "nu"/"help"."""
    tokens = norm.split()
    if (
        len(tokens) <= HELP_ONLY_MAX_TOKENS
        and all(token in HELP_ONLY_WORDS for token in tokens)
        and (
            any(token in HELP_ONLY_CORE for token in tokens)
            or ("hulp" in tokens and any(token in HELP_URGENT_WORDS for token in tokens))
        )
    ):
        return DangerSignal(ACUTE, ACUTE_HELP_CALL)
    if (
        tokens[0] == "help"
        and len(tokens) <= HELP_ONLY_MAX_TOKENS
        and not any(token in HELP_WITH_WORDS for token in tokens)
    ):
        # "help me hij is gek geworden" — but not "help me met het ouderschapsplan".
        return DangerSignal(ACUTE, ACUTE_HELP_CALL)
    now, now_self = _now_patterns()
    for kind in (CHILDREN, VIOLENCE):
        if any(now.search(window) for window in windows.get(kind, ())):
            return DangerSignal(ACUTE, ACUTE_HAPPENING_NOW)
    if any(now_self.search(window) for window in windows.get(SELF_HARM, ())):
        return DangerSignal(ACUTE, ACUTE_HAPPENING_NOW)
    return None


def has_idiom(text: str) -> bool:
    """ "ik schrik me dood van de rekening", "hij slaat de plank mis": an everyday idiom with a
    danger word (`danger_lexicon.IDIOMS`)."""
    if not isinstance(text, str) or not text:
        return False
    folded = " ".join(raw_tokens(fold(text[:MAX_CHARS])))
    return any(_idiom_pattern(i).search(folded) for i in range(len(IDIOMS)))


@lru_cache(maxsize=64)
def _idiom_pattern(index: int) -> re.Pattern[str]:
    return re.compile(IDIOMS[index])


def _without_idioms(norm: str) -> str:
    """The normalised text with its everyday idioms taken out ("ik schrik me dood van de
    rekening" says nothing about danger; "hij slaat me en ik schrik me dood" still does)."""
    for index in range(len(IDIOMS)):
        norm = _idiom_pattern(index).sub(" ", norm)
    return " ".join(norm.split())


def signal_detail(rule: str | None) -> str | None:
    """ "control" or "threat" for the violence rules that get their own confirm question."""
    for prefix, detail in DETAIL_BY_RULE_PREFIX:
        if rule and rule.startswith(prefix):
            return detail
    return None


def has_danger_words(text: str) -> bool:
    """Whether `text` has any word of danger, fear, harm or control (`DANGER_WORDS`)."""
    if not isinstance(text, str) or not text:
        return False
    return _danger_words().search(" ".join(raw_tokens(fold(text[:MAX_CHARS])))) is not None


@lru_cache(maxsize=1)
def _danger_words() -> re.Pattern[str]:
    return re.compile(DANGER_WORDS)


# The evidence name of a model danger signal that only the question answered can confirm: a
# short message without a danger word (components/danger_guard.py, actions/extract.py).
CLASSIFIER_IN_CONTEXT = "classifier_in_context"
