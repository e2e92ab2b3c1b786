"""Scripted residents: full triage conversations through the REST webhook, checked turn by turn.

Used by the benchmarks (`python -m bench`) and the scale-out test (`tests/scale/`). A resident has
an answer for every field of spec section 4 and answers whatever question the assistant asks,
with a button payload (`/deny`, `/inform{"relationship_status": "separated"}`) or, for part of the
residents, in free text ("nee", "we zijn samen", "een 7", a first message that answers three
questions); several other problems or barriers are typed ("schulden en wonen").
The question asked is recognised by its text in `domain.yml`, so the resident follows the
assistant's own plan instead of a copy of it.

Every request is checked: HTTP 200, exactly one question (or the outcome) per reply, never a
question that was already answered, never the "assistant unavailable" fallback. The route in the
outcome payload must equal `routes.decide` on the answers the resident gave.
"""

from __future__ import annotations

import asyncio
import json
import random
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
WEBHOOK_PATH = "/webhooks/relatieroute/webhook"
GEMEENTEN = ("zwolle", "eindhoven", "voorbeeld")
MAX_TURNS = 30  # a conversation longer than this is a failure (every field asked twice)
FEEDBACK_THANKS_PREFIX = "Dank je wel. Hiermee maken we de hulp"
UNAVAILABLE_PREFIX = "Het lukt me nu niet"

# A first message in free text that answers three questions at once (as in the live tests).
RICH_OPENING = "we zijn vorig jaar gescheiden en hebben 2 kinderen van 5 en 8"
RICH_OPENING_ANSWERS = {"relationship_status": "separated", "children_under_18": True,
                        "youngest_child_age": 5}
FREE_TEXT_BOOL = {True: "ja", False: "nee", None: "weet ik niet"}
PAYLOAD_BOOL = {True: "/affirm", False: "/deny", None: "/dont_know"}
FREE_TEXT_STATUS = {"together": "we zijn samen", "separated": "we zijn uit elkaar"}
# Several answers may be typed at once ("schulden en wonen", as the question suggests); the
# buttons offer one choice each.
FREE_TEXT_LISTS = {
    "other_problems": {"money": "schulden", "housing": "wonen", "work": "werk",
                       "health": "gezondheid", "addiction": "mijn partner drinkt te veel",
                       None: "nee, geen andere zorgen"},
    "barriers": {"time": "geen tijd", "shame": "schaamte", "distance": "te ver weg",
                 "money": "te duur", "language": "ik spreek slecht Nederlands", None: "niets"},
}


class DialogueError(AssertionError):
    """A conversation went wrong (lost, doubled or unexpected answer; wrong route)."""


@lru_cache(maxsize=1)
def _domain_texts() -> tuple[dict[str, str], tuple[str, ...]]:
    """(question text -> answer field, feedback question texts) from domain.yml."""
    from routes import FIELDS

    responses = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]
    asks: dict[str, str] = {}
    for name in FIELDS:
        for variant in responses.get(f"utter_ask_{name}", []):
            asks[variant["text"].strip()] = name
    feedback = tuple(v["text"].strip() for v in responses.get("utter_ask_feedback", []))
    return asks, feedback


@dataclass
class Resident:
    """One scripted resident: who they are, what they answer and how."""

    sender: str
    gemeente: str
    channel: str
    profile: dict[str, Any]  # an answer for every field (None = "weet ik niet")
    free_text: frozenset[str]  # fields answered in free text instead of a button
    opening: str  # "/greet", "hallo" or RICH_OPENING
    useful: bool  # the answer to "Heb je hier iets aan gehad?"


@dataclass
class Transcript:
    """What happened in one conversation."""

    resident: Resident
    sent: list[str] = field(default_factory=list)
    replies: list[list[dict[str, Any]]] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)  # seconds per request
    given: dict[str, Any] = field(default_factory=dict)  # answers as the resident gave them
    outcome: dict[str, Any] | None = None
    outcome_turn: int | None = None  # how many messages the resident had sent at the outcome
    feedback_thanked: bool = False
    error: str | None = None

    @property
    def bot_messages(self) -> int:
        return sum(len(reply) for reply in self.replies)

    @property
    def route(self) -> str | None:
        return (self.outcome or {}).get("decision", {}).get("route")


