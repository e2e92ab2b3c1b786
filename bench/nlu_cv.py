"""NLU quality: 5-fold cross-validation of the intent classifier (`rasa test nlu --cross-validation`).

Prints the intent macro-F1 (goal ≥ 0.90) and the recall of the danger intents (goal 1.00) of the
full pipeline; the DangerSignalGuard's effect is in the report because the guard is part of it.

Rasa's report (`macro_f1`) does *not* count `nlu_fallback` as an error: `rasa test` undoes a
fallback prediction and scores the classifier's best guess behind it, so a low-confidence guess
is a miss for the true intent *and* a false alarm for the guessed one. The `strict_*` figures
score what the assistant does: a prediction whose confidence is below the FallbackClassifier
threshold becomes `nlu_fallback` (a clarifying question), a miss for the true intent and no
intent's false alarm. (The ambiguity rule, two intents within `ambiguity_threshold`, cannot be
replayed from Rasa's output and is left out.) `fallback_share` is how often that happens.
"""

from __future__ import annotations

import json
import os
import re
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
        "--successes",
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
    figures.update(strict_figures())
    return figures


def fallback_threshold() -> float:
    """The FallbackClassifier threshold in config.yml."""
    text = (ROOT / "config.yml").read_text()
    match = re.search(r"name: FallbackClassifier\s+threshold: ([0-9.]+)", text)
    return float(match.group(1)) if match else 0.0


def strict_figures() -> dict[str, float]:
    """Macro/weighted F1 when a below-threshold prediction counts as `nlu_fallback` (a miss)."""
    from sklearn.metrics import f1_score

    threshold = fallback_threshold()
    rows = []
    for name in ("intent_successes.json", "intent_errors.json"):
        path = OUT / name
        if path.exists():
            rows += json.loads(path.read_text())
    truth = [row["intent"] for row in rows]
    predicted = [
        row["intent_prediction"]["name"]
        if (row["intent_prediction"]["confidence"] or 0.0) >= threshold
        else "nlu_fallback"
        for row in rows
    ]
    labels = sorted(set(truth))
    return {
        "strict_macro_f1": f1_score(truth, predicted, labels=labels, average="macro"),
        "strict_weighted_f1": f1_score(truth, predicted, labels=labels, average="weighted"),
        "fallback_share": predicted.count("nlu_fallback") / max(len(predicted), 1),
    }


def main() -> int:
    """Prints the figures as a Markdown table row set."""
    figures = run()
    print("\nNLU cross-validation (5 folds):")
    for key, value in figures.items():
        print(f"  {key}: {value:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
