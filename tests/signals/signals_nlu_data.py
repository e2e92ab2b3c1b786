"""The NLU training examples of data/nlu, for tests that check them against the lexicon."""

from __future__ import annotations

from pathlib import Path

import yaml

NLU_DIR = Path(__file__).resolve().parents[2] / "data" / "nlu"


def nlu_examples() -> dict[str, list[str]]:
    """Intent (incl. faq/<name>) → training examples, from every file in data/nlu."""
    examples: dict[str, list[str]] = {}
    for path in sorted(NLU_DIR.glob("*.yml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for block in document.get("nlu", []):
            lines = block["examples"].splitlines()
            texts = [line.strip()[2:].strip() for line in lines if line.strip().startswith("- ")]
            examples.setdefault(block["intent"], []).extend(texts)
    return examples
