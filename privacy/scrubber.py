"""The PII scrubber: rules for Dutch personal data, plus optional spaCy NER.

Use :func:`scrub` for text that leaves a conversation (DEBUG logs, exports, free-text fields)
and :func:`scrub_value` for nested structures (dicts/lists from JSON). Both never raise: on an
unexpected internal error they fail closed and return ``[tekst weggelaten]``.

Pipeline for one text:

1. protected terms (service names, 112/113/0800-numbers, "wijkteam Zwolle") are masked;
2. the regex rules run (links, e-mail, IBAN, IP, dates, postcode/address, phone, BSN, numbers);
3. names after introduction cues become ``[naam]``;
4. protected terms are restored;
5. if ``nl_core_news_sm`` is installed: person/place entities that are not protected and not
   already a placeholder become ``[naam]`` / ``[plaats]``.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from typing import Any

from privacy import placeholders as ph
from privacy.names import scrub_names
from privacy.ner import EntityScrubber
from privacy.protect import Masked, build_protected_pattern, protected_spans
from privacy.rules import apply_rules

_PLACEHOLDER_RE = re.compile("|".join(re.escape(p) for p in ph.ALL))
_LETTER_RE = re.compile(r"[^\W\d_]")
_MAX_DEPTH = 40
_MAX_PASSES = 4

_reentry = threading.local()


class _Default:
    """Marker type for "use the default NER pass"."""


_DEFAULT = _Default()


class Scrubber:
    """A configured scrubber. Most code uses the module-level :func:`scrub` instead.

    Args:
        extra_protected: more terms that must never be scrubbed, e.g. the names of offers and
            providers from the gemeente catalogue ("Kompaan", "Online Relatieprogramma").
        entity_scrubber: the NER pass; by default a lazily loaded ``nl_core_news_sm``.
            ``None`` switches NER off (rules only).
    """

    def __init__(
        self,
        extra_protected: Iterable[str] = (),
        entity_scrubber: EntityScrubber | _Default | None = _DEFAULT,
    ) -> None:
        self._protected = build_protected_pattern(extra_protected)
        if isinstance(entity_scrubber, _Default):
            entity_scrubber = EntityScrubber()
        self._ner: EntityScrubber | None = entity_scrubber

    @property
    def mode(self) -> str:
        """``"rules"`` or ``"rules+nl_core_news_sm"`` (loads the model on first call)."""
        return self._ner.mode if self._ner is not None else "rules"

    def scrub(self, text: Any, *, use_ner: bool = True) -> str:
        """Return ``text`` with personal data replaced by typed placeholders. Never raises."""
        try:
            text = _as_text(text)
            if not text:
                return text
            masked = Masked(text, self._protected)
            out = masked.restore(_rules_to_fixpoint(masked.text))
            if use_ner and self._ner is not None and not getattr(_reentry, "active", False):
                out = self._apply_entities(out)
            return out
        except Exception:  # fail closed: never let raw text through on an internal error
            return ph.WITHHELD

    def _apply_entities(self, text: str) -> str:
        _reentry.active = True
        try:
            entities = self._ner.entities(text) if self._ner is not None else []
        except Exception:
            # A failing model must not cost the rules' work; the text is rules-scrubbed already.
            return text
        finally:
            _reentry.active = False
        if not entities:
            return text
        vetoed = protected_spans(text, self._protected)
        placeholders = [m.span() for m in _PLACEHOLDER_RE.finditer(text)]
        pieces: list[str] = []
        cursor = 0
        for start, end, placeholder in sorted(entities):
            if start < cursor or _overlaps(start, end, vetoed):
                continue
            remainder = _strip_spans(text[start:end], start, placeholders)
            if not _LETTER_RE.search(remainder):
                continue  # the entity is (part of) a placeholder already
            pieces.append(text[cursor:start])
            pieces.append(placeholder)
            cursor = end
        pieces.append(text[cursor:])
        return "".join(pieces)

    def scrub_value(self, value: Any, *, use_ner: bool = True) -> Any:
        """Scrub every string inside ``value`` (dicts, lists, tuples, sets); other types stay."""
        return self._scrub_value(value, use_ner, 0)

    def _scrub_value(self, value: Any, use_ner: bool, depth: int) -> Any:
        if depth > _MAX_DEPTH:
            return ph.WITHHELD
        if isinstance(value, str):
            return self.scrub(value, use_ner=use_ner)
        if isinstance(value, (bytes, bytearray)):
            return self.scrub(value, use_ner=use_ner)
        if isinstance(value, dict):
            return {
                self._scrub_value(k, use_ner, depth + 1): self._scrub_value(v, use_ner, depth + 1)
                for k, v in value.items()
            }
        if isinstance(value, (list, tuple, set, frozenset)):
            items = [self._scrub_value(v, use_ner, depth + 1) for v in value]
            if isinstance(value, list):
                return items
            if isinstance(value, tuple):
                return tuple(items)
            try:
                return type(value)(items)
            except TypeError:
                return items
        return value


def _rules_to_fixpoint(text: str) -> str:
    """Run rules and name cues until nothing changes (at most ``_MAX_PASSES`` times).

    A replacement can expose a match that was glued to it: in "ik ben Piet1234 AB" the
    postcode only has a word boundary once "Piet" has become "[naam]". Text without personal
    data costs one pass; each pass is linear in the length of the text.
    """
    for _ in range(_MAX_PASSES):
        scrubbed = scrub_names(apply_rules(text))
        if scrubbed == text:
            break
        text = scrubbed
    return text


def _as_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", errors="replace")
    return str(value)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < s_end and s_start < end for s_start, s_end in spans)


def _strip_spans(text: str, offset: int, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for s_start, s_end in spans:
        for i in range(max(s_start, offset), min(s_end, offset + len(text))):
            chars[i - offset] = " "
    return "".join(chars)


_default: Scrubber | None = None
_default_lock = threading.Lock()


def default_scrubber() -> Scrubber:
    """The process-wide scrubber (created on first use; the NER model loads on first scrub)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Scrubber()
    return _default


def scrub(text: Any, *, use_ner: bool = True) -> str:
    """Replace personal data in ``text`` with typed placeholders (``[telefoon]``, ``[naam]``, …).

    Args:
        text: any text; non-strings are converted with ``str()`` (bytes as UTF-8).
        use_ner: also run the spaCy NER pass when ``nl_core_news_sm`` is installed.

    Returns:
        The scrubbed text. Never raises; on an internal error returns ``[tekst weggelaten]``.
    """
    try:
        return default_scrubber().scrub(text, use_ner=use_ner)
    except Exception:
        return ph.WITHHELD


def scrub_value(value: Any, *, use_ner: bool = True) -> Any:
    """Scrub all strings inside a nested structure (e.g. an export row or a JSON payload)."""
    try:
        return default_scrubber().scrub_value(value, use_ner=use_ner)
    except Exception:
        return ph.WITHHELD


def scrub_mode() -> str:
    """Which mode the process-wide scrubber runs in: ``"rules"`` or ``"rules+nl_core_news_sm"``."""
    return default_scrubber().mode
