"""The button walk (issue #8): every button of every question, clicked on the live stack.

A resident who only clicks must reach a route. Breadth first from the welcome, in every shipped
gemeente, each button of each question is clicked once for each relationship situation clicked
before it (in a fresh conversation that replays the clicks that led there): so the questions
that only some routes need are reached too. Every click must advance: no "not understood", not the same
question again. Every path is followed, with the first button, until it ends: a stop, or a
reply without buttons (the outcome's feedback question and the choices after a safety route
are clicked too, so "Verder met de vragen" must lead on to the situation questions).
Both Rasa starts are walked: the production start (`deploy.rasa_server`) and Rasa's own
`rasa run`.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

import pytest
from live_client import Conversation

from routes import load_catalogues
from scripts.stack import start_isolated

pytestmark = pytest.mark.live

NOT_UNDERSTOOD = ("begreep ik niet", "lukt me niet goed om je te begrijpen")
MAX_PATH = 40  # no click path of the triage is this long; a longer one is a loop
# A button is clicked once per relationship situation chosen before it: the routing branches
# on it first, so the questions only some routes need ("Heb je ook andere zorgen?") are reached.
STATUS_FIELD = '"relationship_status"'
WALK_ENV = {"RELATIEROUTE_RATE_SENDER": "100000", "RELATIEROUTE_RATE_ADDRESS": "10000000"}


@dataclass
class Turn:
    """What the assistant answered to one click."""

    text: str
    question: str | None  # the last message with buttons
    previous: tuple[str, ...]  # the relationship situation clicked before it, if any
    buttons: list[tuple[str, str]]  # (title, payload) of that message
    outcome: dict | None


@dataclass
class Walk:
    clicked: set[tuple[str, str]] = field(default_factory=set)
    outcomes: set[str] = field(default_factory=set)
    paths: int = 0
    messages: int = 0


def _turn(conversation: Conversation, payload: str) -> Turn:
    conversation.outcome = None
    messages = conversation.say(payload)
    question, buttons = None, []
    for message in messages:
        if message.get("buttons"):
            question = message.get("text") or ""
            buttons = [(b["title"], b["payload"]) for b in message["buttons"]]
    return Turn(Conversation.texts(messages), question, (), buttons, conversation.outcome)


def _replay(url: str, gemeente: str, channel: str, path: list[str], walk: Walk) -> tuple[Conversation, Turn]:
    conversation = Conversation(url, gemeente, channel)
    turn = None
    for payload in ["/greet", *path]:
        turn = _turn(conversation, payload)
        walk.messages += 1
    assert turn is not None
    turn.previous = _situation(path)
    return conversation, turn


def _situation(path: list[str]) -> tuple[str, ...]:
    return tuple(payload for payload in path if STATUS_FIELD in payload)


def _advances(before: Turn, after: Turn, path: list[str]) -> None:
    where = " → ".join(path)
    assert not any(words in after.text for words in NOT_UNDERSTOOD), (
        f"not understood after clicking {where}: {after.text}"
    )
    if after.question is not None and after.outcome is None:
        assert after.question != before.question or after.buttons != before.buttons, (
            f"the same question again after {where}: {after.question}"
        )


def _ends(turn: Turn) -> bool:
    stopped = "dit gesprek is gewist" in turn.text.lower()
    return stopped or not turn.buttons


def walk_buttons(url: str, gemeente: str, channel: str = "web") -> Walk:
    """Clicks every button of every question reachable from the welcome."""
    walk = Walk()
    queue: deque[list[str]] = deque([[]])
    while queue:
        path = queue.popleft()
        _, here = _replay(url, gemeente, channel, path, walk)
        for _title, payload in here.buttons:
            key = (here.previous, here.question or "", payload)
            if key in walk.clicked:
                continue
            walk.clicked.add(key)
            conversation, before = _replay(url, gemeente, channel, path, walk)
            clicks = [*path, payload]
            after = _turn(conversation, payload)
            walk.messages += 1
            _advances(before, after, clicks)
            if after.outcome is not None:
                walk.outcomes.add(after.outcome["decision"]["route"])
            if _ends(after):
                walk.paths += 1
                continue
            context = _situation(clicks)
            if any((context, after.question or "", p) not in walk.clicked
                   for _, p in after.buttons):
                queue.append(clicks)
                continue
            # Every button here was clicked before: follow the first one to the end.
            while not _ends(after):
                assert len(clicks) < MAX_PATH, f"no end after {' → '.join(clicks)}"
                before, payload = after, after.buttons[0][1]
                clicks.append(payload)
                after = _turn(conversation, payload)
                walk.messages += 1
                _advances(before, after, clicks)
                if after.outcome is not None:
                    walk.outcomes.add(after.outcome["decision"]["route"])
            walk.paths += 1
    return walk


@pytest.fixture(scope="module", params=["production", "rasa-run"])
def walk_stack(request, tmp_path_factory):
    stack = start_isolated(
        tmp_path_factory.mktemp(f"walk-{request.param}"), web=False,
        plain_rasa=request.param == "rasa-run", **WALK_ENV,
    )
    try:
        yield stack
    finally:
        stack.stop()


@pytest.mark.parametrize("gemeente", sorted(load_catalogues()))
def test_every_button_of_every_question_advances(walk_stack, gemeente):
    walk = walk_buttons(walk_stack.webhook_url, gemeente)
    # Each of the triage questions was reached, and every route a click can lead to.
    questions = {question for _, question, _ in walk.clicked}
    # The 15 triage questions, the choices after a safety route and the feedback question.
    assert len(questions) >= 17, sorted(questions)
    assert {"veiligheid_acuut", "veiligheid", "crisis", "rst", "partnerprogramma",
            "online"} <= walk.outcomes, walk.outcomes
    assert walk.paths > 0


def test_the_intake_buttons_advance_too(walk_stack):
    walk = walk_buttons(walk_stack.webhook_url, "zwolle", channel="intake")
    assert {"rst", "online", "relatie_apk"} <= walk.outcomes, walk.outcomes
