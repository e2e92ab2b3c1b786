"""Tests for `signals.detect_danger`: the safety interrupt (spec section 8)."""

from __future__ import annotations

import dataclasses
import re

import pytest
from signals_danger_cases import BENIGN_CASES, DANGER_CASES
from signals_nlu_data import nlu_examples

from signals import (
    ACUTE,
    CHILDREN,
    SELF_HARM,
    VIOLENCE,
    DangerSignal,
    detect_danger,
    detect_dangers,
    normalise_for_danger,
    warm_up,
)
from signals.danger import _expand
from signals.danger_lexicon import (
    ACUTE_HAPPENING_NOW,
    ACUTE_HELP_CALL,
    FUZZY_TARGETS,
    KIND_PRIORITY,
    MACROS,
    MISSPELLINGS,
    RULES,
)
from signals.danger_protected import PROTECTED_WORDS

KINDS = {ACUTE, SELF_HARM, CHILDREN, VIOLENCE}
RULE_NAMES = {rule.name for rule in RULES} | {ACUTE_HELP_CALL, ACUTE_HAPPENING_NOW}
INTENT_KIND = {
    "danger_acute": ACUTE,
    "danger_violence": VIOLENCE,
    "danger_children": CHILDREN,
    "danger_self_harm": SELF_HARM,
}


def test_tables_are_large_enough() -> None:
    assert len(DANGER_CASES) >= 80
    assert len(BENIGN_CASES) >= 40
    assert {kind for _, kind in DANGER_CASES} == KINDS


@pytest.mark.parametrize(("text", "kind"), DANGER_CASES)
def test_danger_phrase_is_detected_with_its_kind(text: str, kind: str) -> None:
    signal = detect_danger(text)
    assert signal is not None, f"missed: {text!r} → {normalise_for_danger(text)!r}"
    assert signal.kind == kind, f"{text!r}: {signal}"
    assert signal.rule in RULE_NAMES


@pytest.mark.parametrize("text", BENIGN_CASES)
def test_ordinary_relationship_talk_is_not_a_danger(text: str) -> None:
    assert detect_danger(text) is None, normalise_for_danger(text)


@pytest.mark.parametrize(
    ("intent", "text"),
    [(intent, text) for intent, texts in nlu_examples().items() for text in texts],
)
def test_nlu_training_data_agrees_with_the_lexicon(intent: str, text: str) -> None:
    """Every danger_* example is caught by the lexicon; no other example raises an alarm."""
    signal = detect_danger(text)
    if intent in INTENT_KIND:
        assert signal is not None and signal.kind == INTENT_KIND[intent], (text, signal)
    else:
        assert signal is None, (intent, text, signal)


def test_the_documented_choice_on_children_and_arguments() -> None:
    # Suffering from arguments is asked by the safety screen, not interrupted on …
    assert detect_danger("de kinderen hebben last van onze ruzies") is None
    # … but seeing or hearing everything, or being afraid, is a signal.
    assert detect_danger("de kinderen zien alles") == DangerSignal(CHILDREN, "children_witness")
    assert detect_danger("de kinderen zijn bang") == DangerSignal(CHILDREN, "children_afraid")


def test_priority_is_acute_self_harm_children_violence() -> None:
    assert KIND_PRIORITY == (ACUTE, SELF_HARM, CHILDREN, VIOLENCE)
    text = "hij slaat de kinderen en mij, ik wil niet meer leven"
    kinds = [signal.kind for signal in detect_dangers(text)]
    assert kinds == [SELF_HARM, CHILDREN, VIOLENCE]
    assert detect_danger(text).kind == SELF_HARM
    assert detect_danger("hij staat voor de deur en ik wil niet meer leven").kind == ACUTE


def test_detect_dangers_reports_each_kind_once() -> None:
    signals = detect_dangers("hij slaat me, hij schopt me, hij dreigt me")
    assert [s.kind for s in signals] == [VIOLENCE]
    assert detect_dangers("we maken ruzie") == ()


