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

The UnknownWordsGuard (components/unknown_words.py) also turns messages into `nlu_fallback`, and
`rasa test` undoes that as well. The strict figures replay it, approximately: a held-out example
counts as "unknown words" when none of its words occurs in any *other* example nor is a typo or
two away from one (leave-one-out; in 5 folds a few more words are unseen, so this is slightly
optimistic). `unknown_words_share` is how often that happens.
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
    unknown = unknown_words_flags([row["text"] for row in rows])
    guarded = [
        "nlu_fallback" if flagged and name not in DANGER_INTENTS else name
        for name, flagged in zip(predicted, unknown, strict=True)
    ]
    labels = sorted(set(truth))
    return {
        "strict_macro_f1": f1_score(truth, guarded, labels=labels, average="macro"),
        "strict_weighted_f1": f1_score(truth, guarded, labels=labels, average="weighted"),
        "fallback_share": predicted.count("nlu_fallback") / max(len(predicted), 1),
        "unknown_words_share": sum(unknown) / max(len(unknown), 1),
    }


def unknown_words_flags(texts: list[str]) -> list[bool]:
    """Per text: would the UnknownWordsGuard, trained on all the *other* texts, flag it?

    Words by a plain letters-only split (no lemmas), which flags a little more than the guard.
    """
    from collections import Counter

    from components.unknown_words import KnownWords, word_forms

    words = [word_forms(re.findall(r"[^\W\d_]+", text)) for text in texts]
    frequency = Counter(w for ws in words for w in ws)
    vocabulary = set(frequency)
    flags = []
    for ws in words:
        own = {w for w in ws if frequency[w] == 1}
        if not ws or len(own) < len(ws):
            flags.append(False)  # no words at all, or a word that other examples have
            continue
        known = KnownWords(vocabulary - own, index=False)  # one per text: no index to build
        flags.append(not any(known.recognises(w) for w in ws))
    return flags


def main() -> int:
    """Prints the figures as a Markdown table row set."""
    figures = run()
    print("\nNLU cross-validation (5 folds):")
    for key, value in figures.items():
        print(f"  {key}: {value:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
