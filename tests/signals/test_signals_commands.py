"""Commands come from short messages about the conversation, not from a word in a sentence."""

from __future__ import annotations

import pytest

from signals.commands import COMMANDS, command_in, is_command

COMMAND_MESSAGES = [
    ("terug", "go_back"),
    ("ga terug", "go_back"),
    ("vorige vraag", "go_back"),
    ("oeps, ik wil mijn antwoord veranderen", "go_back"),
    ("opnieuw", "start_over"),
    ("ik wil opnieuw beginnen", "start_over"),
    ("begin maar overnieuw", "start_over"),
    ("stop", "stop"),
    ("snel weg", "stop"),
    ("nee stop", "stop"),
    ("ik moet weg", "stop"),
    ("doei", "goodbye"),
    ("fijne avond!", "goodbye"),
    ("tot ziens", "goodbye"),
    ("dank je wel", "thank"),
    ("ok dankjewel voor de info", "thank"),
    ("ik wil een mens spreken", "human_handoff"),
    ("kan iemand mij bellen", "human_handoff"),
    ("mens", "human_handoff"),
]

# Residents' sentences that contain a command word but are about their life (issue #8).
CONTENT_MESSAGES = [
    "een avond lijkt me fijn",
    "sinds hij terugkwam van zijn moeder is het alleen maar ruzie",
    "ik wil terug naar hoe het was",
    "we willen opnieuw beginnen samen",
    "ik wil stoppen met ruzie maken",
    "ik wil weg bij mijn man",
    "hij komt om de dag terug om spullen te halen",
    "bedankt, we zijn gescheiden en hebben twee kinderen",
    "dag en nacht ruzie over de kinderen",
    "ik wil met iemand praten over onze ruzies en de kinderen",
    "hoi, mijn vriend en ik maken elke dag ruzie over geld",
    "fijn dat dit kan, we zitten midden in een scheiding",
]


@pytest.mark.parametrize(("text", "command"), COMMAND_MESSAGES)
def test_command_messages_are_commands(text, command):
    assert command_in(text) == command
    assert is_command(text, command)


@pytest.mark.parametrize("text", CONTENT_MESSAGES)
def test_a_command_word_inside_a_sentence_is_content(text):
    assert command_in(text) is None
    assert not any(is_command(text, command) for command in COMMANDS)


@pytest.mark.parametrize("text", ["", "   ", "😢", "ja", "nee", "ok", None, 5])
def test_no_words_or_no_text_is_no_command(text):
    assert command_in(text) is None
