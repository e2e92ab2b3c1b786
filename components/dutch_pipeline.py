"""The Dutch spaCy pipeline: the official `nl_core_news_sm` when installed, else our own.

`nl_core_news_sm` 3.4.0 is not on PyPI; `make nl-model` installs it from its official release
wheel where that host is reachable. Where it is not (CI, these machines), the project builds a
small Dutch pipeline itself: `spacy.blank("nl")` + lookup lemmatizer (tables from
`spacy-lookups-data`) + attribute-ruler rules for words the lookup table misses or that residents
misspell. It is saved with `nlp.to_disk` under the data directory, so Rasa can load it like any
installed model. This module has no Rasa import: it is used by the Rasa component and by tests.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

logger = logging.getLogger(__name__)

OFFICIAL_MODEL = "nl_core_news_sm"
FALLBACK_NAME = "relatieroute_nl"

# Lemma rules the lookup table lacks. Why these: they are the content words of the danger
# signals and situation answers (spec sections 4 and 8), in the forms residents type them,
# including frequent misspellings. Keys are lower-case surface forms.
LEMMA_RULES: dict[str, str] = {
    "kinderen": "kind",
    "kindjes": "kind",
    "kids": "kind",
    "zagen": "zien",
    "ziet": "zien",
    "slaad": "slaan",
    "slaat": "slaan",
    "sloeg": "slaan",
    "sloegen": "slaan",
    "geslagen": "slaan",
    "schopt": "schoppen",
    "geschopt": "schoppen",
    "duwt": "duwen",
    "geduwd": "duwen",
    "dreigt": "dreigen",
    "bedreigt": "bedreigen",
    "bedreigd": "bedreigen",
    "gescheiden": "scheiden",
    "scheiding": "scheiden",
    "gaan": "gaan",
    "advocaten": "advocaat",
    "schulden": "schuld",
    "ruzies": "ruzie",
    "ex-partner": "ex",
    "expartner": "ex",
}


@dataclass(frozen=True)
class DutchPipeline:
    """A loaded Dutch pipeline and which one it is (for the log and the model fingerprint)."""

    nlp: Language
    name: str
    official: bool


def data_dir() -> Path:
    """The project's runtime data directory (`$RELATIEROUTE_DATA_DIR`, default `var/`)."""
    return Path(os.environ.get("RELATIEROUTE_DATA_DIR", Path(__file__).resolve().parent.parent / "var"))


def official_model_installed() -> bool:
    """Whether the official `nl_core_news_sm` package is installed in this environment."""
    import spacy

    return bool(spacy.util.is_package(OFFICIAL_MODEL))


def _fallback_fingerprint() -> str:
    """Changes whenever the fallback's recipe changes, so a stale copy on disk is rebuilt."""
    import spacy
    import spacy_lookups_data

    recipe = {
        "spacy": spacy.about.__version__,
        "lookups": getattr(spacy_lookups_data, "__version__", "?"),
        "rules": LEMMA_RULES,
        "recipe": 2,  # bump when build_fallback changes
    }
    return hashlib.sha256(json.dumps(recipe, sort_keys=True).encode()).hexdigest()[:12]


def build_fallback() -> Language:
    """Builds the project's own Dutch pipeline in memory."""
    import spacy

    nlp = spacy.blank("nl")
    # The attribute ruler runs first: the lemmatizer does not overwrite lemmas already set.
    ruler = nlp.add_pipe("attribute_ruler")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()  # loads the lookup tables; also clears the ruler, so patterns come after
    for surface, lemma in LEMMA_RULES.items():
        ruler.add(patterns=[[{"LOWER": surface}]], attrs={"LEMMA": lemma})
    nlp.meta["name"] = FALLBACK_NAME
    nlp.meta["description"] = "Relatieroute fallback: blank nl + lookup lemmatizer + rules"
    return nlp


def fallback_path() -> Path:
    """Where the fallback pipeline for the current recipe lives on disk."""
    return data_dir() / "spacy" / f"{FALLBACK_NAME}-{_fallback_fingerprint()}"


def ensure_fallback_on_disk() -> Path:
    """Builds and saves the fallback pipeline unless this recipe's copy already exists."""
    path = fallback_path()
    if not (path / "config.cfg").exists():
        import shutil
        import tempfile

        path.parent.mkdir(parents=True, exist_ok=True)
        # Build next to the target and rename: two processes starting at once never see half a model.
        tmp = Path(tempfile.mkdtemp(dir=path.parent, prefix=path.name + "."))
        build_fallback().to_disk(tmp)
        try:
            tmp.rename(path)
        except OSError:  # another process won the race; its copy is identical
            shutil.rmtree(tmp, ignore_errors=True)
        logger.info("Built the project's Dutch spaCy pipeline at %s", path)
    return path


def load_dutch_pipeline() -> DutchPipeline:
    """Loads the official Dutch model when installed, otherwise the project's own pipeline."""
    import spacy

    if official_model_installed():
        nlp = spacy.load(OFFICIAL_MODEL, disable=["parser"])
        version = nlp.meta.get("version", "?")
        logger.info("Dutch NLP: official spaCy model %s %s", OFFICIAL_MODEL, version)
        return DutchPipeline(nlp=nlp, name=f"{OFFICIAL_MODEL}-{version}", official=True)
    path = ensure_fallback_on_disk()
    # Our tokenizer is spaCy's Dutch default (build_fallback never changes it), which spacy.load
    # has already built from the config; reading the saved copy again costs a second of every
    # server start (tests/components/test_dutch_pipeline.py checks both give the same tokens).
    nlp = spacy.load(path, exclude=["tokenizer"])
    logger.info(
        "Dutch NLP: project pipeline %s (blank nl + lookup lemmatizer + rules); "
        "%s is not installed (`make nl-model` installs it)",
        path.name,
        OFFICIAL_MODEL,
    )
    return DutchPipeline(nlp=nlp, name=path.name, official=False)


if __name__ == "__main__":  # `python -m components.dutch_pipeline`: build it and say which one.
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    print(load_dutch_pipeline().name)
