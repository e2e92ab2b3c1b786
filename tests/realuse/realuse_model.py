"""The trained model and the actions together, in one process: parse a text, read it as a reply.

`Reader.read(text, requested)` is what the assistant does with a message at a question: the
trained NLU pipeline (DIET, the guards, the danger lexicon) parses it, then
`actions.extract.read_message` reads the parse against the question asked. The outcome is one
of: the safety interrupt (a `danger_*` intent), an answer, the rules (a command, a FAQ), or
unclear (the question again, gently).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from actions.extract import read_message

SAFETY = "safety"


@dataclass(frozen=True)
class Outcome:
    kind: str  # "safety", or a Reading kind: "answer", "rules", "unclear"
    answers: dict[str, Any] = field(default_factory=dict)
    intent: str | None = None
    danger_kind: str | None = None
    check: str | None = None  # the safety question a possible danger signal asks


class Reader:
    """Loads the trained model once; parses texts and reads them as replies."""

    def __init__(self, model: Path) -> None:
        from rasa.core.agent import load_agent

        self._loop = asyncio.new_event_loop()
        self._agent = self._loop.run_until_complete(load_agent(model_path=str(model)))

    def parse(self, text: str) -> dict[str, Any]:
        return self._loop.run_until_complete(self._agent.parse_message(text))

    def read(self, text: str, requested: str | None) -> Outcome:
        parse = self.parse(text)
        intent = (parse.get("intent") or {}).get("name")
        if intent and intent.startswith("danger_"):
            return Outcome(SAFETY, intent=intent, danger_kind=intent.removeprefix("danger_"))
        reading = read_message(parse, requested)
        return Outcome(reading.kind, dict(reading.answers), intent=intent, check=reading.check)

    def close(self) -> None:
        self._loop.close()
