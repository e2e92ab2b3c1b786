"""Fixed seeds: training the NLU twice gives the same predictions.

`python -m bench.determinism` trains the NLU part twice from scratch (no cache) into temporary
folders and compares the intent and confidence of every training example and of a few unseen
sentences. Prints the number of differing predictions (expected: 0).
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
UNSEEN = [
    "mijn vriendin en ik hebben steeds ruzie", "hij pakt mijn telefoon af", "wat kost dat?",
    "ik weet het echt niet", "kan ik iemand spreken", "we gaan uit elkaar", "doei", "terug",
    "ik wil niet meer", "online lijkt me fijn", "een 5", "geen idee", "parkeren bij het stadhuis",
]


def examples() -> list[str]:
    texts = []
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for block in yaml.safe_load(path.read_text())["nlu"]:
            for line in block.get("examples", "").splitlines():
                if line.strip().startswith("- "):
                    texts.append(line.strip()[2:])
    return texts + UNSEEN


def train(out: Path) -> Path:
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "PYTHONPATH": str(ROOT)}
    subprocess.run(
        [sys.executable, "-m", "rasa", "train", "nlu", "--config", str(ROOT / "config.yml"),
         "--nlu", str(ROOT / "data" / "nlu"), "--domain", str(ROOT / "domain.yml"),
         "--out", str(out), "--fixed-model-name", "m"],
        cwd=out, env=env, check=True,
    )
    return out / "m.tar.gz"


async def predictions(model: Path, texts: list[str]) -> list[tuple[str, float]]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    result = []
    for text in texts:
        parsed = await agent.parse_message(text)
        result.append((parsed["intent"]["name"], round(parsed["intent"]["confidence"], 4)))
    return result


def main() -> int:
    sys.path.insert(0, str(ROOT))
    texts = examples()
    with tempfile.TemporaryDirectory() as first, tempfile.TemporaryDirectory() as second:
        # Separate working directories: no shared training cache between the two runs.
        a = asyncio.run(predictions(train(Path(first)), texts))
        b = asyncio.run(predictions(train(Path(second)), texts))
    differing = [(t, x, y) for t, x, y in zip(texts, a, b, strict=True) if x != y]
    print(f"{len(texts)} sentences, {len(differing)} differing predictions")
    for text, x, y in differing[:10]:
        print(f"  {text!r}: {x} vs {y}")
    return 0 if not differing else 1


if __name__ == "__main__":
    sys.exit(main())
