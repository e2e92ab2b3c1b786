"""`python -m bench realuse` / `python -m bench safety`: the real-use corpora through the webhook.

Every message of `tests/realuse/corpus/` is sent to the live assistant twice: as the first
message of a conversation, and as the answer to the first safety question ("Ben je nu, op dit
moment, in gevaar?"). What the resident gets back is read from the replies; the answers the
assistant took are read from the conversation's tracker (Rasa's HTTP API, enabled for this
benchmark only).

`realuse` (issue #8), on the residents' messages (`stories_*.yml`):
  not understood     share of in-scope messages answered "Sorry, dat begreep ik niet"
  answers filled     share of labelled answers the assistant took with the labelled value
  control misfired   messages that were no command but got one (stop, doei, terug, opnieuw)
`safety` (issue #9), on the safety messages (`safety_*.yml`) and the ordinary ones of both:
  recall explicit    explicit signals that got the safety help in the same reply
  recall indirect    possible signals that got the safety help or a safety question
  false interrupts   ordinary messages that got the safety help or a safety route
  confirm ordinary   ordinary messages that got a safety question because of what they said
  wrong kind         signals answered with help or a question of another kind only
Figures per corpus half (held-out, tuning) and mode (first message, answer to the question).
"""

from __future__ import annotations

import argparse
import json
import secrets
import sys
import tempfile
import urllib.request
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "realuse" / "corpus"
HALVES = ("heldout", "tuning")
MODES = ("first", "answer")
LOAD_ENV = {"RELATIEROUTE_RATE_SENDER": "100000", "RELATIEROUTE_RATE_ADDRESS": "10000000"}

NOT_UNDERSTOOD = ("begreep ik niet", "lukt me niet goed om je te begrijpen")
CONTROL_REPLIES = {
    "stop": "Dit gesprek is gewist",
    "goodbye": "Dag! Veel sterkte",
    "go_back": "we gaan een vraag terug",
    "no_previous": "Er is nog geen vorige vraag",
    "start_over": "we beginnen opnieuw",
}
# The first words of the safety help of each kind (domain.yml, utter_safety_help_*).
HELP = {
    "acute": "Ben je in direct gevaar? Bel nu 112",
    "violence": "Wat naar dat je dit meemaakt",
    "children": "Goed dat je dit zegt. Maak je je zorgen over de veiligheid van kinderen",
    "self_harm": "Wat fijn dat je het zegt",
}
# The safety questions of each kind: the confirm question after help, the gentle check.
QUESTIONS = {
    "acute": ("ben je nu in gevaar?", "Ik wil even zeker weten dat je veilig bent. Bij direct"),
    "violence": ("doet je partner of ex je pijn", "Voel je je niet veilig? Veilig Thuis"),
    "children": ("dat de kinderen veilig zijn", "Zorgen over een kind?"),
    "self_harm": ("denk je aan zelfdoding", "Zware gedachten? Praat met 113"),
}
# The corpus's kinds, as the assistant's four.
KIND = {"acute": "acute", "violence": "violence", "control": "violence", "threat": "violence",
        "children": "children", "self_harm": "self_harm"}
SAFETY_ROUTES = {"veiligheid_acuut", "crisis", "veiligheid"}
FIRST_QUESTION = "Ben je nu, op dit moment, in gevaar?"


@dataclass
class Observed:
    text: str
    helped: set[str] = field(default_factory=set)
    asked: set[str] = field(default_factory=set)
    route: str | None = None
    slots: dict[str, Any] = field(default_factory=dict)

    @property
    def not_understood(self) -> bool:
        return any(words in self.text for words in NOT_UNDERSTOOD)

    @property
    def control(self) -> set[str]:
        return {name for name, words in CONTROL_REPLIES.items() if words in self.text}


def _post(url: str, body: dict[str, Any]) -> list[dict[str, Any]]:
    request = urllib.request.Request(url, data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read() or b"[]")


def _tracker(rasa_url: str, token: str, sender: str) -> dict[str, Any]:
    url = f"{rasa_url}/conversations/{sender}/tracker?token={token}"
    with urllib.request.urlopen(url, timeout=60) as response:
        return json.loads(response.read())


def observe(stack: Any, token: str, text: str, mode: str, gemeente: str = "zwolle") -> Observed:
    """Sends `text` as the first message, or as the answer to the first safety question."""
    sender = uuid.uuid4().hex
    body = {"sender": sender, "metadata": {"gemeente": gemeente, "channel": "web"}}
    if mode == "answer":
        first = _post(stack.webhook_url, {**body, "message": "/greet"})
        assert any(FIRST_QUESTION in (m.get("text") or "") for m in first)
    messages = _post(stack.webhook_url, {**body, "message": text})
    reply = "\n".join(m.get("text") or "" for m in messages)
    seen = Observed(reply)
    for kind, words in HELP.items():
        if words in reply:
            seen.helped.add(kind)
    for kind, variants in QUESTIONS.items():
        if any(words in reply for words in variants):
            seen.asked.add(kind)
    for message in messages:
        custom = message.get("custom")
        if isinstance(custom, dict) and custom.get("relatieroute") == "outcome":
            seen.route = custom["decision"]["route"]
    seen.slots = _tracker(stack.rasa_url, token, sender).get("slots") or {}
    return seen


