"""bench/message_kinds.py against the live stack: every kind is answered, and CPU is counted per kind."""

from __future__ import annotations

import asyncio

import pytest

from bench import message_kinds


def test_every_kind_is_measured_on_the_running_assistant(live_stack):
    pids = {"rasa": live_stack.processes["rasa"].pid, "action": live_stack.processes["action"].pid}
    results = asyncio.run(message_kinds._measure(live_stack.webhook_url, pids, count=2, warm_up=0))
    assert [label for label, _ in results] == [label for label, _, _ in message_kinds.KINDS]
    for _, used in results:
        assert used["rasa"] > 0 and used["action"] > 0  # both servers are read (to the ns)


def test_a_refused_message_stops_the_measurement(live_stack):
    async def send_bad() -> None:
        import aiohttp

        async with aiohttp.ClientSession() as session:
            await message_kinds._send(session, live_stack.webhook_url, "bad sender!", "hallo")

    with pytest.raises(RuntimeError, match="HTTP 400"):
        asyncio.run(send_bad())
