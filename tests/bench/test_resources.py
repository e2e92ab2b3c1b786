"""bench/resources.py: CPU seconds of a process, finer than the clock tick of /proc/<pid>/stat."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.resources import cpu_seconds


def _busy(seconds: float) -> None:
    from time import process_time

    start = process_time()
    while process_time() - start < seconds:
        pass


def _stat_ticks_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(v) for v in fields[11:13]) / os.sysconf("SC_CLK_TCK")


def test_a_few_milliseconds_of_work_are_counted():
    # Less than one clock tick (10 ms): /proc/<pid>/stat alone would often show nothing.
    before = cpu_seconds(os.getpid())
    _busy(0.003)
    used = cpu_seconds(os.getpid()) - before
    assert 0.003 <= used < 0.008  # (whole ticks would give 0 or 0.01)


def test_another_process_is_measured_and_agrees_with_its_ticks():
    child = subprocess.Popen([sys.executable, "-c", "import sys\nsum(range(3_000_000))\nsys.stdin.read()"],
                             stdin=subprocess.PIPE)
    try:
        for _ in range(200):  # until the sum is done (its CPU time stops growing)
            first = cpu_seconds(child.pid)
            _busy(0.02)
            if cpu_seconds(child.pid) == first:
                break
        measured, ticks = cpu_seconds(child.pid), _stat_ticks_seconds(child.pid)
        assert measured > 0.02
        assert abs(measured - ticks) <= 0.03  # the same time, ticks rounding it down
    finally:
        child.communicate(b"")


def test_a_gone_process_raises():
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    with pytest.raises(OSError):
        cpu_seconds(child.pid)
