"""Text normalisation shared by the danger lexicon and the answer extractor.

Residents type in a hurry, on a phone, sometimes in Flemish, without accents, in capitals, with
emoji between the words and with spelling mistakes ("hij slaad me", "ik wil nie meer leve").
Everything here turns such text into a predictable string of lower-case ASCII tokens separated by
single spaces, so the lexicon patterns can stay readable.

Pure Python, no work at import time: tables are built on first use and cached.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache

# Characters that NFKD does not decompose into an ASCII letter plus a combining mark.
_SPECIAL_LETTERS = str.maketrans(
    {
        "ı": "i",
        "ø": "o",
        "æ": "ae",
        "œ": "oe",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ŀ": "l",
        "ĳ": "ij",  # the Dutch ij ligature
    }
)

# Apostrophes and hyphens inside a word join it ("m'n" → "mn", "zelf-moord" → "zelfmoord",
# "ex-partner" → "expartner"); everywhere else they separate words ("5-6" stays two numbers).
_JOINERS_RE = re.compile(r"(?<=[a-z])['’‘`´\-‐‑]+(?=[a-z])")
_LEADING_APOSTROPHE_RE = re.compile(r"(?<![a-z0-9])['’‘`´]+(?=[a-z])")
_REPEATS_RE = re.compile(r"([a-z])\1{2,}")


def fold(text: str) -> str:
    """Lower-cases and strips accents: "ÉÉN Één één" → "een een een".

    Case folding comes first, so upper- and lower-case input fold to the same string.
    """
    text = unicodedata.normalize("NFKD", text.casefold().translate(_SPECIAL_LETTERS))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_SPECIAL_LETTERS)


def squeeze(word: str) -> str:
    """Collapses every run of a repeated letter to one letter: "slaaat" → "slat"."""
    return re.sub(r"(.)\1+", r"\1", word)


def collapse_repeats(text: str) -> str:
    """Shortens runs of three or more equal letters to two: "neeeee" → "nee", "hellllp" → "hellp".

    Dutch words never have three equal letters in a row (after accents are stripped "zeeën"
    would, but such words play no role here), so this only removes emphasis.
    """
    return _REPEATS_RE.sub(r"\1\1", text)


def raw_tokens(text: str, keep: str = "") -> list[str]:
    """Splits folded text into tokens of ASCII letters and digits.

    Args:
        text: folded text (see `fold`).
        keep: extra single characters that become tokens of their own (e.g. "/" for "6/10").
    """
    text = _LEADING_APOSTROPHE_RE.sub("", _JOINERS_RE.sub("", text))
    pattern = _token_pattern(keep)
    return join_spelled_out(pattern.findall(collapse_repeats(text)))


@lru_cache(maxsize=8)
def _token_pattern(keep: str) -> re.Pattern[str]:
    """Words, numbers ("6", and with `keep` also "6,5") and the characters in `keep`."""
    if not keep:
        return re.compile(r"[a-z]+|\d+")
    return re.compile(r"[a-z]+|\d+(?:[.,]\d+)?|[" + re.escape(keep) + "]")


def join_spelled_out(tokens: list[str]) -> list[str]:
    """Joins words typed letter by letter: "z e l f m o o r d" / "z.e.l.f" → "zelfmoord".

    Only runs of four or more single letters are joined; ordinary Dutch almost never has them.
    """
    result: list[str] = []
    run: list[str] = []
    for token in [*tokens, ""]:
        if len(token) == 1 and token.isalpha():
            run.append(token)
            continue
        if len(run) >= 4:
            result.append("".join(run))
        else:
            result.extend(run)
        run = []
        if token:
            result.append(token)
    return result


def damerau_distance_at_most_one(a: str, b: str) -> bool:
    """True when `a` and `b` differ by at most one insertion, deletion, substitution or swap."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diffs = [i for i in range(la) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    if la > lb:
        a, b = b, a
    # b is one letter longer: deleting one letter of b must give a.
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


class Canonicaliser:
    """Maps a token to its canonical spelling: explicit misspellings, y/ij, elongation, fuzzy.

    Args:
        misspellings: token → canonical token (or several words, e.g. "kheb" → "ik heb").
        targets: the words the lexicon is written in; unknown tokens close to one of them
            (edit distance 1, same first letter, 5+ letters) are read as that word.
        protected: real words that must never be "corrected" (e.g. "staat" is not "slaat").
        min_fuzzy_length: shortest token that may be corrected by edit distance.
    """

    def __init__(
        self,
        misspellings: Mapping[str, str],
        targets: Iterable[str],
        protected: Iterable[str],
        min_fuzzy_length: int = 5,
    ) -> None:
        self._misspellings = dict(misspellings)
        self._targets = frozenset(targets)
        self._known = self._targets | frozenset(protected) | frozenset(self._misspellings.values())
        self._min_fuzzy_length = min_fuzzy_length
        by_squeeze: dict[str, str] = {}
        for word in sorted(self._targets):
            by_squeeze.setdefault(squeeze(word), word)
        self._by_squeeze = by_squeeze
        by_initial: dict[str, list[str]] = {}
        for word in sorted(self._targets):
            if len(word) >= min_fuzzy_length - 1:
                by_initial.setdefault(word[0], []).append(word)
        self._by_initial = by_initial
        self.canonical = lru_cache(maxsize=8192)(self._canonical)

    def _canonical(self, token: str) -> str:
        if token in self._misspellings:
            return self._misspellings[token]
        if token in self._known or not token.isalpha():
            return token
        # Typing "y" for "ij" ("hy slaat my", "pyn") or "ei" for "ij" ("pein").
        for variant in (token.replace("y", "ij"), token.replace("ei", "ij")):
            if variant != token:
                if variant in self._misspellings:
                    return self._misspellings[variant]
                if variant in self._known:
                    return variant
        squeezed = squeeze(token)
        if len(squeezed) >= 4 and squeezed in self._by_squeeze:
            return self._by_squeeze[squeezed]
        if len(token) >= self._min_fuzzy_length:
            for word in self._by_initial.get(token[0], ()):
                if damerau_distance_at_most_one(token, word):
                    return word
        return token

    def is_known(self, token: str) -> bool:
        """True for lexicon words, protected words and canonical forms."""
        return token in self._known
