"""The stock assistant for comparison: what `rasa init --no-prompt` creates (the "moodbot").

Created and trained in a folder of its own (default `var/bench/stock/`, reused by later runs
when its model is there; `--fresh-stock` starts again), served by `rasa run` with Rasa's REST
channel (`POST /webhooks/rest/webhook`), and driven with its own dialogue: a greeting, a mood,
and for a sad mood the answer to "Did that help you?".
"""

from __future__ import annotations

import asyncio
import os
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT / "var" / "bench" / "stock"
HOST = "127.0.0.1"
MODEL_NAME = "stock"

GREETINGS = ("hello", "hi", "hey there", "good morning", "hey")
GOOD_MOODS = ("I am great", "perfect", "very good", "I am feeling very good", "amazing")
BAD_MOODS = ("I am sad", "not good", "very bad", "I am disappointed", "sad")
YES_NO = ("yes", "no", "of course", "never", "indeed")


def _env() -> dict[str, str]:
    return {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "PYTHONUNBUFFERED": "1"}


@dataclass
class StockAssistant:
    """The `rasa init` assistant in `folder`."""

    folder: Path = DEFAULT_DIR
    train_seconds: float | None = None
    process: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def model(self) -> Path:
        return self.folder / "models" / f"{MODEL_NAME}.tar.gz"

    def create(self, fresh: bool = False) -> None:
        """`rasa init --no-prompt --init-dir <folder>` (it trains once itself), then a timed
        `rasa train --force` into models/stock.tar.gz. Skipped when the model is there."""
        if fresh and self.folder.exists():
            shutil.rmtree(self.folder)
        if self.model.exists():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "rasa", "init", "--no-prompt", "--init-dir", str(self.folder)],
            cwd=self.folder, env=_env(), check=True, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        started = time.monotonic()
        subprocess.run(
            [sys.executable, "-m", "rasa", "train", "--force", "--fixed-model-name", MODEL_NAME,
             "--out", "models"],
            cwd=self.folder, env=_env(), check=True, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.train_seconds = time.monotonic() - started
        (self.folder / "train_seconds.txt").write_text(f"{self.train_seconds:.1f}\n")

    def recorded_train_seconds(self) -> float | None:
        """Training time of this model (measured when it was trained)."""
        if self.train_seconds is not None:
            return self.train_seconds
        path = self.folder / "train_seconds.txt"
        return float(path.read_text()) if path.exists() else None

    def command(self, port: int) -> list[str]:
        return [
            sys.executable, "-m", "rasa", "run", "--model", str(self.model),
            "--interface", HOST, "--port", str(port),
            "--credentials", str(self.folder / "credentials.yml"),
            "--endpoints", str(self.folder / "endpoints.yml"),
        ]

    def spawn(self, port: int, log: Path) -> subprocess.Popen:
        log.parent.mkdir(parents=True, exist_ok=True)
        with open(log, "w") as handle:
            self.process = subprocess.Popen(
                self.command(port), cwd=self.folder, env=_env(), stdout=handle,
                stderr=subprocess.STDOUT, start_new_session=True,
            )
        return self.process


def webhook_url(port: int) -> str:
    return f"http://{HOST}:{port}/webhooks/rest/webhook"


def stock_runner(
    url: str, seed: int, prefix: str = "stock", think: tuple[float, float] | None = None,
    spread: float = 0.0,
):
    """A `run` callable for bench.latency.run_level: the moodbot's own dialogue."""
    rng = random.Random(seed)

    async def run(session: Any, index: int, record: Callable[[float], None]) -> str | None:
        if spread:
            await asyncio.sleep(random.Random(f"{seed}-{index}").uniform(0, spread))
        sender = f"{prefix}{index:05d}{rng.randrange(16**8):08x}"
        sad = index % 2 == 1
        texts = [rng.choice(GREETINGS), rng.choice(BAD_MOODS if sad else GOOD_MOODS)]
        if sad:
            texts.append(rng.choice(YES_NO))
        pause = random.Random(sender)
        for number, text in enumerate(texts):
            if think is not None and number:
                await asyncio.sleep(pause.uniform(*think))
            started = time.perf_counter()
            async with session.post(url, json={"sender": sender, "message": text}) as response:
                body = await response.json(content_type=None)
                status = response.status
            record(time.perf_counter() - started)
            if status != 200 or not isinstance(body, list) or not body:
                return f"HTTP {status} / empty reply for message {number + 1}"
        return None

    return run