def make_residents(count: int, seed: int = 7, prefix: str = "res") -> list[Resident]:
    """`count` varied residents (deterministic for a seed): all routes, buttons and free text."""
    from routes.constants import CHOICE_VALUES, LIST_VALUES

    rng = random.Random(seed)
    residents = []
    for index in range(count):
        profile: dict[str, Any] = {
            # Mostly safe; some disclose danger (safety routes end the triage early).
            "acute_danger": rng.random() < 0.04,
            "violence": rng.random() < 0.08,
            "children_unsafe": rng.random() < 0.05,
            "self_harm": rng.random() < 0.3,  # only asked after a very low score
            "relationship_status": rng.choice(CHOICE_VALUES["relationship_status"]),
            "children_under_18": rng.random() < 0.6,
            "youngest_child_age": rng.randint(0, 17),
            "relationship_score": rng.randint(1, 10),
            "agreements_possible": rng.choice(CHOICE_VALUES["agreements_possible"]),
            "legal_proceedings": rng.random() < 0.3,
            "other_problems": rng.sample(list(LIST_VALUES["other_problems"]), rng.randint(0, 2)),
            "goal": rng.choice(CHOICE_VALUES["goal"]),
            "partner_willing": rng.choice(CHOICE_VALUES["partner_willing"]),
            "preference": rng.choice(CHOICE_VALUES["preference"]),
            "barriers": rng.sample(list(LIST_VALUES["barriers"]), rng.randint(0, 2)),
        }
        for name in ("relationship_score", "agreements_possible", "goal"):
            if rng.random() < 0.08:
                profile[name] = None  # "weet ik niet"
        opening = rng.choice(("/greet", "/greet", "hallo", RICH_OPENING))
        if opening == RICH_OPENING:
            profile.update(RICH_OPENING_ANSWERS)
        free = set()
        if rng.random() < 0.5:  # half of the residents type yes/no instead of clicking
            free.update(("acute_danger", "violence", "children_unsafe", "legal_proceedings"))
        if rng.random() < 0.5:
            free.update(("relationship_status", "youngest_child_age", "relationship_score"))
        residents.append(
            Resident(
                sender=f"{prefix}{index:04d}{uuid.uuid4().hex[:12]}",
                gemeente=GEMEENTEN[index % len(GEMEENTEN)],
                channel="web",
                profile=profile,
                free_text=frozenset(free),
                opening=opening,
                useful=rng.random() < 0.7,
            )
        )
    return residents


def answer_message(name: str, value: Any, free: bool) -> str:
    """What the resident sends to answer question `name` with `value`."""
    from routes.constants import BOOL_FIELDS

    if name in BOOL_FIELDS:
        return (FREE_TEXT_BOOL if free else PAYLOAD_BOOL)[value]
    if value is None:
        return "/dont_know"
    if free and name == "relationship_status" and value in FREE_TEXT_STATUS:
        return FREE_TEXT_STATUS[value]
    if name in FREE_TEXT_LISTS:
        words = FREE_TEXT_LISTS[name]
        return " en ".join(words[item] for item in value) if value else words[None]
    if free and name == "youngest_child_age" and value:
        return f"mijn jongste is {value}"
    if free and name == "relationship_score":
        return f"een {value}"
    return "/inform" + json.dumps({name: value})


def expected_route(transcript: Transcript) -> str:
    """`routes.decide` on exactly the answers this resident gave."""
    from routes import decide, validate_answers

    catalogue = _catalogues()[transcript.resident.gemeente]
    return decide(validate_answers(transcript.given), catalogue).route


@lru_cache(maxsize=1)
def _catalogues() -> dict[str, Any]:
    from routes import load_catalogues

    return load_catalogues()


class Poster:
    """Sends one webhook request and times it (aiohttp, one shared session)."""

    def __init__(self, session: Any, url: str, on_latency: Callable[[float], None] | None = None):
        self.session = session
        self.url = url
        self.on_latency = on_latency

    async def post(self, payload: dict[str, Any]) -> tuple[int, Any, float]:
        started = time.perf_counter()
        async with self.session.post(self.url, json=payload) as response:
            body = await response.json(content_type=None)
            status = response.status
        elapsed = time.perf_counter() - started
        if self.on_latency is not None:
            self.on_latency(elapsed)
        return status, body, elapsed


