"""Shared helpers for the signals tests.

No ``__init__.py`` here on purpose: with one, pytest would import this folder as a package
named ``signals`` and hide the real ``signals`` package.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # pytest does not put the repository root on sys.path
    sys.path.insert(0, str(REPO))

NLU_DIR = REPO / "data" / "nlu"


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
