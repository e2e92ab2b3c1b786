"""Where the time goes: py-spy samples of the Rasa server and the action server under load.

`py-spy record --format raw` writes collapsed stacks ("frame;frame;... count"). This module runs
py-spy next to a load level, then sums the samples per area (TensorFlow, spaCy, the action server
round trip, JSON, tracker handling, ...) and lists the functions with the most samples. Only
CPU samples are taken (no --idle): an idle event loop is waiting, not working.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY_SPY = Path(sys.executable).parent / "py-spy"
RATE = 100  # samples per second

# First match wins: (area, pattern on the frame's file as py-spy shows it, relative to its
# sys.path entry: "rasa/core/actions/action.py", "actions/extract.py", "jsonschema/validators.py").
AREAS: tuple[tuple[str, str], ...] = (
    ("action response validation (jsonschema)", r"^jsonschema/"),
    ("TensorFlow / Keras (DIET, ResponseSelector)", r"^(tensorflow|keras|tf_keras)/"),
    ("Dutch NLP (spaCy, DutchSpacyNLP)", r"^(spacy|thinc|srsly|spacy_lookups_data)/|^components/dutch"),
    ("danger guard / signals", r"^components/danger|^signals/"),
    ("featurizers (count vectors, sklearn, scipy)", r"featurizers/|^(sklearn|scipy|numpy)/"),
    ("other NLU graph (rasa.nlu, rasa.engine)", r"^rasa/(nlu|engine)/"),
    ("policies (rules, memoization)", r"^rasa/core/(policies|featurizers)/"),
    ("action server call (serialise, HTTP)",
     r"^rasa/core/actions/action\.py|^aiohttp/|^rasa/utils/endpoints\.py"),
    ("forms and slot mappings", r"^rasa/core/actions/"),
    ("tracker store (serialise, Redis)", r"tracker_store\.py|^redis/|^stores/"),
    ("lock store", r"^rasa/core/lock"),
    ("trackers and events (rasa.shared.core)", r"^rasa/shared/"),
    ("statistics (stats)", r"^stats/|^sqlalchemy/|^psycopg2"),
    ("actions (routes, rasa_sdk)", r"^actions/|^routes/|^rasa_sdk/"),
    ("JSON", r"^json/|ujson|orjson"),
    ("HTTP server (Sanic)", r"^(sanic|httptools|uvloop)/"),
    ("channel (channels/)", r"^channels/"),
    ("Rasa core processing", r"^rasa/"),
)
# The event loop waiting inside uvloop (native code) shows up as this Python frame: idle, not work.
IDLE_FRAMES = {("serve", "sanic/server/runners.py")}
_FRAME = re.compile(r"^(?P<func>.*?) \((?P<file>[^:()]*):?(?P<line>\d*)\)$")


@dataclass
class Profile:
    """Summed samples of one process (tree)."""

    name: str
    samples: int
    seconds: float
    areas: Counter
    self_functions: Counter
    inclusive_functions: Counter



def start(pid: int, seconds: float, out: Path) -> subprocess.Popen:
    """Starts py-spy on `pid` (and its Sanic workers) for `seconds`."""
    out.parent.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen(
        [str(PY_SPY), "record", "--pid", str(pid), "--subprocesses", "--format", "raw",
         "--rate", str(RATE), "--duration", str(int(seconds)), "--output", str(out), "--nonblocking"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )


def _frame_parts(frame: str) -> tuple[str, str]:
    match = _FRAME.match(frame.strip())
    if not match:
        return frame.strip(), ""
    return match["func"], match["file"]


def _area(frames: list[tuple[str, str]]) -> str:
    # The innermost frame that belongs to a known area decides (what was running).
    for _func, file in reversed(frames):
        for area, pattern in AREAS:
            if re.search(pattern, file):
                return area
    return "other (interpreter, asyncio, logging, ...)"


def summarise(name: str, path: Path, seconds: float) -> Profile:
    """Reads a py-spy raw file."""
    areas: Counter = Counter()
    own: Counter = Counter()
    inclusive: Counter = Counter()
    total = 0
    for line in path.read_text(errors="replace").splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = [_frame_parts(f) for f in stack.split(";")[1:]]  # first item: process/thread
        if not frames or frames[-1] in IDLE_FRAMES:
            continue
        total += count
        areas[_area(frames)] += count
        func, file = frames[-1]
        own[f"{func} ({_short(file)})"] += count
        for label in {f"{f} ({_short(fl)})" for f, fl in frames}:
            inclusive[label] += count
    return Profile(name, total, seconds, areas, own, inclusive)


def _short(file: str) -> str:
    marker = "site-packages/"
    if marker in file:
        return file.split(marker, 1)[1]
    try:
        return str(Path(file).resolve().relative_to(ROOT))
    except ValueError:
        return file


def report(profile: Profile, top: int = 12) -> str:
    """A Markdown summary: areas by share of the samples, then the hottest functions."""
    if not profile.samples:
        return f"**{profile.name}**: no samples (py-spy could not attach?)\n"
    lines = [
        f"**{profile.name}**: {profile.samples} samples of work in {profile.seconds:.0f} s",
        "",
        "| area | share of CPU samples |",
        "|---|---|",
    ]
    for area, count in profile.areas.most_common():
        lines.append(f"| {area} | {100 * count / profile.samples:.1f}% |")
    lines += ["", "Hottest functions (self time):", ""]
    for label, count in profile.self_functions.most_common(top):
        lines.append(f"- {100 * count / profile.samples:.1f}% {label}")
    return "\n".join(lines) + "\n"