@pytest.mark.parametrize(
    "text",
    [
        "nee, hij slaat me niet",
        "hij heeft me nooit geslagen",
        "hij heeft me nog nooit pijn gedaan",
        "ik ben niet bang voor hem",
        "er is geen geweld",
        "hij slaat me nu niet",
    ],
)
def test_a_plain_denial_is_not_a_signal(text: str) -> None:
    assert detect_danger(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "hij slaat me niet alleen, hij schopt ook",
        "hij slaat me niet meer, maar ik ben bang",
        "hij slaat me nu niet meer",
    ],
)
def test_not_alone_and_no_longer_are_no_denial(text: str) -> None:
    assert detect_danger(text) is not None


def test_suicidal_wording_is_never_negated() -> None:
    assert detect_danger("ik denk niet aan zelfmoord hoor") is not None


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("help", ACUTE_HELP_CALL),
        ("sos!!", ACUTE_HELP_CALL),
        ("help me alsjeblieft snel", ACUTE_HELP_CALL),
        ("hij slaat me nu", ACUTE_HAPPENING_NOW),
        ("help, hij schopt me", ACUTE_HELP_CALL),
        ("hij schopt me, help", ACUTE_HAPPENING_NOW),
        ("ik wil er vanavond een eind aan maken", ACUTE_HAPPENING_NOW),
    ],
)
def test_acute_escalation(text: str, rule: str) -> None:
    assert detect_danger(text) == DangerSignal(ACUTE, rule)


@pytest.mark.parametrize(
    "text",
    ["help me met het ouderschapsplan", "ik heb hulp nodig bij onze relatie", "kun je helpen?"],
)
def test_asking_for_help_with_something_is_not_acute(text: str) -> None:
    assert detect_danger(text) is None


def test_rule_is_a_lexicon_name_never_the_users_words() -> None:
    text = "mijn man Pieter de Vries slaat mij, hij woont op de Dorpsstraat 12"
    signal = detect_danger(text)
    assert signal is not None
    assert signal.rule in RULE_NAMES
    assert "pieter" not in signal.rule.lower() and "dorpsstraat" not in signal.rule.lower()


def test_danger_signal_is_a_frozen_dataclass() -> None:
    signal = detect_danger("hij slaat me")
    assert dataclasses.is_dataclass(signal)
    with pytest.raises(dataclasses.FrozenInstanceError):
        signal.kind = ACUTE  # type: ignore[misc]
    assert signal == DangerSignal(VIOLENCE, "violence_hit")
    assert hash(signal) == hash(DangerSignal(VIOLENCE, "violence_hit"))


@pytest.mark.parametrize("text", ["", "   ", "😀😀😀", "<b></b>", "...!!!", "12345"])
def test_empty_or_wordless_input(text: str) -> None:
    assert detect_danger(text) is None


@pytest.mark.parametrize("bad", [None, 42, b"hij slaat me", ["hij slaat me"]])
def test_non_text_input_is_no_signal(bad: object) -> None:
    assert detect_danger(bad) is None  # type: ignore[arg-type]


def test_danger_late_in_a_long_message_is_found() -> None:
    text = "we hebben het over van alles gehad. " * 100 + "en hij slaat me"
    assert len(text) > 3500
    assert detect_danger(text) == DangerSignal(VIOLENCE, "violence_hit")


def test_html_and_english_do_not_break_anything() -> None:
    assert detect_danger("<p>Hij <b>slaat</b> me</p>") == DangerSignal(VIOLENCE, "violence_hit")
    assert detect_danger("I want to kill myself").kind == SELF_HARM
    assert detect_danger("Hello, how are you?") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hy SLAAD me!!! 😡", "hij slaat me"),
        ("ik wil nie meer leve", "ik wil niet meer leven"),
        ("ZÉLFMOORT", "zelfmoord"),
        ("m'n ex-partner", "mijn expartner"),
        ("z e l f m o o r d", "zelfmoord"),
        ("hij slaet me", "hij slaat me"),
        ("bedankt voor je geduld", "bedankt voor je geduld"),
        ("hij staat voor de deur", "hij staat voor de deur"),
    ],
)
def test_normalisation(text: str, expected: str) -> None:
    assert normalise_for_danger(text) == expected


# --- the lexicon itself ---------------------------------------------------------------------
def test_rule_names_are_unique_and_kinds_valid() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    assert all(rule.kind in KINDS for rule in RULES)
    assert all(re.fullmatch(r"[a-z_]+", name) for name in RULE_NAMES)
    assert {rule.kind for rule in RULES} == KINDS


