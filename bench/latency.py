"""Latency and throughput through a REST webhook at a given number of concurrent conversations.

A "level" runs `conversations` full conversations, at most `concurrency` at the same time (a new
one starts when one finishes), and times every request. Figures: p50/p95/p99 per message,
messages per second and conversations per second over the wall time of the level.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

# All benchmark load comes from one loopback address: the channel's per-sender and per-address
# rate limits are raised for it; everything else is the product as shipped.
LOAD_ENV = {"RELATIEROUTE_RATE_SENDER": "100000", "RELATIEROUTE_RATE_ADDRESS": "10000000"}


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile (`share` in 0..1) of `values`; NaN when empty."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def _rounded(ms: float) -> int | None:
    return None if math.isnan(ms) else round(ms)  # None: no message answered at this level


@dataclass
class LevelResult:
    """One load level of one assistant."""

    assistant: str
    concurrency: int
    conversations: int
    latencies: list[float] = field(default_factory=list)  # seconds per request
    mode: str = "saturated"  # or "paced": residents think between messages
    wall: float = 0.0
    failed: int = 0
    #: conversations not begun because the level's time budget was used up (not failures)
    not_started: int = 0
    errors: list[str] = field(default_factory=list)
    #: CPU seconds used per part of the stack during the level (when measured).
    cpu: dict[str, float] = field(default_factory=dict)

    @property
    def messages(self) -> int:
        return len(self.latencies)

    @property
    def messages_per_second(self) -> float:
        return self.messages / self.wall if self.wall else math.nan

    @property
    def conversations_per_second(self) -> float:
        done = self.conversations - self.failed - self.not_started
        return done / self.wall if self.wall else math.nan

    def ms(self, share: float) -> float:
        return 1000 * percentile(self.latencies, share)

    def row(self) -> dict[str, Any]:
        return {
            "assistant": self.assistant,
            "mode": self.mode,
            "concurrency": self.concurrency,
            "conversations": self.conversations,
            "failed": self.failed,
            "not_started": self.not_started,
            "messages": self.messages,
            "msgs_per_conv": round(self.messages / max(1, self.conversations), 1),
            "p50_ms": _rounded(self.ms(0.50)),
            "p95_ms": _rounded(self.ms(0.95)),
            "p99_ms": _rounded(self.ms(0.99)),
            "msg_per_s": round(self.messages_per_second, 2),
            "conv_per_s": round(self.conversations_per_second, 2),
            "wall_s": round(self.wall, 1),
        }


async def run_level(
    assistant: str,
    concurrency: int,
    conversations: int,
    run: Callable[[Any, int, Callable[[float], None]], Awaitable[str | None]],
    *,
    request_timeout: float = 60.0,
    budget: float = 300.0,
    mode: str = "saturated",
) -> LevelResult:
    """Runs `conversations` conversations, `concurrency` at a time.

    `run(session, index, record)` plays conversation `index` with an aiohttp session, calls
    `record(seconds)` per request and returns an error text or None. Conversations that did not
    start within `budget` seconds are counted as not started (the benchmark stays bounded in time).
    """
    import aiohttp

    result = LevelResult(assistant, concurrency, conversations, mode=mode)
    limit = asyncio.Semaphore(concurrency)
    deadline = time.monotonic() + budget
    timeout = aiohttp.ClientTimeout(total=request_timeout)
    connector = aiohttp.TCPConnector(limit=concurrency + 4)

    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:

        async def one(index: int) -> None:
            async with limit:
                if time.monotonic() > deadline:
                    result.not_started += 1
                    return
                try:
                    error = await run(session, index, result.latencies.append)
                except Exception as exc:  # a failed conversation is a figure, not a crash
                    error = f"{type(exc).__name__}: {exc}"
                if error:
                    result.failed += 1
                    result.errors.append(error)

        started = time.perf_counter()
        await asyncio.gather(*(one(i) for i in range(conversations)))
        result.wall = time.perf_counter() - started
    return result


def relatieroute_runner(
    url: str, seed: int, conversations: int, prefix: str = "bench",
    think: tuple[float, float] | None = None, spread: float = 0.0,
):
    """A `run` callable for `run_level`: the scripted residents of bench.dialogues.

    `spread`: residents arrive at a random moment within this many seconds (not all at once).
    """
    import random

    from bench.dialogues import Poster, make_residents, run_resident

    residents = make_residents(conversations, seed=seed, prefix=prefix)
    arrivals = random.Random(seed)
    offsets = [arrivals.uniform(0, spread) for _ in residents]

    async def run(session: Any, index: int, record: Callable[[float], None]) -> str | None:
        if offsets[index]:
            await asyncio.sleep(offsets[index])
        transcript = await run_resident(Poster(session, url, record), residents[index], think)
        return transcript.error

    return run
