"""Trains the assistant only when its inputs changed (data/, domain.yml, config.yml, components/).

The hash of the inputs is kept next to the model; `make run` and `make test` call this, so a
fresh clone trains once and later runs reuse the model.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODEL_DIR = ROOT / "models"
MODEL = MODEL_DIR / "relatieroute.tar.gz"
STAMP = MODEL_DIR / "relatieroute.inputs.sha256"
INPUTS = ("data", "domain.yml", "config.yml", "components")


def inputs_hash() -> str:
    """A hash over every training input file (names and contents)."""
    digest = hashlib.sha256()
    for name in INPUTS:
        path = ROOT / name
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if "__pycache__" in file.parts:
                continue
            digest.update(str(file.relative_to(ROOT)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()


def main() -> int:
    """Trains if needed; prints what it did."""
    current = inputs_hash()
    if MODEL.exists() and STAMP.exists() and STAMP.read_text().strip() == current:
        print(f"Model is up to date: {MODEL.relative_to(ROOT)}")
        return 0
    print("Training the assistant (data, domain or config changed) ...", flush=True)
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    command = [
        sys.executable, "-m", "rasa", "train",
        "--fixed-model-name", MODEL.stem.replace(".tar", ""),
        "--out", str(MODEL_DIR),
    ]
    result = subprocess.run(command, cwd=ROOT, env=env)
    if result.returncode != 0:
        return result.returncode
    STAMP.write_text(current + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
