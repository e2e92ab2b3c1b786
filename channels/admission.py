"""First come, first served: at most a few messages in the assistant at once (no Rasa import).

Rasa handles every message that arrives at once, interleaved on one event loop: each takes a
step, awaits the action server, and joins the back of the queue again. Under a peak, a message
that needs more steps (the first of a conversation: session start, welcome, form) waits in
that queue more often, so its wait grows with the number of messages in progress. The gate
lets a few messages in at a time, in order of arrival; the others wait at the door. The server
does the same work per second (the few inside keep it busy while one awaits the action server),
but each message waits about as long as the others: the slow tail shrinks (issue 7,
docs/benchmarks.md).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class FifoGate:
    """Admits at most `limit` holders at once, strictly in order of arrival.

    A freed place goes straight to the longest waiter, so a newcomer can never overtake
    someone who is waiting (asyncio.Semaphore in Python 3.10 lets a newcomer take a place
    that was freed for a waiter which has not run yet). A waiter that is cancelled (a timeout)
    leaves the queue; if its place had already been handed over, the place passes on.
    `limit` 0 admits everyone at once (no gate).
    """

    def __init__(self, limit: int) -> None:
        if limit < 0:
            raise ValueError(f"limit must be 0 (no gate) or more, not {limit}")
        self.limit = limit
        self.inside = 0
        self._waiters: deque[asyncio.Future[None]] = deque()

    @property
    def waiting(self) -> int:
        """How many wait at the door."""
        return sum(1 for waiter in self._waiters if not waiter.done())

    async def acquire(self) -> None:
        """Waits for a place, in order of arrival."""
        if not self.limit or (self.inside < self.limit and not self._waiters):
            self.inside += 1
            return
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                # The place was handed over just as the wait was cancelled: pass it on.
                self.release()
            else:
                with contextlib.suppress(ValueError):  # release() may have dropped it already
                    self._waiters.remove(waiter)
            raise
        # The place was counted for us in release().

    def release(self) -> None:
        """Frees a place: hands it to the longest waiter, if any (with no gate there are none)."""
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)  # the place stays taken, now by this waiter
                return
        self.inside -= 1

    @asynccontextmanager
    async def place(self) -> AsyncIterator[None]:
        """`async with gate.place():` holds a place for the block."""
        await self.acquire()
        try:
            yield
        finally:
            self.release()