def _classify(reply: list[dict[str, Any]]) -> tuple[list[str], list[dict[str, Any]], bool, bool]:
    """(fields asked, outcome payloads, feedback asked, thanked) in one reply."""
    asks, feedback_texts = _domain_texts()
    asked, outcomes, feedback, thanked = [], [], False, False
    for message in reply:
        text = (message.get("text") or "").strip()
        if text in asks:
            asked.append(asks[text])
        if text in feedback_texts:
            feedback = True
        if text.startswith(FEEDBACK_THANKS_PREFIX):
            thanked = True
        if text.startswith(UNAVAILABLE_PREFIX):
            raise DialogueError("the channel answered with the 'assistant unavailable' fallback")
        custom = message.get("custom")
        if isinstance(custom, dict) and custom.get("relatieroute") == "outcome":
            outcomes.append(custom)
    return asked, outcomes, feedback, thanked


async def run_resident(
    poster: Poster, resident: Resident, think: tuple[float, float] | None = None
) -> Transcript:
    """Runs one full conversation; the transcript's `error` says what went wrong, if anything.

    `think` (seconds, min and max) makes the resident read and think before each answer, as
    people do; None answers at once (a saturating load).
    """
    transcript = Transcript(resident)
    metadata = {"gemeente": resident.gemeente, "channel": resident.channel}
    pause = random.Random(resident.sender)

    async def say(text: str) -> list[dict[str, Any]]:
        if think is not None and transcript.sent:
            await asyncio.sleep(pause.uniform(*think))
        payload = {"sender": resident.sender, "message": text, "metadata": metadata}
        status, body, elapsed = await poster.post(payload)
        transcript.sent.append(text)
        transcript.latencies.append(elapsed)
        if status != 200 or not isinstance(body, list):
            raise DialogueError(f"HTTP {status} for message {len(transcript.sent)}")
        transcript.replies.append(body)
        return body

    try:
        if resident.opening == RICH_OPENING:
            transcript.given.update(RICH_OPENING_ANSWERS)
        reply = await say(resident.opening)
        for _ in range(MAX_TURNS):
            asked, outcomes, feedback, _thanked = _classify(reply)
            if outcomes:
                if asked or len(outcomes) != 1:
                    raise DialogueError(f"reply with {len(outcomes)} outcomes and questions {asked}")
                transcript.outcome = outcomes[0]
                transcript.outcome_turn = len(transcript.sent)
                if feedback:
                    reply = await say("/affirm" if resident.useful else "/deny")
                    _, again, _, thanked = _classify(reply)
                    if not thanked or again:
                        raise DialogueError("feedback was not thanked exactly once")
                    transcript.feedback_thanked = True
                break
            if len(asked) != 1:
                raise DialogueError(f"expected one question, got {asked or 'none'} "
                                    f"after message {len(transcript.sent)}")
            name = asked[0]
            if name in transcript.given:
                raise DialogueError(f"question {name!r} asked again after it was answered")
            value = resident.profile[name]
            transcript.given[name] = value
            reply = await say(answer_message(name, value, name in resident.free_text))
        else:
            raise DialogueError(f"no outcome after {MAX_TURNS} turns")
        want = expected_route(transcript)
        if transcript.route != want:
            raise DialogueError(f"route {transcript.route!r}, expected {want!r}")
        _check_answers(transcript)
    except DialogueError as error:
        transcript.error = str(error)
    except Exception as error:  # a client-side failure (timeout, reset) is a failed conversation
        transcript.error = f"{type(error).__name__}: {error}"
    return transcript


def _check_answers(transcript: Transcript) -> None:
    from routes import validate_answers

    got = validate_answers((transcript.outcome or {}).get("answers") or {})
    want = validate_answers(transcript.given)
    if got != want:
        raise DialogueError(f"outcome answers {got} differ from the answers given {want}")


async def run_many(
    url: str,
    residents: Sequence[Resident],
    concurrency: int,
    *,
    on_latency: Callable[[float], None] | None = None,
    request_timeout: float = 60.0,
    deadline: float | None = None,
) -> list[Transcript]:
    """Runs the conversations, at most `concurrency` at the same time (bounded in time too)."""
    import aiohttp

    limit = asyncio.Semaphore(concurrency)
    timeout = aiohttp.ClientTimeout(total=request_timeout)
    connector = aiohttp.TCPConnector(limit=concurrency + 4)
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
        poster = Poster(session, url, on_latency)

        async def one(resident: Resident) -> Transcript:
            async with limit:
                if deadline is not None and time.monotonic() > deadline:
                    skipped = Transcript(resident)
                    skipped.error = "not started: time budget used up"
                    return skipped
                return await run_resident(poster, resident)

        return list(await asyncio.gather(*(one(r) for r in residents)))
