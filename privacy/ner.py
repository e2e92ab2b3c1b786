"""Optional named-entity pass with spaCy's Dutch model ``nl_core_news_sm``.

When the model package is installed, person and place entities that the rules missed
("Gisteren zei Mark dat …", "we wonen in Kampen") become ``[naam]`` / ``[plaats]``. When it is
not installed, the scrubber runs on rules alone. The model is loaded lazily, once per process,
and the mode is logged at INFO: ``rules`` or ``rules+nl_core_news_sm``.

Importing spaCy costs seconds here (it pulls in thinc and TensorFlow), so the check whether the
model is installed is done first, without spaCy, via the package metadata: the same check that
``spacy.util.is_package`` performs. spaCy is only imported when the model is actually there.
"""

from __future__ import annotations

import importlib.metadata
import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any

from privacy import placeholders as ph

logger = logging.getLogger(__name__)

MODEL_NAME = "nl_core_news_sm"
MODE_RULES = "rules"
MODE_RULES_NER = f"rules+{MODEL_NAME}"

#: spaCy labels and the placeholder each becomes. nl_core_news_* use PERSON/GPE/LOC (OntoNotes);
#: PER is what WikiNER-style Dutch pipelines use.
ENTITY_PLACEHOLDERS: dict[str, str] = {
    "PERSON": ph.NAME,
    "PER": ph.NAME,
    "GPE": ph.PLACE,
    "LOC": ph.PLACE,
}

# Components not needed for NER; disabled (not excluded) so a pipeline whose NER listens to a
# shared tok2vec keeps working.
_UNNEEDED = ("tagger", "morphologizer", "parser", "lemmatizer", "attribute_ruler", "senter")

#: spaCy gets the text in chunks of at most this many characters (cut at whitespace), so time
#: and memory stay linear in the input length.
CHUNK_CHARS = 5_000


def model_installed(name: str = MODEL_NAME) -> bool:
    """Whether the model package is installed (same test as ``spacy.util.is_package``)."""
    try:
        importlib.metadata.distribution(name)
    except importlib.metadata.PackageNotFoundError:
        return False
    except Exception:  # a broken metadata directory must not break scrubbing
        return False
    return True


def load_default_model(name: str = MODEL_NAME) -> Any | None:
    """Load the Dutch pipeline for NER, or return ``None`` when it is absent or broken."""
    if not model_installed(name):
        return None
    try:
        import spacy  # deferred on purpose: expensive import

        if not spacy.util.is_package(name):
            return None
        return spacy.load(name, disable=list(_UNNEEDED))
    except Exception as error:  # any load failure means: rules only, never a crash
        logger.warning(
            "privacy scrubber: %s is installed but could not be loaded (%s); using rules only",
            name,
            type(error).__name__,
        )
        return None


class EntityScrubber:
    """Lazily loaded spaCy NER pass; thread-safe; falls back to a no-op without a model.

    Args:
        loader: returns a spaCy ``Language`` (or ``None``). Defaults to loading
            ``nl_core_news_sm``; tests and other deployments may pass another pipeline.
        model_name: the name reported in the mode (``rules+<model_name>``).
    """

    def __init__(
        self,
        loader: Callable[[], Any | None] = load_default_model,
        model_name: str = MODEL_NAME,
    ) -> None:
        self._loader = loader
        self._model_name = model_name
        self._nlp: Any | None = None
        self._loaded = False
        self._loading = False
        self._lock = threading.RLock()

    @property
    def mode(self) -> str:
        """``"rules"`` or ``"rules+<model>"``; loads the model on first use."""
        return f"rules+{self._model_name}" if self._ensure_loaded() else MODE_RULES

    def _ensure_loaded(self) -> Any | None:
        if self._loaded:
            return self._nlp
        with self._lock:
            if self._loaded:
                return self._nlp
            if self._loading:
                # Re-entered from a log record emitted while loading: rules only for that one.
                return None
            self._loading = True
            try:
                try:
                    self._nlp = self._loader()
                except Exception:
                    self._nlp = None
                self._loaded = True
            finally:
                self._loading = False
            mode = f"rules+{self._model_name}" if self._nlp is not None else MODE_RULES
            logger.info("privacy scrubber mode: %s", mode)
            return self._nlp

    def entities(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, placeholder)`` for each person/place entity in ``text``."""
        nlp = self._ensure_loaded()
        if nlp is None or not text.strip():
            return []
        found: list[tuple[int, int, str]] = []
        with self._lock:
            for offset, chunk in _chunks(text, CHUNK_CHARS):
                doc = nlp(chunk)
                for ent in doc.ents:
                    placeholder = ENTITY_PLACEHOLDERS.get(ent.label_)
                    if placeholder:
                        found.append(
                            (offset + ent.start_char, offset + ent.end_char, placeholder)
                        )
        return found


def _chunks(text: str, size: int) -> Iterable[tuple[int, str]]:
    """Split ``text`` into pieces of at most ``size`` characters, preferably at whitespace."""
    start = 0
    length = len(text)
    while start < length:
        end = min(start + size, length)
        if end < length:
            cut = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
            if cut > start:
                end = cut
        yield start, text[start:end]
        start = end
