"""channels/admission.py: at most `limit` holders, admitted strictly in order of arrival; a
cancelled waiter (a timed-out message) never keeps or loses a place."""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from channels.admission import FifoGate


async def _settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


def test_negative_limit_is_refused():
    with pytest.raises(ValueError):
        FifoGate(-1)


async def test_no_limit_admits_everyone_at_once():
    gate = FifoGate(0)
    for _ in range(50):
        await gate.acquire()
    assert gate.inside == 50 and gate.waiting == 0
    for _ in range(50):
        gate.release()
    assert gate.inside == 0


async def test_at_most_limit_inside_and_in_order_of_arrival():
    gate = FifoGate(3)
    admitted: list[int] = []
    inside_counts: list[int] = []
    release = asyncio.Event()

    async def holder(index: int) -> None:
        async with gate.place():
            admitted.append(index)
            inside_counts.append(gate.inside)
            await release.wait()
            await asyncio.sleep(0.001 * (index % 3))  # leave in a different order than arrival

    tasks = []
    for index in range(10):
        tasks.append(asyncio.create_task(holder(index)))
        await asyncio.sleep(0)  # arrive one after the other
    await _settle()
    assert admitted == [0, 1, 2] and gate.waiting == 7
    release.set()
    await asyncio.gather(*tasks)
    assert admitted == list(range(10))
    assert max(inside_counts) == 3
    assert gate.inside == 0 and gate.waiting == 0


async def test_a_newcomer_cannot_take_a_place_freed_for_a_waiter():
    gate = FifoGate(1)
    order: list[str] = []
    await gate.acquire()  # the first holder
    waiter = asyncio.create_task(gate.acquire())
    await _settle()
    gate.release()  # handed to the waiter, which has not run yet
    newcomer = asyncio.create_task(gate.acquire())
    waiter.add_done_callback(lambda _: order.append("waiter"))
    newcomer.add_done_callback(lambda _: order.append("newcomer"))
    await _settle()
    assert order == ["waiter"] and not newcomer.done()
    gate.release()
    await _settle()
    assert order == ["waiter", "newcomer"]
    gate.release()
    assert gate.inside == 0


async def _full_gate_with_two_waiters() -> tuple[FifoGate, asyncio.Task, asyncio.Task]:
    gate = FifoGate(1)
    await gate.acquire()
    first = asyncio.create_task(gate.acquire())
    second = asyncio.create_task(gate.acquire())
    await _settle()
    return gate, first, second


async def test_a_cancelled_waiter_leaves_the_queue():
    gate, first, second = await _full_gate_with_two_waiters()
    first.cancel()
    await _settle()
    assert first.cancelled() and gate.waiting == 1
    gate.release()
    await _settle()
    assert second.done() and gate.inside == 1
    gate.release()
    assert gate.inside == 0 and gate.waiting == 0


async def test_a_place_handed_to_a_waiter_cancelled_at_that_moment_passes_on():
    gate, unlucky, next_one = await _full_gate_with_two_waiters()
    gate.release()  # the place goes to `unlucky` ...
    unlucky.cancel()  # ... which is cancelled before it could run
    await _settle()
    assert unlucky.cancelled()
    assert next_one.done() and not next_one.cancelled()
    assert gate.inside == 1
    gate.release()
    assert gate.inside == 0 and gate.waiting == 0


async def test_timeouts_at_the_door_with_wait_for():
    gate = FifoGate(1)

    async def message(hold: float) -> str:
        async with gate.place():
            await asyncio.sleep(hold)
        return "answered"

    slow = asyncio.create_task(message(0.2))
    await _settle()
    with pytest.raises(asyncio.TimeoutError):
        await asyncio.wait_for(message(0.0), timeout=0.05)  # gives up at the door
    assert await slow == "answered"
    assert await asyncio.wait_for(message(0.0), timeout=1) == "answered"
    assert gate.inside == 0 and gate.waiting == 0


# Each task: (ticks it holds the place, tick at which it is cancelled or None).
TASKS = st.lists(
    st.tuples(st.integers(0, 3), st.one_of(st.none(), st.integers(0, 8))), min_size=1, max_size=12
)


@settings(max_examples=150, deadline=None)
@given(limit=st.integers(1, 4), tasks=TASKS)
def test_property_bounded_fifo_and_no_place_lost(limit, tasks):
    async def scenario() -> None:
        gate = FifoGate(limit)
        queued: list[int] = []  # arrived while the gate was full or others waited
        admitted: list[int] = []
        peak = 0

        async def holder(index: int, hold: int) -> None:
            nonlocal peak
            if gate.inside >= limit or gate.waiting:
                queued.append(index)
            async with gate.place():
                admitted.append(index)
                peak = max(peak, gate.inside)
                for _ in range(hold):
                    await asyncio.sleep(0)

        running = []
        for index, (hold, _) in enumerate(tasks):
            running.append(asyncio.create_task(holder(index, hold)))
            await asyncio.sleep(0)
        for tick in range(10):
            for index, (_, cancel_at) in enumerate(tasks):
                if cancel_at == tick:
                    running[index].cancel()
            await asyncio.sleep(0)
        await asyncio.gather(*running, return_exceptions=True)

        assert peak <= limit
        # Those who waited got in in the order they came (a newcomer finding a free place
        # and nobody waiting may go in before a waiter that was let in has resumed).
        waited = [index for index in admitted if index in queued]
        assert waited == sorted(waited)
        not_cancelled = [i for i, task in enumerate(running) if not task.cancelled()]
        assert set(not_cancelled) <= set(admitted)  # everyone not cancelled got in
        assert gate.inside == 0 and gate.waiting == 0

    asyncio.run(scenario())
