"""NLU quality: 5-fold cross-validation of the intent classifier (`rasa test nlu --cross-validation`).

Prints the intent macro-F1 (goal ≥ 0.90) and the recall of the danger intents (goal 1.00), both
for DIET alone (Rasa's report) and for the full pipeline including the DangerSignalGuard, whose
effect the report already contains because the guard is part of the pipeline.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "results" / "nlu_cv"
DANGER_INTENTS = ("danger_acute", "danger_violence", "danger_children", "danger_self_harm")


def run(folds: int = 5) -> dict[str, float]:
    """Runs the cross-validation and returns the headline figures."""
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    started = time.monotonic()
    command = [
        sys.executable, "-m", "rasa", "test", "nlu",
        "--nlu", "data/nlu",
        "--config", "config.yml",
        "--cross-validation", "--folds", str(folds),
        "--out", str(OUT),
    ]
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    report = json.loads((OUT / "intent_report.json").read_text())
    figures = {
        "macro_f1": report["macro avg"]["f1-score"],
        "weighted_f1": report["weighted avg"]["f1-score"],
        "seconds": time.monotonic() - started,
    }
    for intent in DANGER_INTENTS:
        figures[f"recall_{intent}"] = report.get(intent, {}).get("recall", float("nan"))
    return figures


def main() -> int:
    """Prints the figures as a Markdown table row set."""
    figures = run()
    print("\nNLU cross-validation (5 folds):")
    for key, value in figures.items():
        print(f"  {key}: {value:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
