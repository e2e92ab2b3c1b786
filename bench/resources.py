"""Machine facts, memory (RSS from /proc) and cold start of a server process.

psutil is not a dependency of the project, so everything is read from /proc (Linux only, which
is where the assistant runs).
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import subprocess
import time
import urllib.error
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def children(pid: int) -> list[int]:
    """Direct and indirect child processes of `pid` (from /proc/<pid>/stat)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _status_kb(pid: int, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_mb(pid: int) -> float:
    """Current resident memory of a process and its children, MB."""
    return sum(_status_kb(p, "VmRSS") for p in [pid, *children(pid)]) / 1024


def tree_peak_rss_mb(pid: int) -> float:
    """Peak resident memory (VmHWM) of a process and its children, MB (summed per process)."""
    return sum(_status_kb(p, "VmHWM") for p in [pid, *children(pid)]) / 1024


def max_peak_rss_mb(pid: int) -> float:
    """The largest peak of a single process in the tree (one Sanic worker), MB."""
    return max(_status_kb(p, "VmHWM") for p in [pid, *children(pid)]) / 1024


def process_cpu_clock(pid: int) -> int:
    """The id of Linux's CPU-time clock of process `pid` (the kernel's
    `MAKE_PROCESS_CPUCLOCK(pid, CPUCLOCK_SCHED)`), for `time.clock_gettime`."""
    return ((~pid) << 3) | 2


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process (and its waited-for children).

    The process's own time comes from its CPU-time clock, to the nanosecond: /proc/<pid>/stat
    counts whole clock ticks (10 ms), which a few cheap messages do not reach. Where that clock
    cannot be read, the ticks are used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    children = sum(int(v) for v in fields[13:15]) / ticks
    try:
        own = time.clock_gettime(process_cpu_clock(pid))
    except OSError:
        own = sum(int(v) for v in fields[11:13]) / ticks
    return own + children


def tree_cpu_seconds(pid: int) -> float:
    """CPU seconds of a process and its live children (Sanic workers, nginx workers)."""
    total = 0.0
    for process in [pid, *children(pid)]:
        with contextlib.suppress(OSError):
            total += cpu_seconds(process)
    return total


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def machine() -> dict[str, str]:
    """CPU, cores, memory, OS, Python, Rasa version, git commit (read only) and time."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory_kb = _meminfo("MemTotal")
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
            check=False,
        ).stdout.strip()
    except OSError:
        commit = ""
    from importlib.metadata import version

    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory": f"{memory_kb / 1024 / 1024:.0f} GB",
        "os": platform.platform(),
        "python": platform.python_version(),
        "rasa": version("rasa"),
        "rasa_sdk": version("rasa-sdk"),
        "commit": commit or "unknown",
    }


def _meminfo(key: str) -> int:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0


def first_answer(
    url: str, payload: dict, process: subprocess.Popen, timeout: float, since: float | None = None
) -> float:
    """Seconds from `since` (default: now) until `url` answers `payload` with HTTP 200."""
    started = time.monotonic() if since is None else since
    data = json.dumps(payload).encode()
    while time.monotonic() - started < timeout:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with code {process.returncode} while starting")
        request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                if response.status == 200:
                    return time.monotonic() - started
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.1)
    raise TimeoutError(f"no answer from {url} within {timeout:.0f} s")


def model_size_mb(path: Path) -> float:
    return path.stat().st_size / 1024 / 1024
