"""The load driver's accounting (bench/latency.py): failures versus conversations not begun."""

from __future__ import annotations

from bench.latency import run_level


async def test_failures_and_unstarted_conversations_are_told_apart():
    async def run(session, index, record):
        record(0.01)
        return "wrong route" if index % 2 else None

    result = await run_level("t", 2, 6, run, budget=60)
    assert (result.failed, result.not_started, result.messages) == (3, 0, 6)
    assert result.errors == ["wrong route"] * 3


async def test_a_used_up_budget_leaves_conversations_unstarted_not_failed():
    async def run(session, index, record):
        record(0.01)

    result = await run_level("t", 2, 5, run, budget=-1)
    assert (result.failed, result.not_started, result.messages) == (0, 5, 0)
    assert result.row()["not_started"] == 5
