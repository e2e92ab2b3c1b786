"""Answers stated in Dutch free text (spec section 4): `extract_answers`.

"we zijn vorig jaar gescheiden en hebben 2 kinderen van 5 en 8" answers three questions at
once. The action server calls this after every message, with `requested` = the field the
triage form just asked for, so that short answers ("ja", "soms", "6", "weet ik niet") are read
as answers to that question. The wording lives in `signals.answers_lexicon`.

Never guesses beyond what the text says: nothing stated → `{}`. Safety fields are only set when
they were asked for (the safety flow confirms free-text danger signals itself).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from signals import answers_lexicon as lex
from signals import fields as f
from signals.danger import detect_dangers, has_idiom
from signals.danger_lexicon import ACUTE, CHILDREN, RULES, SELF_HARM, VIOLENCE
from signals.danger_lexicon import MISSPELLINGS as DANGER_MISSPELLINGS
from signals.normalize import fold, raw_tokens

__all__ = [
    "about_me_not_the_children",
    "extract_answers",
    "is_about_relationship",
    "is_acknowledgement",
    "is_reply_word",
    "looks_like_question",
    "normalise_for_answers",
    "says_no_danger",
    "types_for_someone_else",
]

_NEGATORS = frozenset({"niet", "geen", "nooit", "zonder"})
_DANGER_KIND_BY_FIELD = {
    f.ACUTE_DANGER: ACUTE,
    f.VIOLENCE: VIOLENCE,
    f.CHILDREN_UNSAFE: CHILDREN,
    f.SELF_HARM: SELF_HARM,
}
INDIRECT_RULES = frozenset(rule.name for rule in RULES if rule.possible)
_NUMBER_RE = re.compile(r"^\d+(?:[.,]\d+)?$")
# Where a clause ends for negation: sentence marks and commas, not the comma of "6,5".
_CLAUSE_END_RE = re.compile(r"[!?;:\n]+|[.,](?!\d)")
_YES, _NO, _SOMETIMES = "yes", "no", "sometimes"


class _Text:
    """A normalised message: tokens and the space-joined string the patterns run over."""

    def __init__(self, text: str) -> None:
        self.raw: str = text[: lex.MAX_CHARS]
        self.tokens: list[str] = []
        self._clause_starts: list[int] = []  # token index where each clause begins
        for clause in _CLAUSE_END_RE.split(self.raw):
            self._clause_starts.append(len(self.tokens))
            self.tokens.extend(_canonical_tokens(clause))
        self.norm: str = " ".join(self.tokens)

    def find(self, pattern: str, negatable: bool = True) -> re.Match[str] | None:
        """The first match of `pattern` that does not follow "niet/geen/nooit/zonder"."""
        for match in _compile(pattern).finditer(self.norm):
            if not negatable or not self.negated_at(match.start(), match.group(0)):
                return match
        return None

    def has(self, pattern: str, negatable: bool = True) -> bool:
        return self.find(pattern, negatable) is not None

    def says(self, pattern: str) -> bool:
        """As `has`, and not negated after the verb either: "hij controleert me niet"."""
        for match in _compile(pattern).finditer(self.norm):
            if self.negated_at(match.start(), match.group(0)):
                continue
            after = self.norm[match.end():].split()[:3]
            if not any(word in _NEGATORS for word in after):
                return True
        return False

    def negated_at(self, start: int, matched: str) -> bool:
        """True when one of the two words before `start` is a negation."""
        if matched.split(" ", 1)[0] in _NEGATORS:
            return False  # the pattern itself starts with the negation: "geen tijd"
        index = len(self.norm[:start].split())
        # A negation only reaches into its own clause: "geen kinderen. Hij wil wel praten".
        clause = max(s for s in self._clause_starts if s <= index) if self._clause_starts else 0
        before = self.tokens[max(clause, index - 2):index]
        return any(word in _NEGATORS for word in before)


@lru_cache(maxsize=512)
def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@lru_cache(maxsize=1)
def _misspellings() -> dict[str, str]:
    return {**DANGER_MISSPELLINGS, **lex.ANSWER_MISSPELLINGS}


def _canonical_tokens(text: str) -> list[str]:
    misspellings = _misspellings()
    tokens: list[str] = []
    for token in raw_tokens(fold(text[: lex.MAX_CHARS]), keep="/"):
        tokens.extend(misspellings.get(token, token).split())
    return tokens


def normalise_for_answers(text: str) -> str:
    """The text as the answer patterns see it.

    >>> normalise_for_answers("Wé zijn gescheide, 2 kids (5 & 8)")
    'we zijn gescheiden 2 kids 5 8'
    """
    if not isinstance(text, str):
        return ""
    return " ".join(_canonical_tokens(text))


def extract_answers(text: str, requested: str | None = None) -> dict[str, Any]:
    """Answers (spec section 4 field → value) that `text` states.

    Args:
        text: one message from the resident, any length or language.
        requested: the field the conversation just asked for, if any. Short answers ("ja",
            "nee", "soms", "6", "weet ik niet") are read as answers to it; "weet ik niet" maps
            the field to None (partner_willing: "unknown").

    Returns:
        Only the fields the text states; `{}` when it states nothing. Never raises.

    >>> extract_answers("we zijn vorig jaar gescheiden en hebben 2 kinderen van 5 en 8")
    {'relationship_status': 'separated', 'children_under_18': True, 'youngest_child_age': 5}
    >>> extract_answers("soms", requested="agreements_possible")
    {'agreements_possible': 'sometimes'}
    """
    if not isinstance(text, str) or not text.strip():
        return {}
    if requested not in f.FIELDS:
        requested = None
    t = _Text(text)
    if not t.tokens:
        return {}
    answers: dict[str, Any] = {}
    for extractor in _FREE_TEXT_EXTRACTORS:
        answers.update(extractor(t))
    if requested is not None:
        value = _requested_value(t, requested, answers)
        if value is not _NOTHING:
            answers[requested] = value
    return answers


def is_about_relationship(text: str) -> bool:
    """Whether the message speaks of a relationship, a separation or family life."""
    return isinstance(text, str) and bool(_compile(lex.TOPIC_WORDS).search(normalise_for_answers(text)))


def says_no_danger(text: str) -> bool:
    """ "ik ben niet in gevaar", "de kinderen zijn veilig", "ruzie maar geen geweld"."""
    if not isinstance(text, str):
        return False
    t = _Text(text)
    if any(t.has(p, negatable=False) for p in lex.ALL_CLEAR):
        return True
    return (any(t.has(p, negatable=False) for p in lex.NO_VIOLENCE)
            and not t.has(lex.NOT_ONLY_VIOLENCE, negatable=False))


def is_reply_word(text: str) -> bool:
    """ "misschien", "elke dag", "vorige maand nog": a reply to a yes / no question, no command."""
    if not isinstance(text, str):
        return False
    t = _Text(text)
    return bool(t.tokens) and (
        _polarity(t) is not None
        or t.has(lex.SAFETY_FREQUENCY, negatable=False)
        or t.has(lex.WHEN_IT_HAPPENED, negatable=False)
        or _compile(lex.DONT_KNOW).match(" ".join(t.tokens[:5])) is not None
    )


def types_for_someone_else(text: str) -> bool:
    """ "ik typ namens haar", "ik ben wijkcoach en …": the person at the keyboard is not the
    resident."""
    if not isinstance(text, str):
        return False
    norm = normalise_for_answers(text)
    return any(_compile(p).search(norm) for p in lex.ON_BEHALF)


def about_me_not_the_children(text: str) -> bool:
    """ "nee, mij doet hij niks": the resident speaks of themself and not of a child."""
    if not isinstance(text, str):
        return False
    tokens = _canonical_tokens(text)
    return (any(t in ("mij", "me", "mijzelf", "mezelf") for t in tokens)
            and not any(t in lex.KID_ANCHORS or t in ("ze", "hen", "hun") for t in tokens))


def is_acknowledgement(text: str) -> bool:
    """ "ok", "prima", "vraag maar": an acknowledgement, not an answer to a yes / no question."""
    return isinstance(text, str) and normalise_for_answers(text) in lex.ACKNOWLEDGEMENTS


def looks_like_question(text: str) -> bool:
    """A question mark, or a question word first ("wat kost het", "kan ik anoniem blijven")."""
    if not isinstance(text, str):
        return False
    return "?" in text or bool(_compile(lex.QUESTION_START).match(normalise_for_answers(text)))


# --- free text -----------------------------------------------------------------------------
_NOTHING = object()


def _first_value(t: _Text, table: Iterable[tuple[str, tuple[str, ...]]]) -> str | None:
    """The value of the first row in `table` with a non-negated match."""
    for value, patterns in table:
        if any(t.has(p) for p in patterns):
            return value
    return None


def _all_values(t: _Text, table: Iterable[tuple[str, tuple[str, ...]]]) -> list[str]:
    return [value for value, patterns in table if any(t.has(p) for p in patterns)]


def _status(t: _Text) -> dict[str, Any]:
    value = _first_value(t, lex.STATUS_PATTERNS) or _first_value(t, lex.IMPLIED_STATUS)
    if value == f.TOGETHER and _first_value(t, lex.IMPLIED_STATUS[:1]) == f.DOUBTING:
        value = f.DOUBTING  # "we zijn 9 jaar getrouwd ... ze wil een pauze"
    return {f.RELATIONSHIP_STATUS: value} if value else {}


def _children(t: _Text) -> dict[str, Any]:
    ages = _child_ages(t.tokens) + _pronoun_ages(t)
    expecting = t.has(lex.EXPECTING)
    minor = t.find(lex.MINOR_WORDS)
    result: dict[str, Any] = {}
    under = [age for age in ages if age <= f.YOUNGEST_AGE_MAX]
    if expecting or t.has(lex.BABY_NOW):
        under.append(0)  # a baby is under one year old, whatever the older children's ages
    if under:
        result[f.CHILDREN_UNDER_18] = True
        result[f.YOUNGEST_CHILD_AGE] = min(under)
    elif minor is not None:
        result[f.CHILDREN_UNDER_18] = True
    elif ages or any(t.has(p, negatable=False) for p in lex.NO_CHILDREN):
        result[f.CHILDREN_UNDER_18] = False  # only adult ages, or "geen kinderen"
    return result


def _pronoun_ages(t: _Text) -> list[int]:
    """ "... twee kinderen. Ze zijn 8 en 10", "onze dochter ... ze is nu anderhalf"."""
    if not any(token in lex.KID_ANCHORS for token in t.tokens):
        return []
    ages: list[int] = []
    for match in _compile(lex.PRONOUN_AGE).finditer(t.norm):
        start = len(t.norm[: match.end()].split())
        tokens = t.tokens[start:start + 4]
        plural = match.group(1) == "zijn"
        for j, word in enumerate(tokens):
            if word in ("en", "of") and plural:
                continue
            age = _age_at(tokens, j)
            if age is None:
                break
            unit = tokens[j + 1] if j + 1 < len(tokens) else ""
            after = tokens[j + 2] if j + 2 < len(tokens) else ""
            if unit in ("jaar", "jaren", "maanden") and after in lex.AGE_SCAN_STOP | {"uit"}:
                break  # "ze zijn 12 jaar samen": how long, not how old
            # "hij is 45" may be the partner: a singular age needs a child's unit or word.
            if plural or unit in lex.AGE_UNITS_BABY or word in ("anderhalf", "anderhalve"):
                ages.append(age)
            if not plural:
                break
    return ages


def _child_ages(tokens: list[str], anchors: frozenset[str] = lex.KID_ANCHORS) -> list[int]:
    """Ages written after a word for a child: "kinderen van 5 en 8", "de jongste is 3"."""
    return [age for _, age in _child_age_positions(tokens, anchors)]


def _child_age_positions(
    tokens: list[str], anchors: frozenset[str] = lex.KID_ANCHORS
) -> list[tuple[int, int]]:
    """(token index, age) of the ages written after a word for a child."""
    ages: list[tuple[int, int]] = []
    for i, token in enumerate(tokens):
        if token not in anchors:
            continue
        end = min(len(tokens), i + 1 + lex.AGE_SCAN_WINDOW)
        for j in range(i + 1, end):
            word = tokens[j]
            if word in lex.AGE_SCAN_STOP:
                break
            age = _age_at(tokens, j)
            if age is not None:
                ages.append((j, age))
    return ages


def _age_at(tokens: list[str], j: int) -> int | None:
    """The age written at tokens[j], or None ("van 5", "3 jaar", "6 maanden" → 0)."""
    word = tokens[j]
    following = tokens[j + 1] if j + 1 < len(tokens) else ""
    previous = tokens[j - 1] if j > 0 else ""
    if previous in ("groep", "klas", "leerjaar", "nummer", "nr"):
        return None
    if word == "een":  # only "van een jaar"; "al een jaar" is how long, "een" an article
        if following in ("jaar", "jaartje") and previous in ("van", "is", "wordt", "pas", "nog"):
            return 1
        return None
    if word == "half" and following == "jaar":
        return 0
    number = _number(word)
    if number is None or number > 30:
        return None
    if following in lex.AGE_UNITS_BABY:
        return 0
    if following in lex.NOT_A_GRADE_AFTER and following not in ("jaar", "jaren", "jaartjes"):
        return None
    return int(number)


def _number(word: str) -> float | None:
    if _NUMBER_RE.match(word):
        return float(word.replace(",", "."))
    if word in lex.NUMBER_WORDS and word != "een":
        return float(lex.NUMBER_WORDS[word])
    return None


def _score(t: _Text, requested: bool = False) -> int | None:
    """A 1–10 grade: "6/10", "ik geef het een 6", "een dikke 7", "zesje"."""
    tokens = t.tokens
    # "6/10", "6 op 10", "6 uit 10", "6 van de 10"
    match = re.search(r"(?:^| )(\S+) (?:/|op|uit|van de) 10(?: |$)", t.norm)
    if match:
        value = _number(match.group(1))
        if value is not None:
            return _grade(value)
    in_context = (
        requested
        or t.has(lex.GRADE_CONTEXT, negatable=False)
        or any(word in lex.GRADE_WORDS for word in tokens)
    )
    if not in_context:
        return None
    candidates: list[float] = []
    ages_at = {j for j, _ in _child_age_positions(tokens)}
    for i, word in enumerate(tokens):
        if i in ages_at:
            continue  # "de kleine is 3" at the score question is an age, not a grade
        if word in lex.GRADE_WORDS:
            candidates.append(lex.GRADE_WORDS[word])
            continue
        value = _number(word)
        if value is None and word == "een" and len(tokens) == 1:
            value = 1.0  # the whole answer is "één"
        if value is None:
            continue
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if following in lex.NOT_A_GRADE_AFTER:
            continue
        previous = tokens[i - 1] if i > 0 else ""
        before_previous = tokens[i - 2] if i > 1 else ""
        graded = previous in ("een", "n", "ne") or (
            previous in lex.GRADE_ADJECTIVES and before_previous in ("een", "n", "ne")
        )
        named = previous in ("cijfer", "rapportcijfer", "score", "geef", "geven") or (
            previous == "is" and before_previous in ("cijfer", "rapportcijfer", "score")
        )
        if graded or named or requested:
            candidates.append(value)
    valid = [_grade(v) for v in candidates]
    valid = [v for v in valid if v is not None]
    if not valid:
        return None
    # "5 of 6", "tussen de 5 en 6": the lower one (the routing treats low scores with care).
    if len(valid) > 1 and re.search(r"\b(?:of|a|tot|tussen|en)\b", t.norm):
        return min(valid[:2])
    return valid[0]


def _grade(value: float) -> int | None:
    grade = math.floor(value)
    return grade if f.SCORE_MIN <= grade <= f.SCORE_MAX else None


def _relationship_score(t: _Text) -> dict[str, Any]:
    score = _score(t)
    return {f.RELATIONSHIP_SCORE: score} if score is not None else {}


def _agreements(t: _Text) -> dict[str, Any]:
    value = _first_value(t, lex.AGREEMENT_PATTERNS)
    return {f.AGREEMENTS_POSSIBLE: value} if value else {}


def _legal(t: _Text) -> dict[str, Any]:
    if any(t.has(p) for p in lex.LEGAL_PATTERNS):
        return {f.LEGAL_PROCEEDINGS: True}
    if any(t.has(p, negatable=False) for p in lex.NO_LEGAL_PATTERNS):
        return {f.LEGAL_PROCEEDINGS: False}
    return {}


def _problems(t: _Text) -> dict[str, Any]:
    values = _all_values(t, lex.PROBLEM_PATTERNS)
    return {f.OTHER_PROBLEMS: values} if values else {}


def _goal(t: _Text) -> dict[str, Any]:
    for value, patterns in lex.GOAL_PATTERNS:
        for pattern in patterns:
            match = t.find(pattern)
            if match is None:
                continue
            if value == f.IMPROVE and _doubt_before(t, match.start()):
                continue
            return {f.GOAL: value}
    return {}


def _doubt_before(t: _Text, start: int) -> bool:
    """"we twijfelen of we nog verder willen": the improve-phrase is a doubt, not a goal."""
    before = " ".join(t.norm[:start].split()[-5:])
    return bool(_compile(lex.DOUBT_BEFORE_IMPROVE).search(before))


def _partner(t: _Text) -> dict[str, Any]:
    value = _first_value(t, lex.PARTNER_PATTERNS)
    return {f.PARTNER_WILLING: value} if value else {}


def _preference(t: _Text) -> dict[str, Any]:
    """The preference mentioned first ("liever online dan in een groep" → online)."""
    best: tuple[int, str] | None = None
    for value, patterns in lex.PREFERENCE_PATTERNS:
        for pattern in patterns:
            match = t.find(pattern)
            if match is not None and (best is None or match.start() < best[0]):
                best = (match.start(), value)
    return {f.PREFERENCE: best[1]} if best else {}


def _barriers(t: _Text) -> dict[str, Any]:
    values = _all_values(t, lex.BARRIER_PATTERNS)
    return {f.BARRIERS: values} if values else {}


_FREE_TEXT_EXTRACTORS: tuple[Callable[[_Text], dict[str, Any]], ...] = (
    _status,
    _children,
    _relationship_score,
    _agreements,
    _legal,
    _problems,
    _goal,
    _partner,
    _preference,
    _barriers,
)


# --- the answer to the question that was asked ---------------------------------------------
def _polarity(t: _Text) -> str | None:
    """"yes", "no" or "sometimes" for a short answer ("ja hoor", "nee", "soms"), else None."""
    tokens = _without_hedges(t.tokens)
    if len(tokens) == 1 and tokens[0] in lex.SINGLE_LETTERS:
        return lex.SINGLE_LETTERS[tokens[0]]
    head = " ".join(tokens[:4])
    if _compile(lex.DONT_KNOW).match(head):
        return None  # "geen idee", "weet ik niet": not a "no"
    for pattern in lex.NO_PHRASES:
        if re.search(pattern, head + " "):
            return _NO
    for pattern in lex.YES_PHRASES:
        if re.search(pattern, head):
            return _YES
    for size in (3, 2, 1):
        first = " ".join(tokens[:size])
        if first in lex.SOMETIMES_WORDS:
            return _SOMETIMES
        if first in lex.NO_WORDS:
            return _NO
        if first in lex.YES_WORDS:
            # "ja, soms" / "ja af en toe": yes, but not always.
            rest = " ".join(tokens[size : size + 3])
            if any(rest.startswith(w) for w in lex.SOMETIMES_WORDS if w not in ("vaak",)):
                return _SOMETIMES
            return _YES
    return None


def _without_hedges(tokens: list[str]) -> list[str]:
    """The tokens after leading hedges: "eerlijk gezegd wel ja" → "wel ja"."""
    text = " ".join(tokens)
    match = _compile(lex.HEDGES).match(text + " ")
    if match is None or match.end() >= len(text):
        return tokens
    return text[match.end():].split()


def _is_dont_know(t: _Text) -> bool:
    return bool(_compile(lex.DONT_KNOW).search(t.norm))


def _requested_value(t: _Text, field: str, found: dict[str, Any]) -> Any:
    """The value for the field that was asked, `_NOTHING` when the text does not answer it."""
    # "geen idee" is not "geen" (no_partner / no): the question stays unanswered.
    if (
        field not in found
        and _compile(lex.DONT_KNOW).match(" ".join(t.tokens[:5]))
        and (field not in f.SAFETY_FIELDS or not _danger_for(t, field))
        and not (field in f.SAFETY_FIELDS and t.has(lex.UNSURE, negatable=False))
        and not (field in f.SAFETY_FIELDS and any(t.has(p, negatable=False) for p in lex.SAFETY_YES))
        and not (field == f.GOAL and t.has(r"\bniet meer\b", negatable=False))
    ):
        return f.UNKNOWN if field == f.PARTNER_WILLING else None
    handler = _REQUESTED_HANDLERS.get(field)
    value = handler(t, found) if handler else _NOTHING
    if value is _NOTHING and field in found:
        return found[field]
    if value is _NOTHING and _is_dont_know(t):
        return f.UNKNOWN if field == f.PARTNER_WILLING else None
    return value


def _danger_for(t: _Text, field: str) -> bool:
    """True when the danger lexicon finds the kind of danger this safety field asks about.

    An indirect signal ("hij wil altijd weten waar ik ben") is a yes here: the question asked
    is about exactly that. A signal said with a no ("geweld? nee") is not.
    """
    for signal in detect_dangers(t.raw):
        if signal.kind != _DANGER_KIND_BY_FIELD[field]:
            continue
        if signal.level == "explicit" or (signal.rule in INDIRECT_RULES and _polarity(t) != _NO):
            return True
    return False


def _safety(field: str) -> Callable[[_Text, dict[str, Any]], Any]:
    def handler(t: _Text, found: dict[str, Any]) -> Any:
        if _danger_for(t, field):
            return True  # "nee, maar hij heeft me wel geduwd" — recall first
        permission = _compile(lex.PERMISSION_FIRST).match(t.norm + " ")
        if permission is not None:  # "tuurlijk, vraag maar" is no answer yet; "…, en nee" is
            rest = t.norm[permission.end():]
            return handler(_Text(rest), found) if rest.strip() else _NOTHING
        if field == f.SELF_HARM and _compile(lex.YES_TO_THE_OPENING).match(t.norm):
            return _NOTHING
        if t.has(lex.SELF_CORRECTED_NO, negatable=False) or t.has(
            lex.DOUBLE_NEGATION_NO, negatable=False
        ):
            return False  # "ja, ik bedoel nee", "niet onveilig"
        if has_idiom(t.raw) and not any(t.has(p, negatable=False) for p in lex.SAFETY_YES):
            return _NOTHING  # "ja hij is een controlfreak, met de vaatwasser": ask gently
        if looks_like_question(t.raw) and not (
            any(t.has(p, negatable=False) for p in lex.INDIRECT_YES)
            or (field == f.VIOLENCE and t.says(lex.VIOLENCE_QUESTION_YES[0]))
            or (field == f.CHILDREN_UNSAFE and t.says(lex.CHILDREN_HARM_WORDS))
        ):
            return _NOTHING  # "wat bedoel je met controleren?": a question about the question
        polarity = _polarity(t)
        if any(t.has(p, negatable=False) for p in lex.UNSAFE):
            return True  # "niet veilig", "nee niet veilig": recall first
        if len(t.tokens) <= 3 and t.tokens[0] in lex.FOREIGN_YES | lex.FOREIGN_NO:
            return t.tokens[0] in lex.FOREIGN_YES  # "evet", "oui", "non"
        if _all_clear(t, field):
            return False  # "ik ben veilig", "ja hoor, alles goed", "nu even niet"
        if field != f.ACUTE_DANGER and not has_idiom(t.raw) and (
            any(t.has(p, negatable=False) for p in lex.SAFETY_YES)
            or t.has(lex.WHEN_IT_HAPPENED, negatable=False)
            or (field == f.VIOLENCE and _says_any(t, lex.VIOLENCE_QUESTION_YES, polarity))
            or (field == f.CHILDREN_UNSAFE and _says_any(t, lex.CHILDREN_QUESTION_YES, polarity))
        ):
            return True  # "vorige week nog", "ze belt mijn werk om te checken": it happened
        if t.has(lex.UNSURE, negatable=False):
            return _NOTHING  # "ik weet het niet zeker": the question again, gently
        if field == f.VIOLENCE and t.has(lex.NOT_ONLY_VIOLENCE, negatable=False):
            # "nee hij doet me niks, hij is alleen heel opdringerig": no to hitting is no
            # answer about following, threats or fear; asked again.
            return True if polarity in (_YES, _SOMETIMES) else _NOTHING
        if " ".join(t.tokens) in lex.ACKNOWLEDGEMENTS:
            return _NOTHING  # "ok" does not say whether he hurts you
        if t.has(lex.SELF_CORRECTED_YES, negatable=False) or any(
            t.has(p, negatable=False) for p in lex.INDIRECT_YES
        ):
            return True  # "nee wacht, ja", "ik zou liegen als ik nee zei"
        if field == f.SELF_HARM and any(t.has(p, negatable=False) for p in lex.SELF_HARM_YES):
            return True  # "het spookt wel door mijn hoofd", "ik heb een touw gekocht"
        if field != f.ACUTE_DANGER and (
            t.has(lex.SAFETY_FREQUENCY, negatable=False)
            or t.has(lex.ENDS_IN_WEL, negatable=False)
            or t.has(lex.CONDITIONAL_YES, negatable=False)
        ):
            return True  # "elke dag", "zelden", "sinds de scheiding wel": it happens
        if field != f.ACUTE_DANGER and t.has(lex.PAST_OR_WORDS_ONLY, negatable=False):
            if t.has(lex.STILL_NOW, negatable=False):
                return True  # "vroeger wel, nu minder": still now
            return _NOTHING  # "vroeger wel", "alleen met woorden": the question again, gently
        if polarity == _SOMETIMES and field == f.ACUTE_DANGER and "beetje" not in t.tokens:
            return _NOTHING  # "misschien" to "nu in gevaar?": ask again, not 112 at once
        if field == f.CHILDREN_UNSAFE and any(t.has(p) for p in lex.CHILDREN_UNSAFE_YES):
            return True  # "ze zien alles gebeuren", "ze krijgen te weinig eten bij hem"
        if field != f.ACUTE_DANGER and any(t.has(p, negatable=False) for p in lex.SAFETY_YES):
            return True  # "ik heb er wel eens aan gedacht", "vorige maand nog"
        if polarity in (_YES, _SOMETIMES):
            return True  # "soms", "een beetje", "misschien", "eerlijk gezegd wel": recall first
        if polarity is None and len(t.tokens) <= 4 and t.has(r"\btwijfel[a-z]*\b"):
            return True  # "ik twijfel" (not "we twijfelen of we verder willen": a story)
        if polarity == _NO:
            return False
        return _NOTHING

    return handler


def _says_any(t: _Text, patterns: tuple[str, ...], polarity: str | None) -> bool:
    """After a plain "nee" only the first (physical) group counts: "nee, hij knijpt ze alleen"
    is a yes, "nee, ze huilen wel eens om papa" is not."""
    if polarity == _NO:
        patterns = patterns[:1]
    return any(t.says(p) for p in patterns)


def _all_clear(t: _Text, field: str) -> bool:
    """Whether the reply says there is no danger of the kind `field` asks about."""
    if any(t.has(p, negatable=False) for p in lex.ALL_CLEAR):
        return True
    if field == f.ACUTE_DANGER:
        head = " ".join(_without_hedges(t.tokens))
        if head in lex.ACUTE_OK_WORDS or any(_compile(p).search(head) for p in lex.ACUTE_NOT_NOW):
            return not head.startswith(("ja ", "jawel "))  # "ja, hij is weg": ask again
    if field in (f.VIOLENCE, f.CHILDREN_UNSAFE):
        return (any(t.has(p, negatable=False) for p in lex.NO_VIOLENCE)
                and not t.has(lex.NOT_ONLY_VIOLENCE, negatable=False))
    return False


def _bool_field(t: _Text, found: dict[str, Any], field: str) -> Any:
    polarity = _polarity(t)
    if field in found:
        return found[field]
    if " ".join(t.tokens) in lex.ACKNOWLEDGEMENTS:
        return _NOTHING
    if polarity == _YES:
        return True
    if polarity == _NO:
        return False
    return _NOTHING


def _children_requested(t: _Text, found: dict[str, Any]) -> Any:
    if f.CHILDREN_UNDER_18 in found:
        return found[f.CHILDREN_UNDER_18]
    polarity = _polarity(t)
    if polarity == _YES or t.has(lex.HAS_CHILDREN):
        # "ja, 2, van 4 en 6": the ages answer the next question too.
        ages = [a for a in _child_ages(t.tokens, _AGE_ANSWER_ANCHORS) if a <= f.YOUNGEST_AGE_MAX]
        if ages:
            found[f.YOUNGEST_CHILD_AGE] = min(ages)
        return True
    if polarity == _NO:
        return False
    ages = _child_ages(t.tokens, _AGE_ANSWER_ANCHORS)
    if ages:  # "ze zijn 12 en 14", "1 van 5"; "ze zijn 19 en 22": no children under 18
        under = [age for age in ages if age <= f.YOUNGEST_AGE_MAX]
        if under:
            found[f.YOUNGEST_CHILD_AGE] = min(under)
        return bool(under)
    number = _number(t.tokens[0]) if len(t.tokens) <= 2 else None
    if number is not None:
        return number >= 1
    return _NOTHING


_AGE_ANSWER_ANCHORS = lex.KID_ANCHORS | frozenset({"van", "zijn", "is"})


def _youngest_requested(t: _Text, found: dict[str, Any]) -> Any:
    """A bare age ("5", "5 en 8", "6 maanden"); "19" says there are no children under 18."""
    if f.YOUNGEST_CHILD_AGE in found:
        return found[f.YOUNGEST_CHILD_AGE]
    if t.has(r"\b(?:baby|pasgeboren|nog niet geboren|zwanger|op komst|newborn)\b"):
        return 0
    ages = [age for j in range(len(t.tokens)) if (age := _age_at(t.tokens, j)) is not None]
    if not ages:
        return _NOTHING
    youngest = min(ages)
    if youngest <= f.YOUNGEST_AGE_MAX:
        found[f.CHILDREN_UNDER_18] = True
        return youngest
    found[f.CHILDREN_UNDER_18] = False  # "mijn jongste is 19": no children under 18
    return _NOTHING


def _score_requested(t: _Text, found: dict[str, Any]) -> Any:
    score = _score(t, requested=True)
    return score if score is not None else _NOTHING


def _status_requested(t: _Text, found: dict[str, Any]) -> Any:
    if f.RELATIONSHIP_STATUS in found:
        return found[f.RELATIONSHIP_STATUS]
    short = (
        (f.DOUBTING, r"\btwijfel[a-z]*\b"),
        (f.SEPARATING, r"\b(?:bezig|in scheiding|scheiden|scheiding|uit elkaar gaan)\b"),
        (f.SEPARATED, r"\b(?:gescheiden|uit elkaar|ex|exen)\b"),
        (f.NO_PARTNER, r"\b(?:single|alleen|geen partner|geen relatie|alleenstaand[a-z]*)\b"
         r"|^geen\b"),
        (f.TOGETHER, r"\b(?:samen|getrouwd|gehuwd|samenwonend|verloofd)\b"),
    )
    for value, pattern in short:
        if t.has(pattern, negatable=value != f.NO_PARTNER):
            return value
    return _NOTHING


def _agreements_requested(t: _Text, found: dict[str, Any]) -> Any:
    if f.AGREEMENTS_POSSIBLE in found:
        return found[f.AGREEMENTS_POSSIBLE]
    for value, pattern in lex.AGREEMENT_SHORT:
        if t.has(pattern, negatable=value != f.NO):
            return value
    return _NOTHING


def _list_requested(
    table: tuple[tuple[str, str], ...], field: str
) -> Callable[[_Text, dict[str, Any]], Any]:
    def handler(t: _Text, found: dict[str, Any]) -> Any:
        values = list(found.get(field, []))
        for value, pattern in table:
            if value not in values and t.has(pattern):
                values.append(value)
        if values:
            order = f.PROBLEMS if field == f.OTHER_PROBLEMS else f.BARRIER_VALUES
            return [v for v in order if v in values]
        if re.search(lex.NONE_OF_THESE, t.norm):
            return []
        return _NOTHING

    return handler


def _goal_requested(t: _Text, found: dict[str, Any]) -> Any:
    if f.GOAL in found:
        return found[f.GOAL]
    for value, pattern in lex.GOAL_SHORT:
        if t.has(pattern):
            return value
    return _NOTHING


def _partner_requested(t: _Text, found: dict[str, Any]) -> Any:
    if f.PARTNER_WILLING in found:
        return found[f.PARTNER_WILLING]
    if t.has(lex.PARTNER_SHORT_UNKNOWN, negatable=False):
        return f.UNKNOWN
    polarity = _polarity(t)
    if polarity == _YES:
        return f.YES
    if polarity == _NO:
        return f.NO
    if polarity == _SOMETIMES:
        return f.UNKNOWN
    return _NOTHING


def _preference_requested(t: _Text, found: dict[str, Any]) -> Any:
    if f.PREFERENCE in found:
        return found[f.PREFERENCE]
    short = (
        (f.ONLINE, r"\b(?:online|thuis|internet|computer|laptop|app|video)\b"),
        (f.GROUP, r"\b(?:groep|groepje|groepen|anderen|andere stellen)\b"),
        (f.ONE_EVENING, r"\b(?:avond|avondje|workshop|apk|eenmalig)\b"),
        (f.PROFESSIONAL, r"\b(?:praten|gesprek|gesprekken|professional|hulpverlener"
         r"|therapeut|iemand|persoonlijk)\b"),
    )
    for value, pattern in short:
        if t.has(pattern):
            return value
    if re.search(lex.NONE_OF_THESE, t.norm) or t.has(lex.ANY_IS_FINE, negatable=False):
        return f.NONE
    return _NOTHING


_REQUESTED_HANDLERS: dict[str, Callable[[_Text, dict[str, Any]], Any]] = {
    **{field: _safety(field) for field in f.SAFETY_FIELDS},
    f.CHILDREN_UNDER_18: _children_requested,
    f.LEGAL_PROCEEDINGS: lambda t, found: _bool_field(t, found, f.LEGAL_PROCEEDINGS),
    f.YOUNGEST_CHILD_AGE: _youngest_requested,
    f.RELATIONSHIP_SCORE: _score_requested,
    f.RELATIONSHIP_STATUS: _status_requested,
    f.AGREEMENTS_POSSIBLE: _agreements_requested,
    f.OTHER_PROBLEMS: _list_requested(lex.PROBLEM_SHORT, f.OTHER_PROBLEMS),
    f.BARRIERS: _list_requested(lex.BARRIER_SHORT, f.BARRIERS),
    f.GOAL: _goal_requested,
    f.PARTNER_WILLING: _partner_requested,
    f.PREFERENCE: _preference_requested,
}
