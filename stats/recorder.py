"""The recorder: non-blocking statistics updates, written by a background thread.

``update`` only validates and merges into an in-memory buffer (one pending record per
conversation); it never touches the database and never raises. A daemon thread writes the
buffer in batches, each batch in one transaction. While the database is down or slow the
conversation goes on: records stay in the buffer and the thread retries with exponential
backoff. The buffer is bounded; an update for a *new* conversation that finds it full is
dropped, counted and logged (updates for conversations already pending are merged, so they
never need room).
"""

from __future__ import annotations

import atexit
import itertools
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

from stats import db
from stats.fields import clean_update, now_local_hour, valid_key
from stats.store import Record, merge, new_record, write

logger = logging.getLogger(__name__)

#: Errors that mean "the database is not reachable now": keep the records and retry.
#: Any other error means the database refused the data: the record is dropped, not retried.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, DisconnectionError, PoolTimeoutError, OSError)
_LOG_INTERVAL = 60.0  # seconds between repeated warnings about drops or an outage


@dataclass
class _Pending:
    record: Record
    version: int = 1


class Recorder:
    """Buffers conversation updates and writes them in the background.

    Args:
        url: database URL; default :func:`stats.config.database_url` (read when first needed).
        engine: an engine to use instead of ``url`` (not disposed by :meth:`close`).
        max_pending: most conversations waiting to be written.
        batch_size: most records written in one transaction.
        retry_initial, retry_max: backoff bounds in seconds while the database is down.
        auto_upgrade: run the migrations before the first write.
        statement_timeout_ms: PostgreSQL statement timeout of the writer: a slow database
            counts as down (retry later) instead of holding the writer.
        linger: seconds the writer waits after new work before it writes, so that the updates
            of many messages share one transaction (a flush or close does not wait). Without it,
            every message cost the action server a transaction of its own: three quarters of
            its CPU time under load (py-spy, docs/benchmarks.md).
        clock: current Dutch local hour (tests replace it).
    """

    def __init__(
        self,
        url: str | None = None,
        *,
        engine: Engine | None = None,
        max_pending: int = 10_000,
        batch_size: int = 500,
        retry_initial: float = 0.5,
        retry_max: float = 30.0,
        auto_upgrade: bool = True,
        statement_timeout_ms: int = 10_000,
        linger: float = 0.25,
        clock: Callable[[], datetime] = now_local_hour,
    ) -> None:
        self.pid = os.getpid()
        self._url = url
        self._engine = engine
        self._owns_engine = engine is None
        self._max_pending = max_pending
        self._batch_size = batch_size
        self._retry_initial = retry_initial
        self._retry_max = retry_max
        self._auto_upgrade = auto_upgrade
        self._statement_timeout_ms = statement_timeout_ms
        self._linger = max(0.0, linger)
        self._clock = clock
        self._schema_ready = False

        self._lock = threading.Lock()
        self._written_cond = threading.Condition(self._lock)
        self._pending: dict[str, _Pending] = {}
        self._wakeup = threading.Event()  # new work
        self._kick = threading.Event()  # stop waiting for the backoff (flush, close)
        self._closing = threading.Event()
        self._thread: threading.Thread | None = None

        self._written = self._dropped = self._retries = self._rejected = 0
        self._last_drop_log = self._last_outage_log = -_LOG_INTERVAL
        self._outage = False

    # -- the API used by the action server -------------------------------------------------

    def update(self, key: str, **fields: Any) -> None:
        """Merge ``fields`` into the conversation ``key``. Non-blocking; never raises."""
        try:
            self._update(key, fields)
        except Exception as exc:  # a statistics bug must never break a conversation
            logger.warning("statistics: update ignored after an internal error (%s)", type(exc).__name__)

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until everything buffered is written; ``False`` when ``timeout`` ran out."""
        try:
            deadline = time.monotonic() + max(timeout, 0.0)
            with self._lock:
                if not self._pending:
                    return True
            self._start_writer()
            self._kick.set()
            self._wakeup.set()
            with self._written_cond:
                while self._pending:
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        return False
                    self._written_cond.wait(remaining)
                return True
        except Exception as exc:
            logger.warning("statistics: flush failed (%s)", type(exc).__name__)
            return False

    def stats(self) -> dict[str, int]:
        """Counters: ``buffered`` (conversations waiting), ``written`` (records written),
        ``dropped`` (updates lost: buffer full or refused by the database), ``retries``
        (failed write attempts) and ``rejected`` (invalid fields or keys ignored)."""
        with self._lock:
            return {
                "buffered": len(self._pending),
                "written": self._written,
                "dropped": self._dropped,
                "retries": self._retries,
                "rejected": self._rejected,
            }

    def close(self, timeout: float = 5.0) -> bool:
        """Flush (up to ``timeout``), stop the writer and release the engine."""
        flushed = self.flush(timeout)
        self._closing.set()
        self._kick.set()
        self._wakeup.set()
        thread = self._thread
        if thread is not None:
            thread.join(timeout=max(timeout, 1.0))
        left = self.stats()["buffered"]
        if left:
            logger.warning("statistics: %d conversations not written at shutdown", left)
        if self._owns_engine and self._engine is not None:
            self._engine.dispose()
            self._engine = None
        return flushed

    # -- buffer ------------------------------------------------------------------------------

    def _update(self, key: str, fields: dict[str, Any]) -> None:
        if not valid_key(key):
            logger.warning("statistics: update with an invalid conversation key ignored")
            with self._lock:
                self._rejected += 1
            return
        clean, rejected = clean_update(fields)
        record = new_record(clean, self._clock())
        dropped = False
        warning: tuple[int, int] | None = None
        with self._lock:
            self._rejected += rejected
            pending = self._pending.get(key)
            if pending is not None:
                pending.record = merge(pending.record, record)
                pending.version += 1
            elif len(self._pending) < self._max_pending:
                self._pending[key] = _Pending(record)
            else:
                dropped = True
                self._dropped += 1
                if time.monotonic() - self._last_drop_log >= _LOG_INTERVAL:
                    self._last_drop_log = time.monotonic()
                    warning = (len(self._pending), self._dropped)
        if warning is not None:
            logger.warning(
                "statistics: buffer full (%d conversations waiting); %d updates dropped so far",
                *warning,
            )
        if dropped:
            return
        self._start_writer()
        self._wakeup.set()

    def _start_writer(self) -> None:
        if self._thread is not None or self._closing.is_set():
            return
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="stats-writer", daemon=True)
                self._thread.start()

    def _take_batch(self) -> list[tuple[str, int, Record]]:
        with self._lock:
            items = itertools.islice(self._pending.items(), self._batch_size)
            return [(key, pending.version, dict(pending.record)) for key, pending in items]

    def _done(self, batch: list[tuple[str, int, Record]], dropped: int = 0) -> None:
        with self._written_cond:
            for key, version, _ in batch:
                pending = self._pending.get(key)
                # Updated while being written: keep it; the merged record is written again
                # (the merge rules are idempotent, so that is harmless).
                if pending is not None and pending.version == version:
                    del self._pending[key]
            self._written += len(batch) - dropped
            self._dropped += dropped
            self._written_cond.notify_all()

    # -- writer thread -----------------------------------------------------------------------

    def _run(self) -> None:
        delay = self._retry_initial
        while True:
            batch = self._take_batch()
            if not batch:
                if self._closing.is_set():
                    return
                self._wakeup.wait()
                self._wakeup.clear()
                self._gather()
                continue
            try:
                self._write(batch)
            except TRANSIENT_ERRORS as exc:
                self._on_outage(exc)
                if self._closing.is_set():
                    return
                self._kick.wait(delay)
                self._kick.clear()
                delay = min(delay * 2, self._retry_max)
            except Exception as exc:
                # A batch the database refuses must not block everything behind it.
                self._write_one_by_one(batch, exc)
            else:
                self._on_written(batch)
                delay = self._retry_initial
                self._gather()

    def _gather(self) -> None:
        """Lets updates collect for one transaction; a flush or close ends the wait at once."""
        if self._linger and not self._closing.is_set() and self._kick.wait(self._linger):
            self._kick.clear()

    def _engine_ready(self) -> Engine:
        if self._engine is None:
            self._engine = db.make_engine(self._url, statement_timeout_ms=self._statement_timeout_ms)
        if not self._schema_ready:
            if self._auto_upgrade:
                db.upgrade(self._engine)
            self._schema_ready = True
        return self._engine

    def _write(self, batch: list[tuple[str, int, Record]]) -> None:
        engine = self._engine_ready()
        with db.transaction(engine, write=True) as session:
            write(session, [dict(record, key=key) for key, _, record in batch])

    def _write_one_by_one(self, batch: list[tuple[str, int, Record]], exc: Exception) -> None:
        logger.warning("statistics: batch refused (%s); writing records one by one", type(exc).__name__)
        refused = 0
        for item in batch:
            try:
                self._write([item])
            except TRANSIENT_ERRORS:
                return  # the outage is handled by the main loop on the next round
            except Exception as single:
                refused += 1
                logger.warning(
                    "statistics: record refused by the database, dropped (%s)", type(single).__name__
                )
        self._done(batch, dropped=refused)

    def _on_outage(self, exc: Exception) -> None:
        with self._lock:
            self._retries += 1
            waiting = len(self._pending)
            log_now = time.monotonic() - self._last_outage_log >= _LOG_INTERVAL
            if log_now:
                self._last_outage_log = time.monotonic()
            self._outage = True
        if log_now:
            logger.warning(
                "statistics: database not reachable (%s); %d conversations waiting, retrying",
                type(exc).__name__,
                waiting,
            )

    def _on_written(self, batch: list[tuple[str, int, Record]]) -> None:
        recovered = self._outage
        self._outage = False
        self._done(batch)
        if recovered:
            logger.info("statistics: database reachable again; writing the waiting updates")


_singleton: Recorder | None = None
_singleton_lock = threading.Lock()


def get_recorder() -> Recorder:
    """The process-wide recorder, created on first use (again in a forked child)."""
    global _singleton
    recorder = _singleton
    if recorder is not None and recorder.pid == os.getpid():
        return recorder
    with _singleton_lock:
        if _singleton is None or _singleton.pid != os.getpid():
            _singleton = Recorder()
        return _singleton


@atexit.register
def _close_at_exit() -> None:
    recorder = _singleton
    if recorder is not None and recorder.pid == os.getpid():
        recorder.close(timeout=2.0)
