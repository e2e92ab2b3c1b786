"""Commands come from short messages about the conversation, not from a word in a sentence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from signals.commands import COMMANDS, DESTRUCTIVE_CUES, command_in, has_cue, is_command

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


def _training_examples(intent: str) -> list[str]:
    examples = []
    for path in sorted((Path(__file__).resolve().parents[2] / "data" / "nlu").glob("*.yml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            if item.get("intent") == intent:
                examples += [re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line[2:].strip())
                             for line in item["examples"].splitlines() if line.startswith("- ")]
    return examples


@pytest.mark.parametrize("intent", sorted(DESTRUCTIVE_CUES))
def test_every_training_example_of_an_ending_command_has_its_cue(intent):
    examples = _training_examples(intent)
    assert examples
    assert [e for e in examples if not has_cue(e, intent)] == []


# Replies residents gave at a question that DIET read as stop / opnieuw / doei (reply tables).
@pytest.mark.parametrize(("text", "intent"), [
    ("met moeite", "stop"), ("zo houden", "stop"), ("op de laptop", "stop"),
    ("met horten en stoten", "stop"), ("hangt ervan af", "stop"),
    ("herstellen", "start_over"), ("nul", "start_over"),
    ("een losse avond", "goodbye"), ("acht", "goodbye"), ("af en too", "goodbye"),
    ("grotendeels wel", "goodbye"), ("misschien", "goodbye"),
])
def test_a_reply_without_the_commands_words_does_not_end_the_conversation(text, intent):
    from components.message_kind import INFORM, kind_of

    assert kind_of(text, intent) == INFORM