def test_every_pattern_and_veto_compiles() -> None:
    for rule in RULES:
        for pattern in rule.patterns:
            expanded = _expand(pattern)
            assert "<" not in expanded.replace("(?<", ""), (rule.name, expanded)
            re.compile(expanded)
        if rule.veto:
            re.compile(_expand(rule.veto))
    for name in MACROS:
        re.compile(_expand(f"<{name}>"))


def test_protected_words_are_no_targets_and_misspellings_are_no_protected_words() -> None:
    assert not PROTECTED_WORDS & FUZZY_TARGETS
    assert all(len(word) >= 5 for word in PROTECTED_WORDS)
    assert "geduld" in PROTECTED_WORDS and "staat" in PROTECTED_WORDS
    assert all(key == key.lower() and " " not in key for key in MISSPELLINGS)


def test_warm_up_compiles_and_changes_nothing() -> None:
    warm_up()
    assert detect_danger("hij slaat me") == DangerSignal(VIOLENCE, "violence_hit")


@pytest.mark.parametrize(
    ("text", "kind", "level"),
    [
        ("ik wil zelfmoord plegen", "self_harm", "explicit"),
        ("zelfmoord? nee", "self_harm", "possible"),
        ("nee, ik ben niet suïcidaal", "self_harm", "possible"),
        ("hij slaat me", "violence", "explicit"),
    ],
)
def test_never_dropped_wording_with_a_no_is_a_possible_signal(text, kind, level):
    signal = detect_danger(text)
    assert signal is not None and (signal.kind, signal.level) == (kind, level)


# Wording added from the tuning half of the real-use safety corpus (issue #9), with look-alikes
# that must stay ordinary.
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("mijn vriend zegt dat hij naaktfotos van mij gaat delen als ik het uitmaak", "violence"),
        ("je zal het bezuren als je weggaat", "violence"),
        ("hij zegt dat hij mijn auto in brand steekt", "violence"),
        ("hij zegt dat ik de kinderen nooit meer zie als ik wegga", "violence"),
        ("mijn ex had een gps-tracker onder mijn auto geplakt", "violence"),
        ("ik moet altijd mijn locatie delen met hem", "violence"),
        ("hij ging voor de deur staan en liet me niet gaan", "violence"),
        ("als hij weggaat doet hij de slaapkamerdeur van buiten op slot", "violence"),
        ("mijn salaris gaat op zijn rekening en ik krijg 20 euro per week", "violence"),
        ("hij heeft mijn paspoort in zijn kluis gelegd", "violence"),
        ("hij staat al een uur met zijn auto voor mijn huis", "violence"),
        ("gisteren reed hij expres op me in met de auto", "violence"),
        ("ik denk dat ik beter dood kan zijn", "self_harm"),
        ("ik heb vorige week een poging gedaan", "self_harm"),
        ("hij heeft net de deur ingetrapt", "acute"),
    ],
)
def test_corpus_wording_is_recognised(text, kind):
    signal = detect_danger(text)
    assert signal is not None and signal.kind == kind, (text, signal)


@pytest.mark.parametrize(
    "text",
    [
        "we hebben locatie delen aan staan, gezellig",
        "ik zet de fiets op slot",
        "mijn ex staat om zes uur voor de deur om de kinderen op te halen, zoals elke vrijdag",
        "de kinderen komen zondag terug van hun vader",
        "ik schrik me dood van de rekening van de advocaat",
    ],
)
def test_look_alikes_stay_ordinary(text):
    assert detect_danger(text) is None, text


@pytest.mark.parametrize(
    "text",
    # Issue #9's own examples of threats that were missed or read as thoughts of suicide.
    ["we gaan scheiden maar hij zegt dat ik het niet overleef als ik ga",
     "hij zei dat ik het zou bezuren als ik wegga",
     "hij zegt dat ik de kinderen nooit meer zie als ik wegga"],
)
def test_threats_of_the_issue_are_violence_not_self_harm(text):
    kinds = [signal.kind for signal in detect_dangers(text)]
    assert kinds and kinds[0] == "violence", (text, kinds)
