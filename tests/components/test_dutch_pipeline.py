"""The Dutch spaCy pipeline: official model when installed, else the project's own."""

import logging

import spacy

from components import dutch_pipeline
from components.dutch_pipeline import LEMMA_RULES, build_fallback, load_dutch_pipeline


def test_fallback_lemmatises_the_words_that_matter(tmp_path, monkeypatch):
    monkeypatch.setenv("RELATIEROUTE_DATA_DIR", str(tmp_path))
    nlp = build_fallback()
    lemmas = {t.text: t.lemma_ for t in nlp("De kinderen zagen hoe hij sloeg en slaad")}
    assert lemmas["kinderen"] == "kind"
    assert lemmas["sloeg"] == "slaan" and lemmas["slaad"] == "slaan"
    assert lemmas["zagen"] == "zien"


def test_fallback_is_saved_once_and_loads_from_disk(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("RELATIEROUTE_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(dutch_pipeline, "official_model_installed", lambda: False)
    with caplog.at_level(logging.INFO):
        first = load_dutch_pipeline()
    assert not first.official
    assert first.nlp.path is not None and str(tmp_path) in str(first.nlp.path)
    assert "project pipeline" in caplog.text and "nl_core_news_sm is not installed" in caplog.text
    ruler = first.nlp.get_pipe("attribute_ruler")
    assert len(ruler.patterns) == len(LEMMA_RULES)  # the rules survive to_disk / load
    second = load_dutch_pipeline()
    assert second.name == first.name


def test_loaded_pipeline_tokenises_and_lemmatises_like_the_saved_one(tmp_path, monkeypatch):
    # load_dutch_pipeline skips reading the saved tokenizer (spaCy's Dutch default, built from
    # the config anyway): the tokens and lemmas must be exactly those of a full load.
    monkeypatch.setenv("RELATIEROUTE_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(dutch_pipeline, "official_model_installed", lambda: False)
    fast = load_dutch_pipeline().nlp
    full = spacy.load(dutch_pipeline.fallback_path())
    texts = [
        "Dhr. v.d. Berg wil z.s.m. gebeld worden a.u.b.!!",
        "'s Avonds slaat m'n ex me, zo'n 3x p/w :( 😢",
        "Mijn partner sloeg me gisteren (echt waar) - wat nu?",
        "e.g. t.a.v. mr. Jansen, <b>hallo</b> https://example.org/x?y=1 info@example.org",
        "ouderschapsplan/omgangsregeling; co-ouderschap & alimentatie...",
    ]
    assert [[(t.text, t.lemma_) for t in doc] for doc in fast.pipe(texts)] == [
        [(t.text, t.lemma_) for t in doc] for doc in full.pipe(texts)
    ]
    assert fast.tokenizer.rules == full.tokenizer.rules  # the same special cases


def test_official_model_is_used_when_installed(monkeypatch, caplog):
    # The official wheel cannot be installed on this machine; a tiny installed-like package
    # proves the branch: spacy.load gets the official name and the log says so.
    loaded = {}

    def fake_load(name, disable=()):
        loaded["name"], loaded["disable"] = name, list(disable)
        nlp = spacy.blank("nl")
        nlp.meta["version"] = "3.4.0"
        return nlp

    monkeypatch.setattr(dutch_pipeline, "official_model_installed", lambda: True)
    monkeypatch.setattr(spacy, "load", fake_load)
    with caplog.at_level(logging.INFO):
        pipeline = load_dutch_pipeline()
    assert loaded == {"name": "nl_core_news_sm", "disable": ["parser"]}
    assert pipeline.official and pipeline.name == "nl_core_news_sm-3.4.0"
    assert "official spaCy model nl_core_news_sm 3.4.0" in caplog.text


def test_official_model_detection_reflects_this_environment():
    assert dutch_pipeline.official_model_installed() == bool(spacy.util.is_package("nl_core_news_sm"))
