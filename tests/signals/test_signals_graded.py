"""Issue #9: indirect wording is a *possible* signal (one confirm question about what was said),
idioms are no signal at all, and a violence signal names the confirm question it gets."""

from __future__ import annotations

import pytest

from signals.danger import detect_dangers, has_idiom, signal_detail


def _levels(text: str) -> dict[str, str]:
    return {signal.kind: signal.level for signal in detect_dangers(text)}


@pytest.mark.parametrize("text", [
    "hij wil altijd weten waar ik ben",
    "ik moet steeds laten weten waar ik ben en met wie",
    "hij laat me niks zelf beslissen",
    "ik mag van hem niks zelf kopen",
    "mijn man kleineert me constant",
    "hij zegt dat ik niks waard ben",
    "ik ben bang wat hij doet als ik wegga",
    "ik durf niet bij hem weg te gaan",
])
def test_coercive_control_belittling_and_fear_of_leaving_are_possible(text):
    assert _levels(text) == {"violence": "possible"}


@pytest.mark.parametrize("text", [
    "hij slaat me en hij wil altijd weten waar ik ben",  # the act makes it explicit
    "hij heeft me geduwd, ik durf niet bij hem weg te gaan",
])
def test_an_act_told_with_it_stays_explicit(text):
    assert _levels(text)["violence"] == "explicit"


@pytest.mark.parametrize("text", [
    "ik schrik me dood van de rekening",
    "hij slaat de plank steeds mis met de kinderen",
    "de advocaat maakt me kapot",
    "ik word gek van hem",
    "ik ga dood van de stress",
    "nee, hij dreigt hooguit met zijn advocaat haha",
    "ik kan hem soms wel achter het behang plakken",
    "ja hij is een controlfreak, met de vaatwasser",
])
def test_everyday_idioms_are_no_danger_signal(text):
    assert has_idiom(text)
    assert detect_dangers(text) == ()


@pytest.mark.parametrize("text", [
    "hij slaat me en ik schrik me dood",
    "ik schrik me dood van hem, hij heeft me gisteren geslagen",
])
def test_an_idiom_does_not_hide_a_real_signal_beside_it(text):
    assert _levels(text)["violence"] == "explicit"


@pytest.mark.parametrize(("text", "detail"), [
    ("hij leest al mijn appjes", "control"),
    ("hij wil altijd weten waar ik ben", "control"),
    ("mijn ex staat elke dag bij mijn werk te wachten", "control"),
    ("hij zei dat ik het zou bezuren als ik wegga", "threat"),
    ("ik ben bang wat hij doet als ik wegga", "threat"),
    ("hij heeft me geslagen", None),
])
def test_a_violence_signal_names_its_confirm_question(text, detail):
    (signal,) = detect_dangers(text)
    assert signal_detail(signal.rule) == detail


def test_signal_detail_of_no_rule_is_none():
    assert signal_detail(None) is None and signal_detail("self_harm_want_to_die") is None


def test_the_public_page_promises_only_what_the_lexicon_does():
    from signals.danger_lexicon import IDIOM_EXAMPLES, PUBLIC_EXAMPLES

    for kind, _, explicit, possible in PUBLIC_EXAMPLES:
        for text in explicit:
            assert any(s.kind == kind and s.level == "explicit" for s in detect_dangers(text)), text
        for text in possible:
            assert _levels(text).get(kind) == "possible", text
    for text in IDIOM_EXAMPLES:
        assert detect_dangers(text) == (), text


@pytest.mark.parametrize("text", [
    "de oudste kwam vorige week met een blauwe plek terug van zijn vader",
    "mijn zoon kwam met een schram op zijn wang thuis en wilde niet zeggen waarom",
])
def test_an_injured_child_is_a_children_signal(text):
    assert detect_dangers(text)[0].kind == "children"


def test_a_sports_bruise_of_a_child_is_no_children_signal():
    assert "children" not in _levels("mijn dochter heeft een blauwe plek van het voetballen")