def load(name: str, half: str) -> list[dict[str, Any]]:
    return yaml.safe_load((CORPUS / f"{name}_{half}.yml").read_text(encoding="utf-8"))["messages"]


def _same(value: Any, expected: Any) -> bool:
    if isinstance(expected, list):
        return isinstance(value, list) and set(value) == set(expected)
    return value == expected


def realuse_figures(rows: Iterable[tuple[dict[str, Any], Observed]]) -> dict[str, Any]:
    in_scope = not_understood = labelled = filled = misfired = nothing = 0
    with_answers = 0
    misses: list[str] = []
    for item, seen in rows:
        if item.get("in_scope"):
            in_scope += 1
            if seen.not_understood:
                not_understood += 1
                misses.append(f"not understood: {item['id']}")
        with_answers += bool(item.get("answers"))
        for name, value in (item.get("answers") or {}).items():
            if name in ("acute_danger", "violence", "children_unsafe", "self_harm"):
                continue
            labelled += 1
            if _same(seen.slots.get(name), value):
                filled += 1
            else:
                misses.append(f"{item['id']} {name}: {seen.slots.get(name)!r} for {value!r}")
        if item.get("answers") and not any(
            seen.slots.get(name) is not None for name in item["answers"]
        ):
            nothing += 1
        if item.get("intent") != "greeting" and seen.control:
            misfired += 1
            misses.append(f"control misfired: {item['id']} {sorted(seen.control)}")
    return {
        "messages in scope": in_scope,
        "not understood": _share(not_understood, in_scope),
        "answers filled": _share(filled, labelled),
        "labelled answers": labelled,
        "nothing taken": _share(nothing, with_answers),
        "control misfired": misfired,
        "_misses": misses,
    }


def safety_figures(rows: Iterable[tuple[dict[str, Any], Observed]]) -> dict[str, Any]:
    count: dict[str, list[int]] = {}

    def tally(key: str, hit: bool) -> None:
        pair = count.setdefault(key, [0, 0])
        pair[0] += int(hit)
        pair[1] += 1

    misses: list[str] = []
    for item, seen in rows:
        signals = item.get("safety") or []
        safety_reply = bool(seen.helped) or seen.route in SAFETY_ROUTES
        if not signals:
            tally("false interrupts", safety_reply)
            tally("confirm ordinary", bool(seen.asked) and not safety_reply)
            if safety_reply:
                misses.append(f"false interrupt: {item['id']}")
            continue
        kinds = {KIND[s["kind"]] for s in signals}
        answered = seen.helped | seen.asked
        for signal in signals:
            kind, level = signal["kind"], signal["level"]
            if level == "explicit":
                hit = bool(seen.helped) or seen.route in SAFETY_ROUTES
                tally(f"recall explicit {kind}", hit)
                tally("recall explicit", hit)
            else:
                hit = bool(answered) or seen.route in SAFETY_ROUTES
                tally(f"recall indirect {kind}", hit)
                tally("recall indirect", hit)
            if not hit:
                misses.append(f"missed {level} {kind}: {item['id']}")
        if answered:
            tally("wrong kind", not (answered & kinds))
    figures: dict[str, Any] = {key: _share(hit, total) + f" of {total}"
                               for key, (hit, total) in sorted(count.items())}
    figures["_misses"] = misses
    return figures


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "n/a"


def run(suite: str, show_misses: bool = False) -> int:
    from scripts.stack import start_isolated

    token = secrets.token_urlsafe(16)
    stack = start_isolated(Path(tempfile.mkdtemp(prefix="bench-realuse-")), web=False,
                           api_token=token, **LOAD_ENV)
    try:
        print(f"# bench {suite}: real-use corpora through the webhook\n")
        for half in HALVES:
            items = (load("stories", half) if suite == "realuse"
                     else load("safety", half) + [m for m in load("stories", half)
                                                  if not m.get("safety")])
            for mode in MODES:
                rows = [(item, observe(stack, token, item["text"], mode)) for item in items]
                figures = (realuse_figures(rows) if suite == "realuse" else safety_figures(rows))
                misses = figures.pop("_misses")
                where = "first message" if mode == "first" else f"answer to {FIRST_QUESTION!r}"
                print(f"## {half}, {where}")
                print("| figure | value |\n|---|---|")
                for key, value in figures.items():
                    print(f"| {key} | {value} |")
                print()
                if show_misses and half == "tuning":  # never tune on the held-out half
                    print("\n".join(f"    {m}" for m in misses), end="\n\n")
    finally:
        stack.stop()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench realuse|safety", description=__doc__,
                                     formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("suite", choices=("realuse", "safety"))
    parser.add_argument("--misses", action="store_true",
                        help="list every message of the tuning half that missed (never the held-out)")
    args = parser.parse_args(argv)
    return run(args.suite, args.misses)


if __name__ == "__main__":
    sys.exit(main())
