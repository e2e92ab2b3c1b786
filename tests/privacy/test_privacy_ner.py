"""The optional spaCy pass: mode detection, lazy loading, and entity replacement.

``nl_core_news_sm`` is not installed on the development machine and cannot be downloaded, so
the entity logic is exercised with a real spaCy pipeline built here (blank Dutch + an
EntityRuler that labels the way the Dutch model does: PERSON, GPE, LOC, ORG).
"""

from __future__ import annotations

import logging

import pytest
import spacy

from privacy import placeholders as ph
from privacy.ner import (
    CHUNK_CHARS,
    MODE_RULES,
    MODEL_NAME,
    EntityScrubber,
    load_default_model,
    model_installed,
)
from privacy.scrubber import Scrubber, scrub_mode


@pytest.fixture(scope="module")
def ruler_nlp():
    nlp = spacy.blank("nl")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "PERSON", "pattern": "Mark"},
            {"label": "PERSON", "pattern": "Fenna"},
            {"label": "PER", "pattern": "Joris"},
            {"label": "GPE", "pattern": "Kampen"},
            {"label": "GPE", "pattern": "Zwolle"},
            {"label": "LOC", "pattern": [{"LOWER": "veilig"}, {"LOWER": "thuis"}]},
            {"label": "ORG", "pattern": "Albert Heijn"},
            {"label": "LOC", "pattern": "naam"},  # would hit the inside of "[naam]"
        ]
    )
    return nlp


def test_cheap_install_check_agrees_with_spacy() -> None:
    assert model_installed() == spacy.util.is_package(MODEL_NAME)


def test_default_mode_reflects_whether_the_model_is_installed() -> None:
    expected = f"rules+{MODEL_NAME}" if spacy.util.is_package(MODEL_NAME) else MODE_RULES
    assert scrub_mode() == expected
    assert (load_default_model() is None) == (not spacy.util.is_package(MODEL_NAME))


def test_mode_is_logged_once_at_info(caplog: pytest.LogCaptureFixture) -> None:
    scrubber = EntityScrubber()
    with caplog.at_level(logging.INFO, logger="privacy.ner"):
        scrubber.entities("Mark woont in Kampen")
        scrubber.entities("nog een keer")
        _ = scrubber.mode
    records = [r for r in caplog.records if r.name == "privacy.ner"]
    assert len(records) == 1
    assert records[0].levelno == logging.INFO
    expected = f"rules+{MODEL_NAME}" if model_installed() else MODE_RULES
    assert records[0].getMessage() == f"privacy scrubber mode: {expected}"


def test_loader_is_called_lazily_and_only_once(ruler_nlp) -> None:
    calls = []

    def loader():
        calls.append(1)
        return ruler_nlp

    scrubber = EntityScrubber(loader=loader, model_name="ruler")
    assert calls == []
    scrubber.entities("Mark")
    scrubber.entities("Fenna")
    assert calls == [1]
    assert scrubber.mode == "rules+ruler"


def test_entities_become_placeholders_but_protected_terms_do_not(ruler_nlp) -> None:
    scrubber = Scrubber(entity_scrubber=EntityScrubber(loader=lambda: ruler_nlp))
    text = (
        "Gisteren zei Mark dat we naar Kampen verhuizen. Joris en Fenna weten het nog niet. "
        "Ik heb Veilig Thuis gebeld en het wijkteam Zwolle. Ik werk bij de Albert Heijn. "
        "Mijn man heet Mark."
    )
    out = scrubber.scrub(text)
    assert "Mark" not in out and "Joris" not in out and "Fenna" not in out
    assert "Kampen" not in out
    assert f"naar {ph.PLACE} verhuizen" in out
    assert "Veilig Thuis" in out
    assert "wijkteam Zwolle" in out
    assert "Albert Heijn" in out  # ORG is not a person or place
    assert out.endswith(f"Mijn man heet {ph.NAME}.")  # the rule's placeholder stays intact


def test_entities_are_found_across_chunk_boundaries(ruler_nlp) -> None:
    scrubber = Scrubber(entity_scrubber=EntityScrubber(loader=lambda: ruler_nlp))
    filler = "bla " * (CHUNK_CHARS // 4)
    text = f"{filler}Mark {filler}Kampen {filler}Fenna"
    out = scrubber.scrub(text)
    assert "Mark" not in out and "Kampen" not in out and "Fenna" not in out
    assert out.count(ph.NAME) == 2
    assert out.count(ph.PLACE) == 1


def test_a_failing_loader_means_rules_only(caplog: pytest.LogCaptureFixture) -> None:
    def broken_loader():
        raise OSError("model files missing")

    scrubber = Scrubber(entity_scrubber=EntityScrubber(loader=broken_loader, model_name="x"))
    with caplog.at_level(logging.INFO, logger="privacy.ner"):
        assert scrubber.mode == MODE_RULES
        assert scrubber.scrub("ik heet Mark, bel 06-12345678") == f"ik heet {ph.NAME}, bel {ph.PHONE}"


def test_a_pipeline_that_fails_at_runtime_keeps_the_rules_result() -> None:
    from spacy.language import Language

    @Language.component("privacy_test_explode")
    def explode(doc):
        raise RuntimeError("boom")

    nlp = spacy.blank("nl")
    nlp.add_pipe("privacy_test_explode")
    scrubber = Scrubber(entity_scrubber=EntityScrubber(loader=lambda: nlp, model_name="boom"))
    assert scrubber.scrub("mail piet@x.nl, Mark") == f"mail {ph.EMAIL}, Mark"
