"""CPU per message by kind: first or later message of a conversation, button or typed text.

`python -m bench cpu --by-kind [--conversations COUNT]` starts the assistant as `make run` does
and, for each kind, sends that message in COUNT new conversations (4 at a time), after sending
what comes before it outside the measurement. It prints the CPU milliseconds of the Rasa server and
the action server per message of that kind. Every reply must be HTTP 200 with at least one
message. Used to see what sets the p95 under load (issue 7, docs/benchmarks.md).
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from bench.dialogues import RICH_OPENING
from bench.latency import LOAD_ENV
from bench.resources import tree_cpu_seconds

# (label, messages before the measured one, the measured message)
KINDS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("first message, button /greet", (), "/greet"),
    ("first message, typed 'hallo'", (), "hallo"),
    ("first message, typed, answers three questions", (), RICH_OPENING),
    ("second message, button /deny", ("/greet",), "/deny"),
    ("second message, typed 'nee'", ("/greet",), "nee"),
)
METADATA = {"gemeente": "zwolle", "channel": "web"}


async def _send(session, url: str, sender: str, text: str) -> None:
    async with session.post(url, json={"sender": sender, "message": text, "metadata": METADATA}) as reply:
        body = await reply.json(content_type=None)
        if reply.status != 200 or not isinstance(body, list) or not body:
            raise RuntimeError(f"HTTP {reply.status} for a {text!r} message")


async def _four_at_a_time(session, url: str, senders: list[str], text: str) -> None:
    limit = asyncio.Semaphore(4)

    async def one(sender: str) -> None:
        async with limit:
            await _send(session, url, sender, text)

    await asyncio.gather(*(one(sender) for sender in senders))


async def _measure(
    url: str, pids: dict[str, int], count: int, warm_up: int = 8
) -> list[tuple[str, dict[str, float]]]:
    import aiohttp

    results = []
    async with aiohttp.ClientSession() as session:
        for index in range(warm_up):
            await _send(session, url, f"warm{index}", "/greet")
            await _send(session, url, f"warm{index}", "nee")
        for number, (label, before, measured) in enumerate(KINDS):
            senders = [f"kind{number}x{index}" for index in range(count)]
            for sender in senders:
                for text in before:
                    await _send(session, url, sender, text)
            used = {name: tree_cpu_seconds(pid) for name, pid in pids.items()}
            await _four_at_a_time(session, url, senders, measured)
            results.append((label, {name: 1000 * (tree_cpu_seconds(pid) - used[name]) / count
                                    for name, pid in pids.items()}))
    return results


def main(count: int = 150) -> int:
    """Prints a Markdown table of CPU ms per message kind."""
    from scripts.stack import start_isolated

    with tempfile.TemporaryDirectory(prefix="relatieroute-kinds-") as tmp:
        stack = start_isolated(Path(tmp), web=False, **LOAD_ENV)
        try:
            pids = {"rasa": stack.processes["rasa"].pid, "action": stack.processes["action"].pid}
            results = asyncio.run(_measure(stack.webhook_url, pids, count))
        finally:
            stack.stop()
    print(f"CPU per message by kind (make run; {count} messages per kind, 4 at a time):\n")
    print("| message | Rasa server CPU ms | action server CPU ms |\n|---|---|---|")
    for label, used in results:
        print(f"| {label} | {used['rasa']:.1f} | {used['action']:.1f} |")
    return 0
